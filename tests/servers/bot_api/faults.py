"""Misbehaviour on demand, for the next N requests or for one method.

Some faults answer instead of the method (``execute=False``): nothing is sent,
no update is confirmed. Others let the method run first (``execute=True``) and
then lose or spoil the answer: the message *was* sent though the client never
learned it, which is the case an outbox has to survive.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from typing import Any, Literal

FaultKind = Literal[
    "error", "gateway", "delay", "disconnect", "drop", "malformed_json", "truncated_json"
]

# What nginx in front of api.telegram.org answers for 5xx: HTML, not JSON.
_GATEWAY_TEXT = {
    502: "Bad Gateway",
    503: "Service Temporarily Unavailable",
    504: "Gateway Time-out",
}


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    execute: bool = False
    code: int = 0
    description: str = ""
    parameters: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @staticmethod
    def flood(retry_after: int = 3) -> Fault:
        """429 as the real server sends it: parameters.retry_after and a Retry-After header."""
        return Fault(
            "error",
            code=429,
            description=f"Too Many Requests: retry after {retry_after}",
            parameters={"retry_after": retry_after},
            headers={"Retry-After": str(retry_after)},
        )

    @staticmethod
    def error(code: int, description: str, parameters: dict[str, Any] | None = None) -> Fault:
        """Any JSON error answer, e.g. ``Fault.error(500, "Internal Server Error: restart")``."""
        return Fault("error", code=code, description=description, parameters=parameters)

    @staticmethod
    def server_error() -> Fault:
        # Client.h CLOSING_ERROR_CODE / CLOSING_ERROR_DESCRIPTION: the server is restarting.
        return Fault.error(500, "Internal Server Error: restart")

    @staticmethod
    def unauthorized() -> Fault:
        return Fault.error(401, "Unauthorized")

    @staticmethod
    def gateway(code: int = 502) -> Fault:
        """An nginx error page (text/html) instead of JSON."""
        return Fault("gateway", code=code)

    @staticmethod
    def delay(seconds: float, execute: bool = True) -> Fault:
        """Answer ``seconds`` late (after running the method unless ``execute=False``)."""
        return Fault("delay", execute=execute, seconds=seconds)

    @staticmethod
    def disconnect(execute: bool = False) -> Fault:
        """Send the headers and half the body, then close the connection."""
        return Fault("disconnect", execute=execute)

    @staticmethod
    def drop(execute: bool = False) -> Fault:
        """Close the connection without answering at all."""
        return Fault("drop", execute=execute)

    @staticmethod
    def malformed_json() -> Fault:
        """200 with a complete body that is not JSON."""
        return Fault("malformed_json")

    @staticmethod
    def truncated_json(execute: bool = True) -> Fault:
        """200 with the real answer cut in half; Content-Length matches the cut body."""
        return Fault("truncated_json", execute=execute)

    def executed(self, execute: bool = True) -> Fault:
        return replace(self, execute=execute)

    def gateway_page(self) -> bytes:
        title = f"{self.code} {_GATEWAY_TEXT.get(self.code, 'Error')}"
        return (
            f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}"
            "</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n"
        ).encode()


@dataclass
class FaultRule:
    """Applies ``fault`` to matching requests, ``remaining`` more times (None: always)."""

    fault: Fault
    method: str | None
    token: str | None
    remaining: int | None
    hits: int = 0

    def matches(self, token: str, method: str) -> bool:
        if self.remaining is not None and self.remaining <= 0:
            return False
        if self.method is not None and self.method.lower() != method.lower():
            return False
        return self.token is None or self.token == token


class FaultBook:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []

    def add(self, rule: FaultRule) -> FaultRule:
        with self._lock:
            self._rules.append(rule)
        return rule

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def take(self, token: str, method: str) -> Fault | None:
        with self._lock:
            for rule in self._rules:
                if rule.matches(token, method):
                    rule.hits += 1
                    if rule.remaining is not None:
                        rule.remaining -= 1
                    return rule.fault
        return None
