"""The one executor of independent model runs: sweeps, global sensitivity and coalition games.

``run_tasks`` runs ``function(*args)`` for every task, in this process (one worker), in local
worker processes, or on a Dask cluster (a ``distributed.Client``), and hands each result to
``on_result`` in the parent as it arrives, so that callers can store it at once (a killed run
keeps what finished). What it takes care of, so that no caller does:

- at most ``2 x workers`` tasks in flight (results stream; memory stays flat on big sweeps), and
  never more worker processes than tasks;
- one BLAS thread per worker process, since the workers already fill the cores;
- a worker that dies (killed, out of memory) breaks the pool: a new pool reruns the tasks that
  were in flight, up to ``MAX_POOL_RESTARTS`` times in a row (without a task finishing between);
  Dask reruns a lost worker's tasks itself;
- interruption: workers ignore SIGINT (the terminal sends it to the whole process group) and the
  parent, on KeyboardInterrupt (Ctrl-C, or SIGTERM turned into it by :func:`handle_termination`),
  terminates its workers before it re-raises, so none outlives the command.

Written here rather than taken from a library because ``concurrent.futures`` provides the pool
but neither the restart of a broken pool nor the termination of running workers.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable

MAX_POOL_RESTARTS = 3


class WorkersKeepDying(RuntimeError):
    """More than ``MAX_POOL_RESTARTS`` pools broke: the tasks themselves kill their workers."""


def default_workers() -> int:
    return os.cpu_count() or 1


def _init_worker(setup: Callable[[], None] | None) -> None:
    """Worker initializer: leave interruption to the parent, one BLAS thread, the caller's setup."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    if setup is not None:
        setup()


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: cancel what has not started and terminate the running workers."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)


def run_tasks(function: Callable, tasks: Iterable[tuple], on_result: Callable[[tuple, Any], None],
              workers: int | None = None, client=None, setup: Callable[[], None] | None = None,
              total: int | None = None) -> None:
    """Run ``function(*task)`` for every task and call ``on_result(task, result)`` in this process.

    Parameters
    ----------
    function : callable
        A module-level function (it is pickled to the workers).
    tasks : iterable of tuple
        The arguments of each call; consumed lazily.
    on_result : callable
        Called with each task and its result as it finishes (in completion order).
    workers : int, optional
        Local worker processes (default: all cores); 1 runs every task in this process.
    client : distributed.Client, optional
        Run on this Dask cluster instead of local processes.
    setup : callable, optional
        Run once in each local worker process after the executor's own set-up.
    total : int, optional
        The number of tasks, when known: no more worker processes than that are started.
    """
    if client is not None:
        _run_dask(client, function, tasks, on_result)
        return
    workers = workers or default_workers()
    if total is not None:
        workers = max(1, min(workers, total))
    if workers == 1:
        for task in tasks:
            on_result(task, function(*task))
        return
    _run_processes(function, iter(tasks), on_result, workers, setup)


def _run_processes(function, tasks, on_result, workers, setup) -> None:
    waiting: list[tuple] = []
    restarts = 0
    while True:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(setup,))
        in_flight: dict = {}
        try:
            while True:
                while len(in_flight) < 2 * workers:
                    task = waiting.pop() if waiting else next(tasks, None)
                    if task is None:
                        break
                    try:
                        in_flight[pool.submit(function, *task)] = task
                    except BrokenProcessPool:
                        waiting.append(task)
                        raise
                if not in_flight:
                    pool.shutdown(wait=True)
                    return
                finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in finished:
                    result = future.result()  # BrokenProcessPool if its worker died: the task stays in flight
                    on_result(in_flight.pop(future), result)
                    restarts = 0  # the budget is for breaks in a row: a long run may lose a worker now and then
        except BrokenProcessPool:
            restarts += 1
            waiting.extend(in_flight.values())
            _terminate(pool)
            if restarts > MAX_POOL_RESTARTS:
                raise WorkersKeepDying(f"worker processes keep dying ({restarts} pools broken); "
                                       "what finished before is kept") from None
        except BaseException:  # KeyboardInterrupt (Ctrl-C, SIGTERM) or an error: no worker outlives it
            _terminate(pool)
            raise


