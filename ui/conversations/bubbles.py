"""One message as a chat bubble: measured once per width, then painted and
hit-tested from that measure.

``measure(item, width, style)`` lays a ``FeedItem`` out (``Bubble``): the
bubble's rectangle (inbound on the left, outbound on the right), its texts as
``QTextLayout``s, the thumbnails' and file icons' places and the buttons in it
("Resend", "Cancel", "Open", "Save as…"). ``paint`` draws it; the delegate
asks ``button_at`` where a click landed. Every text is laid out as plain text
(``QTextLayout`` knows no markup), so a customer's name or message that looks
like HTML is shown as typed; ``Bubble.texts`` says what is drawn, for the
tests' hostile-markup walk.

Qt-only (QtGui), no database: ``FeedItem`` is a type here, never imported at
run time (app.conversation_feed brings SQLAlchemy, and the window is built
before the database is open).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QTextLayout,
    QTextOption,
)

from app.mail.view import visible_parts
from ui.common.core_text import error_text
from ui.conversations.kind_text import kind_text

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap

    from app.conversation_feed import FeedAttachment, FeedItem
    from app.mail.view import MailHeaders

MARGIN_X = 10  # between the list's edge and a bubble
MARGIN_Y = 3  # above and below each bubble
PADDING = 8  # inside a bubble
SPACING = 4  # between the pieces of a bubble
MAX_BUBBLE = 520  # px; a bubble is at most this wide, or 80 % of the list
MIN_BUBBLE = 140
THUMB_W, THUMB_H = 260, 200  # an image's thumbnail fits in this
ICON = 28  # a file's icon
MAX_SHOWN_CHARS = 10_000  # of one message's text; Copy gives all of it
QUOTE_LINES = 2


class Action(enum.StrEnum):
    RESEND = "resend"
    CANCEL = "cancel"
    OPEN = "open"
    SAVE = "save"
    UNFOLD = "unfold"  # an email's quoted history and signature: show or hide
    FORMATTED = "formatted"  # an email's HTML, in its own window


class Tone(enum.Enum):
    TEXT = "text"
    MUTED = "muted"
    SENDER = "sender"
    ERROR = "error"
    WARNING = "warning"
    QUOTE = "quote"


@dataclass
class Button:
    action: Action
    rect: QRect
    text: str
    attachment: int | None = None  # its index in FeedItem.attachments


@dataclass
class Text:
    layout: QTextLayout
    at: QPointF
    tone: Tone
    text: str  # what is drawn (before any cut to the lines shown)


@dataclass
class Picture:
    attachment: int  # index in FeedItem.attachments
    rect: QRect
    image: bool  # a thumbnail; False: a file's icon


@dataclass
class Bubble:
    item: FeedItem
    width: int  # the list's width it was measured for
    height: int  # of the whole row, margins included
    rect: QRect  # the bubble, in the row's coordinates
    outgoing: bool
    texts: list[Text] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)
    bars: list[QRect] = field(default_factory=list)  # a quote's bar
    unfolded: bool = False  # measured with an email's quoted history shown

    def button_at(self, x: int, y: int) -> Button | None:
        """The button at (x, y) in the row's coordinates."""
        for button in self.buttons:
            if button.rect.contains(x, y):
                return button
        return None

    def painted_texts(self) -> list[str]:
        return [t.text for t in self.texts] + [b.text for b in self.buttons]


