"""Writing files whole or not at all, only where asked, and deleting only what the toolkit made.

Promises (``docs/files_and_signals.md`` lists them with their tests):

- an output target is a regular file or a new path: a device, FIFO, socket or folder in its place
  is bad input (exit 2), never replaced;
- a file is written beside its target and renamed into place, so a reader never sees half of it;
- an output folder's results are staged in a folder *inside* it (same filesystem, so the final
  moves work on a mount point or through a symlink into another disk), and the clean-up of staging
  folders left by killed runs deletes only a folder that carries this toolkit's marker with the
  folder's own random token, and inside it only files the toolkit writes.
"""

from __future__ import annotations

import errno
import os
import secrets
import socket
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from trades.errors import OutputDirError, StudyError, StudyErrors

STAGING_PREFIX = ".trades-staging-"
STAGING_MARKER = ".trades-staging"


def _why(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    return exc.strerror or str(exc)


def check_output_file(path: str | Path, option: str = "--output") -> Path:
    """``path`` if it may be written: a new path or an existing regular file.

    Raises :class:`OutputDirError` (exit 2) for a symbolic link (one planted in an output folder
    would redirect the write to a file elsewhere), a folder, a device, a FIFO or a socket (which
    an atomic rename would replace).
    """
    path = Path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise OutputDirError(f"{option} {path}: cannot use it ({_why(exc)})") from None
    if stat.S_ISLNK(info.st_mode):
        raise OutputDirError(f"{option} {path}: is a symbolic link; write to a regular file or a new path "
                             "(a link could send the output to a file elsewhere)")
    if stat.S_ISDIR(info.st_mode):
        raise OutputDirError(f"{option} {path}: is a folder; give a file name")
    if not stat.S_ISREG(info.st_mode):
        raise OutputDirError(f"{option} {path}: is not a regular file (a device, pipe or socket); "
                             "write to a regular file or a new path")
    return path


def atomic_write(path: str | Path, write: Callable[[Path], None], option: str = "--output") -> None:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then rename it into place.

    A reader never sees a half-written ``path``; on any error the temporary file is removed. The
    result gets the ordinary permissions the umask gives (a temporary file is private). Only a
    regular file or a new path is written (:func:`check_output_file`). A failure to write
    (permissions, a full disk) is an :class:`OutputDirError` naming ``path``.
    """
    path = check_output_file(path, option)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.stem}.", suffix=path.suffix, delete=False) as fh:
            tmp = Path(fh.name)
    except OSError as exc:
        raise OutputDirError(f"{option} {path}: cannot write there ({_why(exc)})") from None
    try:
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputDirError(f"{option} {path}: cannot write it ({_why(exc)}); it was left as it was") from None
    finally:
        tmp.unlink(missing_ok=True)


def prepare_output_folder(out: Path, option: str = "--output-dir", writes: tuple[str, ...] = ()) -> bool:
    """Create ``out`` if needed and check, before any computing, that files can be written in it
    and that each of the files ``writes`` names is a regular file or absent (not a link, a folder,
    a device or a FIFO, found only once the work is done).

    Returns whether the folder was created (so that a run that fails can remove it again).
    """
    for folder in [out, *out.parents]:
        if folder.exists() and not folder.is_dir():
            raise OutputDirError(f"{option} {out}: '{folder}' exists and is not a folder")
    for name in writes:
        check_output_file(out / name, option)
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        if created:
            remove_if_empty(out)
        raise OutputDirError(f"{option} {out}: cannot write there ({_why(exc)})") from None
    return created


@contextmanager
def output_folder(out: Path, option: str = "--output-dir", writes: tuple[str, ...] = ()):
    """:func:`prepare_output_folder` as a context: a folder it created is removed again if the
    command fails and leaves it empty."""
    created = prepare_output_folder(out, option, writes)
    try:
        yield out
    except BaseException:
        if created:
            remove_if_empty(out)
        raise


def remove_if_empty(folder: Path) -> None:
    """Remove ``folder`` if it is empty (a folder a failed run created and left nothing in)."""
    try:
        folder.rmdir()
    except OSError:
        pass


class Staging:
    """A staging folder inside an output folder, marked as this toolkit's with a random token.

    The marker (``.trades-staging``) holds the folder's own token, the process id, the host, the
    boot and the process's start time: a later run removes the folder only if it was made on
    the same host since the same boot by a process that is gone (output folders shared between
    containers or over NFS see other hosts' processes as absent). ``names`` are the only file
    names the toolkit writes in it; the clean-up deletes those and nothing else, and leaves the
    folder if anything remains.
    """

    def __init__(self, out: Path, names: tuple[str, ...]):
        self.out, self.names = out, names
        token = secrets.token_hex(16)
        self.path = out / f"{STAGING_PREFIX}{token}"
        self.path.mkdir()
        pid = os.getpid()
        (self.path / STAGING_MARKER).write_text(f"{token} {pid} {_host()} {_boot_id()} {_start_time(pid)}\n", encoding="ascii")

    def remove(self) -> None:
        _remove_staging(self.path, self.names)


def _host() -> str:
    name = socket.gethostname().strip()
    return name.split()[0] if name else "unknown"


def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip() or "unknown"
    except OSError:
        return "unknown"


def _start_time(pid: int) -> str:
    """The process's start time in clock ticks since boot (Linux), or 'unknown'."""
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        return stat_line.rsplit(")", 1)[1].split()[19]  # field 22, counted after the command name
    except (OSError, IndexError):
        return "unknown"


def _staging_owner(folder: Path) -> tuple[int, str, str, str] | None:
    """(process id, host, boot, start time) in ``folder``'s marker if the marker proves this
    toolkit made the folder (its token is the folder's own), else None."""
    if folder.is_symlink() or not folder.is_dir() or not folder.name.startswith(STAGING_PREFIX):
        return None
    marker = folder / STAGING_MARKER
    try:
        if marker.is_symlink() or not marker.is_file() or marker.stat().st_size > 300:
            return None
        token, pid, host, boot, start = marker.read_text(encoding="ascii").split()
        if token != folder.name[len(STAGING_PREFIX):] or len(token) != 32 or not pid.isdigit() or len(pid) > 9:
            return None
        return int(pid), host, boot, start
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def _remove_staging(folder: Path, names: tuple[str, ...]) -> None:
    """Delete the files named ``names`` (and SQLite's side files of them) and the marker, then the
    folder if nothing else is left in it. Never recursive, never follows a symlink."""
    for name in names:
        for candidate in (name, f"{name}-journal", f"{name}-wal", f"{name}-shm"):
            item = folder / candidate
            if item.is_symlink() or item.is_file():
                item.unlink(missing_ok=True)
    (folder / STAGING_MARKER).unlink(missing_ok=True)
    remove_if_empty(folder)


def remove_abandoned_staging(out: Path, names: tuple[str, ...]) -> None:
    """Remove staging folders inside ``out`` left by runs that were killed: only those whose marker
    proves this toolkit made them, on this host since this boot, by a process that is gone (or
    whose id now belongs to a process started at another time), and in them only ``names``."""
    try:
        candidates = list(out.glob(f"{STAGING_PREFIX}*"))
    except OSError:
        return
    for folder in candidates:
        owner = _staging_owner(folder)
        if owner is None:
            continue
        pid, host, boot, start = owner
        if host != _host() or boot != _boot_id() or boot == "unknown":
            continue  # made elsewhere or before a reboot: whether its process lives cannot be told
        try:
            os.kill(pid, 0)
            if start == "unknown" or _start_time(pid) == start:
                continue  # a live run's staging folder
        except ProcessLookupError:
            pass
        except PermissionError:  # another user's live process
            continue
        _remove_staging(folder, names)


MAX_RESULT_BYTES = 200_000_000  # a results file larger than this is not one the toolkit wrote


def own_file(folder: Path, name: str) -> Path | None:
    """``folder/name`` if it is a regular file of the folder's own, None if absent.

    A symlink is refused (exit 2): an output folder handed from one person to another must not
    pull a file from elsewhere into a report; so is a device, FIFO or an oversized file.
    """
    path = folder / name
    if path.is_symlink():
        raise StudyErrors([StudyError(str(path), "", "is a symbolic link; only the output folder's own files are read (a link could pull another file into a report)")])
    if not path.exists():
        return None
    if not path.is_file():
        raise StudyErrors([StudyError(str(path), "", "is not a regular file; only the output folder's own regular files are read")])
    if path.stat().st_size > MAX_RESULT_BYTES:
        raise StudyErrors([StudyError(str(path), "", f"is over {MAX_RESULT_BYTES} bytes: not a results file of trades")])
    return path


def read_only_uri(path: str | Path) -> str:
    """An SQLite URI that opens ``path`` read-only: the path percent-encoded, so that a ``#`` or
    ``?`` in a folder name cannot end the path and open (and create) another file."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def is_regular_file(path: Path) -> bool:
    """Whether ``path`` is a regular file itself (not a link, folder, device or FIFO)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False
