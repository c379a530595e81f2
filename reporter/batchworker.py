"""A batch worker's start: what every briefing's build imports and loads, done once.

The local pool's forkserver imports this module before it forks a worker
(``set_forkserver_preload``), so each worker starts with python-docx, reportlab, the
fonts, jinja2 and the analysis already loaded, shared copy-on-write, instead of every
worker loading them again at its first briefing (a second or more of CPU each, which on
two busy cores is the pool's whole gain for a small batch). Importing it is its purpose,
hence the call at the bottom; where there is no forkserver (spawn), each worker loads
what it needs at its first briefing. A Dask worker that preloads it (``dask worker
--preload reporter.batchworker``) also builds a small briefing of its own (``rehearse``,
from ``dask_setup``), so what a first build pays beyond its imports is paid there too, as
the worker starts, before any batch. The local pool's forkserver does not: its start is on
the batch's clock, and with the command building too (``batch._share``) its one worker on
two cores gained nothing from a rehearsal paid before the fork that it would not pay in its
first briefing, but waited for the rehearsal's own build (0.17 s of CPU) first: paired
runs of 10 ten-article briefings were 1.51 times faster than one process without it, 1.42
times with it.

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
import os


def warm(rehearsal: bool = False) -> None:
    """Import every step of a build and warm every writer (or, with ``rehearsal``, rehearse
    a build as well); keep the build's worker collector. SIGTERM meanwhile (the command found
    nothing to build, see ``cli.stop_batch_forkserver``) ends it at once, a rehearsal's
    folder removed first: an exit through the interpreter's teardown of the half-loaded heap
    kept the command's output streams open for most of a second longer on a busy machine."""
    import signal

    def stop(signum, _frame):
        if _REHEARSING:
            import shutil

            shutil.rmtree(_REHEARSING[0], ignore_errors=True)
        os._exit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (a Dask worker's preload may run elsewhere)
        previous = None
    try:
        _warm()
        if rehearsal:
            rehearse()
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    # The same larger first-generation threshold as the build's PDF worker (cli.build_executor).
    gc.set_threshold(10_000, 10, 10)
    gc.freeze()


def _warm() -> None:
    """The imports and the writers' warm-up (fonts, reference document)."""
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


def dask_setup(worker) -> None:
    """Dask calls this once the preload is imported, as the worker starts: off any batch's
    clock, so the worker rehearses a build there (see the module's docstring)."""
    warm(rehearsal=True)


# The rehearsal's articles: one per reader, invented, each with the things a build looks for
# (a dateline, quotes and their speakers, figures in one unit for a chart, dated events), and
# about different things, so no two are copies (which would load datasketch, see above).
REHEARSAL = {
    "tram.html": """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Lindenfeld opens its first tram line</title>
<meta property="article:published_time" content="2024-03-04"></head><body><article>
<h1>Lindenfeld opens its first tram line</h1>
<p>LINDENFELD, 4 March 2024 - The city's first tram line opened on Monday and carried 12,400
passengers on its first day, the transit authority said.</p>
<p>"We expect ridership to grow by 15% within a year," said Mara Olsen, the authority's director.</p>
<p>The line cost 210 million euros, 8% more than planned. Fares rose 3% in January, and two bus
routes will be cut by 20% in May.</p></article></body></html>
""",
    "library.md": """---
title: Council approves a larger library budget
source: Lindenfeld Courier
published: 2024-03-05
tags: [culture]
---
# Council approves a larger library budget

The council approved 4.2 million euros for the city's libraries on Tuesday, 6% more than last year.

## Opening hours

"Longer hours were what readers asked for," said councillor Jonas Brandt. Visits fell 11% in 2022
and rose 9% in 2023.

- Two branches will open on Sundays from June.
- A mobile library starts in September.
""",
    "airport.json": """{"title": "Regional airport adds three routes", "source": "Valley Business Wire",
 "published": "2024-02-28", "author": "Staff", "tags": ["transport"],
 "body": ["The regional airport will add three routes in April, its operator said on Wednesday.",
          "Passenger numbers rose 14% in 2023 to 1.1 million, and cargo volumes rose 5%.",
          "\u201cDemand is back above its 2019 level,\u201d said chief executive Ines Vogt."]}
""",
    "harvest.yaml": """title: Orchards expect a smaller apple harvest
source: Farm Weekly
published: 2024-02-20
body:
  - Growers in the valley expect to pick 18% fewer apples this autumn after a late frost in April.
  - Prices for cider apples have already risen 7%, the growers' association said on Tuesday.
  - '"We lost most of the blossom in two nights," said grower Tomas Riedl.'
""",
    "bridge.txt": """Old river bridge to close for repairs

LINDENFELD, Feb. 12, 2024 - The old river bridge will close for eight months from 1 April so its
deck can be replaced, the roads department said on Monday.

About 9,000 vehicles cross the bridge each day. Diversions will add 12 minutes to an average trip.

"The deck is 90 years old and cannot wait another winter," said engineer Petra Haas.
""",
}


def rehearse() -> None:
    """Build one small briefing of invented articles, one in each format, through the same
    spec and task as a batch's (``batch.build_job``), into a folder removed after.

    A build pays for much on its first use that importing does not: trafilatura and its
    settings (an HTML article), markdown-it, a few hundred regular expressions compiled by the
    analysis and the cleaning step, the templates, the chart painter. Paid here, once, the
    workers fork with it done and share it; paid in each worker, it was about a third of a
    second of CPU on each core, at its first briefings. The output is thrown away: a build is
    pure (the same inputs give the same bytes in any process), so nothing here can change a
    later briefing's files, which the tests check against one process's. Never an error: it
    only saves time, and a forkserver whose preload raised would start no worker at all (a
    temporary folder that cannot be made, say), so then each worker pays at its first briefing.
    """
    import tempfile
    from pathlib import Path

    from .batch import build_job
    from .spec import resolve

    try:
        with tempfile.TemporaryDirectory(prefix="reporter-rehearsal-") as tmp:
            _REHEARSING.append(tmp)
            folder = Path(tmp)
            for name, text in REHEARSAL.items():
                (folder / name).write_text(text, encoding="utf-8")
            spec = folder / "rehearsal.briefing.yaml"
            spec.write_text("title: Rehearsal\nformats: [docx, pdf]\nout: out\narticles:\n"
                            + "".join(f"  - {name}\n" for name in REHEARSAL), encoding="utf-8")
            for job in resolve(spec):
                build_job(job)
    except Exception:  # noqa: BLE001 (see above)
        pass
    finally:
        _REHEARSING.clear()


_REHEARSING: list[str] = []  # the rehearsal's folder while it is built in (see ``warm``)


warm()
