"""Folders, globs, briefing specs and batches, as a user runs them; outputs read back."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, IN_CI, run_reporter

EPOCH = {"SOURCE_DATE_EPOCH": "1713571200"}


def _docx_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


@pytest.fixture
def desk(tmp_path):
    arts = tmp_path / "arts"
    (arts / "sub").mkdir(parents=True)
    shutil.copy(FIXTURES / "eurozone-inflation.json", arts / "eurozone-inflation.json")
    shutil.copy(FIXTURES / "kenya-drought-aid.md", arts / "sub" / "kenya-drought-aid.md")
    (arts / ".hidden.md").write_text("---\ntitle: Hidden\n---\nNever read this.\n")
    (arts / "briefing-old.pdf").write_bytes(b"%PDF-1.4 not an article")
    return tmp_path


def test_a_folder_is_its_article_files_in_order_hidden_and_outputs_skipped(desk):
    from reporter.inputs import expand_inputs

    files = expand_inputs([desk / "arts"])
    assert [f.name for f in files] == ["eurozone-inflation.json", "kenya-drought-aid.md"]
    assert [f.name for f in expand_inputs([str(desk / "arts" / "**" / "*.md")])] == ["kenya-drought-aid.md"]
    res = run_reporter("build", str(desk / "arts"), "--out", str(desk / "out"), env=EPOCH)
    assert res.returncode == 0, res.stderr
    docx = next(Path(p) for p in res.stdout.split() if p.endswith(".docx"))
    text = _docx_text(docx)
    assert "Kenya" in text and "Never read this" not in text


def test_a_quoted_glob_is_expanded_by_us(desk):
    res = run_reporter("build", str(desk / "arts" / "*.json"), "--out", str(desk / "out"), "--format", "docx",
                       env=EPOCH)
    assert res.returncode == 0, res.stderr
    assert "Kenya" not in _docx_text(Path(res.stdout.split()[0]))
    res = run_reporter("build", str(desk / "arts" / "*.txt"), "--out", str(desk / "out2"))
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "no files match" in res.stderr


def _spec(desk, text: str, name: str = "briefing.yaml") -> Path:
    path = desk / name
    path.write_text(text)
    return path


def test_a_spec_builds_with_its_options_and_the_command_line_wins(desk):
    spec = _spec(desk, "title: Desk briefing\nprepared_for: Desk A\nmarking: tlp:amber\narticles: arts/\n"
                       "formats: docx\nname: desk\nsections:\n  - heading: Markets\n    articles: 'arts/*.json'\n"
                       "  - heading: Rest\n")
    res = run_reporter("build", str(spec), "--prepared-for", "Desk B", env=EPOCH)
    assert res.returncode == 0, res.stderr
    out = Path(res.stdout.split()[0])
    assert out == desk / "out" / "desk.docx"
    text = _docx_text(out)
    assert "Desk briefing" in text and "Desk B" in text and "Desk A" not in text and "TLP:AMBER" in text
    assert text.index("nflation") < text.index("Kenya")  # the sections' order


@pytest.mark.parametrize("body, needle", [
    ("articles: arts/\ntitel: x\n", "2: titel: unknown key"),
    ("articles: arts/\nsummary_items: many\n", "2: summary_items:"),
    ("articles: nothing/*.md\n", "1: articles: nothing/*.md: no files match"),
    ("articles: arts/\ntemplate: missing.j2\n", "2: template: missing.j2: no such file"),
    ("articles: arts/\nsections:\n  - heading: R\n    filter: {source: Nobody}\n", "section 'R': no article matches"),
    ("articles: arts/\ndate: 2025-02-30\n", "2: date: '2025-02-30' is not a date that exists"),
    ("articles: arts/\ndelivery:\n  to: a@example.org\n  password: hunter2\n", "4: delivery.password: never"),
    ("articles: arts/\nmarking: TLP:ORANGE\n", "unknown TLP marking"),
    ("articles: arts/\nsections:\n  - heading: R\n    headng: x\n", "4: sections[0].headng: unknown key (known: "
     "articles, filter, heading)"),
    ("articles: arts/\nbriefings:\n  - name: a\n    formats: [docx, odt]\n", "4: briefings[0].formats[1]:"),
    ('articles: arts/\nname: "invoice\\u202egpj.exe"\n', "2: name: a file name of visible characters only"),
])
def test_spec_errors_are_one_line_naming_key_and_line(desk, body, needle):
    spec = _spec(desk, body)
    res = run_reporter("build", str(spec))
    assert res.returncode == 2, res.stderr
    assert res.stderr.count("\n") == 1 and needle in res.stderr and "briefing.yaml" in res.stderr
    assert not (desk / "out").exists() or not any((desk / "out").iterdir())


def test_init_writes_a_spec_that_builds(desk):
    res = run_reporter("init", str(desk / "arts"))
    assert res.returncode == 0, res.stderr
    spec = desk / "briefing.yaml"
    assert "articles: arts/" in spec.read_text()
    res = run_reporter("build", str(spec), "--format", "docx", env=EPOCH)
    assert res.returncode == 0, res.stderr
    assert "Morning briefing" in _docx_text(Path(res.stdout.split()[0]))


def _batch_specs(desk) -> list[Path]:
    good = _spec(desk, "articles: arts/\nformats: [docx, pdf]\nbriefings:\n  - name: one\n    prepared_for: One\n"
                       "  - name: two\n    prepared_for: Two\n    articles: 'arts/*.json'\n", "desk.yaml")
    bad = _spec(desk, "articles: arts/none-*.md\n", "bad.yaml")
    return [good, bad]


def test_a_batch_builds_the_good_reports_the_bad_and_skips_what_is_up_to_date(desk):
    specs = _batch_specs(desk)
    res = run_reporter("batch", *map(str, specs), env=EPOCH)
    assert res.returncode == 2
    assert "2 built, 0 up to date, 1 failed" in res.stderr and "no files match" in res.stderr
    out = desk / "out"
    assert "Two" in _docx_text(out / "two.docx") and "One" in _docx_text(out / "one.docx")
    manifest = json.loads((out / ".reporter-manifest.json").read_text())
    assert len(manifest["briefings"]) == 2
    before = (out / "one.pdf").stat().st_mtime_ns
    res = run_reporter("batch", str(specs[0]), env=EPOCH)
    assert res.returncode == 0 and "0 built, 2 up to date" in res.stderr
    assert (out / "one.pdf").stat().st_mtime_ns == before
    (desk / "arts" / "sub" / "kenya-drought-aid.md").write_text("---\ntitle: Changed story\n---\nA new text.\n")
    res = run_reporter("batch", str(specs[0]), env=EPOCH)
    assert "1 built, 1 up to date" in res.stderr  # 'two' takes only the JSON file
    res = run_reporter("batch", str(specs[0]), "--force", env=EPOCH)
    assert "2 built, 0 up to date" in res.stderr


def test_an_interrupted_batch_resumes(desk):
    from reporter.batch import run_batch
    from reporter.spec import resolve

    jobs = resolve(_batch_specs(desk)[0])
    seen = []

    def stop_after_first(outcome, done, total):
        seen.append(outcome)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(jobs, progress=stop_after_first)
    outcomes = run_batch(jobs)
    assert [o.status for o in outcomes] == ["skipped", "built"]


def test_dask_localcluster_gives_the_pool_s_bytes(desk, monkeypatch):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        if IN_CI:
            pytest.fail("dask/distributed missing (CI=true: install the test extras)")
        pytest.skip("dask/distributed not installed")
    from concurrent.futures import ProcessPoolExecutor

    from reporter.batch import run_batch
    from reporter.spec import resolve

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH["SOURCE_DATE_EPOCH"])
    spec = _batch_specs(desk)[0]
    pool_jobs = resolve(spec, {"out": str(desk / "pool")})
    with ProcessPoolExecutor(2) as pool:
        assert all(o.status == "built" for o in run_batch(pool_jobs, executor=pool))
    dask_jobs = resolve(spec, {"out": str(desk / "dask")})
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        with Client(cluster) as client:
            outcomes = run_batch(dask_jobs, executor=client.get_executor(retries=2, pure=False), return_bytes=True)
        assert [o.status for o in outcomes] == ["built", "built"]
        # and as a user runs it: the command line's client, the workers writing into a shared folder
        res = run_reporter("batch", str(spec), "--out", str(desk / "shared"), "--scheduler",
                           cluster.scheduler_address, "--shared-out", env=EPOCH)
        assert res.returncode == 0 and "2 built, 0 up to date, 0 failed" in res.stderr, res.stderr
        # a worker lost mid-task: its briefing is built again elsewhere, and nothing differs
        from distributed.diagnostics.plugin import WorkerPlugin

        marker = desk / "a-worker-died"

        class DieInFirstTask(WorkerPlugin):
            def __init__(self, path):
                self.path = path

            def transition(self, key, start, finish, **kwargs):
                if finish == "executing" and not os.path.exists(self.path):
                    open(self.path, "w").close()
                    os._exit(1)  # the worker process ends with the task half done

        with Client(cluster) as client:
            client.register_plugin(DieInFirstTask(str(marker)))
            lost = run_batch(resolve(spec, {"out": str(desk / "lost")}),
                             executor=client.get_executor(retries=2, pure=False), return_bytes=True)
        assert marker.exists() and [o.status for o in lost] == ["built", "built"]
    for name in ("one.docx", "one.pdf", "two.docx", "two.pdf"):
        assert (desk / "shared" / name).read_bytes() == (desk / "pool" / name).read_bytes()
    for name in ("one.docx", "one.pdf", "two.docx", "two.pdf"):
        assert (desk / "dask" / name).read_bytes() == (desk / "pool" / name).read_bytes()
        assert (desk / "lost" / name).read_bytes() == (desk / "pool" / name).read_bytes()
    assert "Two" in _docx_text(desk / "dask" / "two.docx")


def test_the_pool_s_warm_workers_give_one_process_s_bytes(tmp_path):
    """The pool's workers fork warm, from the command (``reporter.forkpool``) or from a
    forkserver that has imported every step (``reporter.batchworker``); nothing that leaves in
    the process may reach a real briefing's files. One briefing per reader, then all together."""
    import reporter

    names = ["colombia-peace-talks.html", "kenya-drought-aid.md", "eurozone-inflation.json",
             "coral-bleaching-study.yaml", "peru-us-organized-crime.txt"]
    lines = ["formats: [docx, pdf]", "briefings:"]
    for i, name in enumerate(names):
        lines += [f"  - name: single-{i}", f"    articles: ['{FIXTURES / name}']"]
    lines += ["  - name: all", "    articles:"] + [f"      - '{FIXTURES / name}'" for name in names]
    spec = tmp_path / "mixed.yaml"
    spec.write_text("\n".join(lines) + "\n")
    for jobs, pool in (("1", ""), ("2", ""), ("2", "forkserver")):
        res = run_reporter("batch", str(spec), "--out", str(tmp_path / (jobs + pool)), "-j", jobs,
                           env={**EPOCH, "REPORTER_POOL": pool})
        assert res.returncode == 0 and "6 built, 0 up to date, 0 failed" in res.stderr, res.stderr
    built = sorted(p.name for p in (tmp_path / "1").iterdir() if p.suffix in (".docx", ".pdf"))
    assert len(built) == 12
    for name in built:
        assert (tmp_path / "2" / name).read_bytes() == (tmp_path / "1" / name).read_bytes(), name
        assert (tmp_path / "2forkserver" / name).read_bytes() == (tmp_path / "1" / name).read_bytes(), name
    text = _docx_text(tmp_path / "2" / "all.docx")
    for name in names:
        assert reporter.load_articles(FIXTURES / name)[0].title in text