@dataclass(frozen=True)
class Style:
    """Fonts and colours, from the list's font and palette (light or dark)."""

    font: QFont
    small: QFont
    bold_small: QFont
    palette: QPalette

    @classmethod
    def of(cls, font: QFont, palette: QPalette) -> Style:
        small = QFont(font)
        size = font.pointSizeF()
        if size > 0:
            small.setPointSizeF(size * 0.86)
        else:
            small.setPixelSize(max(9, round(font.pixelSize() * 0.86)))
        bold_small = QFont(small)
        bold_small.setBold(True)
        return cls(font, small, bold_small, palette)

    @property
    def dark(self) -> bool:
        return self.palette.color(QPalette.ColorRole.Base).lightness() < 128

    def background(self) -> QColor:
        return QColor("#1b1f23") if self.dark else QColor("#eef1f5")

    def bubble(self, outgoing: bool) -> QColor:
        if self.dark:
            return QColor("#1f4a70") if outgoing else QColor("#2d333b")
        return QColor("#d7ebff") if outgoing else QColor("#ffffff")

    def color(self, tone: Tone) -> QColor:
        dark = self.dark
        text = QColor("#e6e6e6") if dark else QColor("#1c1e21")
        return {
            Tone.TEXT: text,
            Tone.MUTED: QColor("#9aa4ae") if dark else QColor("#5f6b76"),
            Tone.SENDER: QColor("#7fb8ff") if dark else QColor("#1f5fa8"),
            Tone.ERROR: QColor("#ff8a80") if dark else QColor("#b3261e"),
            Tone.WARNING: QColor("#ffcc80") if dark else QColor("#8a4b00"),
            Tone.QUOTE: QColor("#b7c0c8") if dark else QColor("#3f4a55"),
        }[tone]


def shown_time(at: datetime, now: datetime | None = None) -> str:
    """The time of today's messages, the day and time of older ones."""
    local = at.astimezone()
    today = (now or datetime.now().astimezone()).date()
    if local.date() == today:
        return local.strftime("%H:%M")
    if local.year == today.year:
        return local.strftime("%d.%m %H:%M")
    return local.strftime("%d.%m.%Y %H:%M")


def file_size(size: int) -> str:
    if size < 1024:
        return QCoreApplication.translate("MessageList", "%1 B").replace("%1", str(size))
    if size < 1024 * 1024:
        return QCoreApplication.translate("MessageList", "%1 KB").replace(
            "%1", f"{size / 1024:.0f}"
        )
    if size < 1024 * 1024 * 1024:
        return QCoreApplication.translate("MessageList", "%1 MB").replace(
            "%1", f"{size / 1024 / 1024:.1f}"
        )
    return QCoreApplication.translate("MessageList", "%1 GB").replace(
        "%1", f"{size / 1024 / 1024 / 1024:.1f}"
    )


def delivery_text(item: FeedItem) -> tuple[str, Tone]:
    """The state word of an outgoing message, for its footer."""
    delivery = item.delivery
    if delivery is None:
        return "", Tone.MUTED
    state = str(delivery.state)
    if state == "queued":
        return (
            QCoreApplication.translate("MessageList", "retrying")
            if delivery.retrying
            else QCoreApplication.translate("MessageList", "queued")
        ), (Tone.WARNING if delivery.retrying else Tone.MUTED)
    words = {
        "sending": (QCoreApplication.translate("MessageList", "sending…"), Tone.MUTED),
        "sent": (QCoreApplication.translate("MessageList", "✓ sent"), Tone.MUTED),
        "delivered": (QCoreApplication.translate("MessageList", "✓✓ delivered"), Tone.MUTED),
        "read": (QCoreApplication.translate("MessageList", "✓✓ read"), Tone.SENDER),
        "failed": (QCoreApplication.translate("MessageList", "not sent"), Tone.ERROR),
        "uncertain": (
            QCoreApplication.translate("MessageList", "may not have been sent"),
            Tone.WARNING,
        ),
    }
    return words.get(state, (state, Tone.MUTED))


def notice_text(item: FeedItem) -> str:
    """Why a message failed, waits for a retry, or may not have been sent."""
    delivery = item.delivery
    if delivery is None or delivery.notice is None:
        return ""
    return error_text(delivery.notice)


