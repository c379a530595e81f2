"""Side effects at the edge: atomic writes and the one clock the build uses."""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .errors import InputError


@contextmanager
def reading(path: str | Path, kind: str) -> Iterator[None]:
    """Turn an operating-system error while reading an input file into one ``InputError``
    naming the file; ``kind`` says what it should have been ("an article file")."""
    try:
        yield
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError(f"is a directory, not {kind}", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path) from None


def open_regular(path: str | Path, kind: str):
    """Open ``path`` for binary reading only if it is a regular file (symlinks to one too).

    Opened non-blocking, so a FIFO is refused at once instead of waiting for a writer,
    and checked on the open descriptor, so ``/dev/zero`` or a socket never gets read.
    """
    with reading(path, kind):
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            mode = os.fstat(fd).st_mode
            if not stat.S_ISREG(mode):
                what = "a directory" if stat.S_ISDIR(mode) else "a pipe" if stat.S_ISFIFO(mode) else "a device or socket"
                raise InputError(f"is {what}, not {kind}; only regular files are read", path)
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
            return os.fdopen(fd, "rb")
        except BaseException:
            os.close(fd)
            raise


def read_capped(path: str | Path, kind: str, limit: int, option: str) -> bytes:
    """The bytes of a regular file, reading at most ``limit`` + 1 of them: a file that is
    larger (whatever ``st_size`` says) is one ``InputError`` naming ``option``."""
    with open_regular(path, kind) as fh, reading(path, kind):
        data = fh.read(limit + 1)
    if len(data) > limit:
        from .limits import mb

        raise InputError(f"is too large (more than {mb(limit)}; raise the limit with {option})", path)
    return data


_UMASK_LOCK = threading.Lock()


def file_mode(private: bool = False) -> int:
    """The mode a new output gets: 0666 less the umask, as any program's files; a private one
    (a briefing marked TLP:RED or TLP:AMBER) never readable by others: 0600 at most."""
    with _UMASK_LOCK:  # reading the umask means setting it; no other thread may see the change
        umask = os.umask(0o077)
        os.umask(umask)
    return (0o600 if private else 0o666) & ~umask


def _temp_prefix(target: Path) -> str:
    return f".{target.name}.{os.getpid()}."


def sweep_stale_temporaries(folder: str | Path) -> list[Path]:
    """Remove the temporaries (``.NAME.PID.XXXX.part``) an earlier run left when it was killed:
    those whose process no longer runs. Another build's live temporaries stay."""
    removed = []
    try:
        candidates = list(Path(folder).glob(".*.part"))
    except OSError:
        return removed
    for tmp in candidates:
        parts = tmp.name.rsplit(".", 3)  # ".NAME", "PID", "XXXX", "part"
        if len(parts) != 4 or not parts[1].isdigit() or _alive(int(parts[1])):
            continue
        try:
            tmp.unlink()
            removed.append(tmp)
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


@contextmanager
def atomic_paths(targets: Sequence[str | Path], *, private: bool = False) -> Iterator[list[Path]]:
    """Yield a temporary path beside each target; rename them all over their targets only
    when the block succeeds. The one temp-file-and-rename of the package.

    Writers write to the paths they are given; whoever calls them wraps the call in this,
    so a failed build, export or message leaves nothing half-written in ``out/``, and a
    briefing's files appear together or not at all. The files get the umask's mode
    (``file_mode``; ``private``: 0600 at most). A temporary's name holds the process id,
    so a later run can sweep what a killed one left (``sweep_stale_temporaries``); an
    interrupted run (Ctrl-C, SIGTERM, SIGHUP: see ``reporter.cli``) removes its own here.
    """
    temps: list[Path] = []
    mode = file_mode(private)
    try:
        for target in map(Path, targets):
            with writing(target):
                target.parent.mkdir(parents=True, exist_ok=True)
                sweep_stale_temporaries(target.parent)
                fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".part", dir=target.parent)
            os.close(fd)
            temps.append(Path(tmp))
        yield temps
        for tmp, target in zip(temps, targets):
            with writing(target):
                os.chmod(tmp, mode)
                os.replace(tmp, target)
    except OSError as exc:
        raise _write_error(exc, targets) from None
    finally:
        for tmp in temps:
            try:
                tmp.unlink()
            except OSError:
                pass


