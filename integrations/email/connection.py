"""Connecting to a mailbox's IMAP and SMTP servers, and why it failed, in words.

Always encrypted and always verified: implicit TLS, or STARTTLS that the server
must offer (a server that doesn't, or a connection whose STARTTLS is stripped
on the way, is refused, never continued in plain text). The certificate is
checked against the system's CAs plus the mailbox's ``ca_file`` (a shop's own
CA, the tests' throw-away one), host name included.

Every failure becomes one ``MailConnectionError``: a typed ``problem`` and an
English template for the operator (translated by the window like any core
message), with the server's or the system's own words as a field. Sending
(integrations/email/smtp.py), the settings page's Test
(integrations/email/test_connection.py) and the reader can share it.
"""

from __future__ import annotations

import base64
import contextlib
import enum
import imaplib
import smtplib
import socket
import ssl
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from app.messages import QT_TRANSLATE_NOOP, OperatorError
from integrations.email.settings import Endpoint, MailboxSettings, Security

if TYPE_CHECKING:
    from imapclient import IMAPClient

CONNECT_TIMEOUT_S = 30.0
# Every read after that: a server that scans a large message before it says
# 250 may take a while; one that says nothing for a minute is not answering.
READ_TIMEOUT_S = 60.0
MAX_WORDS = 500  # of a server's answer kept in a reason

T = TypeVar("T")


class Problem(enum.StrEnum):
    HOST_NOT_FOUND = "host_not_found"
    REFUSED = "refused"  # nothing listens on that port
    TIMEOUT = "timeout"
    NETWORK = "network"  # any other network failure (unreachable, reset)
    DISCONNECTED = "disconnected"  # the server closed the connection
    CERTIFICATE = "certificate"  # verification failed: ``certificate`` says how
    TLS = "tls"  # the handshake failed for another reason
    NOT_TLS = "not_tls"  # implicit TLS asked of a port that speaks plain text first
    NO_STARTTLS = "no_starttls"
    NO_AUTH = "no_auth"  # the SMTP server offers no login (AUTH) at all
    AUTH = "auth"  # user name or password refused
    SERVER = "server"  # the server refused something else: its words
    CA_FILE = "ca_file"  # the mailbox's own CA file can't be read or isn't one


class CertificateProblem(enum.StrEnum):
    SELF_SIGNED = "self_signed"
    UNKNOWN_ISSUER = "unknown_issuer"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    WRONG_HOST = "wrong_host"
    OTHER = "other"


# OpenSSL's X509_V_ERR_* codes (x509_vfy.h) for the problems an operator can act on.
_CERTIFICATE_CODES = {
    18: CertificateProblem.SELF_SIGNED,  # DEPTH_ZERO_SELF_SIGNED_CERT
    19: CertificateProblem.SELF_SIGNED,  # SELF_SIGNED_CERT_IN_CHAIN
    2: CertificateProblem.UNKNOWN_ISSUER,  # UNABLE_TO_GET_ISSUER_CERT
    20: CertificateProblem.UNKNOWN_ISSUER,  # UNABLE_TO_GET_ISSUER_CERT_LOCALLY
    21: CertificateProblem.UNKNOWN_ISSUER,  # UNABLE_TO_VERIFY_LEAF_SIGNATURE
    10: CertificateProblem.EXPIRED,  # CERT_HAS_EXPIRED
    9: CertificateProblem.NOT_YET_VALID,  # CERT_NOT_YET_VALID
    62: CertificateProblem.WRONG_HOST,  # HOSTNAME_MISMATCH
    64: CertificateProblem.WRONG_HOST,  # IP_ADDRESS_MISMATCH
}

