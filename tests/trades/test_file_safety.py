"""What the toolkit promises about files (docs/files_and_signals.md): it deletes only what it can
prove it made, writes only regular files or new paths, reads only regular files, never pulls a
file from elsewhere into a report, never mixes two studies' results, and works when the output
folder is on another filesystem. Each test here failed before its fix."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from trades.cli import main
from trades.fileio import STAGING_MARKER, STAGING_PREFIX, Staging, atomic_write, remove_abandoned_staging
from trades.analyses.run import RUN_OUTPUTS

ROOT = Path(__file__).resolve().parents[2]
LEO = ROOT / "studies" / "leo_station_after_iss.yaml"
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _dead_pid() -> int:
    """The id of a process that has ended (a run that was killed)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.fixture(scope="module")
def leo_results(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("leo") / "out"
    assert main(["run", str(LEO), "-o", str(out)]) == 0
    return out


# ---- deleting only what the toolkit made ----------------------------------------------------


def test_a_users_dot_folder_beside_the_output_survives_run(tmp_path, capsys):
    """The old clean-up matched any '.<name>-<number>-*' whose number was not a live process and
    deleted it: here the user's '.results-2024-01-15' and a folder shaped like an old staging one."""
    users = [tmp_path / ".results-2024-01-15", tmp_path / f".results-{_dead_pid()}-abc"]
    for folder in users:
        (folder / "sub").mkdir(parents=True)
        (folder / "sub" / "thesis.txt").write_text("years of work")
    assert main(["run", str(LEO), "-o", str(tmp_path / "results")]) == 0
    for folder in users:
        assert (folder / "sub" / "thesis.txt").read_text() == "years of work"
    assert not list((tmp_path / "results").glob(f"{STAGING_PREFIX}*")), "the run's own staging folder was left behind"


def _abandoned(out: Path, pid: int, host: str | None = None, boot: str | None = None, start: str | None = None) -> Path:
    from trades.fileio import _boot_id, _host, _start_time

    staging = Staging(out, RUN_OUTPUTS)
    token = staging.path.name[len(STAGING_PREFIX):]
    marker = f"{token} {pid} {host or _host()} {boot or _boot_id()} {start or _start_time(pid)}\n"
    (staging.path / STAGING_MARKER).write_text(marker)
    for name in RUN_OUTPUTS:
        (staging.path / name).write_text("partial")
    return staging.path


def test_only_proven_staging_folders_of_dead_runs_are_cleaned(tmp_path):
    dead = _dead_pid()
    proven = _abandoned(tmp_path, dead)
    with_user_file = _abandoned(tmp_path, dead)
    (with_user_file / "notes.txt").write_text("mine")
    (with_user_file / "sub").mkdir()
    live = _abandoned(tmp_path, os.getpid())
    reused_pid = _abandoned(tmp_path, os.getpid(), start="1")  # this id, but a process started at another time
    other_host = _abandoned(tmp_path, dead, host="another-container")
    other_boot = _abandoned(tmp_path, dead, boot="00000000-0000-0000-0000-000000000000")
    wrong_token = tmp_path / f"{STAGING_PREFIX}{'0' * 32}"
    wrong_token.mkdir()
    (wrong_token / STAGING_MARKER).write_text(f"{'1' * 32} {dead} h b s\n")
    (wrong_token / "summary.json").write_text("user's")
    no_marker = tmp_path / f"{STAGING_PREFIX}{'2' * 32}"
    no_marker.mkdir()
    (no_marker / "summary.json").write_text("user's")
    linked = tmp_path / f"{STAGING_PREFIX}{'3' * 32}"
    linked.mkdir()
    (tmp_path / "elsewhere").write_text(f"{'3' * 32} {dead} h b s\n")
    (linked / STAGING_MARKER).symlink_to(tmp_path / "elsewhere")
    (linked / "summary.json").write_text("user's")
    huge_pid = tmp_path / f"{STAGING_PREFIX}{'4' * 32}"
    huge_pid.mkdir()
    (huge_pid / STAGING_MARKER).write_text(f"{'4' * 32} 99999999999999999999999 h b s\n")  # was an OverflowError, exit 1
    (huge_pid / "summary.json").write_text("user's")

    remove_abandoned_staging(tmp_path, RUN_OUTPUTS)

    assert not proven.exists() and not reused_pid.exists()
    assert sorted(p.name for p in with_user_file.iterdir()) == ["notes.txt", "sub"]  # only the toolkit's files went
    for kept in (live, other_host, other_boot):  # a live run's, or one whose process cannot be known to be gone
        assert (kept / "summary.json").exists()
    for folder in (wrong_token, no_marker, linked, huge_pid):
        assert (folder / "summary.json").read_text() == "user's"


# ---- writing only regular files or new paths -----------------------------------------------


@pytest.fixture
def specials(tmp_path) -> dict[str, Path]:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    sock_path = tmp_path / "sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    folder = tmp_path / "folder"
    folder.mkdir()
    yield {"fifo": fifo, "socket": sock_path, "folder": folder}
    sock.close()


def _kind(path: Path) -> int:
    return stat.S_IFMT(os.lstat(path).st_mode)


@pytest.mark.parametrize("which", ["fifo", "socket", "folder"])
def test_atomic_write_never_replaces_a_special_file(specials, which):
    from trades.errors import OutputDirError

    target = specials[which]
    before = _kind(target)
    with pytest.raises(OutputDirError, match="not a regular file|is a folder"):
        atomic_write(target, lambda tmp: tmp.write_text("x"))
    assert _kind(target) == before
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.stem}.")] == []  # no temporary file


