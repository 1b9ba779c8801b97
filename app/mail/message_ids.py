"""Message-IDs: read from any header however mangled, made for a message without
one, and made for the messages we send.

An id is kept in one normal form, ``<left@right>`` (angle brackets, no whitespace,
case as written: RFC 5322 section 3.6.4 compares them as strings, and so does
JWZ's threading), so a References header is rebuilt by joining ids with spaces.

``parse_ids`` reads Message-ID, In-Reply-To and References robustly: folded
lines, whitespace a broken client put inside an id, commas between ids,
comments such as ``(message from John <john@x.org>)``, ids without brackets,
an unterminated last id, and garbage between them; duplicates go, order stays.

A message with no usable Message-ID gets ``synthetic_id(raw)``: a digest of its
bytes at a reserved domain (RFC 2606's ``.invalid``), so the same message
fetched again (another folder, a new UIDVALIDITY) gets the same id and is
stored once, and ``is_synthetic`` tells it from any real one. It is never put
into headers we send.
"""

from __future__ import annotations

import hashlib
import re
import secrets

SYNTHETIC_DOMAIN = "synthetic.switchboard.invalid"
MAX_ID_LENGTH = 250  # ids are rarely over 100; a longer "id" is garbage, not a key
MAX_REFERENCES = 200  # the first and the 199 most recent: all threading needs

_COMMENT = re.compile(r"\([^()]*\)")
_BRACKETED = re.compile(r"<([^<>]*)>")
_WHITESPACE = re.compile(r"\s+")
_HOSTNAME = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9-]{1,63}$")


def parse_ids(raw: str | None) -> tuple[str, ...]:
    """Every message id in a header's raw value, in order, each once."""
    if not raw:
        return ()
    text = raw
    for _ in range(5):  # comments nest; five levels is more than any client writes
        stripped = _COMMENT.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    found = [_clean(token) for token in _BRACKETED.findall(text)]
    rest = text.rsplit(">", 1)[-1]
    if "<" in rest:
        found.append(_clean(rest.rsplit("<", 1)[1]))  # cut off before its ">"
    elif not found:
        found = [_clean(token) for token in re.split(r"[\s,;]+", rest) if "@" in token]
    ids: list[str] = []
    seen: set[str] = set()
    for token in found:
        if token and token not in seen:
            seen.add(token)
            ids.append(token)
    if len(ids) > MAX_REFERENCES:
        ids = ids[:1] + ids[-(MAX_REFERENCES - 1) :]
    return tuple(ids)


def normalise_id(raw: str | None) -> str | None:
    """The first id in ``raw`` in normal form, or None."""
    ids = parse_ids(raw)
    return ids[0] if ids else None


def synthetic_id(raw_message: bytes) -> str:
    """A stable id for a message that has none (see the module's docstring)."""
    digest = hashlib.sha256(raw_message).hexdigest()[:40]
    return f"<{digest}@{SYNTHETIC_DOMAIN}>"


def is_synthetic(message_id: str) -> bool:
    return message_id.endswith(f"@{SYNTHETIC_DOMAIN}>")


def message_id_domain(mailbox_address: str, configured: str | None = None) -> str:
    """The domain of our Message-IDs: the mailbox's setting if it is a valid host
    name, else the domain of the mailbox's address (IDNA-encoded), else a reserved
    one. ``valid_domain`` says whether a setting would be taken."""
    for candidate in (configured, mailbox_address.rpartition("@")[2]):
        domain = valid_domain(candidate)
        if domain is not None:
            return domain
    return "switchboard.invalid"


def valid_domain(value: str | None) -> str | None:
    """``value`` as an ASCII host name for a Message-ID's right side, or None."""
    if not value:
        return None
    name = value.strip().rstrip(".").lower()
    try:
        name = name.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return name if _HOSTNAME.match(name) and "." in name else None


def new_message_id(domain: str) -> str:
    """``<random@domain>`` for a message we send: 128 random bits, nothing about
    the operator or the machine in it."""
    return f"<{secrets.token_hex(16)}@{domain}>"


def _clean(token: str) -> str:
    inner = _WHITESPACE.sub("", token).strip("<>")
    if not inner or len(inner) > MAX_ID_LENGTH or not inner.isascii() or not inner.isprintable():
        return ""
    return f"<{inner}>"