_CERTIFICATE_TEMPLATES = {
    CertificateProblem.SELF_SIGNED: QT_TRANSLATE_NOOP(
        "core",
        "The {protocol} server {host}:{port} sent a self-signed certificate, which is not trusted ({detail}). Ask the mail provider for a proper certificate, or add the shop's own CA file to the mailbox.",  # noqa: E501
    ),
    CertificateProblem.UNKNOWN_ISSUER: QT_TRANSLATE_NOOP(
        "core",
        "The {protocol} server {host}:{port} sent a certificate from an issuer this computer does not trust ({detail}). Add the issuer's CA file to the mailbox if it is the shop's own.",  # noqa: E501
    ),
    CertificateProblem.EXPIRED: QT_TRANSLATE_NOOP(
        "core",
        "The certificate of the {protocol} server {host}:{port} has expired ({detail}): the mail provider must renew it.",  # noqa: E501
    ),
    CertificateProblem.NOT_YET_VALID: QT_TRANSLATE_NOOP(
        "core",
        "The certificate of the {protocol} server {host}:{port} is not valid yet ({detail}): check this computer's date and time.",  # noqa: E501
    ),
    CertificateProblem.WRONG_HOST: QT_TRANSLATE_NOOP(
        "core",
        "The certificate of the {protocol} server {host}:{port} is for another name ({detail}): use the server name the mail provider gives.",  # noqa: E501
    ),
    CertificateProblem.OTHER: QT_TRANSLATE_NOOP(
        "core",
        "The certificate of the {protocol} server {host}:{port} can't be trusted: {detail}",
    ),
}

_TEMPLATES = {
    Problem.HOST_NOT_FOUND: QT_TRANSLATE_NOOP(
        "core", "The {protocol} server {host} was not found: check its name ({detail})."
    ),
    Problem.REFUSED: QT_TRANSLATE_NOOP(
        "core",
        "The {protocol} server {host} refused the connection on port {port}: check the port and the security setting.",  # noqa: E501
    ),
    Problem.TIMEOUT: QT_TRANSLATE_NOOP(
        "core",
        "The {protocol} server {host}:{port} did not answer in time: check the port and the security setting (TLS or STARTTLS), and the network.",  # noqa: E501
    ),
    Problem.NETWORK: QT_TRANSLATE_NOOP(
        "core", "The {protocol} server {host}:{port} can't be reached: {detail}"
    ),
    Problem.DISCONNECTED: QT_TRANSLATE_NOOP(
        "core", "The {protocol} server {host}:{port} closed the connection: {detail}"
    ),
    Problem.TLS: QT_TRANSLATE_NOOP(
        "core", "A secure connection to the {protocol} server {host}:{port} failed: {detail}"
    ),
    Problem.NOT_TLS: QT_TRANSLATE_NOOP(
        "core",
        "The {protocol} server {host}:{port} does not start with TLS on this port: choose STARTTLS for it, or the server's TLS port.",  # noqa: E501
    ),
    Problem.NO_STARTTLS: QT_TRANSLATE_NOOP(
        "core",
        "The {protocol} server {host}:{port} does not offer STARTTLS, so the password would go unencrypted: nothing was sent. Choose TLS and the server's TLS port, or ask the mail provider.",  # noqa: E501
    ),
    Problem.NO_AUTH: QT_TRANSLATE_NOOP(
        "core",
        "The {protocol} server {host}:{port} offers no login (AUTH): it is not a server for sending the shop's mail.",  # noqa: E501
    ),
    Problem.AUTH: QT_TRANSLATE_NOOP(
        "core",
        "The {protocol} server {host} refused the user name or password: {detail}",
    ),
    Problem.SERVER: QT_TRANSLATE_NOOP("core", "The {protocol} server {host} refused: {detail}"),
    Problem.CA_FILE: QT_TRANSLATE_NOOP(
        "core",
        "The mailbox's CA certificate file can't be used for the {protocol} server {host}: {detail}",  # noqa: E501
    ),
}


class MailConnectionError(OperatorError):
    """Why talking to a mail server failed; ``str()`` is the English text."""

    def __init__(
        self,
        problem: Problem,
        protocol: str,
        endpoint: Endpoint,
        detail: str = "",
        certificate: CertificateProblem | None = None,
        code: int | None = None,
    ) -> None:
        self.problem = problem
        self.certificate = certificate
        self.code = code  # the server's reply code (SMTP), when it gave one
        self.detail = detail
        template = (
            _CERTIFICATE_TEMPLATES[certificate or CertificateProblem.OTHER]
            if problem is Problem.CERTIFICATE
            else _TEMPLATES[problem]
        )
        super().__init__(
            template, protocol=protocol, host=endpoint.host, port=endpoint.port, detail=detail
        )


