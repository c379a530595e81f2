"""The one rule for which URLs become links: every writer, the DOCX reader and the e-mail ask here.

URLs reach a briefing from article data and from documents a user edited, and a link is how a
document attacks its reader (``javascript:``, ``ms-msdt:``, ``file:``, ``smb:``, ``data:``...).
So the rule is an allow-list, not a block-list: a scheme nobody thought of is refused too.
Only http, https and mailto become external links, and ``#name`` points inside the document
(whoever makes the link checks that ``name`` exists there). Anything else is shown as its
text, never as a link. Pure string checks, no imports: the CLI start-up stays cheap.
"""

from __future__ import annotations

import re

LINK_SCHEMES = ("http://", "https://", "mailto:")
MAX_URL_LENGTH = 4000  # longer is not a link a reader follows; some PDF viewers choke on it

# No URL carries these unencoded: whitespace and controls (a browser drops tabs and newlines
# inside a URL, so "java\tscript:" would run), invisible and bidi-override characters (they make
# a link read as another), lone surrogates and non-characters (XML cannot carry them).
_NOT_IN_URL = re.compile(
    "[\\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ud800-\udfff\ufffe\uffff]")


def external_url(url: str | None) -> str | None:
    """``url`` without its outer whitespace if it may become an external link; None otherwise.

    The scheme is compared case-insensitively and the URL is kept as given, so a link reads
    back the same. Nothing after the scheme (``https://``) is no link either.
    """
    if not url:
        return None
    url = url.strip()
    lower = url[:8].lower()
    scheme = next((s for s in LINK_SCHEMES if lower.startswith(s)), None)
    if scheme is None or len(url) == len(scheme) or len(url) > MAX_URL_LENGTH or _NOT_IN_URL.search(url):
        return None
    return url


def site_name(url: str | None) -> str | None:
    """The host of a web address, without "www." ("https://www.agency.gov/news/x" -> "agency.gov"):
    what a reader calls a publisher a record names only by its address; None for anything else."""
    url = external_url(url)
    if url is None or not url.lower().startswith(("http://", "https://")):
        return None
    host = url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
    host = host.lower().removeprefix("www.")
    return host if "." in host else None


def anchor_name(url: str | None) -> str | None:
    """``#name`` -> ``name``, the in-document target a link may point at; None for anything else.

    Anchor names are the document's own (a heading's, a paragraph's), so they are not checked
    here beyond being there: the writer links only to names the document has.
    """
    if not url:
        return None
    url = url.strip()
    return url[1:] if url.startswith("#") and len(url) > 1 else None
