"""Delivery: a built briefing as an email message (``out/<slug>.eml``), optionally sent over SMTP.

It takes the briefing and its files as the build left them; it never builds one itself
(the ``reporter email`` command does that between ``prepare_delivery`` and ``deliver``).

The order is fixed so nothing is half-done: check addresses, server and sizes
first (input errors, exit 2, nothing written or sent), then write the .eml, then
send once. A failed send (exit 3) leaves the .eml in place for another try.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from email.headerregistry import Address
from pathlib import Path
from typing import Any, Sequence

from .addresses import parse_address, parse_addresses, unique_recipients
from .smtp import DEFAULT_TIMEOUT, SmtpSettings, SmtpTransport, Transport, parse_server, send, settings_from_env

__all__ = [
    "Recipients", "EmailResult", "DEFAULT_SENDER", "prepare_recipients", "message_time", "email_briefing",
    "parse_address", "parse_addresses", "parse_server", "settings_from_env", "SmtpSettings", "SmtpTransport",
    "Transport", "send", "DEFAULT_TIMEOUT", "Delivery", "prepare_delivery", "deliver",
]

DEFAULT_SENDER = "reporter@localhost"


@dataclass(frozen=True)
class Recipients:
    sender: Address
    to: tuple[Address, ...]
    cc: tuple[Address, ...] = ()
    bcc: tuple[Address, ...] = ()

    @property
    def envelope(self) -> tuple[str, ...]:
        """Everyone who receives it, Bcc included: SMTP's RCPT TO, never a header."""
        return unique_recipients(self.to, self.cc, self.bcc)


@dataclass(frozen=True)
class EmailResult:
    path: Path
    recipients: tuple[str, ...]
    sent: bool


def prepare_recipients(to: Sequence[str], cc: Sequence[str] = (), bcc: Sequence[str] = (),
                       sender: str | None = None) -> Recipients:
    """Parse and check every address before anything is built, so a typo costs nothing."""
    from ..errors import InputError

    if not to:
        raise InputError("no recipient: give at least one --to address")

    def many(values: Sequence[str], option: str) -> tuple[Address, ...]:
        return tuple(a for v in values for a in parse_addresses(v, option))

    return Recipients(parse_address(sender or DEFAULT_SENDER, "--from"), many(to, "--to"),
                      many(cc, "--cc"), many(bcc, "--bcc"))


def message_time() -> tuple[datetime, bool]:
    """(Date header, deterministic?). SOURCE_DATE_EPOCH pins it for reproducible messages;
    otherwise a message's Date is, by RFC 5322, when it was written."""
    from ..fileio import build_time

    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return build_time(), True
    return datetime.now(timezone.utc).replace(microsecond=0), False


def email_briefing(
    briefing: Any,
    files: Sequence[Path],
    recipients: Recipients,
    *,
    subject: str | None = None,
    out_dir: str | Path = "out",
    max_attachment_bytes: int = 10 * 1024 * 1024,
    transport: Transport | None = None,
    where: str = "",
    when: datetime | None = None,
    deterministic: bool | None = None,
) -> EmailResult:
    """Write ``out_dir/<slug>.eml`` with ``files`` attached; send it through ``transport`` if given."""
    from ..fileio import write_bytes_atomic
    from .email import check_attachment_size, compose_message, message_bytes, read_attachments

    attachments = read_attachments(files)
    check_attachment_size(attachments, max_attachment_bytes)
    if when is None:
        when, auto = message_time()
        deterministic = auto if deterministic is None else deterministic
    elif deterministic is None:
        deterministic = True
    msg = compose_message(briefing, attachments, sender=recipients.sender, to=recipients.to, cc=recipients.cc,
                          subject=subject, when=when, deterministic=bool(deterministic))
    data = message_bytes(msg)
    path = write_bytes_atomic(Path(out_dir) / f"{briefing.slug}.eml", data)
    if transport is None:
        return EmailResult(path, recipients.envelope, False)
    send(data, sender=recipients.sender.addr_spec, recipients=recipients.envelope, transport=transport,
         where=where)
    return EmailResult(path, recipients.envelope, True)


@dataclass(frozen=True)
class Delivery:
    """How a briefing is to be sent, every option checked before anything is built."""

    recipients: Recipients
    subject: str | None
    max_attachment_bytes: int
    transport: Transport | None  # None: write the .eml only
    where: str  # the server, for error messages

    def check_files(self, files: dict[str, Path]) -> None:
        """The attachment limit on the files just built, before they are renamed into ``out/``:
        a limit too small for them is an input error with nothing new written."""
        from .email import check_attachment_size, read_attachments

        check_attachment_size(read_attachments(list(files.values())), self.max_attachment_bytes)


def prepare_delivery(
    *,
    to: Sequence[str],
    cc: Sequence[str] = (),
    bcc: Sequence[str] = (),
    sender: str | None = None,
    subject: str | None = None,
    smtp: str | None = None,
    security: str = "plain",
    timeout: float = DEFAULT_TIMEOUT,
    max_attachment_mb: float = 10.0,
    transport: Transport | None = None,
    title: str | None = None,
    marking: str | None = None,
) -> Delivery:
    """Check the options of ``reporter email`` (input errors, exit 2) before the build.

    ``transport`` replaces the SMTP client (tests); ``smtp`` ("HOST:PORT") builds the real one.
    """
    from ..errors import InputError
    from .addresses import check_header_text

    recipients = prepare_recipients(to, cc, bcc, sender)
    if subject is not None:  # bidi controls in a Subject only ever spoof what it says
        from ..ingest.clean import plain_text

        subject = plain_text(subject)
    for value, option in ((subject, "--subject"), (title, "--title"), (marking, "--marking")):
        if value is not None:  # the title and marking go into the Subject when none is given
            check_header_text(value, option)
    if not 0 < max_attachment_mb < float("inf"):
        raise InputError("--max-attachment-mb must be a positive number")
    where = ""
    if smtp:
        host, port = parse_server(smtp)
        settings = settings_from_env(host, port, security=security, timeout=timeout, helo=recipients.sender.domain)
        transport = transport or SmtpTransport(settings)
        where = settings.where
    elif security != "plain":
        raise InputError(f"--{security} needs --smtp HOST:PORT")
    return Delivery(recipients, subject, int(max_attachment_mb * 1024 * 1024), transport, where)


def deliver(briefing: Any, files: Sequence[Path], delivery: Delivery, *, out_dir: str | Path = "out") -> EmailResult:
    """Write the .eml of a built briefing and its files, then send it once if there is a transport."""
    return email_briefing(briefing, files, delivery.recipients, subject=delivery.subject, out_dir=out_dir,
                          max_attachment_bytes=delivery.max_attachment_bytes, transport=delivery.transport,
                          where=delivery.where)
