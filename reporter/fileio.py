"""Side effects at the edge: atomic writes and the one clock the build uses."""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterator, Sequence

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


@contextmanager
def atomic_paths(targets: Sequence[str | Path]) -> Iterator[list[Path]]:
    """Yield a temporary path beside each target; rename them all over their targets only
    when the block succeeds. The one temp-file-and-rename of the package.

    Writers write to the paths they are given; whoever calls them wraps the call in this,
    so a failed build, export or message leaves nothing half-written in ``out/``, and a
    briefing's files appear together or not at all.
    """
    temps: list[Path] = []
    try:
        for target in map(Path, targets):
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
            os.close(fd)
            temps.append(Path(tmp))
        yield temps
        for tmp, target in zip(temps, targets):
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
    finally:
        for tmp in temps:
            if tmp.exists():
                tmp.unlink()


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
