"""Email delivery: the written .eml parsed back with the ``email`` package, and real sends to
aiosmtpd on loopback (in-process and through ``python -m reporter email``)."""

from __future__ import annotations

import datetime as dt
import html.parser
import smtplib
import socket
import subprocess
import threading
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE, require_tool, run_reporter
from reporter.analysis.facts import Facts, KeyFigure, KeyPoint
from reporter import Article
from reporter.deliver import (
    EmailResult, SmtpSettings, SmtpTransport, email_briefing, parse_addresses, parse_server,
    prepare_recipients, settings_from_env,
)
from reporter.errors import DeliveryError, InputError
from reporter.model import Document, Meta
from reporter.pipeline import Briefing

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
WHEN = dt.datetime(2024, 4, 20, 9, 30, tzinfo=dt.timezone.utc)
HOSTILE = "Officials <script>alert('x')</script> & <para>friends</para> said"


def make_briefing(points=("Peru and the US will train more than 600 officers.", HOSTILE),
                  figures=(("600", "officers to be trained"), ("$1.2 billion", "aid & <b>loans</b>")),
                  title="Peru & the US: a new pact", marking="TLP:AMBER", articles=1) -> Briefing:
    arts, facts = [], []
    for i in range(articles):
        arts.append(Article(title=f"{title} {i}" if articles > 1 else title, paragraphs=("p1", "p2", "p3"),
                            url="https://news.example.com/a", source="Example News"))
        facts.append(Facts(key_points=tuple(KeyPoint(t, n) for n, t in enumerate(points, 1)),
                           figures=tuple(KeyFigure(v, None, None, w, n) for n, (v, w) in enumerate(figures, 1))))
    # the brief as the template context gives it: summary items and ranked figures with their references
    summary = tuple({"text": t, "outlet": "Example News", "mark": f"¶{n}", "paragraph": n}
                    for n, t in enumerate(points, 1))
    key_figures = tuple({"value": v, "what": w, "outlet": "Example News", "mark": f"¶{n}", "paragraph": n}
                        for n, (v, w) in enumerate(figures, 1))
    return Briefing(title=title, date=dt.date(2024, 4, 20), marking=marking, prepared_for="The Board",
                    prepared_by=None, articles=tuple(arts), facts=tuple(facts), document=Document(Meta(title)),
                    summary=summary, key_figures=key_figures, figures_more=3)


@pytest.fixture
def files(tmp_path) -> list[Path]:
    docx = tmp_path / "out" / "briefing.docx"
    pdf = tmp_path / "out" / "briefing.pdf"
    docx.parent.mkdir()
    docx.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 20)
    pdf.write_bytes(b"%PDF-1.7\n" + b"\x00\xff binary \r\n" * 300)
    return [docx, pdf]


def recipients(**kw):
    args = {"to": ["Alice Example <alice@example.com>"], "cc": ["carol@example.com"],
            "bcc": ["hidden@example.net"], "sender": "Reports Desk <reports@briefings.example.org>"}
    return prepare_recipients(**{**args, **kw})


def write(briefing, files, out, **kw) -> EmailResult:
    kw.setdefault("when", WHEN)
    return email_briefing(briefing, files, recipients(), out_dir=out, **kw)


def parse(path: Path):
    return message_from_bytes(path.read_bytes(), policy=policy.default)


def bodies(msg) -> tuple[str, str]:
    return msg.get_body(("plain",)).get_content(), msg.get_body(("html",)).get_content()


class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)

    def handle_data(self, data):
        self.text.append(data)


def read_html(markup: str) -> Tags:
    p = Tags()
    p.feed(markup)
    p.close()
    return p


# --------------------------------------------------------------------------
# The message, parsed back