def ssl_context(
    settings: MailboxSettings, protocol: str = "IMAP", endpoint: Endpoint | None = None
) -> ssl.SSLContext:
    """The system's CAs, plus the mailbox's own CA file when it has one; host
    names checked; TLS 1.2 at least. A CA file that can't be read is a
    MailConnectionError (CA_FILE), not a network problem."""
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if settings.ca_file:
        try:
            context.load_verify_locations(cafile=settings.ca_file)
        except (OSError, ssl.SSLError, ValueError) as exc:
            detail = f"{settings.ca_file}: {getattr(exc, 'strerror', None) or exc}"
            raise MailConnectionError(
                Problem.CA_FILE, protocol, endpoint or settings.imap, detail
            ) from exc
    return context


def server_words(raw: bytes | str) -> str:
    """A server's answer as one line of text, bounded."""
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    return " ".join(text.split())[:MAX_WORDS]


def smtp_reply(code: int, message: bytes | str) -> str:
    return f"{code} {server_words(message)}".strip()


def explain(exc: BaseException, protocol: str, endpoint: Endpoint) -> MailConnectionError:
    """What went wrong, for any exception connecting or logging in raised."""
    if isinstance(exc, MailConnectionError):
        return exc

    def problem(
        kind: Problem,
        detail: str = "",
        certificate: CertificateProblem | None = None,
        code: int | None = None,
    ) -> MailConnectionError:
        return MailConnectionError(kind, protocol, endpoint, detail, certificate, code)

    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return problem(Problem.AUTH, smtp_reply(exc.smtp_code, exc.smtp_error), code=exc.smtp_code)
    if isinstance(exc, smtplib.SMTPResponseException):
        return problem(
            Problem.SERVER, smtp_reply(exc.smtp_code, exc.smtp_error), code=exc.smtp_code
        )
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        if isinstance(exc.__context__, TimeoutError):  # smtplib words a timeout so
            return problem(Problem.TIMEOUT)
        return problem(Problem.DISCONNECTED, str(exc) or "no answer")
    from imapclient.exceptions import LoginError

    if isinstance(exc, LoginError):
        return problem(Problem.AUTH, server_words(str(exc)))
    if isinstance(exc, imaplib.IMAP4.abort):
        return problem(Problem.DISCONNECTED, server_words(str(exc)) or "no answer")
    if isinstance(exc, imaplib.IMAP4.error):
        return problem(Problem.SERVER, server_words(str(exc)))
    if isinstance(exc, ssl.SSLCertVerificationError):
        code = exc.verify_code
        return problem(
            Problem.CERTIFICATE,
            exc.verify_message or str(exc),
            certificate=_CERTIFICATE_CODES.get(code, CertificateProblem.OTHER),
        )
    if isinstance(exc, ssl.SSLError):
        if exc.reason in ("WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "PACKET_LENGTH_TOO_LONG"):
            return problem(Problem.NOT_TLS)
        return problem(Problem.TLS, exc.reason or str(exc))
    if isinstance(exc, socket.gaierror):
        return problem(Problem.HOST_NOT_FOUND, exc.strerror or str(exc))
    if isinstance(exc, ConnectionRefusedError):
        return problem(Problem.REFUSED)
    if isinstance(exc, TimeoutError):
        return problem(Problem.TIMEOUT)
    if isinstance(exc, ConnectionResetError | BrokenPipeError | EOFError):
        return problem(Problem.DISCONNECTED, str(exc) or type(exc).__name__)
    if isinstance(exc, OSError):
        return problem(Problem.NETWORK, exc.strerror or str(exc) or type(exc).__name__)
    return problem(Problem.SERVER, server_words(str(exc)) or type(exc).__name__)


def guarded(protocol: str, endpoint: Endpoint, step: Callable[[], T]) -> T:
    """``step()``, any failure raised as a MailConnectionError."""
    try:
        return step()
    except Exception as exc:
        raise explain(exc, protocol, endpoint) from exc


# --- SMTP --------------------------------------------------------------------------------


def open_smtp(settings: MailboxSettings, password: str) -> smtplib.SMTP:
    """A logged-in SMTP session (implicit TLS or STARTTLS), or MailConnectionError."""
    endpoint = settings.smtp
    return guarded("SMTP", endpoint, lambda: _smtp_session(settings, password))


def _smtp_session(settings: MailboxSettings, password: str) -> smtplib.SMTP:
    endpoint = settings.smtp
    context = ssl_context(settings, "SMTP", endpoint)
    # EHLO names us by our address as the server sees it ("[192.0.2.1]", as
    # Thunderbird does): smtplib's default looks up this computer's full name
    # first (a DNS query, and the machine's name sent to every server).
    smtp: smtplib.SMTP
    if endpoint.security is Security.TLS:
        smtp = smtplib.SMTP_SSL(
            endpoint.host,
            endpoint.port,
            local_hostname="localhost",  # replaced before the first EHLO
            timeout=CONNECT_TIMEOUT_S,
            context=context,
        )
    else:
        smtp = smtplib.SMTP(
            endpoint.host, endpoint.port, local_hostname="localhost", timeout=CONNECT_TIMEOUT_S
        )
    try:
        assert smtp.sock is not None
        smtp.sock.settimeout(READ_TIMEOUT_S)
        smtp.local_hostname = _address_literal(smtp.sock)
        smtp.ehlo()
        if endpoint.security is Security.STARTTLS:
            if not smtp.has_extn("starttls"):
                raise MailConnectionError(Problem.NO_STARTTLS, "SMTP", endpoint)
            smtp.starttls(context=context)
            smtp.ehlo()
        if not smtp.has_extn("auth"):
            raise MailConnectionError(Problem.NO_AUTH, "SMTP", endpoint)
        _smtp_login(smtp, settings.login_for_smtp, password)
    except BaseException:
        smtp.close()
        raise
    return smtp


def _smtp_login(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """smtplib's login, or AUTH PLAIN in UTF-8 (RFC 4616) for a user name or
    password with letters outside ASCII, which smtplib can only send as ASCII."""
    if (user + password).isascii():
        smtp.login(user, password)
        return
    offered = smtp.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" not in offered:
        raise smtplib.SMTPAuthenticationError(
            535, b"the server takes only ASCII user names and passwords (no AUTH PLAIN)"
        )
    token = base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode("ascii")
    code, words = smtp.docmd("AUTH", f"PLAIN {token}")
    if code == 334:  # a server that wants the response apart from the command
        code, words = smtp.docmd(token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, words)


def _address_literal(sock: socket.socket) -> str:
    host = sock.getsockname()[0]
    return f"[IPv6:{host}]" if ":" in host else f"[{host}]"


# --- IMAP --------------------------------------------------------------------------------


def open_imap(settings: MailboxSettings, password: str) -> IMAPClient:
    """A logged-in IMAPClient (implicit TLS or STARTTLS), or MailConnectionError."""
    endpoint = settings.imap
    return guarded("IMAP", endpoint, lambda: _imap_session(settings, password))


def _imap_session(settings: MailboxSettings, password: str) -> IMAPClient:
    from imapclient import IMAPClient

    endpoint = settings.imap
    context = ssl_context(settings, "IMAP", endpoint)
    client = IMAPClient(
        endpoint.host,
        endpoint.port,
        ssl=endpoint.security is Security.TLS,
        ssl_context=context,
        timeout=CONNECT_TIMEOUT_S,
    )
    try:
        client.socket().settimeout(READ_TIMEOUT_S)
        if endpoint.security is Security.STARTTLS:
            if not client.has_capability("STARTTLS"):
                raise MailConnectionError(Problem.NO_STARTTLS, "IMAP", endpoint)
            client.starttls(context)
        if (settings.user + password).isascii():
            client.login(settings.user, password)
        else:
            # LOGIN's strings are ASCII in imaplib; AUTHENTICATE PLAIN is UTF-8.
            client.plain_login(settings.user, password)
    except BaseException:
        with contextlib.suppress(Exception):  # the first error is the one to tell
            client.shutdown()
        raise
    return client


def close_imap(client: IMAPClient) -> None:
    try:
        client.logout()
    except Exception:
        with contextlib.suppress(Exception):  # already gone
            client.shutdown()