def body_text(item: FeedItem) -> str:
    """The words of the message, or what stands for them."""
    if item.text:
        return item.text
    if item.attachments or item.unavailable:
        return ""
    kind = str(item.kind)
    if kind == "unknown":
        shown = kind_text("unknown")
        return f"{shown} ({item.platform_kind})" if item.platform_kind else shown
    if kind == "contact" and item.contact is not None:
        return ""
    if kind in ("location", "venue") and item.location is not None:
        return ""
    return kind_text(kind)


def extra_lines(item: FeedItem) -> list[str]:
    """A shared contact or a place, in words."""
    lines: list[str] = []
    if item.contact is not None:
        who = item.contact.name
        lines.append(
            QCoreApplication.translate("MessageList", "Contact: %1").replace(
                "%1", f"{who}, {item.contact.phone}" if who else item.contact.phone
            )
        )
    if item.location is not None:
        where = item.location
        parts = [p for p in (where.title, where.address) if p]
        if where.latitude is not None and where.longitude is not None:
            parts.append(f"{where.latitude:.5f}, {where.longitude:.5f}")
        lines.append(
            QCoreApplication.translate("MessageList", "Location: %1").replace(
                "%1", ", ".join(parts) or "?"
            )
        )
    return lines


def _layout(text: str, font: QFont, width: int, max_lines: int = 0) -> tuple[QTextLayout, int, int]:
    """A plain-text layout wrapped to ``width``: (layout, widest line, height)."""
    shown = text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 1] + "…"
    # QTextLayout breaks lines at U+2028 only; a newline would show as a space.
    layout = QTextLayout(shown.replace("\r\n", "\n").replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    y = 0.0
    widest = 0.0
    lines = 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        if max_lines and lines == max_lines:
            line.setNumColumns(0)
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
        widest = max(widest, line.naturalTextWidth())
        lines += 1
    layout.endLayout()
    return layout, int(widest + 0.999), int(y + 0.999)


def _elided(text: str, font: QFont, width: int) -> str:
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)


class _Column:
    """Places the pieces of a bubble top to bottom, at x = 0 of its content."""

    def __init__(self, inner: int) -> None:
        self.inner = inner
        self.y = 0
        self.widest = 0
        # (layout, x indent, y, tone, the text drawn), in the content's coordinates
        self.texts: list[tuple[QTextLayout, int, int, Tone, str]] = []
        self.pictures: list[Picture] = []
        self.buttons: list[Button] = []
        self.bars: list[QRect] = []
        self._first = True

    def gap(self) -> None:
        if not self._first:
            self.y += SPACING
        self._first = False

    def text(
        self,
        text: str,
        font: QFont,
        tone: Tone,
        *,
        indent: int = 0,
        max_lines: int = 0,
        drawn: str | None = None,
    ) -> None:
        if not text:
            return
        self.gap()
        layout, wide, high = _layout(text, font, self.inner - indent, max_lines)
        self.texts.append((layout, indent, self.y, tone, drawn or text))
        self.widest = max(self.widest, wide + indent)
        self.y += high

    def buttons_row(self, wanted: list[tuple[Action, str, int | None]], font: QFont) -> None:
        if not wanted:
            return
        self.gap()
        metrics = QFontMetrics(font)
        x = 0
        high = metrics.height() + 6
        for action, text, attachment in wanted:
            wide = metrics.horizontalAdvance(text) + 16
            if x and x + wide > self.inner:
                x = 0
                self.y += high + SPACING
            self.buttons.append(Button(action, QRect(x, self.y, wide, high), text, attachment))
            x += wide + 6
            self.widest = max(self.widest, x - 6)
        self.y += high