def test_message_headers_bodies_and_attachments(files, tmp_path):
    result = write(make_briefing(), files, tmp_path / "out")
    msg = parse(result.path)
    assert result.path.name == "briefing-2024-04-20-peru-the-us-a-new-pact.eml"
    assert msg["To"].addresses[0].addr_spec == "alice@example.com"
    assert msg["To"].addresses[0].display_name == "Alice Example"
    assert msg["Cc"].addresses[0].addr_spec == "carol@example.com"
    assert msg["Bcc"] is None and b"hidden@example.net" not in result.path.read_bytes()
    assert result.recipients == ("alice@example.com", "carol@example.com", "hidden@example.net")
    assert msg["Subject"].startswith("TLP:AMBER ") and "Peru & the US: a new pact" in msg["Subject"]
    assert msg["Date"].datetime == WHEN
    assert msg["Message-ID"].endswith("@briefings.example.org>")
    assert msg.get_content_type() == "multipart/mixed"
    assert [p.get_content_type() for p in msg.iter_parts()][0] == "multipart/alternative"

    text, markup = bodies(msg)
    assert text.lstrip().startswith("TLP:AMBER")
    assert "Peru and the US will train more than 600 officers." in " ".join(text.split())
    assert HOSTILE in " ".join(text.split())  # plain text carries it verbatim: it is not markup there
    assert "$1.2 billion: aid & <b>loans</b>" in text
    page = read_html(markup)
    visible = " ".join("".join(page.text).split())
    shown = " ".join("".join(read_html(markup.split("<body", 1)[1].split(">", 1)[1]).text).split())
    assert shown.startswith("TLP:AMBER Peru & the US")  # the marking comes first in what is shown
    assert HOSTILE in visible and "aid & <b>loans</b>" in visible
    assert "<script>" not in markup and "&lt;script&gt;" in markup and "<para>" not in markup
    assert not page.tags & {"script", "style", "img", "link", "iframe", "form"}
    assert "table" in page.tags and "th" in page.tags
    for name in ("briefing.docx", "briefing.pdf"):
        assert name in text and name in visible

    atts = {a.get_filename(): a for a in msg.iter_attachments()}
    assert set(atts) == {"briefing.docx", "briefing.pdf"}
    assert atts["briefing.docx"].get_content_type() == DOCX_MIME
    assert atts["briefing.pdf"].get_content_type() == "application/pdf"
    for f in files:
        assert atts[f.name].get_content() == f.read_bytes()


def test_figures_table_cells_line_up(files, tmp_path):
    msg = parse(write(make_briefing(), files, tmp_path / "out").path)
    rows = []

    class Cells(html.parser.HTMLParser):
        cell: list[str] | None = None

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                rows.append([])
            elif tag in ("td", "th"):
                self.cell = []

        def handle_endtag(self, tag):
            if tag in ("td", "th") and self.cell is not None:
                rows[-1].append(" ".join("".join(self.cell).split()))
                self.cell = None

        def handle_data(self, data):
            if self.cell is not None:
                self.cell.append(data)

    Cells().feed(bodies(msg)[1])
    table = [r for r in rows if len(r) == 3]
    assert table[0] == ["Figure", "What it counts", "Source"]
    assert table[1] == ["600", "officers to be trained", "Example News, ¶1"]
    assert table[2][:2] == ["$1.2 billion", "aid & <b>loans</b>"]


def test_same_input_and_date_give_identical_bytes(files, tmp_path):
    a = write(make_briefing(), files, tmp_path / "a").path.read_bytes()
    b = write(make_briefing(), files, tmp_path / "b").path.read_bytes()
    assert a == b
    other = write(make_briefing(title="Another title"), files, tmp_path / "c").path
    assert parse(other)["Message-ID"] != message_from_bytes(a, policy=policy.default)["Message-ID"]


