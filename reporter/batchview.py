"""What a batch shows while it runs: a progress bar on a terminal, plain lines elsewhere.

A log or CI job gets one line per briefing as it finishes (``[3/10] built daily.yaml``),
which reads well in a file; a person at a terminal gets rich's bar. Both end with the
same table: every briefing, whether it was built, skipped as up to date or failed, and
why in one line. Everything goes to stderr, so stdout stays the paths written.
"""

from __future__ import annotations

import sys
from typing import Sequence

from .batch import Outcome, summary_rows


class BatchView:
    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._progress = None
        self._task = None

    def __enter__(self) -> "BatchView":
        if self.tty:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            # Redrawn at each briefing, not from a thread of its own: with no other thread alive the
            # batch's workers can be forked from this process (forkpool), a terminal or not.
            self._progress = Progress(TextColumn("briefings"), BarColumn(), MofNCompleteColumn(),
                                      TimeElapsedColumn(), TextColumn("{task.description}"),
                                      console=Console(file=self.stream), transient=True, auto_refresh=False)
            self._progress.start()
            self._task = self._progress.add_task("", total=None)
        return self

    def __exit__(self, *exc) -> bool:
        if self._progress is not None:
            self._progress.stop()
        return False

    def update(self, outcome: Outcome, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=done, total=total, description=outcome.label)
            self._progress.refresh()
            return
        tail = f": {outcome.reason}" if outcome.reason else ""
        print(f"[{done}/{total}] {outcome.status} {outcome.label}{tail}", file=self.stream, flush=True)

    def summary(self, outcomes: Sequence[Outcome]) -> None:
        counts = {s: sum(o.status == s for o in outcomes) for s in ("built", "skipped", "failed")}
        line = f"{counts['built']} built, {counts['skipped']} up to date, {counts['failed']} failed"
        rows = summary_rows(outcomes)
        if self.tty:
            from rich.console import Console
            from rich.table import Table

            table = Table(title=line, title_justify="left")
            for column in ("briefing", "status", "files or reason"):
                table.add_column(column, overflow="fold")
            colour = {"built": "green", "skipped": "dim", "failed": "red"}
            for label, status, detail in rows:
                table.add_row(label, f"[{colour[status]}]{status}[/]", detail)
            Console(file=self.stream).print(table)
            return
        width = max((len(r[0]) for r in rows), default=8)
        for label, status, detail in rows:
            print(f"{label:<{width}}  {status:<7}  {detail}", file=self.stream)
        print(line, file=self.stream, flush=True)
