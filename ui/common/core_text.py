"""The core's messages in the operator's language (app/messages.py).

An ``OperatorError`` carries an English template and its fields; here the
template is looked up in the "core" context of the loaded catalogue and filled
in. Anything else (a library's or the OS's error) is shown as it comes, which
is English more often than not: those texts are not ours to translate.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from app.messages import CONTEXT, OperatorError
from ui.common.labels import contact_kind_label

log = logging.getLogger(__name__)


def error_text(error: BaseException) -> str:
    """What the operator reads for ``error``; any thread (translate() is thread-safe)."""
    if isinstance(error, OperatorError):
        translated = QCoreApplication.translate(CONTEXT, error.template)
        fields = dict(error.fields)
        if isinstance(fields.get("kind"), str):
            # The core names a contact's kind by its stored value ("phone"); the
            # operator reads the word of the window's language.
            fields["kind"] = contact_kind_label(fields["kind"])
        try:
            return translated.format(**fields) if fields else translated
        except (KeyError, IndexError, ValueError, AttributeError):
            # A translation that lost or misspelt a field: English beats a crash.
            log.warning("translation of %r does not fit its fields", error.template)
            return str(error)
    return str(error) or type(error).__name__