def test_source_date_epoch_pins_date_and_message_id(files, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1713600000")
    a = email_briefing(make_briefing(), files, recipients(), out_dir=tmp_path / "a").path
    b = email_briefing(make_briefing(), files, recipients(), out_dir=tmp_path / "b").path
    assert a.read_bytes() == b.read_bytes()
    assert parse(a)["Date"].datetime == dt.datetime.fromtimestamp(1713600000, dt.timezone.utc)


def test_no_marking_no_prefix(files, tmp_path):
    msg = parse(write(make_briefing(marking=None), files, tmp_path / "out").path)
    assert msg["Subject"] == "Peru & the US: a new pact (20 April 2024)"
    assert "TLP" not in bodies(msg)[0]


def test_given_subject_and_non_ascii_attachment_name(tmp_path):
    odd = tmp_path / "Résumé – Perú.pdf"
    odd.write_bytes(b"%PDF-1.4 data")
    result = write(make_briefing(), [odd], tmp_path / "out", subject="Semana: Perú y EE. UU.")
    raw = result.path.read_bytes()
    raw.decode("ascii")  # every header and body line is 7-bit on the wire
    assert b"filename*=" in raw  # RFC 2231
    msg = parse(result.path)
    assert msg["Subject"] == "Semana: Perú y EE. UU."
    [att] = msg.iter_attachments()
    assert att.get_filename() == "Résumé – Perú.pdf" and att.get_content() == b"%PDF-1.4 data"


def test_a_very_long_title_is_shortened_in_the_subject_only(files, tmp_path):
    title = "Word " * 600
    msg = parse(write(make_briefing(title=title), files, tmp_path / "out").path)
    assert msg["Subject"].startswith("TLP:AMBER Word Word") and len(msg["Subject"]) < 200
    assert " ".join(title.split()) in " ".join(bodies(msg)[0].split())


def test_the_body_carries_the_summary_items_with_short_references(files, tmp_path):
    points = tuple(f"Point number {i} with a {'x' * 3000} word." for i in range(8))
    msg = parse(write(make_briefing(points=points, articles=2), files, tmp_path / "out").path)
    text, markup = bodies(msg)
    flat = " ".join(text.split())
    for i in range(8):
        assert f"Point number {i} with a {'x' * 3000} word. (Example News, ¶{i + 1})" in flat
    assert "3 more in the attached briefing" in text  # the key figures the table leaves out
    assert "x" * 3000 in markup and "(Example News, ¶8)" in markup
    assert "Peru & the US: a new pact 1" in text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=300))
def test_any_key_point_text_is_data_in_html(tmp_path, text):
    out = tmp_path / "h"
    result = email_briefing(make_briefing(points=(text,), figures=((text, text),)), [], recipients(),
                            out_dir=out, when=WHEN)
    markup = bodies(parse(result.path))[1]
    page = read_html(markup)
    allowed = {"html", "head", "meta", "title", "body", "table", "tr", "td", "th", "h1", "h2", "p", "span", "a", "b"}
    assert page.tags <= allowed
    assert " ".join(text.split()) in " ".join("".join(page.text).split())


# --------------------------------------------------------------------------
# Input checks: exit 2, nothing written, nothing sent


@pytest.mark.parametrize("bad", [
    "bad", "a@", "@example.com", "a@b@c", "a b@example.com", "alice@exa mple.com", "alice@-example.com",
    "alice@example.com\r\nBcc: victim@example.org", "<>", "", "alice@[127.0.0.1]", "ünï@example.com",
])
def test_invalid_addresses_are_refused(bad):
    with pytest.raises(InputError):
        parse_addresses(bad, "--to")


def test_valid_addresses_parse():
    assert [a.addr_spec for a in parse_addresses("A <a@example.com>, b.c+tag@sub.example.org")] == [
        "a@example.com", "b.c+tag@sub.example.org"]
    assert parse_addresses("x@bücher.example")[0].domain == "xn--bcher-kva.example"


def test_header_injection_and_missing_to_are_refused(files, tmp_path):
    with pytest.raises(InputError, match="one line"):
        write(make_briefing(), files, tmp_path / "o", subject="Hi\r\nBcc: victim@example.org")
    with pytest.raises(InputError, match="one line"):
        write(make_briefing(title="Title\nBcc: victim@example.org"), files, tmp_path / "o")
    with pytest.raises(InputError, match="recipient"):
        prepare_recipients(to=[])
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").glob("*.eml"))


class FakeTransport:
    def __init__(self, error: Exception | None = None):
        self.calls: list[tuple[bytes, str, tuple[str, ...]]] = []
        self.error = error

    def send(self, data, *, sender, recipients):
        self.calls.append((data, sender, tuple(recipients)))
        if self.error:
            raise self.error


def test_attachment_limit_is_checked_before_writing_or_sending(files, tmp_path):
    transport = FakeTransport()
    with pytest.raises(InputError, match="limit"):
        write(make_briefing(), files, tmp_path / "o", transport=transport, max_attachment_bytes=1000)
    assert transport.calls == [] and not list((tmp_path / "o").glob("*.eml"))


def test_transport_gets_the_written_bytes_and_the_bcc_envelope(files, tmp_path):
    transport = FakeTransport()
    result = write(make_briefing(), files, tmp_path / "o", transport=transport)
    [(data, sender, rcpts)] = transport.calls
    assert data == result.path.read_bytes() and result.sent
    assert sender == "reports@briefings.example.org"
    assert rcpts == ("alice@example.com", "carol@example.com", "hidden@example.net")