def test_workers_finishing_into_one_folder_at_once_lose_no_note_of_what_they_wrote(tmp_path):
    """Each build notes its DOCX files' hashes in the folder's record, so a later build can
    tell a user's edit; a pool's workers finish into one folder at the same moment, and a note
    lost between two of them made the next `batch --force` fail that briefing as edited."""
    import subprocess
    import sys

    from reporter.fileio import edited_since_written

    script = ("import sys, pathlib\nfrom reporter.fileio import record_written\n"
              "folder, tag = pathlib.Path(sys.argv[1]), sys.argv[2]\n"
              "for i in range(60):\n"
              "    path = folder / f'{tag}-{i}.docx'\n"
              "    path.write_bytes(f'{tag} {i}'.encode())\n"
              "    record_written([path])\n")
    procs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path), tag]) for tag in ("a", "b", "c")]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0]
    written = sorted(tmp_path.glob("*.docx"))
    assert len(written) == 180 and edited_since_written(written) == []


def test_a_worker_stopped_while_it_rehearses_removes_its_rehearsal(tmp_path):
    """A Dask worker preloading reporter.batchworker rehearses a build as it starts; SIGTERM
    then (as the batch command stops a forkserver still warming up) must end it as from an
    error, the rehearsal's folder removed."""
    import subprocess
    import sys

    script = ("import os, signal\nimport reporter.batch as batch\nbuild = batch.build_job\n"
              "def stopped(job, *args):\n    os.kill(os.getpid(), signal.SIGTERM)\n    return build(job, *args)\n"
              "batch.build_job = stopped\nimport reporter.batchworker\nreporter.batchworker.dask_setup(None)\n")
    res = subprocess.run([sys.executable, "-c", script], env={**os.environ, "TMPDIR": str(tmp_path)},
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 128 + 15, res.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_spec_s_delivery_is_sent_to_a_real_smtp_server_on_loopback(desk):
    from email import message_from_bytes, policy

    from aiosmtpd.controller import Controller

    class Recorder:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append((envelope.rcpt_tos, envelope.content))
            return "250 OK"

    from test_email import free_port

    handler = Recorder()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        spec = _spec(desk, f"articles: 'arts/*.json'\nname: eu\nmarking: tlp:green\ndelivery:\n"
                           f"  to: desk@example.org\n  bcc: [archive@example.net]\n  from: reporter@example.org\n"
                           f"  smtp: 127.0.0.1:{port}\n  security: plain\n  timeout: 5\n")
        res = run_reporter("email", str(spec), env={**EPOCH, "REPORTER_SMTP_USER": "", "REPORTER_SMTP_PASSWORD": ""})
        assert res.returncode == 0, res.stderr
    finally:
        controller.stop()
    eml = Path(res.stdout.split()[0])
    assert eml.parent == desk / "out" and eml.suffix == ".eml" and "sent to 2 recipient(s)" in res.stderr
    [(rcpt, content)] = handler.messages
    assert sorted(rcpt) == ["archive@example.net", "desk@example.org"]
    msg = message_from_bytes(content, policy=policy.default)
    assert msg["To"] == "desk@example.org" and "archive" not in str(msg)[:2000] and "TLP:GREEN" in msg["Subject"]
    names = sorted(part.get_filename() for part in msg.iter_attachments())
    assert names == ["eu.docx", "eu.pdf"]


@pytest.mark.parametrize("given, expected", [
    ("tlp:amber", "TLP:AMBER"), ("TLP: Amber + Strict", "TLP:AMBER+STRICT"), ("tlp:white", "TLP:CLEAR"),
    ("TLP:GREEN", "TLP:GREEN"), ("OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"), (None, None),
])
def test_tlp_markings_take_their_2_0_spelling(given, expected):
    from reporter.marking import normalise_marking

    assert normalise_marking(given) == expected


def test_the_command_line_marking_is_normalised_too(desk):
    res = run_reporter("build", str(desk / "arts" / "*.json"), "--marking", "tlp:red", "--format", "docx",
                       "--out", str(desk / "out"), env=EPOCH)
    assert res.returncode == 0, res.stderr
    text = _docx_text(Path(res.stdout.split()[0]))
    assert "TLP:RED" in text and "tlp:red" not in text


def test_an_impossible_date_and_an_out_folder_that_cannot_be_made_are_one_line(desk):
    res = run_reporter("build", str(desk / "arts"), "--date", "2025-02-30")
    assert res.returncode == 2 and "2025-02-30: that date does not exist" in res.stderr
    (desk / "afile").write_text("x")
    res = run_reporter("build", str(desk / "arts"), "--out", str(desk / "afile" / "out"))
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "cannot write there" in res.stderr


def test_a_briefing_that_fails_in_its_worker_leaves_the_others_built(desk):
    from concurrent.futures import ProcessPoolExecutor

    from reporter.batch import run_batch
    from reporter.spec import resolve

    spec = _spec(desk, "articles: arts/\nformats: docx\nbriefings:\n  - name: good\n  - name: empty\n    sections:\n"
                       "      - heading: Nobody's\n        filter: {source: No Such Outlet}\n", "mixed.yaml")
    with ProcessPoolExecutor(2) as pool:
        outcomes = run_batch(resolve(spec), executor=pool)
    assert [o.status for o in outcomes] == ["built", "failed"]
    assert "section \"Nobody's\": no article matches" in outcomes[1].reason and "mixed.yaml" in outcomes[1].reason
    assert "Kenya" in _docx_text(desk / "out" / "good.docx") and not (desk / "out" / "empty.docx").exists()
    assert outcomes[1].reason.count("\n") == 0


def test_a_docx_or_pdf_given_as_an_article_is_named_for_what_it_is(desk):
    import docx
    from reportlab.pdfgen import canvas

    word = desk / "notes.docx"
    d = docx.Document()
    d.add_paragraph("Some notes kept in Word.")
    d.save(str(word))
    pdf = desk / "scan.pdf"
    c = canvas.Canvas(str(pdf))
    c.drawString(72, 720, "A text PDF.")
    c.save()
    for path, what in ((word, "is a Word document, not article text"), (pdf, "is a PDF file, not article text")):
        res = run_reporter("build", str(path), "--out", str(desk / "out"))
        assert res.returncode == 2 and res.stderr.count("\n") == 1, res.stderr
        line = res.stderr.strip()
        assert line.startswith(f"reporter: error: {path}: {what}") and ".md" in line and ".html" in line, line
        assert not (desk / "out").exists()


def test_sections_print_their_headings_over_their_stories_and_a_tag_filter_picks(desk):
    """A section is a heading in the briefing with its stories under it, in the spec's order;
    a section whose articles all came earlier prints nothing; ``tag`` reads the article's tags."""
    import docx

    from conftest import SAMPLE, pdf_text

    md = desk / "arts" / "sub" / "kenya-drought-aid.md"
    md.write_text(md.read_text().replace("author: Wanjiru Kamau\n", "author: Wanjiru Kamau\ntags: [Aid, Africa]\n"))
    record = desk / "arts" / "eurozone-inflation.json"
    record.write_text(record.read_text().replace('"body":', '"keywords": "economy; Europe",\n  "body":', 1))
    shutil.copy(SAMPLE, desk / "arts" / SAMPLE.name)
    spec = _spec(desk, "title: Desk briefing\narticles: arts/\nformats: [docx, pdf]\nname: desk\nsections:\n"
                       "  - heading: Humanitarian\n    filter: {tag: aid}\n"
                       "  - heading: Markets and money\n    filter: {tags: [EUROPE, nothing]}\n"
                       "  - heading: Everything else\n"
                       "  - heading: Aid again\n    filter: {tag: africa}\n")
    res = run_reporter("build", str(spec), env=EPOCH)
    assert res.returncode == 0, res.stderr
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(desk / "out" / "desk.docx")).paragraphs]
    annex = paragraphs.index(("Heading 1", "Annex: the articles"))
    front = [(style, text) for style, text in paragraphs[:annex] if style in ("Heading 1", "Heading 2")]
    assert [text for style, text in front if style == "Heading 1"] == [
        "Executive summary", "Humanitarian", "Markets and money", "Everything else", "Key figures"]
    under = {}
    for style, text in front:
        if style == "Heading 1":
            current = under.setdefault(text, [])
        else:
            current.append(text)
    assert len(under["Humanitarian"]) == 1 and "Kenya" in under["Humanitarian"][0]
    assert len(under["Markets and money"]) == 1 and "Eurozone" in under["Markets and money"][0]
    assert len(under["Everything else"]) == 1 and "Peru" in under["Everything else"][0]
    text = " ".join(pdf_text(desk / "out" / "desk.pdf").split())
    assert text.index("Humanitarian") < text.index("Markets and money") < text.index("Everything else")
    assert "Aid again" not in text
    bad = _spec(desk, "articles: arts/\nsections:\n  - heading: Sport\n    filter: {tag: football}\n", "bad.yaml")
    res = run_reporter("build", str(bad), env=EPOCH)
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "section 'Sport': no article matches" in res.stderr


