"""Subjects without the prefixes mail clients add, for threading and for replies.

``subject_key`` is what the subject fallback of threading compares: reply and
forward prefixes in the languages our customers' clients use (Re, Fwd, Fw, AW,
WG, SV, VS, Antw, TR, RIF, Ответ, Отв, Пересл, Відп, Відповідь, Перес, also
counted "Re[2]:" / "Re(2):" / "Re^2:"), "[tags]" a list or a ticket system adds,
case and spacing removed. ``has_reply_prefix`` says whether a subject had any.
``reply_subject`` is the subject of our answer: "Re: " once, in front of the
subject without its reply prefixes (a reply to "AW: Ответ: Заказ" is
"Re: Заказ"); forward prefixes and tags stay, they say what the thread is.
"""

from __future__ import annotations

import re

_REPLY = r"re|aw|sv|vs|antw|odp|ответ|отв|відп|відповідь|rif|res"
_FORWARD = r"fwd?|wg|tr|пересл|перес|переслано"
_COUNT = r"(?:\s*(?:\[\d+\]|\(\d+\)|\^\d+))?"
_REPLY_PREFIX = re.compile(rf"^\s*(?:{_REPLY}){_COUNT}\s*[:：]\s*", re.IGNORECASE)
_ANY_PREFIX = re.compile(rf"^\s*(?:{_REPLY}|{_FORWARD}){_COUNT}\s*[:：]\s*", re.IGNORECASE)
_TAG = re.compile(r"^\s*\[[^\[\]]{0,60}\]\s*")
_SPACES = re.compile(r"\s+")


def subject_key(subject: str) -> str:
    """The subject as threading compares it (see the module's docstring)."""
    text = subject
    while True:
        stripped = _TAG.sub("", _ANY_PREFIX.sub("", text, count=1), count=1)
        if stripped == text:
            break
        text = stripped
    return _SPACES.sub(" ", text).strip().casefold()


def has_reply_prefix(subject: str) -> bool:
    """Re:/Fwd: or a translation of them, possibly after a [tag]."""
    return bool(_ANY_PREFIX.match(_TAG.sub("", subject, count=1)))


def reply_subject(subject: str) -> str:
    text = subject.strip()
    while True:
        stripped = _REPLY_PREFIX.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return f"Re: {text}" if text else "Re:"