def _run_dask(client, function, tasks, on_result) -> None:
    """Tasks on a Dask cluster, at most two per worker thread in flight; the scheduler reruns the
    tasks of a worker that dies on the others (``retries``)."""
    from dask.distributed import as_completed

    slots = 2 * max(1, sum(client.nthreads().values()))
    tasks = iter(tasks)
    futures, submitted, pending = as_completed(), {}, {}

    def submit() -> bool:
        task = next(tasks, None)
        if task is None:
            return False
        future = client.submit(function, *task, pure=False, retries=MAX_POOL_RESTARTS)
        submitted[future.key], pending[future.key] = task, future
        futures.add(future)
        return True

    for _ in range(slots):
        if not submit():
            break
    try:
        for future in futures:
            pending.pop(future.key)
            on_result(submitted.pop(future.key), future.result())
            submit()
    except BaseException:  # interrupted: the cluster stops computing what nobody will read
        client.cancel(list(pending.values()))
        raise


# ---- termination signals ------------------------------------------------------------------------

_interrupted = False
_signal_received: int | None = None
_redelivery: threading.Timer | None = None  # a swallowed interrupt's signal, about to be sent again


_settled = False  # the command has caught its interruption (or is over): nothing more to raise


def _interrupt(signum, frame) -> None:
    """The first SIGINT or SIGTERM raises KeyboardInterrupt so every ``finally`` cleans up; later
    ones are ignored, so a second Ctrl-C cannot break the clean-up half way."""
    global _interrupted, _signal_received
    if _interrupted or _settled:
        return
    _interrupted, _signal_received = True, signum
    raise KeyboardInterrupt


def _redeliver_swallowed(hook_args) -> None:
    """A KeyboardInterrupt raised while Python ran a finalizer (a weakref callback, ``__del__``;
    numba's run often) is printed and dropped, and the command would go on as if nothing had
    happened: send the signal again, to be raised outside the finalizer."""
    global _interrupted
    if isinstance(hook_args.exc_value, KeyboardInterrupt) and _interrupted and not _settled and _signal_received is not None:
        _interrupted = False
        # from another thread, a moment later: sent from here it would be handled here again
        global _redelivery
        _redelivery = threading.Timer(0.05, os.kill, (os.getpid(), _signal_received))
        _redelivery.daemon = True
        _redelivery.start()
        return
    sys.__unraisablehook__(hook_args)


def handle_termination() -> Callable[[], None]:
    """SIGTERM (kill, systemd, Docker, batch schedulers) behaves as Ctrl-C: exit 4 after clean-up.

    Returns a function that restores the handlers that were there before (for in-process calls).
    """
    global _interrupted, _signal_received, _settled
    if threading.current_thread() is not threading.main_thread():
        return lambda: None  # only the main thread may set signal handlers; Python's defaults stay
    _interrupted, _signal_received, _settled = False, None, False
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    previous_hook = sys.unraisablehook
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    sys.unraisablehook = _redeliver_swallowed

    def restore() -> None:
        """Put back the caller's handlers; a swallowed interrupt still to be sent again is not sent
        (it would reach the caller's handlers)."""
        settle()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        sys.unraisablehook = previous_hook

    return restore


def signal_received() -> bool:
    """Whether SIGINT or SIGTERM arrived during the command (an error that follows may be its
    consequence: an extension module interrupted while importing fails with ImportError)."""
    return _signal_received is not None


def settle() -> None:
    """The command has caught its interruption, or is over: a swallowed interrupt still to be sent
    again is not sent, and later signals raise nothing (an interrupt raised while the command
    exits would escape it as Python's own exit 130)."""
    global _settled
    _settled = True
    if _redelivery is not None:
        _redelivery.cancel()


def ignore_termination() -> None:
    """Ignore further SIGINT and SIGTERM while the command exits (exit 4 stays exit 4)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