@pytest.mark.parametrize("error, words", [
    (smtplib.SMTPRecipientsRefused({"alice@example.com": (550, b"no such user")}), "refused every recipient"),
    (smtplib.SMTPAuthenticationError(535, b"bad credentials"), "login failed"),
    (smtplib.SMTPSenderRefused(530, b"auth required", "reports@x.org"), "REPORTER_SMTP_USER"),
    (smtplib.SMTPDataError(554, b"spam"), "rejected the message: 554 spam"),
    (smtplib.SMTPServerDisconnected("gone"), "closed the connection"),
    (ConnectionRefusedError(111, "Connection refused"), "cannot connect"),
    (TimeoutError("timed out"), "did not answer in time"),
])
def test_transport_failures_become_one_delivery_error_and_keep_the_eml(files, tmp_path, error, words):
    transport = FakeTransport(error)
    with pytest.raises(DeliveryError, match=words) as info:
        write(make_briefing(), files, tmp_path / "o", transport=transport, where="mail.example.org:587")
    assert "\n" not in str(info.value) and str(info.value).startswith("mail.example.org:587: ")
    assert len(transport.calls) == 1  # tried once, never again
    assert parse(next((tmp_path / "o").glob("*.eml")))["To"]


def test_server_and_credential_settings():
    assert parse_server("mail.example.org:587") == ("mail.example.org", 587)
    assert parse_server("[::1]:25") == ("::1", 25)
    for bad in ("mail.example.org", ":25", "host:0", "host:99999", "host:x", "a b:25"):
        with pytest.raises(InputError):
            parse_server(bad)
    creds = {"REPORTER_SMTP_USER": "u", "REPORTER_SMTP_PASSWORD": "p"}
    with pytest.raises(InputError, match="unencrypted"):
        settings_from_env("mail.example.org", 25, environ=creds)
    assert settings_from_env("mail.example.org", 587, security="starttls", environ=creds).username == "u"
    assert settings_from_env("127.0.0.1", 25, environ=creds).password == "p"
    with pytest.raises(InputError, match="both"):
        settings_from_env("127.0.0.1", 25, environ={"REPORTER_SMTP_USER": "u"})


# --------------------------------------------------------------------------
# A real SMTP server (aiosmtpd) on loopback


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Recorder:
    """An aiosmtpd handler that keeps what it received; can refuse a recipient or drop the line."""

    def __init__(self, refuse: tuple[str, ...] = (), drop_on_data: bool = False):
        self.refuse, self.drop_on_data = refuse, drop_on_data
        self.received: list[tuple[str, list[str], bytes]] = []
        self.data_commands = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.data_commands += 1
        if self.drop_on_data:
            server.transport.abort()  # the line goes dead mid-transaction
            return "421 gone"
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 2.0.0 accepted"


def authenticator(server, session, envelope, mechanism, auth_data):
    from aiosmtpd.smtp import AuthResult, LoginPassword

    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (b"desk", b"s3cret pass")
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def smtp_server():
    """Start aiosmtpd servers on free loopback ports; all stopped at the end."""
    from aiosmtpd.controller import Controller

    started = []

    def start(handler: Recorder | None = None, **kwargs):
        handler = handler or Recorder()
        controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **kwargs)
        controller.start()
        started.append(controller)
        return f"127.0.0.1:{controller.port}", handler

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1, made with the openssl tool."""
    openssl = require_tool("openssl")
    d = tmp_path_factory.mktemp("tls")
    cert, key = d / "cert.pem", d / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    return cert, key


def server_tls(self_signed):
    import ssl

    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(*map(str, self_signed))
    return ctx


def real(where: str, **kw) -> SmtpTransport:
    host, port = parse_server(where)
    return SmtpTransport(SmtpSettings(host, port, timeout=5, **kw))


def test_real_server_receives_exactly_the_eml_with_bcc_only_in_the_envelope(files, tmp_path, smtp_server):
    where, handler = smtp_server()
    result = write(make_briefing(), files, tmp_path / "o", transport=real(where))
    [(mail_from, rcpts, content)] = handler.received
    assert mail_from == "reports@briefings.example.org"
    assert rcpts == ["alice@example.com", "carol@example.com", "hidden@example.net"]
    assert b"hidden@example.net" not in content
    assert content == result.path.read_bytes()
    got = message_from_bytes(content, policy=policy.default)
    assert {a.get_filename(): a.get_content() for a in got.iter_attachments()} == {
        f.name: f.read_bytes() for f in files}


def test_real_server_that_hangs_times_out(files, tmp_path):
    with socket.socket() as silent:  # accepts the connection, never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        transport = SmtpTransport(SmtpSettings("127.0.0.1", silent.getsockname()[1], timeout=0.5))
        # one deadline, connect to greeting included; before any data, so nothing was sent
        with pytest.raises(DeliveryError, match="within the 0.5-second deadline; nothing was sent"):
            write(make_briefing(), files, tmp_path / "o", transport=transport)


def test_a_silent_server_is_nothing_sent_even_when_the_timer_wakes_late(files, tmp_path, monkeypatch):
    """On a loaded machine the socket's own timeout (the time left) can end the read before the
    deadline's timer thread runs: that is the same deadline, and still nothing was sent."""
    from reporter.deliver.smtp import Deadline

    monkeypatch.setattr(Deadline, "_expire", lambda self: None)  # the timer never gets the CPU in time
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        transport = SmtpTransport(SmtpSettings("127.0.0.1", silent.getsockname()[1], timeout=0.3))
        with pytest.raises(DeliveryError, match="within the 0.3-second deadline; nothing was sent"):
            write(make_briefing(), files, tmp_path / "o", transport=transport)