def test_a_batch_shows_a_bar_and_a_table_on_a_terminal_and_plain_lines_in_a_log(desk):
    import pty
    import subprocess
    import sys

    spec = _spec(desk, "articles: 'arts/*.json'\nformats: docx\nbriefings:\n  - name: one\n  - name: two\n",
                 "small.yaml")
    env = {**os.environ, **EPOCH, "COLUMNS": "100", "TERM": "xterm"}
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "reporter", "batch", str(spec), "--out", str(desk / "tty")],
                            stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    stdout = proc.communicate(timeout=120)[0].decode()
    assert proc.returncode == 0, seen.decode(errors="replace")
    import re

    raw = seen.decode("utf-8", "replace")
    assert "briefings" in raw and "━" in raw and "\x1b[" in raw  # rich's bar, drawn with escape codes
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", raw)
    header = next(line for line in shown.splitlines() if "briefing" in line and "status" in line)
    assert "│" in header or "┃" in header  # the table, in boxes
    assert "2 built, 0 up to date, 0 failed" in shown and shown.count("built") >= 3
    assert "[1/2]" not in shown
    assert sorted(Path(p).name for p in stdout.split()) == ["one.docx", "two.docx"]
    res = run_reporter("batch", str(spec), "--out", str(desk / "log"), env=EPOCH)
    assert res.returncode == 0, res.stderr
    lines = res.stderr.splitlines()
    assert lines[0].startswith("[1/2] built ") and lines[1].startswith("[2/2] built ") and "\x1b[" not in res.stderr
    assert lines[-1] == "2 built, 0 up to date, 0 failed" and "┃" not in res.stderr
    assert res.stdout.split() == [str(desk / "log" / n) for n in ("one.docx", "two.docx")]