def test_a_symlink_as_output_target_is_refused(tmp_path):
    """A link planted in an output folder (sweep.csv -> ~/victim.txt) redirected the write to the
    file it names; a dangling one created a file outside the folder."""
    from trades.errors import OutputDirError

    victim = tmp_path / "victim.txt"
    victim.write_text("mine")
    link = tmp_path / "sweep.csv"
    link.symlink_to(victim)
    dangling = tmp_path / "report.html"
    dangling.symlink_to(tmp_path / "elsewhere" / "created.html")
    for target in (link, dangling):
        with pytest.raises(OutputDirError, match="symbolic link"):
            atomic_write(target, lambda tmp: tmp.write_text("x"))
    assert victim.read_text() == "mine" and not (tmp_path / "elsewhere").exists()


def test_a_sweep_refuses_a_link_planted_in_its_folder(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("mine")
    (out / "sweep.csv").symlink_to(victim)
    assert main(["sweep", str(_small_sweep(tmp_path)), "-o", str(out), "--workers", "1"]) == 2
    assert "symbolic link" in capsys.readouterr().err and victim.read_text() == "mine"


@pytest.mark.parametrize("which", ["fifo", "socket"])
def test_commands_refuse_special_output_files(leo_results, specials, which, capsys):
    target = specials[which]
    before = _kind(target)
    assert main(["report", str(leo_results), "-o", str(target)]) == 2
    assert main(["validation-report", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "not a regular file" in err and "Traceback" not in err
    assert _kind(target) == before


def test_output_paths_of_the_wrong_kind_are_bad_input(leo_results, tmp_path, capsys):
    """report -o a folder, n2 -o a folder, porkchop -o a file: exit 2 with one line, no traceback."""
    folder = tmp_path / "a_folder"
    folder.mkdir()
    a_file = tmp_path / "a_file"
    a_file.write_text("keep")
    assert main(["report", str(leo_results), "-o", str(folder)]) == 2
    assert main(["n2", str(LEO), "-o", str(folder)]) == 2
    assert main(["porkchop", "mars", "2033-01-01", "2033-02-01", "2033-08-01", "2033-09-01", "-o", str(a_file)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 3 and "internal error" not in err, err
    assert a_file.read_text() == "keep" and list(folder.iterdir()) == []


# ---- reading only regular files ---------------------------------------------------------------


def _cli(*args, timeout=60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "trades", *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})


def test_a_fifo_as_study_is_refused_at_once(specials):
    """It hung forever (nothing writes into the FIFO); now exit 2 before opening it."""
    result = _cli("validate", str(specials["fifo"]), timeout=30)
    assert result.returncode == 2 and "not a regular file" in result.stderr, result.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_devices_as_study_are_refused(tmp_path, device, capsys):
    """They were read until memory ran out; directly and through a symlink."""
    if not Path(device).exists():
        pytest.skip(f"{device} is not on this machine")
    link = tmp_path / "study.yaml"
    link.symlink_to(device)
    for path in (device, str(link)):
        assert main(["validate", path]) == 2
        assert "not a regular file" in capsys.readouterr().err


def test_a_study_from_standard_input_records_the_hash_of_what_was_read(tmp_path):
    """`trades run /dev/stdin < study.yaml` recorded the hash of an empty second read."""
    import hashlib

    out = tmp_path / "out"
    with open(LEO, "rb") as stdin:
        result = subprocess.run([sys.executable, "-m", "trades", "run", "/dev/stdin", "-o", str(out)], stdin=stdin,
                                capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    provenance = json.loads((out / "provenance.json").read_text())
    assert provenance["study_file_sha256"] == hashlib.sha256(LEO.read_bytes()).hexdigest()


@pytest.mark.skipif(AS_ROOT, reason="root reads any file whatever its permissions")
def test_an_unreadable_study_is_bad_input(tmp_path, capsys):
    path = tmp_path / "study.yaml"
    path.write_text(LEO.read_text())
    path.chmod(0)
    assert main(["validate", str(path)]) == 2
    assert "cannot read it" in capsys.readouterr().err


@pytest.mark.skipif(AS_ROOT, reason="root writes into any folder whatever its permissions")
def test_a_read_only_output_folder_is_found_before_computing(tmp_path, capsys, monkeypatch):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    import trades.analyses.run

    monkeypatch.setattr(trades.analyses.run, "evaluate", lambda *a, **k: pytest.fail("computed before checking the folder"))
    assert main(["run", str(LEO), "-o", str(out)]) == 2
    assert "cannot write there" in capsys.readouterr().err


def test_an_unwritable_output_folder_is_found_before_computing(tmp_path, capsys, monkeypatch):
    """The same check, as root too: a folder whose test file cannot be made (simulated)."""
    import trades.fileio
    import trades.analyses.run

    def no_room(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(trades.analyses.run, "evaluate", lambda *a, **k: pytest.fail("computed before checking the folder"))
    monkeypatch.setattr(trades.fileio.tempfile, "TemporaryFile", no_room)
    assert main(["run", str(LEO), "-o", str(tmp_path / "out")]) == 2
    assert "no space left" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# ---- reports read only the folder's own files, of one study -------------------------------


def test_report_refuses_a_symlink_into_another_file(leo_results, tmp_path, capsys):
    folder = tmp_path / "handed_over"
    folder.mkdir()
    for item in leo_results.iterdir():
        (folder / item.name).write_bytes(item.read_bytes())
    secret = tmp_path / "secret.txt"
    secret.write_text("PRIVATE-KEY-MATERIAL")
    (folder / "resolved_study.yaml").unlink()
    (folder / "resolved_study.yaml").symlink_to(secret)
    assert main(["report", str(folder)]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert not (folder / "report.html").exists()


def test_report_refuses_results_of_two_studies(leo_results, tmp_path, capsys):
    """run of one study, then results of another into the same folder: the report said it was of
    the first and showed the second's results."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for item in leo_results.iterdir():
        (folder / item.name).write_bytes(item.read_bytes())
    other = ROOT / "studies" / "cislunar_nrho_station.yaml"
    assert main(["sensitivity", str(other), "-o", str(folder), "--format", "json"]) == 0
    assert "of another study" in capsys.readouterr().err  # said when the second command wrote
    assert main(["report", str(folder)]) == 2
    assert "holds results of different studies" in capsys.readouterr().err
    summary = json.loads((folder / "summary.json").read_text())
    sensitivity = json.loads((folder / "sensitivity.json").read_text())
    assert summary["study_sha256"] != sensitivity["study_sha256"]


@pytest.mark.parametrize("content", ["[1, 2]", '{"study": "x", "per_year": "oops"}', '{"study": "x", "per_year": [1]}'])
def test_oddly_shaped_results_files_are_bad_input(leo_results, tmp_path, content, capsys):
    folder = tmp_path / "odd"
    folder.mkdir()
    for item in leo_results.iterdir():
        (folder / item.name).write_bytes(item.read_bytes())
    (folder / "summary.json").write_text(content)
    assert main(["report", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "internal error" not in err and err.count("\n") == 1, err
    (folder / "summary.json").write_bytes((leo_results / "summary.json").read_bytes())
    (folder / "provenance.json").write_text(content)
    code = main(["report", str(folder)])  # provenance is optional: a foreign-shaped one may be refused or left out
    err = capsys.readouterr().err
    assert code in (0, 2) and "internal error" not in err, err


# ---- another filesystem ---------------------------------------------------------------------------


def test_output_through_a_symlink_onto_another_filesystem(tmp_path, capsys):
    """'-o' a symlink into another filesystem (docker -v ...:/out) failed with 'Invalid
    cross-device link': the staging folder was made beside it, on the link's filesystem."""
    shm = Path("/dev/shm")
    if not shm.is_dir() or os.stat(shm).st_dev == os.stat(tmp_path).st_dev or not os.access(shm, os.W_OK):
        pytest.skip("no second writable filesystem (/dev/shm) on this machine")
    import tempfile

    with tempfile.TemporaryDirectory(dir=shm) as other:
        link = tmp_path / "out"
        link.symlink_to(other)
        assert main(["run", str(LEO), "-o", str(link)]) == 0, capsys.readouterr().err
        assert set(RUN_OUTPUTS) == {p.name for p in Path(other).iterdir()}


# ---- a sweep's database ------------------------------------------------------------------------


def _small_sweep(tmp_path: Path) -> Path:
    import yaml

    data = yaml.safe_load(LEO.read_text())
    data["sweep"] = {"method": "full_factorial", "evaluate": "run",
                     "factors": [{"field": "outpost.water_closure", "values": [0.6, 0.9]}]}
    path = tmp_path / "sweep.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_a_sweep_whose_start_failed_is_started_anew(tmp_path, capsys):
    """A full disk while a sweep created its database left a file without tables, which --resume
    misread as 'the study changed'. Such a file holds nothing and is replaced."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "sweep.sqlite").write_bytes(b"")
    assert main(["sweep", str(_small_sweep(tmp_path)), "-o", str(out), "--resume", "--workers", "1", "--format", "json"]) == 0
    assert "study changed" not in capsys.readouterr().err


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_resume_on_a_damaged_database_is_bad_input(tmp_path, damage, capsys):
    study = _small_sweep(tmp_path)
    out = tmp_path / "out"
    assert main(["sweep", str(study), "-o", str(out), "--workers", "1", "--format", "json"]) == 0
    database = out / "sweep.sqlite"
    data = database.read_bytes()
    database.write_bytes(os.urandom(4096) if damage == "garbage" else data[: len(data) // 3])
    capsys.readouterr()
    assert main(["sweep", str(study), "-o", str(out), "--resume", "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert "sweep.sqlite" in err and "internal error" not in err and err.count("\n") == 1, err


def test_an_unreadable_study_is_bad_input_as_root_too(tmp_path, capsys, monkeypatch):
    """Exit 1 before (a PermissionError); simulated, since root reads any file."""
    import builtins

    path = tmp_path / "study.yaml"
    path.write_text(LEO.read_text())
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    assert main(["validate", str(path)]) == 2
    assert "cannot read it (Permission denied)" in capsys.readouterr().err


def test_an_unreadable_results_file_is_bad_input(leo_results, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "copy"
    folder.mkdir()
    for item in leo_results.iterdir():
        (folder / item.name).write_bytes(item.read_bytes())
    real_read_text = Path.read_text

    def refusing(self, *args, **kwargs):
        if self.name == "provenance.json":
            raise PermissionError(13, "Permission denied")
        return real_read_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", refusing)
    assert main(["report", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "provenance.json" in err and "internal error" not in err


def test_a_hash_sign_in_the_output_path_does_not_open_another_database(tmp_path, capsys, monkeypatch):
    """'o#1/sweep.sqlite' was opened as the SQLite URI 'file:o#1/...': '#' ended the path, an empty
    './o' was created and read as 'holds nothing', and the finished sweep was deleted."""
    monkeypatch.chdir(tmp_path)
    study = _small_sweep(tmp_path)
    assert main(["sweep", str(study), "-o", "o#1", "--workers", "1", "--format", "json"]) == 0
    before = (tmp_path / "o#1" / "sweep.sqlite").read_bytes()
    capsys.readouterr()
    assert main(["sweep", str(study), "-o", "o#1", "--workers", "1"]) == 2
    assert "holds a sweep already" in capsys.readouterr().err
    assert (tmp_path / "o#1" / "sweep.sqlite").read_bytes() == before
    assert not (tmp_path / "o").exists()


def test_run_refuses_a_special_file_among_its_outputs_before_computing(tmp_path, capsys, monkeypatch):
    """A FIFO named summary_by_year.csv was replaced by the final move; a folder named
    cases.sqlite was found only after computing."""
    import trades.analyses.run as run

    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "summary_by_year.csv")
    monkeypatch.setattr(run, "evaluate", lambda *a, **k: pytest.fail("computed before checking the outputs"))
    assert main(["run", str(LEO), "-o", str(out)]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(out / "summary_by_year.csv").st_mode)


def test_an_unwritable_cache_only_slows_a_run(tmp_path, monkeypatch):
    """The orbit and porkchop caches wrapped their writes in `except OSError`, but a failed write
    is now an OutputDirError: an unwritable cache made `run` exit 2."""
    from trades.astro import orbits

    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("TRADES_CACHE_DIR", str(blocker))
    orbits.hohmann.cache_clear()
    assert orbits.hohmann(6778.0, 42164.0) == orbits.hohmann.uncached(6778.0, 42164.0)
    fifo_cache = tmp_path / "cache"
    monkeypatch.setenv("TRADES_CACHE_DIR", str(fifo_cache))
    orbits.hohmann.cache_clear()
    orbits.hohmann(6778.0, 42164.0)  # writes the entry
    entry = next((fifo_cache / "orbits").iterdir())
    entry.unlink()
    os.mkfifo(entry)  # a FIFO in the cache would block a reader forever
    orbits.hohmann.cache_clear()
    assert orbits.hohmann(6778.0, 42164.0) == orbits.hohmann.uncached(6778.0, 42164.0)
