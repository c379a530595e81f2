"""Checking what goes into mail headers: addresses and one-line header texts.

The ``email`` package is lenient (it repairs, records "defects", sometimes raises
on odd input); a briefing must not go to a half-parsed address or carry a header
that a CR/LF in a title turned into two. Everything here is pure.
"""

from __future__ import annotations

import re
from email.headerregistry import Address

from ..errors import InputError

_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*\Z")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\Z")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]")
MAX_HEADER_TEXT = 900


def check_header_text(value: str, what: str) -> str:
    """``value`` as one header line; CR/LF or other control characters are refused, not stripped.

    Stripping would silently send something other than what the user wrote; refusing
    names the problem (header injection is the usual cause).
    """
    if _CONTROL.search(value):
        bad = _CONTROL.search(value).group(0)
        raise InputError(f"{what} contains a control character ({bad!r}); it must be one line")
    if len(value) > MAX_HEADER_TEXT:
        raise InputError(f"{what} is too long ({len(value)} characters; the limit is {MAX_HEADER_TEXT})")
    return value


def _ascii_domain(domain: str, shown: str) -> str:
    try:
        ascii_domain = domain.encode("idna").decode("ascii") if not domain.isascii() else domain
    except UnicodeError:
        raise InputError(f"invalid email address {shown!r}: bad domain") from None
    labels = ascii_domain.rstrip(".").split(".")
    if len(ascii_domain) > 253 or not all(_LABEL.match(label) for label in labels):
        raise InputError(f"invalid email address {shown!r}: bad domain {domain!r}")
    return ascii_domain.rstrip(".")


def parse_addresses(value: str, option: str = "address") -> tuple[Address, ...]:
    """One or more comma-separated addresses (``Name <user@example.org>`` or bare), validated.

    Local parts must be ASCII dot-atoms (no SMTPUTF8); internationalised domains are
    converted to their ASCII (IDNA) form so every MTA accepts the envelope.
    """
    from email.headerregistry import HeaderRegistry

    shown = value if len(value) <= 80 else value[:77] + "..."
    check_header_text(value, f"{option} {shown!r}")
    if not value.strip():
        raise InputError(f"{option}: empty email address")
    try:
        header = HeaderRegistry()("To", value)
        parsed = header.addresses
        defects = header.defects
    except Exception:  # the parser raises on some malformed input ("a@")
        raise InputError(f"invalid email address {shown!r}") from None
    if defects or not parsed:
        raise InputError(f"invalid email address {shown!r}")
    out = []
    for addr in parsed:
        if not addr.username or not addr.domain:
            raise InputError(f"invalid email address {shown!r}: expected user@domain")
        if not _LOCAL.match(addr.username) or len(addr.username) > 64:
            raise InputError(f"invalid email address {shown!r}: unsupported user part {addr.username!r}")
        domain = _ascii_domain(addr.domain, shown)
        out.append(Address(display_name=addr.display_name, username=addr.username, domain=domain))
    return tuple(out)


def parse_address(value: str, option: str = "address") -> Address:
    """Exactly one address (for ``--from``)."""
    addrs = parse_addresses(value, option)
    if len(addrs) != 1:
        raise InputError(f"{option}: expected one email address, got {len(addrs)}")
    return addrs[0]


def unique_recipients(*groups: tuple[Address, ...]) -> tuple[str, ...]:
    """The envelope recipients (addr-specs), each once, in order given."""
    seen: dict[str, str] = {}
    for group in groups:
        for addr in group:
            seen.setdefault(addr.addr_spec.lower(), addr.addr_spec)
    return tuple(seen.values())
