"""Words for a message that has none: its kind ("Photo", "Voice message").

The core names kinds by ``app.conversation_feed.MessageKind`` values; this
module takes the stored value as text, so importing it brings no SQLAlchemy
(the window is built before the database is open).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "MessageKinds"
_WORDS: dict[str, object] = {  # QT_TRANSLATE_NOOP gives its text back as is
    "text": QT_TRANSLATE_NOOP("MessageKinds", "Message"),
    "photo": QT_TRANSLATE_NOOP("MessageKinds", "Photo"),
    "document": QT_TRANSLATE_NOOP("MessageKinds", "File"),
    "audio": QT_TRANSLATE_NOOP("MessageKinds", "Audio"),
    "voice": QT_TRANSLATE_NOOP("MessageKinds", "Voice message"),
    "video": QT_TRANSLATE_NOOP("MessageKinds", "Video"),
    "video_note": QT_TRANSLATE_NOOP("MessageKinds", "Video message"),
    "animation": QT_TRANSLATE_NOOP("MessageKinds", "GIF"),
    "sticker": QT_TRANSLATE_NOOP("MessageKinds", "Sticker"),
    "contact": QT_TRANSLATE_NOOP("MessageKinds", "Contact"),
    "location": QT_TRANSLATE_NOOP("MessageKinds", "Location"),
    "venue": QT_TRANSLATE_NOOP("MessageKinds", "Place"),
    "unknown": QT_TRANSLATE_NOOP("MessageKinds", "A message of a kind Switchboard can't show"),
}


def kind_text(kind: str) -> str:
    """The kind in the window's language, in brackets as a placeholder is shown
    where the words would be ("[Photo]")."""
    word = _WORDS.get(str(kind), _WORDS["unknown"])
    return "[" + QCoreApplication.translate(CONTEXT, str(word)) + "]"
