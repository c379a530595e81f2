"""The one concurrency seam: the library runs serially unless a caller passes an executor.

Checked through the public API and the files written: a build from a thread forks
nothing, a process pool gives the same bytes as a serial build, and an error in a pool
worker arrives with its type, its message and the worker's own traceback.
"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import textwrap
import traceback
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import replace

import pytest

from conftest import FIXTURES, ROOT, SAMPLE, run_reporter
from reporter.errors import InputError
from reporter.model import Document, Paragraph, Text
from reporter.pipeline import SHARE_FROM, build_briefing, make_briefing, write_briefing

EPOCH = {"SOURCE_DATE_EPOCH": "1713571200"}


def _pool() -> ProcessPoolExecutor:
    return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver"))


def _bytes(paths) -> dict[str, bytes]:
    return {p.suffix: p.read_bytes() for p in paths}


def test_a_build_in_a_thread_while_another_runs_forks_nothing(tmp_path):
    script = textwrap.dedent(f"""
        import os, sys, threading
        forks = []
        os.register_at_fork(before=lambda: forks.append(os.getpid()))
        import reporter
        stop = threading.Event()
        busy = threading.Thread(target=lambda: [sum(range(1000)) for _ in iter(stop.is_set, True)])
        busy.start()
        result = []
        builder = threading.Thread(target=lambda: result.extend(
            reporter.build_briefing([{str(SAMPLE)!r}], out_dir={str(tmp_path / "thread")!r})))
        builder.start()
        builder.join()
        stop.set()
        busy.join()
        assert not forks, f"forked {{len(forks)}} time(s)"
        print("\\n".join(map(str, result)))
    """)
    res = subprocess.run([sys.executable, "-W", "error", "-c", script], capture_output=True, text=True,
                         cwd=ROOT, env={**__import__("os").environ, **EPOCH}, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stderr == ""
    written = [p for p in map(__import__("pathlib").Path, res.stdout.split())]
    assert sorted(p.suffix for p in written) == [".docx", ".pdf"]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH["SOURCE_DATE_EPOCH"])
        serial = build_briefing([SAMPLE], out_dir=tmp_path / "serial")
    assert _bytes(written) == _bytes(serial)


def test_a_process_pool_and_a_thread_pool_give_the_serial_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH["SOURCE_DATE_EPOCH"])
    inputs = sorted(FIXTURES.glob("*.*")) * 2  # 36 articles: the analysis is shared with the executor
    assert len(inputs) >= SHARE_FROM
    serial = _bytes(build_briefing(inputs, out_dir=tmp_path / "serial"))
    with _pool() as pool:
        pooled = _bytes(build_briefing(inputs, out_dir=tmp_path / "pool", executor=pool))
    with ThreadPoolExecutor(2) as threads:
        threaded = _bytes(build_briefing(inputs, out_dir=tmp_path / "threads", executor=threads))
    assert pooled == serial and threaded == serial and set(serial) == {".docx", ".pdf"}


def test_a_writer_error_in_the_pool_arrives_with_its_type_message_and_traceback(tmp_path):
    briefing = make_briefing([SAMPLE])
    meta = briefing.document.meta
    broken = replace(briefing, document=Document(meta, (Paragraph((Text(5),)),)))  # not text: a bug
    with pytest.raises(TypeError) as here:
        write_briefing(broken, formats=("pdf",), out_dir=tmp_path / "serial")
    with _pool() as pool, pytest.raises(TypeError) as there:
        write_briefing(broken, formats=("pdf",), out_dir=tmp_path / "pool", executor=pool)
    assert str(there.value) == str(here.value)
    remote = str(there.value.__cause__)
    local = "".join(traceback.format_tb(there.value.__traceback__))
    assert "Traceback" in remote and "writers/pdf.py" in remote and "in _layout" in remote
    assert "writers/pdf.py" not in local  # the frames above came from the worker
    assert [p.name for p in (tmp_path / "pool").iterdir()] == []  # no temp file left behind


def test_an_input_error_in_the_pool_keeps_its_file_and_message(tmp_path):
    from reporter.writers.reference_doc import Reference

    bad_ref = tmp_path / "corporate.docx"
    # A reference read already (so the check here is passed) whose package python-docx refuses there.
    reference = Reference(path=str(bad_ref), data=b"not a zip")
    briefing = make_briefing([SAMPLE])
    with _pool() as pool, pytest.raises(InputError) as err:
        write_briefing(briefing, formats=("pdf", "docx"), out_dir=tmp_path / "out", reference_doc=reference,
                       executor=pool)  # the DOCX, second, is the pool's
    assert err.value.path == str(bad_ref) and "not a usable Word reference document" in err.value.message
    assert "writers/docx.py" in str(err.value.__cause__)
    assert list((tmp_path / "out").iterdir()) == []


def test_the_cli_reports_a_worker_input_error_in_one_line_with_exit_2(tmp_path):
    bad_ref = tmp_path / "corporate.docx"
    bad_ref.write_text("not a zip")
    out = tmp_path / "out"
    res = run_reporter("build", str(SAMPLE), "--format", "pdf,docx", "--reference-doc", str(bad_ref),
                       "--out", str(out))
    assert res.returncode == 2
    (line,) = res.stderr.splitlines()
    # read before the build, in this process, through the one package reader
    assert line == f"reporter: error: {bad_ref}: is not a DOCX file (not a ZIP package)"
    assert not out.exists() or list(out.iterdir()) == []


class _Recording(ThreadPoolExecutor):
    """A thread pool that remembers the name of each function it was given."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sent: list[str] = []

    def submit(self, fn, /, *args, **kwargs):
        self.sent.append(getattr(fn, "__name__", type(fn).__name__))
        return super().submit(fn, *args, **kwargs)