def test_starttls_trusts_the_test_certificate_only_when_told(files, tmp_path, smtp_server, self_signed):
    where, handler = smtp_server(tls_context=server_tls(self_signed), require_starttls=True)
    with pytest.raises(DeliveryError, match="certificate not trusted"):
        write(make_briefing(), files, tmp_path / "o", transport=real(where, security="starttls"))
    assert handler.received == []
    write(make_briefing(), files, tmp_path / "o", transport=real(where, security="starttls",
                                                                  cafile=str(self_signed[0])))
    assert len(handler.received) == 1


def test_implicit_tls(files, tmp_path, smtp_server, self_signed):
    where, handler = smtp_server(ssl_context=server_tls(self_signed))
    write(make_briefing(), files, tmp_path / "o", transport=real(where, security="ssl", cafile=str(self_signed[0])))
    assert len(handler.received) == 1


# --------------------------------------------------------------------------
# The command, end to end: python -m reporter email ... --smtp 127.0.0.1:PORT

SEND = ["--to", "Boss <boss@example.org>", "--cc", "deputy@example.org", "--bcc", "archive@example.net",
        "--from", "desk@briefings.example.org", "--marking", "TLP:AMBER", "--smtp-timeout", "5"]
NO_CREDS = {"REPORTER_SMTP_USER": "", "REPORTER_SMTP_PASSWORD": "", "SOURCE_DATE_EPOCH": "1713600000"}


def email_cli(tmp_path, *args, env=None):
    out = tmp_path / "out"
    proc = run_reporter("email", str(SAMPLE), "--out", str(out), *args, env={**NO_CREDS, **(env or {})})
    return proc, out


def one_error_line(proc, code: int) -> str:
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reporter: error: ")
    return lines[0]


def test_cli_writes_and_sends(tmp_path, smtp_server):
    where, handler = smtp_server()
    proc, out = email_cli(tmp_path, *SEND, "--smtp", where)
    assert proc.returncode == 0, proc.stderr
    eml = Path(proc.stdout.strip())
    assert eml.parent == out and eml.suffix == ".eml"
    [(mail_from, rcpts, content)] = handler.received
    assert content == eml.read_bytes()  # the server got exactly what was kept in out/
    assert mail_from == "desk@briefings.example.org"
    assert rcpts == ["boss@example.org", "deputy@example.org", "archive@example.net"]
    msg = parse(eml)
    assert "archive@example.net" not in str(msg) and msg["Bcc"] is None
    assert msg["Subject"].startswith("TLP:AMBER ")
    atts = {a.get_filename(): a for a in msg.iter_attachments()}
    written = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix in (".docx", ".pdf")}
    assert set(atts) == set(written) and len(written) == 2
    assert all(atts[n].get_content() == data for n, data in written.items())
    assert atts[eml.stem + ".pdf"].get_content_type() == "application/pdf"
    assert atts[eml.stem + ".docx"].get_content_type() == DOCX_MIME
    text, markup = bodies(msg)
    points = [p for p in text.split("KEY FIGURES")[0].splitlines() if p.startswith("- ")]
    assert points and "No key points" not in text  # the analysis found key points and the email shows them
    assert all(p[2:12] in " ".join(read_html(markup).text) for p in points)


