"""The briefing as one RFC 5322 message: a short summary in the body, the files attached.

Built with the standard ``email`` package (EmailMessage, policy SMTP). Pure apart
from reading the attachment files: the same briefing, attachments and date give
the same bytes, because the Message-ID and MIME boundaries derive from a hash of
the content instead of randomness when the caller asks for determinism.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime
from email.headerregistry import Address
from pathlib import Path
from typing import Any, Sequence

from ..dates import long_date
from ..errors import InputError
from ..marking import marking_look
from ..urls import external_url
from .addresses import check_header_text

MIME_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
}


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    mime_type: str

    @property
    def size(self) -> int:
        return len(self.data)


def read_attachments(paths: Sequence[Path]) -> tuple[Attachment, ...]:
    """Read the written files, typed by extension (the briefing writes .docx and .pdf)."""
    out = []
    for path in paths:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read attachment: {exc.strerror or exc}", path) from None
        mime = MIME_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
        out.append(Attachment(path.name, data, mime or "application/octet-stream"))
    return tuple(out)


def check_attachment_size(attachments: Sequence[Attachment], max_bytes: int) -> None:
    """Refuse before anything is sent: most mail servers bounce large messages late and vaguely."""
    total = sum(a.size for a in attachments)
    if total > max_bytes:
        raise InputError(
            f"attachments total {human_size(total)}, over the {human_size(max_bytes)} limit "
            "(raise --max-attachment-mb or send fewer formats); nothing was sent"
        )


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def default_subject(briefing: Any) -> str:
    """Title and date, the distribution marking first (TLP 2.0 wants it at the start)."""
    title = briefing.title if len(briefing.title) <= 150 else briefing.title[:149].rstrip() + "…"
    subject = f"{title} ({long_date(briefing.date)})"
    return f"{briefing.marking} {subject}" if briefing.marking else subject


def email_context(briefing: Any, attachments: Sequence[Attachment]) -> dict[str, Any]:
    """What both body templates see: plain strings, no markup (the templates escape).

    The body is the brief: the page-1 summary's items and the ranked key figures, as the
    attachments have them, each with a short reference (``outlet, ¶N``)."""
    points = [{"text": p["text"], "ref": short_ref(p), "paragraph": p["paragraph"]} for p in briefing.summary]
    figures = [{"value": f["value"], "what": f["what"], "ref": short_ref(f), "paragraph": f["paragraph"]}
               for f in briefing.key_figures]
    multiple = len(briefing.articles) > 1
    sources = [{"title": art.title, "source": art.source, "url": external_url(art.url),
                "published": long_date(art.published) if art.published else None} for art in briefing.articles]
    marking = briefing.marking or None
    return {
        "title": briefing.title, "date": long_date(briefing.date), "marking": marking,
        # TLP 2.0: the label in its colour on black (the band is black for any marking)
        "marking_colour": "#" + getattr(marking_look(marking), "text", "FFFFFF"),
        "prepared_for": briefing.prepared_for, "prepared_by": briefing.prepared_by,
        "points": points, "figures": figures, "more_figures": briefing.figures_more,
        "sources": sources, "multiple": multiple,
        "attachments": [{"name": a.filename, "size": human_size(a.size)} for a in attachments],
    }


def short_ref(item: dict[str, Any]) -> str:
    """Where an item comes from, briefly: its outlet and paragraph (``Reuters, ¶3``)."""
    return ", ".join(x for x in (item.get("outlet"), item.get("mark")) if x)


def _bullet(text: str, width: int = 72, marker: str = "- ") -> str:
    import textwrap

    pad = " " * len(marker)
    return textwrap.fill(text, width, initial_indent=marker, subsequent_indent=pad,
                         break_long_words=False, break_on_hyphens=False)


@lru_cache(maxsize=4)
def _environment(folder: str):
    """One jinja2 environment per template folder: compiling the two templates costs ~70 ms."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["bullet"] = _bullet
    return env


def render_bodies(context: dict[str, Any], templates: Path | None = None) -> tuple[str, str]:
    """(text, html) from ``email.txt.j2`` and ``email.html.j2``; HTML autoescaped."""
    import jinja2

    from ..style import templates_dir

    env = _environment(str(templates or templates_dir()))
    try:
        text = env.get_template("email.txt.j2").render(**context)
        html = env.get_template("email.html.j2").render(**context)
    except jinja2.TemplateError as exc:
        raise InputError(f"email template: {exc}") from None
    return text, html


def _digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def compose_message(
    briefing: Any,
    attachments: Sequence[Attachment],
    *,
    sender: Address,
    to: Sequence[Address],
    cc: Sequence[Address] = (),
    subject: str | None = None,
    when: datetime,
    deterministic: bool = True,
    templates: Path | None = None,
):
    """The message, ready to write or send. Bcc is not a parameter: it never enters the headers.

    ``deterministic`` derives Message-ID and boundaries from a content hash (set it
    when SOURCE_DATE_EPOCH is set); otherwise the Message-ID is a fresh unique one.
    """
    from email.message import EmailMessage
    from email.policy import SMTP
    from email.utils import format_datetime, make_msgid

    if not to:
        raise InputError("no recipient: give at least one --to address")
    subject = check_header_text(subject if subject is not None else default_subject(briefing), "subject")
    if not subject.strip():
        raise InputError("subject is empty")
    text, html = render_bodies(email_context(briefing, attachments), templates)

    # 7-bit on the wire: non-ASCII bodies become quoted-printable, so no server needs 8BITMIME.
    msg = EmailMessage(policy=SMTP.clone(cte_type="7bit"))
    msg["From"] = sender
    msg["To"] = tuple(to)
    if cc:
        msg["Cc"] = tuple(cc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    digest = _digest(str(sender), *map(str, to), "|", *map(str, cc), "|", subject, format_datetime(when),
                     text, html, *(x for a in attachments for x in (a.filename, a.mime_type, a.data)))
    msg["Message-ID"] = (f"<{digest[:32]}@{sender.domain}>" if deterministic
                         else make_msgid(domain=sender.domain))
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    for att in attachments:
        maintype, _, subtype = att.mime_type.partition("/")
        msg.add_attachment(att.data, maintype=maintype, subtype=subtype, filename=att.filename)
    for part in msg.walk():
        if part is not msg:
            del part["MIME-Version"]  # add_alternative copies it into the part; it belongs at the top only
    if deterministic:
        # The email package picks random boundaries; fix them so equal input gives equal bytes.
        for n, part in enumerate(p for p in msg.walk() if p.is_multipart()):
            part.set_boundary(f"=_reporter_{n}_{digest[32:56]}")
    return msg


def message_bytes(msg) -> bytes:
    """The wire form (CRLF line ends, 7-bit), exactly what is written to .eml and what SMTP sends."""
    from email.policy import SMTP

    return msg.as_bytes(policy=SMTP.clone(cte_type="7bit"))