@pytest.mark.parametrize("pool", ["forked", "forkserver"])
def test_a_killed_batch_leaves_no_worker_behind(desk, pool):
    """SIGKILL cannot be handled: the pool's workers (forked from the command, or the
    forkserver's children, which keep it alive in turn) must see the command is gone and end
    by themselves."""
    import signal
    import subprocess
    import sys
    import time

    from test_hostile import _descendants

    spec = _spec(desk, "articles: arts/\nformats: docx\nbriefings:\n  - name: one\n  - name: two\n", "kill.yaml")
    with open(desk / "log.txt", "w") as log:
        env = {**os.environ, **EPOCH, "REPORTER_POOL": "forkserver" if pool == "forkserver" else ""}
        proc = subprocess.Popen([sys.executable, "-m", "reporter", "batch", str(spec), "-j", "2"], stdout=log,
                                stderr=log, env=env)
        # the worker (the command builds the other briefing); a forkserver's has two more:
        # the resource tracker and the forkserver
        expected = 3 if pool == "forkserver" else 1
        family: set[int] = set()
        for _ in range(1200):  # until the pool's worker is up (a minute at most)
            family |= _descendants(proc.pid)
            if len(family) >= expected:
                break
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    for _ in range(400):
        alive = {p for p in family if Path(f"/proc/{p}").exists()
                 and Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"}
        if not alive:
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"{len(alive)} of the batch's processes went on after it was killed")
    assert len(family) >= expected


