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
