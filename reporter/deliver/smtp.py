"""Sending a written message over SMTP, once, with every failure as one ``DeliveryError`` line.

The transport is injectable (as httpx's are): ``send`` takes any object with
``send(data, *, sender, recipients)``, so unit tests need no server, and the real
one (``SmtpTransport``) is tested against aiosmtpd on loopback. No retries: a
failed send is reported, never repeated, so nobody gets the briefing twice.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from typing import Protocol, Sequence

from ..errors import DeliveryError, InputError

DEFAULT_TIMEOUT = 30.0
SECURITY = ("plain", "starttls", "ssl")


class Transport(Protocol):
    def send(self, data: bytes, *, sender: str, recipients: Sequence[str]) -> None: ...


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str = "plain"  # plain, starttls or ssl (implicit TLS)
    username: str | None = None
    password: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    cafile: str | None = None  # extra trust anchor (a test hook; system CAs are always used)
    helo: str = "localhost"

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def parse_server(value: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:25`` for IPv6) -> (host, port)."""
    host, sep, port = value.strip().rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise InputError(f"--smtp {value!r}: expected HOST:PORT, e.g. mail.example.org:587")
    host = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if any(c.isspace() or ord(c) < 32 for c in host) or "/" in host:
        raise InputError(f"--smtp {value!r}: invalid host name")
    return host, int(port)


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def settings_from_env(host: str, port: int, *, security: str = "plain", timeout: float = DEFAULT_TIMEOUT,
                      helo: str = "localhost", environ: dict | None = None) -> SmtpSettings:
    """Credentials come from REPORTER_SMTP_USER / REPORTER_SMTP_PASSWORD, never the command line
    (where ``ps`` and shell history would show them)."""
    env = os.environ if environ is None else environ
    user = env.get("REPORTER_SMTP_USER") or None
    password = env.get("REPORTER_SMTP_PASSWORD") or None
    if (user is None) != (password is None):
        raise InputError("set both REPORTER_SMTP_USER and REPORTER_SMTP_PASSWORD, or neither")
    if security not in SECURITY:
        raise InputError(f"unknown SMTP security {security!r}")
    if user and security == "plain" and not _is_loopback(host):
        raise InputError(f"refusing to send the SMTP password unencrypted to {host}; use --starttls or --ssl")
    if not timeout > 0:
        raise InputError("the SMTP timeout must be positive")
    return SmtpSettings(host, port, security, user, password, timeout,
                        env.get("REPORTER_SMTP_CAFILE") or None, helo)


def _reply(exc) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return f"{exc.smtp_code} {' '.join(text.split())}".strip()


class SmtpTransport:
    """smtplib, one connection per message; TLS always verifies the server certificate."""

    def __init__(self, settings: SmtpSettings):
        self.settings = settings

    def _context(self):
        import ssl

        ctx = ssl.create_default_context()
        if self.settings.cafile:
            try:
                ctx.load_verify_locations(cafile=self.settings.cafile)
            except (OSError, ssl.SSLError) as exc:
                raise InputError(f"REPORTER_SMTP_CAFILE: cannot load: {exc}") from None
        return ctx

    def _connect(self, deadline: "Deadline"):
        import smtplib

        s = self.settings
        try:
            if s.security == "ssl":
                return deadline.client(smtplib.SMTP_SSL)(s.host, s.port, local_hostname=s.helo,
                                                         timeout=deadline.remaining(), context=self._context())
            client = deadline.client(smtplib.SMTP)(s.host, s.port, local_hostname=s.helo, timeout=deadline.remaining())
        except (TimeoutError, smtplib.SMTPServerDisconnected, OSError) as exc:
            if deadline.timed_out(exc):
                raise DeliveryError(f"{s.where}: no greeting from the server within the {s.timeout:g}-second "
                                    "deadline; nothing was sent") from None
            raise
        if s.security == "starttls":
            try:
                client.ehlo()
                if not client.has_extn("starttls"):
                    raise DeliveryError(f"{s.where}: the server does not offer STARTTLS; nothing was sent")
                client.starttls(context=self._context())
                client.ehlo()
            except BaseException:
                client.close()
                raise
        return client

    def send(self, data: bytes, *, sender: str, recipients: Sequence[str]) -> None:
        """One delivery under one deadline (``settings.timeout``), connect to the final reply."""
        import smtplib

        with Deadline(self.settings.timeout) as deadline:
            try:
                self._send(deadline, data, sender=sender, recipients=recipients)
            except (OSError, EOFError, ValueError, smtplib.SMTPException) as exc:
                if isinstance(exc, DeliveryError) or not deadline.timed_out(exc):
                    raise
                raise DeliveryError(f"{self.settings.where}: no final reply within the {self.settings.timeout:g}-second "
                                    "deadline; " + ("the message may not have been delivered" if deadline.data_sent
                                                    else "nothing was sent")) from None

    def _send(self, deadline: "Deadline", data: bytes, *, sender: str, recipients: Sequence[str]) -> None:
        import smtplib

        s = self.settings
        client = self._connect(deadline)
        try:
            if s.username:
                client.ehlo_or_helo_if_needed()
                if not client.has_extn("auth"):
                    raise DeliveryError(f"{s.where}: the server offers no login (AUTH); nothing was sent")
                client.login(s.username, s.password or "")
            refused = client.sendmail(sender, list(recipients), data)
        finally:
            try:
                client.quit()  # the message is already accepted (or not): a failed QUIT changes nothing
            except (smtplib.SMTPException, OSError):
                client.close()
        if refused:
            raise DeliveryError(f"{s.where}: sent, but the server refused {_refused(refused)}")


