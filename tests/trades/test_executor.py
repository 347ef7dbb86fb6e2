"""The one executor (trades.executor): results of every task whatever the workers do, a dead
worker's tasks rerun, no more processes than tasks, nothing left running after an interruption."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from trades.executor import WorkersKeepDying, run_tasks


def square_and_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def die_once(x: int, flag: str) -> int:
    """The first call for x == 3 kills its worker process (as SIGKILL or the OOM killer would)."""
    if x == 3 and not Path(flag).exists():
        Path(flag).write_text("died")
        os._exit(9)
    return x * x


def always_die(x: int) -> int:
    os._exit(9)


def sleep_long(x: int) -> int:
    time.sleep(120)
    return x


@pytest.mark.parametrize("workers", [1, 2])
def test_every_task_gives_its_result(workers):
    results = {}
    run_tasks(square_and_pid, [(x,) for x in range(20)], lambda task, r: results.__setitem__(task[0], r[0]), workers=workers)
    assert results == {x: x * x for x in range(20)}


def test_no_more_worker_processes_than_tasks():
    """`coalitions --workers 120` started 121 processes for 15 coalitions."""
    pids = set()
    run_tasks(square_and_pid, [(x,) for x in range(2)], lambda task, r: pids.add(r[1]), workers=16, total=2)
    assert 1 <= len(pids) <= 2


def test_a_dead_worker_is_replaced_and_its_task_rerun(tmp_path):
    """`coalitions --workers 2` ended with BrokenProcessPool (exit 1) when one worker was killed."""
    results = {}
    flag = str(tmp_path / "died")
    run_tasks(die_once, [(x, flag) for x in range(8)], lambda task, r: results.__setitem__(task[0], r), workers=2)
    assert Path(flag).exists(), "the worker did not die: the test tested nothing"
    assert results == {x: x * x for x in range(8)}


def test_tasks_that_always_kill_their_worker_end_with_a_clear_error():
    with pytest.raises(WorkersKeepDying, match="keep dying"):
        run_tasks(always_die, [(1,)], lambda task, r: None, workers=2)


def _alive(pid: int) -> bool:
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to see the workers")
def test_an_interruption_terminates_the_running_workers():
    """The workers of `coalitions` and `sweep` were still alive 110 s after the command stopped."""
    import multiprocessing
    import signal
    import threading

    workers = []

    def ctrl_c():
        workers.extend(p.pid for p in multiprocessing.active_children())
        os.kill(os.getpid(), signal.SIGINT)

    timer = threading.Timer(3.0, ctrl_c)
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            run_tasks(sleep_long, [(x,) for x in range(4)], lambda task, r: None, workers=2)
    finally:
        timer.cancel()
    assert len(workers) == 2, "the workers were not running: the test tested nothing"
    deadline = time.time() + 10
    while any(_alive(p) for p in workers) and time.time() < deadline:
        time.sleep(0.1)
    assert not [p for p in workers if _alive(p)]