def test_cli_is_reproducible(tmp_path):
    a, out_a = email_cli(tmp_path / "a", "--to", "boss@example.org")
    b, out_b = email_cli(tmp_path / "b", "--to", "boss@example.org")
    assert a.returncode == b.returncode == 0, a.stderr + b.stderr
    assert Path(a.stdout.strip()).read_bytes() == Path(b.stdout.strip()).read_bytes()


@pytest.mark.parametrize("args, words", [
    ((), "recipient"),
    (("--to", "not-an-address"), "invalid email address"),
    (("--to", "boss@example.org", "--subject", "Hi\r\nBcc: x@example.org"), "one line"),
    (("--to", "boss@example.org", "--max-attachment-mb", "0.001"), "limit"),
    (("--to", "boss@example.org", "--starttls", "--ssl"), "one of"),
    (("--to", "boss@example.org", "--smtp", "nowhere"), "HOST:PORT"),
])
def test_cli_input_errors_exit_2_and_send_nothing(tmp_path, smtp_server, args, words):
    where, handler = smtp_server()
    proc, out = email_cli(tmp_path, *args, *(() if "--smtp" in args else ("--smtp", where)))
    assert words in one_error_line(proc, 2)
    assert handler.received == []
    assert not list(out.glob("*.eml"))


def test_cli_refused_recipient_exits_3_and_keeps_the_eml(tmp_path, smtp_server):
    where, handler = smtp_server(Recorder(refuse=("deputy@example.org",)))
    proc, out = email_cli(tmp_path, *SEND, "--smtp", where)
    line = one_error_line(proc, 3)
    assert "deputy@example.org" in line and "550" in line
    assert [r for _, r, _ in handler.received] == [["boss@example.org", "archive@example.net"]]
    assert len(list(out.glob("*.eml"))) == 1


def test_cli_server_closing_the_connection_exits_3_once(tmp_path, smtp_server):
    where, handler = smtp_server(Recorder(drop_on_data=True))
    proc, out = email_cli(tmp_path, *SEND, "--smtp", where)
    assert "closed the connection" in one_error_line(proc, 3)
    assert handler.data_commands == 1  # not retried
    assert len(list(out.glob("*.eml"))) == 1


def test_cli_unreachable_server_exits_3(tmp_path):
    proc, out = email_cli(tmp_path, *SEND, "--smtp", f"127.0.0.1:{free_port()}")
    assert "cannot connect" in one_error_line(proc, 3)
    assert len(list(out.glob("*.eml"))) == 1


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_cli_login_from_environment(tmp_path, smtp_server):
    where, handler = smtp_server(auth_required=True, auth_require_tls=False, authenticator=authenticator)
    proc, _ = email_cli(tmp_path / "none", *SEND, "--smtp", where)
    assert "REPORTER_SMTP_USER" in one_error_line(proc, 3)
    proc, _ = email_cli(tmp_path / "wrong", *SEND, "--smtp", where,
                        env={"REPORTER_SMTP_USER": "desk", "REPORTER_SMTP_PASSWORD": "nope"})
    assert "login failed" in one_error_line(proc, 3)
    assert handler.received == []
    proc, _ = email_cli(tmp_path / "ok", *SEND, "--smtp", where,
                        env={"REPORTER_SMTP_USER": "desk", "REPORTER_SMTP_PASSWORD": "s3cret pass"})
    assert proc.returncode == 0, proc.stderr
    assert len(handler.received) == 1


def test_cli_starttls_with_test_ca(tmp_path, smtp_server, self_signed):
    where, handler = smtp_server(tls_context=server_tls(self_signed), require_starttls=True,
                                 auth_required=True, authenticator=authenticator)
    creds = {"REPORTER_SMTP_USER": "desk", "REPORTER_SMTP_PASSWORD": "s3cret pass"}
    proc, _ = email_cli(tmp_path / "untrusted", *SEND, "--smtp", where, "--starttls", env=creds)
    assert "certificate" in one_error_line(proc, 3)
    proc, _ = email_cli(tmp_path / "ok", *SEND, "--smtp", where, "--starttls",
                        env={**creds, "REPORTER_SMTP_CAFILE": str(self_signed[0])})
    assert proc.returncode == 0, proc.stderr
    assert len(handler.received) == 1