def test_the_executor_paints_the_docx_charts_one_by_one_once_it_is_free_and_the_pictures_are_the_same():
    from concurrent.futures import Future

    from reporter.model import Chart, walk
    from reporter.pipeline import ChartsThere
    from reporter.style import load_house_style
    from reporter.writers.docx_chart import chart_png

    hs = load_house_style()
    charts = [b for b in walk(make_briefing([SAMPLE]).document.blocks) if isinstance(b, Chart)]
    assert len(charts) == 2
    pdf_written: Future = Future()
    with _Recording(1) as pool:
        painter = ChartsThere(pool, pdf_written)
        painter.plan(charts, 450.0, hs)
        assert pool.sent == []  # the executor is still writing the PDF: nothing is sent yet
        pdf_written.set_result(None)
        first = painter(charts[0], 450.0, hs)  # sent when the PDF was done, waited for here
        second = painter(charts[1], 450.0, hs)  # sent when the first was done
        assert pool.sent == ["chart_png", "chart_png"]
        assert painter.close() and all(f.done() for f in painter.close())
    assert first == chart_png(charts[0], 450.0, hs) and second == chart_png(charts[1], 450.0, hs)
    assert first[0].startswith(b"\x89PNG") and first[0] != second[0]


def test_a_chart_the_body_reaches_first_or_at_another_width_is_painted_here():
    from concurrent.futures import Future

    from reporter.model import Chart, walk
    from reporter.pipeline import ChartsThere
    from reporter.style import load_house_style
    from reporter.writers.docx_chart import chart_png

    hs = load_house_style()
    charts = [b for b in walk(make_briefing([SAMPLE]).document.blocks) if isinstance(b, Chart)]
    busy: Future = Future()
    with _Recording(1) as pool:
        painter = ChartsThere(pool, busy)
        painter.plan(charts, 450.0, hs)
        here = painter(charts[0], 450.0, hs)  # the executor is busy: painted here, never sent
        busy.set_result(None)  # now free: the second is sent
        other = painter(charts[1], 300.0, hs)  # but the body wants another width: painted here too
        assert pool.sent == ["chart_png"]
        painter.close()
    assert here == chart_png(charts[0], 450.0, hs)
    assert other == chart_png(charts[1], 300.0, hs) != chart_png(charts[1], 450.0, hs)
