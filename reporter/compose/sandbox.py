"""Confinement for a user's template: what it may read, how long it may run, how much it may write.

jinja2's sandbox stops a template from reaching Python internals, but its file loader
serves any file under the template's folder (dotfiles and symlinks out included: a
template saved in a home folder could include ``.aws/credentials``), image paths may be
absolute, and nothing bounds the time or memory of a render (``'a' * 10**9``). Here:

- ``Folders``: includes and images come only from the template's own folder or an
  explicit ``--template-dir``; every path is resolved (a symlink that leads out is
  refused), no part of it may start with a dot, and only regular files are read.
- ``Guard``: a render deadline (``RENDER_SECONDS``; SIGALRM in the main thread, checked
  between output pieces everywhere) and an output-size cap (``MAX_OUTPUT_CHARS``), and
  operators and calls that would build a huge string or list are refused before they run.
- Every failure of a template, a recursion too, is one ``InputError`` (exit 2).
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ..errors import InputError
from ..fileio import read_capped

RENDER_SECONDS = 10.0
MAX_OUTPUT_CHARS = 20_000_000  # the rendered Markdown (values are placeholders, so this is generous)
MAX_VALUE_ITEMS = 10_000_000  # the longest string or list one operator or call may build
MAX_IMAGE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Folders:
    """The folders a template may read from, resolved once."""

    roots: tuple[Path, ...]

    @classmethod
    def of(cls, template: Path, template_dir: Path | None = None) -> "Folders":
        roots = [template.parent.resolve()]
        if template_dir is not None:
            if not Path(template_dir).is_dir():
                raise InputError("is not a folder (--template-dir)", template_dir)
            roots.append(Path(template_dir).resolve())
        return cls(tuple(dict.fromkeys(roots)))

    def find(self, name: str, what: str) -> Path:
        """The resolved file ``name`` names inside one of the roots, or an ``InputError``."""
        parts = Path(name).parts
        if not name or Path(name).is_absolute() or any(p.startswith(".") for p in parts):
            raise InputError(f"template {what} {name!r}: only files inside the template's folder "
                             "(or --template-dir) can be used, no absolute paths, no dotfiles or '..'")
        for root in self.roots:
            path = (root / name).resolve()
            if path.is_relative_to(root) and not any(p.startswith(".") for p in path.relative_to(root).parts):
                if path.is_file():
                    return path
            elif (root / name).exists():
                raise InputError(f"template {what} {name!r} leads outside the template's folder; refused")
        raise InputError(f"template {what} {name!r} not found in the template's folder", self.roots[0])

    def read_image(self, src: str) -> bytes:
        """The picture's bytes, once they are known to be a picture the writers can show."""
        from ..pictures import picture_problem

        path = self.find(src, "image")
        data = read_capped(path, "an image file", MAX_IMAGE_BYTES, "a smaller image")
        problem = picture_problem(data)
        if problem:
            raise InputError(f"{problem} (the template's image {src!r})", path)
        return data


def loader(folders: Folders):
    """A jinja2 loader that serves only what ``folders.find`` allows."""
    import jinja2

    class ConfinedLoader(jinja2.BaseLoader):
        def get_source(self, environment, template):
            try:
                path = folders.find(template, "include")
            except InputError as exc:
                raise jinja2.TemplateNotFound(template, exc.message) from None
            text = read_capped(path, "a template", MAX_OUTPUT_CHARS, "a smaller template").decode("utf-8", "replace")
            mtime = path.stat().st_mtime
            return text, str(path), lambda: path.stat().st_mtime == mtime

    return ConfinedLoader()


class TemplateTooCostly(Exception):
    """A render ran past its deadline or its output cap."""


def _too_big(value: Any, times: Any) -> bool:
    try:
        return isinstance(times, int) and hasattr(value, "__len__") and len(value) * times > MAX_VALUE_ITEMS
    except TypeError:
        return False


class Guard:
    """The environment mix-in (first in the class's bases) that bounds what a render builds."""

    intercepted_binops = frozenset(["*", "**", "+"])

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*" and (_too_big(left, right) or _too_big(right, left)):
            raise TemplateTooCostly(f"'*' would build more than {MAX_VALUE_ITEMS:,} items")
        if operator == "**" and isinstance(left, (int, float)) and isinstance(right, (int, float)) and abs(right) > 64:
            raise TemplateTooCostly("'**' with an exponent above 64")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (jinja2's signature)
        # Only what builds by a count: a str, bytes or list method ('a'.ljust(10**9)). Our
        # helpers and plain functions may take large numbers (a figure of 3.1 billion).
        if isinstance(getattr(__obj, "__self__", None), (str, bytes, list)):
            _check_numbers((*args, *kwargs.values()), "a call")
        return super().call(__context, __obj, *args, **kwargs)


def _check_numbers(values, what: str) -> None:
    for arg in values:
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_VALUE_ITEMS:
            raise TemplateTooCostly(f"{what} with a number above {MAX_VALUE_ITEMS:,}")


_SIZED_FILTERS = ("center", "indent", "wordwrap", "batch", "slice", "truncate")


def guarded_filters(filters: dict) -> dict:
    """The filters that build by a count (``center(10**9)``), with the calls' number check."""

    def wrap(func):
        def guarded(*args, **kwargs):
            _check_numbers((*args[1:], *kwargs.values()), "a filter")
            return func(*args, **kwargs)

        for attr in ("jinja_pass_arg",):
            if hasattr(func, attr):
                setattr(guarded, attr, getattr(func, attr))
        return guarded

    return {name: wrap(f) for name, f in filters.items() if name in _SIZED_FILTERS}


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise ``TemplateTooCostly`` in a render that runs past ``seconds`` (main thread only:
    elsewhere ``render`` still checks between output pieces)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(_signum, _frame):
        raise TemplateTooCostly(f"rendering took longer than {seconds:g} seconds")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render(template, context: dict[str, Any], *, seconds: float = RENDER_SECONDS,
           max_chars: int = MAX_OUTPUT_CHARS) -> str:
    """Render piece by piece under the deadline and the output cap."""
    out: list[str] = []
    size = 0
    start = time.monotonic()
    with deadline(seconds):
        for piece in template.generate(**context):
            size += len(piece)
            if size > max_chars:
                raise TemplateTooCostly(f"its output is longer than {max_chars:,} characters")
            if time.monotonic() - start > seconds:
                raise TemplateTooCostly(f"rendering took longer than {seconds:g} seconds")
            out.append(piece)
    return "".join(out)


def template_error(exc: BaseException, template: Path) -> InputError:
    """Any failure of a user's template as one line (exit 2)."""
    if isinstance(exc, RecursionError):
        return InputError("template failed: it recurses too deeply (a macro or include that calls itself?)", template)
    if isinstance(exc, TemplateTooCostly):
        return InputError(f"template stopped: {exc}", template)
    if isinstance(exc, MemoryError):
        return InputError("template failed: it ran out of memory", template)
    if isinstance(exc, InputError):
        return InputError(exc.message, template)
    return InputError(f"template failed: {type(exc).__name__}: {exc}"[:300], template)