class Deadline:
    """One deadline for a whole delivery. smtplib's timeout is per read, so a server that
    trickles a multi-line reply a byte at a time could hold the client for ever; here a
    timer shuts the connection down when the time is up, whatever is being read or written."""

    def __init__(self, seconds: float) -> None:
        import threading
        import time

        self._clock = time.monotonic
        self.seconds = seconds
        self.end = self._clock() + seconds
        self.expired = False
        self.data_sent = False
        self.sock = None
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> "Deadline":
        self._timer.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._timer.cancel()

    def timed_out(self, exc: BaseException) -> bool:
        """Whether ``exc`` is this deadline's doing: the timer fired, or the socket's own timeout
        (the time left) ran out first, which smtplib reports as a disconnect caused by it. Under
        load the timer's thread may wake after the read has already given up."""
        return (self.expired or isinstance(exc, TimeoutError)
                or isinstance(exc.__context__, TimeoutError) or isinstance(exc.__cause__, TimeoutError))

    def remaining(self) -> float:
        return max(0.01, self.end - self._clock())

    def _expire(self) -> None:
        import socket

        self.expired = True
        sock = self.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def client(self, base):
        """``base`` (smtplib.SMTP or SMTP_SSL) with its socket handed to this deadline."""
        deadline = self

        class Client(base):
            def _get_socket(self, host, port, timeout):
                deadline.sock = super()._get_socket(host, port, deadline.remaining())
                return deadline.sock

            def data(self, msg):
                deadline.data_sent = True  # from here on the server may have the message
                return super().data(msg)

            def starttls(self, *args, **kwargs):
                reply = super().starttls(*args, **kwargs)
                deadline.sock = self.sock  # the TLS socket replaces the plain one
                return reply

        return Client


def _refused(recipients: dict) -> str:
    """smtplib's {recipient: (code, reply)} as one line: ``a@x (550 no such user), ...``."""
    parts = []
    for rcpt, (code, text) in recipients.items():
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        parts.append(f"{rcpt} ({code} {' '.join(text.split())})")
    return ", ".join(parts)


_NO_ANSWER = "the server did not answer in time; the message may not have been delivered"


def send(data: bytes, *, sender: str, recipients: Sequence[str], transport: Transport, where: str = "") -> None:
    """Send once through ``transport``; translate every failure into one ``DeliveryError`` line."""
    import smtplib
    import socket
    import ssl

    where = f"{where}: " if where else ""
    if not recipients:
        raise InputError("no recipient: give at least one --to address")
    try:
        transport.send(data, sender=sender, recipients=recipients)
    except (DeliveryError, InputError):
        raise
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(f"{where}the server refused every recipient: {_refused(exc.recipients)}; "
                            "nothing was sent") from None
    except smtplib.SMTPAuthenticationError as exc:
        raise DeliveryError(f"{where}login failed: {_reply(exc)} (check REPORTER_SMTP_USER and "
                            "REPORTER_SMTP_PASSWORD); nothing was sent") from None
    except smtplib.SMTPSenderRefused as exc:
        hint = (" (the server wants a login: set REPORTER_SMTP_USER and REPORTER_SMTP_PASSWORD)"
                if exc.smtp_code == 530 else "")
        raise DeliveryError(f"{where}the server refused the sender {exc.sender}: {_reply(exc)}{hint}; "
                            "nothing was sent") from None
    except smtplib.SMTPDataError as exc:
        raise DeliveryError(f"{where}the server rejected the message: {_reply(exc)}") from None
    except smtplib.SMTPNotSupportedError as exc:
        raise DeliveryError(f"{where}the server does not support this: {exc}; nothing was sent") from None
    except smtplib.SMTPServerDisconnected as exc:
        if isinstance(exc.__context__, TimeoutError):  # smtplib reports a read timeout as a disconnect
            raise DeliveryError(where + _NO_ANSWER) from None
        raise DeliveryError(f"{where}the server closed the connection ({exc or 'no reason given'}); "
                            "the message may not have been delivered") from None
    except smtplib.SMTPResponseException as exc:
        raise DeliveryError(f"{where}the server answered {_reply(exc)}; the message was not delivered") from None
    except smtplib.SMTPException as exc:
        raise DeliveryError(f"{where}SMTP error: {exc}") from None
    except ssl.SSLCertVerificationError as exc:
        raise DeliveryError(f"{where}TLS certificate not trusted: {exc.verify_message}; nothing was sent") from None
    except ssl.SSLError as exc:
        raise DeliveryError(f"{where}TLS failed: {exc.reason or exc}; nothing was sent") from None
    except socket.timeout:
        raise DeliveryError(where + _NO_ANSWER) from None
    except socket.gaierror as exc:
        raise DeliveryError(f"{where}cannot resolve the host name: {exc.strerror or exc}; nothing was sent") from None
    except OSError as exc:
        raise DeliveryError(f"{where}cannot connect: {exc.strerror or exc}; nothing was sent") from None
