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
    """``path`` if it may be written: a new path or an existing regular file (or a symlink to one).

    Raises :class:`OutputDirError` (exit 2) for a folder, a device, a FIFO or a socket, which an
    atomic rename would replace.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise OutputDirError(f"{option} {path}: cannot use it ({_why(exc)})") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputDirError(f"{option} {path}: is a folder; give a file name")
    if not stat.S_ISREG(info.st_mode):
        raise OutputDirError(f"{option} {path}: is not a regular file (a device, pipe or socket); "
                             "write to a regular file or a new path")
    return path


def atomic_write(path: str | Path, write: Callable[[Path], None], option: str = "--output") -> None:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then rename it into place.

    A reader never sees a half-written ``path``; on any error the temporary file is removed. The
    result gets the ordinary permissions the umask gives (a temporary file is private). A symlink
    to a regular file is followed (the file it names is replaced, the link kept). A failure to
    write (permissions, a full disk) is an :class:`OutputDirError` naming ``path``.
    """
    path = check_output_file(path, option)
    if path.is_symlink():
        path = path.resolve()
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


def prepare_output_folder(out: Path, option: str = "--output-dir") -> bool:
    """Create ``out`` if needed and check that files can be written in it, before any computing.

    Returns whether the folder was created (so that a run that fails can remove it again).
    """
    for folder in [out, *out.parents]:
        if folder.exists() and not folder.is_dir():
            raise OutputDirError(f"{option} {out}: '{folder}' exists and is not a folder")
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
def output_folder(out: Path, option: str = "--output-dir"):
    """:func:`prepare_output_folder` as a context: a folder it created is removed again if the
    command fails and leaves it empty."""
    created = prepare_output_folder(out, option)
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

    ``names`` are the only file names the toolkit writes in it; the clean-up of an abandoned
    staging folder deletes those and nothing else, and leaves the folder if anything remains.
    """

    def __init__(self, out: Path, names: tuple[str, ...]):
        self.out, self.names = out, names
        token = secrets.token_hex(16)
        self.path = out / f"{STAGING_PREFIX}{token}"
        self.path.mkdir()
        (self.path / STAGING_MARKER).write_text(f"{token} {os.getpid()}\n", encoding="ascii")

    def remove(self) -> None:
        _remove_staging(self.path, self.names)


def _staging_owner(folder: Path) -> int | None:
    """The process id in ``folder``'s marker if the marker proves this toolkit made the folder
    (its token is the folder's own), else None."""
    if folder.is_symlink() or not folder.is_dir() or not folder.name.startswith(STAGING_PREFIX):
        return None
    marker = folder / STAGING_MARKER
    try:
        if marker.is_symlink() or not marker.is_file() or marker.stat().st_size > 100:
            return None
        token, pid = marker.read_text(encoding="ascii").split()
        if token != folder.name[len(STAGING_PREFIX):] or len(token) != 32:
            return None
        return int(pid)
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
    proves this toolkit made them and whose process is gone, and in them only ``names``."""
    try:
        candidates = list(out.glob(f"{STAGING_PREFIX}*"))
    except OSError:
        return
    for folder in candidates:
        pid = _staging_owner(folder)
        if pid is None:
            continue
        try:
            os.kill(pid, 0)
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
