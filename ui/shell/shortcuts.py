"""The window's keyboard shortcuts, declared once: the actions use them and the
Help > Shortcuts dialog lists them, so the two can't drift apart."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence


@dataclass(frozen=True)
class Shortcut:
    name: str  # the action's object name
    keys: tuple[str, ...]  # portable key sequences, first one shown in menus
    text: object  # untranslated (QT_TRANSLATE_NOOP returns it as is); see describe()


# QT_TRANSLATE_NOOP marks the texts for lupdate; describe() translates them.
SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(
        "answer", ("Ctrl+Shift+A",), QT_TRANSLATE_NOOP("Shortcuts", "Answer the ringing call")
    ),
    Shortcut(
        "hangup",
        ("Ctrl+Shift+E",),
        QT_TRANSLATE_NOOP("Shortcuts", "Hang up (or decline a ringing call)"),
    ),
    Shortcut(
        "hold", ("Ctrl+Shift+H",), QT_TRANSLATE_NOOP("Shortcuts", "Hold or resume the active call")
    ),
    Shortcut(
        "mute", ("Ctrl+Shift+M",), QT_TRANSLATE_NOOP("Shortcuts", "Mute or unmute the microphone")
    ),
    Shortcut(
        "transfer",
        ("Ctrl+Shift+T",),
        QT_TRANSLATE_NOOP("Shortcuts", "Transfer the call (to a number or to the other call)"),
    ),
    # Not Ctrl+Shift+R: the chat's message list takes that for Resend while it
    # has the focus, so the key would resend a message instead of recording.
    Shortcut(
        "record",
        ("Ctrl+Shift+P",),
        QT_TRANSLATE_NOOP("Shortcuts", "Record the call (then pause or resume the recording)"),
    ),
    Shortcut(
        "conference",
        ("Ctrl+Shift+K",),
        QT_TRANSLATE_NOOP("Shortcuts", "Join the two calls in a conference (or split them again)"),
    ),
    Shortcut(
        "switch_call", ("Ctrl+Tab",), QT_TRANSLATE_NOOP("Shortcuts", "Switch to the next call")
    ),
    Shortcut(
        "redial", ("Ctrl+Shift+D",), QT_TRANSLATE_NOOP("Shortcuts", "Call the last number again")
    ),
    Shortcut(
        "do_not_disturb",
        ("Ctrl+Shift+B",),
        QT_TRANSLATE_NOOP("Shortcuts", "Do not disturb: incoming calls get busy"),
    ),
    Shortcut(
        "focus_dial", ("Ctrl+L", "F6"), QT_TRANSLATE_NOOP("Shortcuts", "Go to the dial field")
    ),
    Shortcut("focus_search", ("Ctrl+F",), QT_TRANSLATE_NOOP("Shortcuts", "Search customers")),
    Shortcut("edit_customer", ("F2",), QT_TRANSLATE_NOOP("Shortcuts", "Edit the open customer")),
    Shortcut(
        "next_callback",
        ("Ctrl+Shift+N", "F9"),
        QT_TRANSLATE_NOOP("Shortcuts", "Call the most urgent callback request"),
    ),
    Shortcut(
        "next_waiting",
        ("F8", "Ctrl+Shift+W"),
        QT_TRANSLATE_NOOP("Shortcuts", "Open the chat that has waited longest for a reply"),
    ),
    Shortcut(
        "previous_conversation",
        ("Ctrl+PgUp",),
        QT_TRANSLATE_NOOP("Shortcuts", "Previous conversation of the open customer"),
    ),
    Shortcut(
        "next_conversation",
        ("Ctrl+PgDown",),
        QT_TRANSLATE_NOOP("Shortcuts", "Next conversation of the open customer"),
    ),
    Shortcut(
        "focus_composer",
        ("Ctrl+R",),
        QT_TRANSLATE_NOOP("Shortcuts", "Reply: go to the message field"),
    ),
    Shortcut(
        "quick_replies",
        ("Ctrl+/",),
        QT_TRANSLATE_NOOP("Shortcuts", "Insert a quick reply"),
    ),
    Shortcut(
        "attach_file",
        ("Ctrl+O",),
        QT_TRANSLATE_NOOP("Shortcuts", "Attach a file to the message"),
    ),
    Shortcut(
        "focus_chats",
        ("Ctrl+Shift+C",),
        QT_TRANSLATE_NOOP("Shortcuts", "Go to the waiting chats"),
    ),
    Shortcut("settings", ("Ctrl+,",), QT_TRANSLATE_NOOP("Shortcuts", "Settings")),
    Shortcut("shortcuts", ("F1",), QT_TRANSLATE_NOOP("Shortcuts", "Show this list of shortcuts")),
)


def describe(shortcut: Shortcut) -> str:
    return QCoreApplication.translate("Shortcuts", str(shortcut.text))


def key_sequences(shortcut: Shortcut) -> list[QKeySequence]:
    return [QKeySequence(keys) for keys in shortcut.keys]


def native_keys(shortcut: Shortcut) -> str:
    """The keys as this platform writes them ("Ctrl+L, F6")."""
    return ", ".join(
        QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        for keys in shortcut.keys
    )


def by_name(name: str) -> Shortcut:
    return next(s for s in SHORTCUTS if s.name == name)
