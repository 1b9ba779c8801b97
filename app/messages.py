"""Messages from the core that reach the operator, translatable without Qt.

app/ is Qt-free, yet its refusals ("'+7 916 CALL ME' is not a phone number")
end up on the screen of a Russian- or Ukrainian-speaking operator. So a message
is raised as an English template with named fields, the template marked with
``QT_TRANSLATE_NOOP("core", ...)``: Qt's lupdate finds that marker in Python
sources (scripts/update_translations.sh reads app/ too) and the catalogue gets
the template; the window translates the template and fills in the fields
(ui/common/core_text.py). ``str(error)`` stays the English text for logs and tests.

Templates use ``str.format`` fields (``{value!r}``); a translation must keep
the same fields, and one that does not is shown in English rather than broken.
"""

from __future__ import annotations

from typing import Any

CONTEXT = "core"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks ``text`` for the translation catalogue under ``context``; returns it unchanged."""
    return text


class OperatorError(Exception):
    """An error whose message is written for the operator.

    ``template`` is the English template (marked for translation in context
    "core"), ``fields`` the values that fill it; ``str()`` is the English text.
    """

    def __init__(self, template: str, /, **fields: Any) -> None:
        self.template = template
        self.fields = fields
        super().__init__(template.format(**fields) if fields else template)