def measure(
    item: FeedItem,
    width: int,
    style: Style,
    image_sizes: dict[int, QSize] | None = None,
    can_open: dict[int, bool] | None = None,
    unfolded: bool = False,
) -> Bubble:
    """Lays ``item`` out for a list ``width`` pixels wide (an email's quoted
    history shown when ``unfolded``)."""
    outgoing = str(item.direction) == "out"
    limit = max(MIN_BUBBLE, min(MAX_BUBBLE, int((width - 2 * MARGIN_X) * 0.8)))
    inner = max(40, limit - 2 * PADDING)
    column = _Column(inner)
    sizes = image_sizes or {}

    sender = item.sender or (QCoreApplication.translate("MessageList", "Bot") if outgoing else "")
    if sender:
        column.text(
            _elided(sender, style.bold_small, inner), style.bold_small, Tone.SENDER, drawn=sender
        )

    if item.mail is not None:
        _mail_header(column, item.mail, style, outgoing)

    quote = item.quote
    if quote is not None:
        top = column.y + (SPACING if column.texts else 0)
        if quote.found:
            if quote.sender:
                column.text(
                    _elided(quote.sender, style.bold_small, inner - 8),
                    style.bold_small,
                    Tone.QUOTE,
                    indent=8,
                    drawn=quote.sender,
                )
            column.text(
                quote.text or kind_text(str(quote.kind)),
                style.small,
                Tone.QUOTE,
                indent=8,
                max_lines=QUOTE_LINES,
            )
        else:
            column.text(
                QCoreApplication.translate("MessageList", "A message not in the history"),
                style.small,
                Tone.MUTED,
                indent=8,
            )
        column.bars.append(QRect(0, top, 3, column.y - top))

    for index, attachment in enumerate(item.attachments):
        _attachment(column, index, attachment, style, sizes.get(attachment.id), can_open)
    for missing in item.unavailable:
        name = missing.filename or kind_text(missing.kind)
        column.text(name, style.font, Tone.MUTED)
        reason = missing.reason or QCoreApplication.translate(
            "MessageList", "The file could not be downloaded."
        )
        column.text(reason, style.small, Tone.MUTED)

    for line in extra_lines(item):
        column.text(line, style.font, Tone.TEXT)
    if item.mail is not None and item.text:
        _mail_body(column, item.mail, item.text, style, unfolded)
    else:
        body = body_text(item)
        if body:
            placeholder = not item.text
            column.text(body, style.font, Tone.MUTED if placeholder else Tone.TEXT)

    delivery = item.delivery
    notice = notice_text(item)
    if notice and delivery is not None:
        tone = Tone.ERROR if str(delivery.state) == "failed" else Tone.WARNING
        column.text(notice, style.small, tone)
    for note in delivery.notes if delivery is not None else ():
        # Sent, with a word: a Cc refused, the copy not in the Sent folder.
        column.text(error_text(note), style.small, Tone.WARNING)
    if delivery is not None and delivery.outbox_id is not None:
        wanted: list[tuple[Action, str, int | None]] = []
        if delivery.can_resend:
            wanted.append(
                (Action.RESEND, QCoreApplication.translate("MessageList", "Resend"), None)
            )
        if delivery.can_cancel:
            wanted.append(
                (Action.CANCEL, QCoreApplication.translate("MessageList", "Cancel"), None)
            )
        column.buttons_row(wanted, style.small)

    footer = [QCoreApplication.translate("MessageList", "edited")] if item.edited else []
    footer.append(shown_time(item.at))
    state, tone = delivery_text(item)
    footer_text = " · ".join(footer)
    metrics = QFontMetrics(style.small)
    column.gap()
    footer_y = column.y
    footer_width = metrics.horizontalAdvance(footer_text)
    state_width = metrics.horizontalAdvance(state) if state else 0
    column.widest = max(column.widest, footer_width + (state_width + 8 if state else 0))
    column.y += metrics.height()

    content = min(inner, max(column.widest, 60))
    bubble_w = content + 2 * PADDING
    bubble_h = column.y + 2 * PADDING
    left = width - MARGIN_X - bubble_w if outgoing else MARGIN_X
    rect = QRect(left, MARGIN_Y, bubble_w, bubble_h)
    origin_x, origin_y = left + PADDING, MARGIN_Y + PADDING
    bubble = Bubble(item, width, bubble_h + 2 * MARGIN_Y, rect, outgoing, unfolded=unfolded)
    for layout, indent, y, text_tone, drawn in column.texts:
        bubble.texts.append(
            Text(layout, QPointF(origin_x + indent, origin_y + y), text_tone, drawn)
        )
    # The footer: right-aligned in the bubble, the state after the time.
    right = origin_x + content
    if state:
        layout, _, _ = _layout(state, style.small, state_width + 2)
        bubble.texts.append(
            Text(layout, QPointF(right - state_width, origin_y + footer_y), tone, state)
        )
        right -= state_width + 8
    layout, _, _ = _layout(footer_text, style.small, footer_width + 2)
    bubble.texts.append(
        Text(layout, QPointF(right - footer_width, origin_y + footer_y), Tone.MUTED, footer_text)
    )
    for picture in column.pictures:
        bubble.pictures.append(
            Picture(picture.attachment, picture.rect.translated(origin_x, origin_y), picture.image)
        )
    for button in column.buttons:
        bubble.buttons.append(
            Button(
                button.action,
                button.rect.translated(origin_x, origin_y),
                button.text,
                button.attachment,
            )
        )
    bubble.bars = [bar.translated(origin_x, origin_y) for bar in column.bars]
    return bubble