def test_a_no_change_rerun_starts_no_pool_and_a_partial_one_no_more_than_it_needs(desk):
    """The pool (forkserver, preloaded writers) took most of a no-change rerun's second."""
    from contextlib import contextmanager

    from reporter.batch import run_batch
    from reporter.spec import resolve

    asked: list[int] = []

    @contextmanager
    def start(n):
        asked.append(n)
        yield None  # build here, one after the other

    jobs = resolve(_batch_specs(desk)[0])
    assert [o.status for o in run_batch(jobs, executor=start)] == ["built", "built"] and asked == [2]
    assert [o.status for o in run_batch(jobs, executor=start)] == ["skipped", "skipped"] and asked == [2]
    (desk / "arts" / "sub" / "kenya-drought-aid.md").write_text("---\ntitle: Changed story\n---\nA new text.\n")
    assert [o.status for o in run_batch(jobs, executor=start)] == ["built", "skipped"] and asked == [2, 1]
    assert "Changed story" in _docx_text(desk / "out" / "one.docx")


def test_this_process_builds_what_a_pool_that_cannot_start_leaves(desk):
    """With ``here``, the calling process builds from the pool's queue; a pool whose workers
    cannot start (its every submit fails) leaves every briefing to it, none lost."""
    from concurrent.futures import Executor

    from reporter.batch import run_batch
    from reporter.spec import resolve

    class Broken(Executor):
        _max_workers = 1
        tried = 0

        def submit(self, fn, *args, **kwargs):
            Broken.tried += 1
            raise RuntimeError("no worker")

    outcomes = run_batch(resolve(_batch_specs(desk)[0]), executor=Broken(), here=True)
    assert [o.status for o in outcomes] == ["built", "built"] and Broken.tried >= 1
    assert "Kenya" in _docx_text(desk / "out" / "one.docx") and "Two" in _docx_text(desk / "out" / "two.docx")


