"""A test peer, not a phone: the far end of a blind transfer that misbehaves
the way some real phones do, written from RFC 3261 (SIP), RFC 3515 (REFER),
RFC 4488 (Refer-Sub) and RFC 3420 (message/sipfrag).

It registers at the test Kamailio (digest, RFC 2617), answers our INVITE with
200 and a G.711 SDP (it sends no RTP), and answers our REFER with 202. Then it
does what it was told:

- ``call_target``: it really calls the Refer-To target through Kamailio (a
  baresip), digest and all, so it is "connected elsewhere"; the call is hung
  up when the peer stops.
- ``notify``: the NOTIFYs it sends us afterwards: ``"none"`` (never a word),
  ``"good"`` (100 Trying, then 200 OK, as RFC 3515 says), ``"broken"`` (100
  Trying, then the final 200 with a malformed Subscription-State that a strict
  parser refuses), ``"missing"`` (the final 200 without any Subscription-State).
- ``bye_after``: it hangs up on us once the transfer is done (many phones do).
- ``honour_refer_sub``: a REFER with ``Refer-Sub: false`` is answered with
  ``Refer-Sub: false`` and no NOTIFY at all (RFC 4488); otherwise the header is
  ignored, as by a peer that does not know the extension.
- ``refer_answer``: a code of 300 or more refuses the REFER with it instead.

A NOTIFY the far end refuses (or drops: pjsip drops a message whose header it
can't parse) is given up after a second, as a phone that doesn't wait for the
answer before it hangs up.

Every request it receives is kept (``received``) for the tests to read.
UDP only, one dialog at a time: enough for one test call on loopback.
"""

from __future__ import annotations

import hashlib
import re
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

COMPACT = {
    "v": "via",
    "f": "from",
    "t": "to",
    "i": "call-id",
    "m": "contact",
    "l": "content-length",
    "c": "content-type",
    "k": "supported",
    "r": "refer-to",
    "o": "event",
    "b": "referred-by",
}


@dataclass
class Message:
    first_line: str
    headers: list[tuple[str, str]]
    body: bytes = b""

    @property
    def is_request(self) -> bool:
        return not self.first_line.startswith("SIP/2.0 ")

    @property
    def method(self) -> str:
        return self.first_line.split(" ", 1)[0]

    @property
    def status(self) -> int:
        return int(self.first_line.split(" ", 2)[1])

    def all(self, name: str) -> list[str]:
        name = name.lower()
        return [value for key, value in self.headers if key == name]

    def get(self, name: str, default: str = "") -> str:
        found = self.all(name)
        return found[0] if found else default

    @property
    def cseq_method(self) -> str:
        return self.get("cseq").split()[-1]


def parse(data: bytes) -> Message:
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("utf-8", "replace").split("\r\n")
    headers: list[tuple[str, str]] = []
    for line in lines[1:]:
        if line[:1] in (" ", "\t") and headers:  # a folded line continues the header
            key, value = headers[-1]
            headers[-1] = (key, value + " " + line.strip())
            continue
        key, _, value = line.partition(":")
        key = key.strip().lower()
        key = COMPACT.get(key, key)
        # Several values in one line (Via, Record-Route, Route) become one entry each.
        if key in ("via", "record-route", "route"):
            headers.extend((key, part.strip()) for part in split_commas(value))
        else:
            headers.append((key, value.strip()))
    return Message(lines[0], headers, body)


def split_commas(value: str) -> list[str]:
    """Splits a header's comma-separated values, not inside <...> or quotes."""
    parts, depth, quoted, current = [], 0, False, ""
    for char in value:
        if char == '"':
            quoted = not quoted
        elif not quoted and char == "<":
            depth += 1
        elif not quoted and char == ">":
            depth -= 1
        if char == "," and not quoted and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [part for part in (p.strip() for p in parts) if part]


def tag_of(value: str) -> str:
    found = re.search(r";\s*tag=([^;>\s]+)", value.split(">")[-1] if ">" in value else value)
    return found.group(1) if found else ""


def uri_of(value: str) -> str:
    found = re.search(r"<([^>]+)>", value)
    return found.group(1) if found else value.split(";")[0].strip()


