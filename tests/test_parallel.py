"""Writers run side by side in a forked child; errors come back as the same one-line errors."""

from __future__ import annotations

import pytest

from reporter.errors import InputError
from reporter.parallel import map_halves, run_jobs


@pytest.mark.parametrize("jobs_env", ["", "1"])
def test_every_job_runs_and_writes(tmp_path, monkeypatch, jobs_env):
    monkeypatch.setenv("REPORTER_JOBS", jobs_env)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    run_jobs([lambda: a.write_text("first"), lambda: b.write_text("second")])
    assert (a.read_text(), b.read_text()) == ("first", "second")


def test_an_input_error_in_the_child_keeps_its_message_and_file(tmp_path):
    def bad():
        raise InputError("not a usable Word reference document", tmp_path / "corp.docx")

    done = tmp_path / "done"
    with pytest.raises(InputError) as err:
        run_jobs([bad, lambda: done.write_text("ok")])
    assert str(err.value) == f"{tmp_path / 'corp.docx'}: not a usable Word reference document"
    assert done.read_text() == "ok"  # the other writer still finished


def test_a_bug_in_the_child_is_not_swallowed(tmp_path):
    def crash():
        raise ZeroDivisionError("boom")

    with pytest.raises(RuntimeError, match="ZeroDivisionError: boom"):
        run_jobs([crash, lambda: None])


def test_an_error_in_the_parent_still_waits_for_the_child(tmp_path):
    child_file = tmp_path / "child"

    def parent_fails():
        raise InputError("layout failed", "x.pdf")

    with pytest.raises(InputError, match="layout failed"):
        run_jobs([lambda: child_file.write_text("written"), parent_fails])
    assert child_file.read_text() == "written"


@pytest.mark.parametrize("jobs_env", ["", "1"])
def test_map_halves_gives_the_same_results_in_order(monkeypatch, jobs_env):
    monkeypatch.setenv("REPORTER_JOBS", jobs_env)
    items = list(range(23))
    assert map_halves(lambda x: {"n": x, "sq": x * x}, items) == [{"n": x, "sq": x * x} for x in items]


def test_map_halves_reports_an_error_from_either_half():
    def boom(x):
        if x == 20:
            raise InputError("article 20 is broken", "a20.txt")
        return x

    with pytest.raises(InputError, match="a20.txt: article 20 is broken"):
        map_halves(boom, list(range(24)))


def test_analysis_of_many_articles_matches_one_by_one(monkeypatch):
    from conftest import SAMPLE
    from reporter.analysis import analyze
    from reporter.articles import load_articles
    from reporter.pipeline import analyse_all

    articles = load_articles(SAMPLE) * 10
    assert analyse_all(articles) == [analyze(a) for a in articles]


def _worker_pid_state(pid: int) -> str:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return "gone"
    return "alive"


def test_a_worker_warms_up_then_runs_the_job_it_is_sent(tmp_path):
    import os
    from pathlib import Path

    from reporter.parallel import Worker

    marker = tmp_path / "warm"
    worker = Worker(lambda: marker.write_text(str(os.getpid())))
    worker.submit(Path.write_text, tmp_path / "job.txt", "from the worker")
    assert worker.result() == len("from the worker")
    assert (tmp_path / "job.txt").read_text() == "from the worker"
    assert marker.read_text() == str(worker.pid)  # the warm-up ran in the worker, not here
    worker.close()  # harmless after a result
    assert _worker_pid_state(worker.pid) == "gone"


def test_a_worker_reports_an_input_error_with_its_file(tmp_path):
    from reporter.parallel import Worker

    worker = Worker(lambda: None)
    worker.submit(_fail_with_input_error, str(tmp_path / "corp.docx"))
    with pytest.raises(InputError) as err:
        worker.result()
    assert str(err.value) == f"{tmp_path / 'corp.docx'}: not a usable Word reference document"


def _fail_with_input_error(path: str) -> None:
    raise InputError("not a usable Word reference document", path)


def test_a_worker_sent_no_job_is_stopped_at_once_and_writes_nothing(tmp_path):
    import time

    from reporter.parallel import Worker

    def slow_warm_up():
        time.sleep(30)
        (tmp_path / "late").write_text("should never be written")

    worker = Worker(slow_warm_up)
    start = time.monotonic()
    worker.close()
    assert time.monotonic() - start < 5  # not held up by the 30 s warm-up
    assert _worker_pid_state(worker.pid) == "gone" and not (tmp_path / "late").exists()


def test_a_failed_build_stops_the_pdf_worker_and_leaves_out_empty(tmp_path, monkeypatch):
    from reporter.pipeline import make_and_write

    monkeypatch.setenv("REPORTER_JOBS", "")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "out"
    with pytest.raises(InputError, match="empty"):
        make_and_write([empty], out_dir=out)
    assert not out.exists() or list(out.iterdir()) == []


def test_build_with_the_pdf_worker_matches_a_build_in_one_process(tmp_path, monkeypatch):
    from conftest import SAMPLE
    from reporter.pipeline import make_and_write

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1713571200")
    files = {}
    for jobs in ("", "1"):
        monkeypatch.setenv("REPORTER_JOBS", jobs)
        _, written = make_and_write([SAMPLE], out_dir=tmp_path / f"jobs{jobs or 'N'}")
        files[jobs] = {fmt: p.read_bytes() for fmt, p in written.items()}
    assert files[""] == files["1"] and set(files[""]) == {"docx", "pdf"}
    assert b"%PDF" in files[""]["pdf"][:8]


def test_a_worker_runs_several_jobs_in_turn_and_shares_a_map():
    from reporter.parallel import Worker, map_halves_with

    worker = Worker(lambda: None)
    try:
        items = list(range(21))
        assert map_halves_with(worker, abs, [-x for x in items]) == items  # half of it in the worker
        worker.submit(divmod, 17, 5)
        assert worker.result() == (3, 2)
        worker.submit(divmod, 1, 0)
        with pytest.raises(RuntimeError, match="ZeroDivisionError"):
            worker.result()
        worker.submit(pow, 2, 10)  # still serving after a failed job
        assert worker.result() == 1024
    finally:
        worker.close()
    assert _worker_pid_state(worker.pid) == "gone"


def test_a_job_that_cannot_be_pickled_fails_here_and_stops_the_worker():
    import pickle

    from reporter.parallel import Worker

    worker = Worker(lambda: None)
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        worker.submit(divmod, lambda: None, 2)  # a lambda has no importable name
    assert _worker_pid_state(worker.pid) == "gone"
    worker.close()  # harmless after that


def test_a_large_job_streams_to_the_worker():
    from reporter.parallel import Worker

    worker = Worker(lambda: None)
    try:
        big = [f"{i:05d}" + "x" * 1000 for i in range(5000)]  # 5 MB: far more than a pipe holds
        worker.submit(len, big)
        assert worker.result() == 5000
    finally:
        worker.close()


def test_a_worker_asked_to_warm_after_its_first_job_runs_that_job_first(tmp_path):
    from pathlib import Path

    from reporter.parallel import Worker

    marker = tmp_path / "warm"
    worker = Worker(lambda: marker.write_text("warmed"), warm_after_first_job=True)
    try:
        worker.submit(Path.exists, marker)
        assert worker.result() is False  # the job did not wait for the warm-up
        worker.submit(Path.read_text, marker)
        assert worker.result() == "warmed"  # the warm-up came right after it
    finally:
        worker.close()