def mail_kind_text(classification: str) -> str:
    """What a message no person wrote is, in words ("" for a person's)."""
    return {
        "auto_reply": QCoreApplication.translate("MessageList", "Automatic reply"),
        "bounce": QCoreApplication.translate("MessageList", "Delivery failure report"),
        "bulk": QCoreApplication.translate("MessageList", "Mailing"),
    }.get(classification, "")


def _mail_header(column: _Column, mail: MailHeaders, style: Style, outgoing: bool) -> None:
    """An email's subject and addresses, above its words."""
    if mail.subject:
        column.text(mail.subject, style.bold_small, Tone.TEXT, max_lines=2)
    lines: list[str] = []
    if mail.sender is not None and not outgoing:
        lines.append(
            QCoreApplication.translate("MessageList", "From: %1").replace("%1", mail.sender.shown)
        )
    if mail.to:
        lines.append(
            QCoreApplication.translate("MessageList", "To: %1").replace(
                "%1", ", ".join(p.shown for p in mail.to)
            )
        )
    if mail.cc:
        lines.append(
            QCoreApplication.translate("MessageList", "Cc: %1").replace(
                "%1", ", ".join(p.shown for p in mail.cc)
            )
        )
    for line in lines:
        column.text(line, style.small, Tone.MUTED, max_lines=2)
    kind = mail_kind_text(mail.classification)
    if kind:
        column.text(kind, style.small, Tone.WARNING)


def _mail_body(
    column: _Column, mail: MailHeaders, text: str, style: Style, unfolded: bool
) -> None:
    """The own words; the quoted history and signature folded under one
    button, or shown as a quote when ``unfolded``."""
    parts = visible_parts(text, mail.segments)
    hidden_lines = 0
    for part in parts:
        if not part.folded:
            column.text(part.text, style.font, Tone.TEXT)
        elif unfolded:
            top = column.y + SPACING
            column.text(part.text, style.small, Tone.QUOTE, indent=8)
            column.bars.append(QRect(0, top, 3, column.y - top))
        else:
            hidden_lines += part.text.count("\n") + 1
    wanted: list[tuple[Action, str, int | None]] = []
    if any(p.folded for p in parts):
        label = (
            QCoreApplication.translate("MessageList", "Hide quoted text")
            if unfolded
            else QCoreApplication.translate(
                "MessageList", "Show quoted text (%n lines)", "", hidden_lines
            )
        )
        wanted.append((Action.UNFOLD, label, None))
    if mail.has_html:
        wanted.append(
            (Action.FORMATTED, QCoreApplication.translate("MessageList", "Formatted view"), None)
        )
    column.buttons_row(wanted, style.small)
    if mail.has_html and mail.remote_images and not mail.remote_allowed:
        count = mail.remote_images  # a plain name: lupdate drops a call whose n is dotted
        blocked = QCoreApplication.translate("MessageList", "%n remote image(s) blocked", "", count)
        column.text(blocked, style.small, Tone.MUTED)