def test_briefings_in_a_script_the_house_fonts_lack_are_this_processs_while_others_remain(tmp_path, monkeypatch):
    """Such a briefing's PDF loads a fallback font on first use (a CJK font: a large file to
    parse) in each process that meets it, so the command keeps them and the workers get the
    rest: the choice is only of where each briefing is built."""
    import threading
    from concurrent.futures import Executor, Future
    from types import SimpleNamespace

    from reporter import batch

    latin, han = tmp_path / "latin.md", tmp_path / "han.md"
    latin.write_text("# A Latin text\n\nNothing but Latin letters, ‘quotes’ and €5.\n")
    han.write_text("# A name in Han\n\nSaid 邱小琪.\n")
    jobs = [SimpleNamespace(label=f"b{i}", files=[str(han if i == 2 else latin)], out_dir=str(tmp_path))
            for i in range(4)]
    assert [batch._other_script(j) for j in jobs] == [False, False, True, False]
    here, there, started = [], [], threading.Event()

    def build_here(job, return_bytes=False):
        here.append(job.label)
        started.set()
        return batch.Outcome(job.label, "failed", "not built")

    class Pool(Executor):
        _max_workers = 1

        def submit(self, fn, *args, **kwargs):
            future = Future()
            if fn is int:
                future.set_result(0)
            else:
                there.append(args[0].label)
                threading.Thread(target=lambda: (started.wait(10), future.set_result(
                    batch.Outcome(args[0].label, "failed", "not built")))).start()
            return future

    monkeypatch.setattr(batch, "build_job", build_here)
    batch._share(jobs, {i: "" for i in range(4)}, [0, 1, 2, 3], Pool(), False, lambda i, o: None)
    assert here[0] == "b2" and "b2" not in there and sorted(here + there) == ["b0", "b1", "b2", "b3"]



