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
