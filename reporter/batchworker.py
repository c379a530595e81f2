"""A batch worker's start: what every briefing's build imports and loads, done once.

The local pool's forkserver imports this module before it forks a worker
(``set_forkserver_preload``), so each worker starts with python-docx, reportlab, the
fonts, jinja2 and the analysis already loaded, shared copy-on-write, instead of every
worker loading them again at its first briefing (a second or more of CPU each, which on
two busy cores is the pool's whole gain for a small batch). Importing it is its purpose,
hence the call at the bottom; where there is no forkserver (spawn), each worker loads
what it needs at its first briefing.

datasketch (numpy and scipy: 0.55 s of CPU, more than everything else here together) is
left out, and not loaded by the workers as they start either: the stories import it only
for two articles close enough to be copies, which neither benchmark batch (50 single-article,
10 ten-article briefings) nor most real ones ever has, so a worker loads it when a briefing
needs it, as one process does. Loaded at each worker's start, it was 0.55 s of CPU on each
core before the first briefing, for nothing.

Last, the objects loaded so far are frozen out of the collector (``gc.freeze``, as its
documentation advises before forking): a worker's collections then never walk, and so
never write to, the pages it shares with the forkserver, which would copy them one by one.
"""

from __future__ import annotations

import gc


def warm() -> None:
    """Import every step of a build and warm every writer; keep the build's worker collector."""
    from .analysis import analyze  # noqa: F401
    from .batch import build_job  # noqa: F401  (the task itself, and the spec's models a job unpickles into)
    from .compose import compose  # noqa: F401
    from .compose.context import briefing_context  # noqa: F401
    from .ingest import FORMATS
    from .pipeline import make_and_write  # noqa: F401
    from .stories import group_stories  # noqa: F401
    from .writers import WRITERS

    for fmt in FORMATS.values():
        fmt.reader()
    for writer in WRITERS.values():
        writer.warm()
    # The same larger first-generation threshold as the build's PDF worker (cli.build_executor).
    gc.set_threshold(10_000, 10, 10)
    gc.freeze()


warm()