def host_port(uri: str) -> tuple[str, int]:
    found = re.match(r"sips?:(?:[^@]+@)?([^;:>?]+)(?::(\d+))?", uri)
    assert found, uri
    return found.group(1), int(found.group(2) or 5060)


def build(first_line: str, headers: list[tuple[str, str]], body: bytes = b"") -> bytes:
    lines = [first_line, *(f"{key}: {value}" for key, value in headers)]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()  # SIP's digest is MD5 (RFC 2617)


def digest(challenge: str, method: str, uri: str, user: str, password: str) -> str:
    fields = dict(re.findall(r'(\w+)="?([^",]*)"?', challenge))
    realm, nonce = fields["realm"], fields["nonce"]
    ha1 = md5(f"{user}:{realm}:{password}")
    ha2 = md5(f"{method}:{uri}")
    parts = [
        f'username="{user}"',
        f'realm="{realm}"',
        f'nonce="{nonce}"',
        f'uri="{uri}"',
        "algorithm=MD5",
    ]
    if "auth" in fields.get("qop", "").split(","):
        cnonce, nc = uuid.uuid4().hex[:16], "00000001"
        response = md5(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")
        parts += [f'cnonce="{cnonce}"', f"nc={nc}", "qop=auth"]
    else:
        response = md5(f"{ha1}:{nonce}:{ha2}")
    parts.append(f'response="{response}"')
    if "opaque" in fields:
        parts.append(f'opaque="{fields["opaque"]}"')
    return "Digest " + ", ".join(parts)


@dataclass
class Dialog:
    call_id: str
    local_uri: str  # our From/To value, tag included
    remote_uri: str
    remote_target: str
    route: list[str]
    cseq: int = 1


@dataclass
class ReferPeer:
    user: str
    password: str
    registrar: str  # Kamailio's host:port
    notify: str = "none"
    bye_after: bool = False
    honour_refer_sub: bool = False
    call_target: bool = True
    refer_answer: int = 202
    received: list[Message] = field(default_factory=list)
    sock: socket.socket = field(init=False)
    port: int = field(init=False)

    def __post_init__(self) -> None:
        if self.notify not in ("none", "good", "broken", "missing"):
            raise ValueError(f"unknown notify mode {self.notify!r}")
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.1)  # the reader looks at ``closed`` this often
        self.port = int(self.sock.getsockname()[1])
        self.rtp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.rtp.bind(("127.0.0.1", 0))
        self.cond = threading.Condition()
        self.responses: dict[str, list[Message]] = {}  # by Via branch
        self.dialog: Dialog | None = None  # our call with the engine
        self.target_dialog: Dialog | None = None  # the call made on the REFER
        self.closed = False
        self.failures: list[str] = []
        self.reader = threading.Thread(target=self._read, name="refer-peer", daemon=True)
        self.reader.start()

    # --- what the tests read ------------------------------------------------------

    @property
    def aor(self) -> str:
        return f"sip:{self.user}@{self.registrar}"

    def requests(self, method: str) -> list[Message]:
        with self.cond:
            return [m for m in self.received if m.method == method]

    def wait_request(self, method: str, timeout: float = 10) -> Message:
        with self.cond:
            if not self.cond.wait_for(lambda: self.requests_locked(method), timeout):
                seen = [m.method for m in self.received]
                raise AssertionError(f"the peer received no {method} within {timeout} s: {seen}")
            return self.requests_locked(method)[0]

    def requests_locked(self, method: str) -> list[Message]:
        return [m for m in self.received if m.method == method]

    def wait_target_connected(self, timeout: float = 10) -> None:
        with self.cond:
            if not self.cond.wait_for(lambda: self.target_dialog is not None, timeout):
                raise AssertionError(f"the transfer target never answered: {self.failures}")

    # --- the wire -------------------------------------------------------------------

    def _contact(self) -> str:
        return f"<sip:{self.user}@127.0.0.1:{self.port}>"

    def _via(self, branch: str) -> str:
        return f"SIP/2.0/UDP 127.0.0.1:{self.port};branch={branch};rport"

    def _send(self, data: bytes, to: tuple[str, int]) -> None:
        self.sock.sendto(data, to)

    def _read(self) -> None:
        while not self.closed:
            try:
                data, source = self.sock.recvfrom(65535)
            except TimeoutError:
                continue
            except OSError:
                return
            if not data.strip():
                continue  # a keep-alive
            message = parse(data)
            if message.is_request:
                with self.cond:
                    self.received.append(message)
                    self.cond.notify_all()
                try:
                    self._answer(message, source)
                except Exception as exc:  # a test peer says what went wrong, never dies
                    self.failures.append(f"{message.method}: {exc!r}")
            else:
                branch = re.search(r"branch=([^;\s]+)", message.get("via"))
                with self.cond:
                    key = branch.group(1) if branch else ""
                    self.responses.setdefault(key, []).append(message)
                    self.cond.notify_all()

    def _reply(
        self,
        request: Message,
        source: tuple[str, int],
        code: int,
        reason: str,
        extra: list[tuple[str, str]] | None = None,
        body: bytes = b"",
        to_tag: str = "",
    ) -> None:
        to = request.get("to")
        if to_tag and not tag_of(to):
            to = f"{to};tag={to_tag}"
        headers = [("Via", via) for via in request.all("via")]
        headers += [("Record-Route", rr) for rr in request.all("record-route")]
        headers += [
            ("From", request.get("from")),
            ("To", to),
            ("Call-ID", request.get("call-id")),
            ("CSeq", request.get("cseq")),
            *(extra or []),
        ]
        # Responses go back the way the request came (RFC 3581: to its source).
        self._send(build(f"SIP/2.0 {code} {reason}", headers, body), source)

    def _sdp(self, direction: str = "sendrecv") -> bytes:
        port = self.rtp.getsockname()[1]
        return (
            "v=0\r\n"
            f"o=peer {int(time.time())} 1 IN IP4 127.0.0.1\r\n"
            "s=refer peer\r\n"
            "c=IN IP4 127.0.0.1\r\n"
            "t=0 0\r\n"
            f"m=audio {port} RTP/AVP 0 8 101\r\n"
            "a=rtpmap:0 PCMU/8000\r\n"
            "a=rtpmap:8 PCMA/8000\r\n"
            "a=rtpmap:101 telephone-event/8000\r\n"
            f"a={direction}\r\n"
        ).encode()

    @staticmethod
    def _answer_direction(offer: bytes) -> str:
        text = offer.decode("utf-8", "replace")
        for offered, answered in (
            ("sendonly", "recvonly"),
            ("recvonly", "sendonly"),
            ("inactive", "inactive"),
        ):
            if f"a={offered}" in text:
                return answered
        return "sendrecv"

    def _answer(self, request: Message, source: tuple[str, int]) -> None:
        method = request.method
        if method == "ACK":
            return
        if method == "INVITE" and not tag_of(request.get("to")):
            local_tag = uuid.uuid4().hex[:10]
            self.dialog = Dialog(
                call_id=request.get("call-id"),
                local_uri=f"{request.get('to')};tag={local_tag}",
                remote_uri=request.get("from"),
                remote_target=uri_of(request.get("contact")),
                route=[uri_of(rr) for rr in request.all("record-route")],
            )
            self._reply(
                request,
                source,
                200,
                "OK",
                [("Contact", self._contact()), ("Content-Type", "application/sdp")],
                self._sdp(self._answer_direction(request.body)),
                to_tag=local_tag,
            )
            return
        if method == "INVITE":  # a re-INVITE (hold, resume)
            self._reply(
                request,
                source,
                200,
                "OK",
                [("Contact", self._contact()), ("Content-Type", "application/sdp")],
                self._sdp(self._answer_direction(request.body)),
            )
            return
        if method == "REFER" and self.refer_answer >= 300:
            self._reply(request, source, self.refer_answer, "Refused by the test peer")
            return
        if method == "REFER":
            no_subscription = self.honour_refer_sub and request.get("refer-sub").lower() == "false"
            extra = [("Contact", self._contact())]
            if no_subscription:
                extra.append(("Refer-Sub", "false"))
            self._reply(request, source, 202, "Accepted", extra)
            threading.Thread(
                target=self._transfer,
                args=(uri_of(request.get("refer-to")), no_subscription),
                name="refer-peer-transfer",
                daemon=True,
            ).start()
            return
        if method == "SUBSCRIBE":
            self._reply(
                request, source, 200, "OK", [("Expires", "0"), ("Contact", self._contact())]
            )
            return
        if method == "BYE":
            if self.dialog is not None and request.get("call-id") == self.dialog.call_id:
                self.dialog = None
            self._reply(request, source, 200, "OK")
            return
        if method in ("OPTIONS", "NOTIFY", "INFO", "UPDATE", "CANCEL"):
            self._reply(request, source, 200, "OK")
            return
        self._reply(request, source, 405, "Method Not Allowed")

    # --- requests it makes ---------------------------------------------------------

    def _request(
        self,
        first_line: str,
        headers: list[tuple[str, str]],
        body: bytes,
        to: tuple[str, int],
        timeout: float = 5,
    ) -> Message:
        """Sends a request and waits for its final response (retransmitting on
        UDP per RFC 3261's timer A, 500 ms doubling)."""
        branch = "z9hG4bK" + uuid.uuid4().hex
        data = build(first_line, [("Via", self._via(branch)), *headers], body)
        deadline = time.monotonic() + timeout
        interval = 0.5
        self._send(data, to)
        with self.cond:
            while True:
                finals = [r for r in self.responses.get(branch, []) if r.status >= 200]
                if finals:
                    return finals[0]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no final answer to {first_line!r}")
                progressed = bool(self.responses.get(branch))
                if not self.cond.wait(min(interval, left)) and not progressed:
                    self._send(data, to)
                    interval = min(interval * 2, 4)

    def _authorised(
        self,
        method: str,
        uri: str,
        headers: list[tuple[str, str]],
        body: bytes,
        to: tuple[str, int],
        cseq: int,
    ) -> tuple[Message, int]:
        """A request out of dialog, again with credentials when challenged."""
        answer = self._request(
            f"{method} {uri} SIP/2.0", [*headers, ("CSeq", f"{cseq} {method}")], body, to
        )
        if answer.status in (401, 407):
            challenge = answer.get("www-authenticate") or answer.get("proxy-authenticate")
            name = "Authorization" if answer.status == 401 else "Proxy-Authorization"
            cseq += 1
            credentials = digest(challenge, method, uri, self.user, self.password)
            answer = self._request(
                f"{method} {uri} SIP/2.0",
                [*headers, ("CSeq", f"{cseq} {method}"), (name, credentials)],
                body,
                to,
            )
        return answer, cseq

    def register(self) -> None:
        host, port = host_port(f"sip:{self.registrar}")
        tag = uuid.uuid4().hex[:10]
        headers = [
            ("Max-Forwards", "70"),
            ("From", f"<{self.aor}>;tag={tag}"),
            ("To", f"<{self.aor}>"),
            ("Call-ID", uuid.uuid4().hex),
            ("Contact", self._contact()),
            ("Expires", "600"),
        ]
        answer, _ = self._authorised(
            "REGISTER", f"sip:{self.registrar}", headers, b"", (host, port), 1
        )
        if answer.status != 200:
            raise RuntimeError(f"the peer could not register: {answer.first_line}")

    def _in_dialog(
        self,
        dialog: Dialog,
        method: str,
        extra: list[tuple[str, str]],
        body: bytes,
        timeout: float = 5,
    ) -> Message:
        dialog.cseq += 1
        to = host_port(dialog.route[0] if dialog.route else dialog.remote_target)
        headers = [
            ("Max-Forwards", "70"),
            *(("Route", f"<{hop}>") for hop in dialog.route),
            ("From", dialog.local_uri),
            ("To", dialog.remote_uri),
            ("Call-ID", dialog.call_id),
            ("CSeq", f"{dialog.cseq} {method}"),
            ("Contact", self._contact()),
            *extra,
        ]
        return self._request(f"{method} {dialog.remote_target} SIP/2.0", headers, body, to, timeout)

    def _notify(self, state: str | None, frag: str, timeout: float = 5) -> Message | None:
        dialog = self.dialog
        if dialog is None:
            return None
        extra = [("Event", "refer")]
        if state is not None:
            extra.append(("Subscription-State", state))
        extra.append(("Content-Type", "message/sipfrag;version=2.0"))
        try:
            return self._in_dialog(dialog, "NOTIFY", extra, f"{frag}\r\n".encode(), timeout)
        except TimeoutError as exc:
            self.failures.append(f"NOTIFY: {exc}")
            return None

    def _call(self, target: str) -> None:
        """Calls the Refer-To target through Kamailio; keeps the dialog."""
        host, port = host_port(f"sip:{self.registrar}")
        tag = uuid.uuid4().hex[:10]
        call_id = uuid.uuid4().hex
        headers = [
            ("Max-Forwards", "70"),
            ("From", f"<{self.aor}>;tag={tag}"),
            ("To", f"<{target}>"),
            ("Call-ID", call_id),
            ("Contact", self._contact()),
            ("Content-Type", "application/sdp"),
        ]
        answer, cseq = self._authorised("INVITE", target, headers, self._sdp(), (host, port), 1)
        if answer.status != 200:
            raise RuntimeError(f"the transfer target answered {answer.first_line}")
        dialog = Dialog(
            call_id=call_id,
            local_uri=f"<{self.aor}>;tag={tag}",
            remote_uri=answer.get("to"),
            remote_target=uri_of(answer.get("contact")),
            # A UAC's route set is the Record-Route of the answer, reversed.
            route=[uri_of(rr) for rr in reversed(answer.all("record-route"))],
            cseq=cseq,
        )
        ack_to = host_port(dialog.route[0]) if dialog.route else host_port(dialog.remote_target)
        branch = "z9hG4bK" + uuid.uuid4().hex
        self._send(
            build(
                f"ACK {dialog.remote_target} SIP/2.0",
                [
                    ("Via", self._via(branch)),
                    ("Max-Forwards", "70"),
                    *(("Route", f"<{hop}>") for hop in dialog.route),
                    ("From", dialog.local_uri),
                    ("To", dialog.remote_uri),
                    ("Call-ID", call_id),
                    ("CSeq", f"{cseq} ACK"),
                ],
            ),
            ack_to,
        )
        with self.cond:
            self.target_dialog = dialog
            self.cond.notify_all()

    def _transfer(self, target: str, no_subscription: bool) -> None:
        try:
            if not no_subscription and self.notify != "none":
                self._notify("active;expires=60", "SIP/2.0 100 Trying")
            if self.call_target:
                self._call(target)
            if not no_subscription:
                if self.notify == "good":
                    self._notify("terminated;reason=noresource", "SIP/2.0 200 OK")
                elif self.notify == "broken":
                    # A state that is no token (RFC 6665's grammar): refused by a strict parser.
                    self._notify(";reason=noresource", "SIP/2.0 200 OK", timeout=1)
                elif self.notify == "missing":
                    self._notify(None, "SIP/2.0 200 OK", timeout=1)
            if self.bye_after and self.dialog is not None:
                self._in_dialog(self.dialog, "BYE", [], b"")
                self.dialog = None
        except Exception as exc:
            self.failures.append(f"transfer: {exc!r}")

    def close(self) -> None:
        for dialog in (self.target_dialog,):
            if dialog is not None:
                try:
                    self._in_dialog(dialog, "BYE", [], b"")
                except Exception as exc:
                    self.failures.append(f"BYE to the target: {exc!r}")
        self.target_dialog = None
        self.closed = True
        self.reader.join(5)
        self.sock.close()
        self.rtp.close()


@contextmanager
def refer_peer(
    user: str,
    password: str,
    registrar: str,
    notify: str = "none",
    bye_after: bool = False,
    honour_refer_sub: bool = False,
    call_target: bool = True,
    refer_answer: int = 202,
) -> Iterator[ReferPeer]:
    peer = ReferPeer(
        user,
        password,
        registrar,
        notify=notify,
        bye_after=bye_after,
        honour_refer_sub=honour_refer_sub,
        call_target=call_target,
        refer_answer=refer_answer,
    )
    try:
        peer.register()
        yield peer
    finally:
        peer.close()