def _attachment(
    column: _Column,
    index: int,
    attachment: FeedAttachment,
    style: Style,
    image: QSize | None,
    can_open: dict[int, bool] | None,
) -> None:
    column.gap()
    if image is not None and image.width() > 0 and image.height() > 0:
        fitted = image.scaled(
            min(THUMB_W, column.inner), THUMB_H, Qt.AspectRatioMode.KeepAspectRatio
        )
        if fitted.width() > image.width():  # a small picture is not blown up
            fitted = image
        fitted = QSize(max(fitted.width(), 16), max(fitted.height(), 16))
        column.pictures.append(
            Picture(index, QRect(0, column.y, fitted.width(), fitted.height()), True)
        )
        column.widest = max(column.widest, fitted.width())
        column.y += fitted.height()
        column._first = False
        column.text(
            f"{attachment.filename} · {file_size(attachment.size)}", style.small, Tone.MUTED
        )
    else:
        top = column.y
        column.pictures.append(Picture(index, QRect(0, top, ICON, ICON), False))
        column._first = True  # the name goes beside the icon, not below a gap
        start = len(column.texts)
        column.text(attachment.filename, style.font, Tone.TEXT, indent=ICON + 6, max_lines=2)
        column.text(file_size(attachment.size), style.small, Tone.MUTED, indent=ICON + 6)
        column._first = False
        if len(column.texts) > start:
            column.y = max(column.y, top + ICON)
    wanted: list[tuple[Action, str, int | None]] = []
    if can_open is None or can_open.get(attachment.id, True):
        wanted.append((Action.OPEN, QCoreApplication.translate("MessageList", "Open"), index))
    wanted.append((Action.SAVE, QCoreApplication.translate("MessageList", "Save as…"), index))
    column.buttons_row(wanted, style.small)


def paint(
    painter: QPainter,
    bubble: Bubble,
    top_left: QPointF,
    style: Style,
    *,
    selected: bool,
    focused: bool,
    pixmaps: dict[int, QPixmap],
    file_icon: QPixmap | None,
) -> None:
    """Draws ``bubble`` with its row's top left at ``top_left``; ``pixmaps``
    are the thumbnails ready so far, by attachment index."""
    painter.save()
    painter.translate(top_left)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    path = QPainterPath()
    path.addRoundedRect(QRectF(bubble.rect), 10, 10)
    painter.fillPath(path, style.bubble(bubble.outgoing))
    if selected or focused:
        highlight = style.palette.color(QPalette.ColorRole.Highlight)
        pen = QPen(highlight, 2 if focused else 1.5)
        if focused and not selected:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawPath(path)
    for bar in bubble.bars:
        painter.fillRect(bar, style.color(Tone.SENDER))
    for picture in bubble.pictures:
        pixmap = pixmaps.get(picture.attachment)
        if picture.image and pixmap is not None:
            painter.drawPixmap(picture.rect, pixmap)
        elif picture.image:
            painter.fillRect(picture.rect, style.color(Tone.MUTED).lighter(170))
        elif file_icon is not None:
            painter.drawPixmap(picture.rect, file_icon)
    for text in bubble.texts:
        painter.setPen(style.color(text.tone))
        text.layout.draw(painter, text.at)
    painter.setFont(style.small)
    for button in bubble.buttons:
        box = QRectF(button.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(style.color(Tone.MUTED), 1))
        painter.setBrush(style.palette.color(QPalette.ColorRole.Button))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(style.palette.color(QPalette.ColorRole.ButtonText))
        painter.drawText(button.rect, Qt.AlignmentFlag.AlignCenter, button.text)
    painter.restore()