_FORKED = """
import os, signal, sys, time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from reporter.forkpool import WarmFork

def fail(message):
    raise ValueError(message)

def no_fallback():
    raise AssertionError("forked with no other thread alive")

with WarmFork(2, fallback=no_fallback) as pool:
    assert pool.fork_here() is True
    pids = list(pool._pool._processes)
    assert len(pids) == 2  # both forked at once, before the pool's own threads
    futures = [pool.submit(pow, 2, n) for n in range(5)]
    assert [f.result(timeout=60) for f in futures] == [1, 2, 4, 8, 16]
    try:
        pool.submit(fail, "bad briefing").result(timeout=60)
    except ValueError as exc:
        assert str(exc) == "bad briefing"
    else:
        raise AssertionError("no exception")
assert not any(Path(f"/proc/{pid}").exists() for pid in pids)  # ended, reaped

with WarmFork(1, fallback=no_fallback) as pool:  # its worker killed: what is sent to it fails
    pool.fork_here()
    os.kill(next(iter(pool._pool._processes)), signal.SIGKILL)
    for _ in range(2):
        try:
            pool.submit(pow, 2, 3).result(timeout=60)
        except BrokenProcessPool:
            pass
        else:
            raise AssertionError("a lost worker answered")

# In a batch: the worker dies in its first briefing; that one fails as lost, this process
# builds the rest.
from reporter import batch
from reporter.spec import resolve

command, marker, build = os.getpid(), Path(sys.argv[2]), batch.build_job

def build_job(job, return_bytes=False):
    if os.getpid() != command and not marker.exists():
        marker.touch()
        os._exit(1)
    return build(job, return_bytes)

build_job.__module__, build_job.__qualname__ = "reporter.batch", "build_job"
batch.build_job = build_job  # the worker, forked after this, has it too
with WarmFork(1, fallback=no_fallback) as pool:
    outcomes = batch.run_batch(resolve(Path(sys.argv[1])), executor=pool, here=True)
statuses = sorted(o.status for o in outcomes)
assert marker.exists() and statuses == ["built"] * 3 + ["failed"], statuses
assert [o.reason for o in outcomes if o.status == "failed"][0].startswith("worker lost: BrokenProcessPool")
print("ok")
"""