@contextmanager
def writing(target: str | Path) -> Iterator[None]:
    """An operating-system error while writing an output as one ``OutputError`` naming it."""
    try:
        yield
    except OSError as exc:
        raise _write_error(exc, [target]) from None


def _write_error(exc: OSError, targets: Sequence[str | Path]):
    import errno

    from .errors import OutputError

    where = Path(targets[0]).parent if targets else Path(".")
    reason = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is exhausted",
              errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied",
              errno.EPERM: "permission denied"}.get(exc.errno, exc.strerror or str(exc))
    return OutputError(f"cannot write there: {reason}; nothing was written", where)


RECORD = ".reporter-written"  # in each output folder: name and SHA-256 of each DOCX written there


def _sha256(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _record(folder: Path) -> dict[str, str]:
    try:
        lines = (folder / RECORD).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    return dict(line.split("  ", 1)[::-1] for line in lines if "  " in line)


def edited_since_written(targets: Iterable[str | Path]) -> list[Path]:
    """The DOCX targets that exist and are not what this tool last wrote there: a user's
    edits (or a file of theirs), which a rebuild must not replace without a word."""
    out = []
    for target in map(Path, targets):
        if target.suffix.lower() != ".docx" or not target.is_file():
            continue
        if _record(target.parent).get(target.name) != _sha256(target):
            out.append(target)
    return out


def check_edited(targets: Iterable[str | Path], force: bool) -> list[Path]:
    """The edited targets (``edited_since_written``) that ``force`` lets be replaced, each to be
    kept as a backup; without ``force`` the first stops everything with ``EditedOutput``."""
    from .errors import EditedOutput

    edited = edited_since_written(targets)
    if edited and not force:
        raise EditedOutput(f"was changed since reporter wrote it; nothing was written (use --force to replace it: "
                           f"the changed file is then kept as {edited[0].name}.bak)", edited[0])
    return edited


def keep_backup(path: Path) -> Path:
    """Move ``path`` aside as ``path.bak`` (replacing an older backup) before it is replaced."""
    backup = path.with_name(path.name + ".bak")
    with writing(backup):
        os.replace(path, backup)
    return backup


def record_written(targets: Iterable[str | Path]) -> None:
    """Note the SHA-256 of each DOCX just written, so the next build can tell an edited one."""
    by_folder: dict[Path, list[Path]] = {}
    for target in map(Path, targets):
        if target.suffix.lower() == ".docx":
            by_folder.setdefault(target.parent, []).append(target)
    for folder, written in by_folder.items():
        with _one_at_a_time(folder):
            record = _record(folder)
            record.update({t.name: _sha256(t) for t in written})
            text = "".join(f"{digest}  {name}\n" for name, digest in sorted(record.items()))
            with atomic_path(folder / RECORD) as tmp:
                tmp.write_text(text, encoding="utf-8")


_RECORD_LOCK = threading.Lock()


@contextmanager
def _one_at_a_time(folder: Path) -> Iterator[None]:
    """The record's read, update and write, one at a time in a folder: a batch's workers
    (processes) and a program's threads finish briefings into one folder at once, and an
    update lost between two of them made the next build refuse that file as a user's edit.
    Across processes by an exclusive ``flock`` on the folder itself (no lock file left beside
    the outputs); where there is none (Windows), across this process's threads only."""
    with _RECORD_LOCK:
        fd = None
        try:
            import fcntl

            fd = os.open(folder, os.O_RDONLY)
            fcntl.flock(fd, fcntl.LOCK_EX)
        except (ImportError, OSError):
            pass
        try:
            yield
        finally:
            if fd is not None:
                os.close(fd)  # and with it the lock


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """``atomic_paths`` for one file."""
    with atomic_paths([target]) as (tmp,):
        yield tmp


def write_bytes_atomic(target: str | Path, data: bytes) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def build_time(briefing_date: date | None = None) -> datetime:
    """The timestamp stamped into outputs: ``SOURCE_DATE_EPOCH`` if set, else the briefing date.

    Never ``now()``: the same inputs must give byte-identical files.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            pass
    d = briefing_date or date(2000, 1, 1)
    return datetime(d.year, d.month, d.day, tzinfo=timezone.utc)