def test_a_pool_forked_from_the_command_answers_raises_and_loses_one_briefing_to_a_killed_worker(desk):
    """``forkpool.WarmFork``, in a fresh process (one thread): results and exceptions come back
    from two workers forked at once, several jobs at once, and the workers end with the pool;
    a killed worker breaks the pool, and in a batch only the briefing it had fails ("worker
    lost", one line) while this process builds the others."""
    import subprocess
    import sys

    spec = _spec(desk, "articles: arts/\nformats: docx\nbriefings:\n" + "".join(f"  - name: b{i}\n" for i in range(4)),
                 "four.yaml")
    res = subprocess.run([sys.executable, "-c", _FORKED, str(spec), str(desk / "died")], capture_output=True,
                         text=True, timeout=180, env={**os.environ, **EPOCH})
    assert res.returncode == 0 and res.stdout == "ok\n", res.stderr


def test_a_pool_of_forked_workers_never_forks_beside_another_thread():
    """With another thread alive (a progress bar's, a server's) the pool forks nothing and
    hands every job to its fallback (the forkserver's pool, in the command)."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from reporter.forkpool import WarmFork

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        fallbacks = []

        def fallback():
            fallbacks.append(ThreadPoolExecutor(1))
            return fallbacks[-1]

        with WarmFork(1, fallback=fallback) as pool:
            assert pool.fork_here() is False and pool._pool is fallbacks[0]
            assert pool.submit(pow, 3, 2).result(timeout=60) == 9 and len(fallbacks) == 1
    finally:
        stop.set()
        other.join()


def test_the_terminal_s_bar_starts_no_thread_so_the_pool_can_still_fork():
    """rich's bar redraws at each briefing instead of from a refresh thread, so a batch run on a
    terminal forks its workers from the command as a log's run does (forkpool needs no other
    thread alive)."""
    import io
    import threading

    from reporter.batch import Outcome
    from reporter.batchview import BatchView

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    before = threading.active_count()
    screen = Terminal()
    with BatchView(screen) as view:
        assert threading.active_count() == before
        view.update(Outcome("one", "built", ""), 1, 2)
    assert "briefings" in screen.getvalue() and "1/2" in screen.getvalue()
