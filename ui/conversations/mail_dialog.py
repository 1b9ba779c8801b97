"""One received email's formatted (HTML) body in its own window.

The HTML is the core's, already sanitised (app/mail/html.py, app/mail_view.py);
this window decides what the browser may load, because a mail's images are
how a sender learns that, when and where it was read:

- ``cid:`` images are the message's own inline parts, read from the stored
  files on the task worker; ``data:`` images are decoded from the HTML itself.
- Remote (http/https) images stay grey placeholders until the operator presses
  "Load remote images" for this message. That is recorded on the row (so the
  message opens with its images from then on), and the images are fetched by
  ``fetch_images`` on a worker of this module, never on the GUI thread nor on
  the database worker (a slow server must not hold up the window's database
  work): at most 50, 5 MB and 10 s each, answers that say they are images only.
- Anything else (file:, qrc:, relative names) gets the placeholder too. Not
  "nothing": Qt reads a local file itself when the browser returns no resource.
- Links open in the desktop's browser or mail client (http, https, mailto,
  tel), never inside this window.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import requests
import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QFont, QImage, QImageReader, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.mail.view import MailHeaders, mail_headers
from ui.common.core_text import error_text
from ui.common.dialog_parts import error_label
from ui.common.plain_text import plain_label
from ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from app.core import Core
    from app.mail_view import MailHtml

MAX_IMAGES = 50
MAX_IMAGE_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT = 10.0  # seconds per image, the whole download, not only each read
PARALLEL_FETCHES = 4
# Formats Qt decodes without looking elsewhere: an SVG can name other files.
IMAGE_FORMATS = frozenset({b"png", b"jpeg", b"jpg", b"gif", b"webp", b"bmp"})
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
IMAGE_RESOURCE = QTextDocument.ResourceType.ImageResource.value
_runner: TaskRunner | None = None


def decoded_image(data: bytes) -> QImage | None:
    """``data`` as an image of a plain raster format (any thread), else None."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAllocationLimit(64)  # MB: a small file may claim a giant picture
    if bytes(reader.format().data()).lower() not in IMAGE_FORMATS:
        return None
    image = reader.read()
    return None if image.isNull() else image


def fetch_images(urls: Iterable[str]) -> dict[str, QImage]:
    """The first ``MAX_IMAGES`` http(s) images of ``urls`` that could be fetched
    (any thread but the GUI's): url as given -> image. A failure is just absent."""
    wanted = [u for u in dict.fromkeys(urls) if _fetch_url(u)][:MAX_IMAGES]
    with ThreadPoolExecutor(PARALLEL_FETCHES, thread_name_prefix="mail-image") as pool:
        found = dict(zip(wanted, pool.map(_fetch_one, wanted), strict=True))
    return {url: image for url, image in found.items() if image is not None}


def _fetch_url(url: str) -> str | None:
    if url.startswith("//"):
        return "https:" + url  # scheme-relative: as a browser would on an https page
    scheme = url.partition(":")[0].lower()
    return url if scheme in ("http", "https") else None


def _no_auth(request: Any) -> Any:
    return request  # an explicit auth, so requests sends nothing from ~/.netrc


def _fetch_one(url: str) -> QImage | None:
    target = _fetch_url(url)
    if target is None:
        return None
    deadline = time.monotonic() + FETCH_TIMEOUT
    data = bytearray()
    try:
        # A session per image: no cookies go from one sender's tracker to another.
        with requests.Session() as session:
            session.max_redirects = 5
            with session.get(
                target, stream=True, timeout=FETCH_TIMEOUT, auth=_no_auth,
                headers={"Accept": "image/*"},
            ) as response:  # fmt: skip
                kind = response.headers.get("Content-Type", "").strip().lower()
                if not response.ok or not kind.startswith("image/"):
                    return None
                for chunk in response.iter_content(64 * 1024):
                    data += chunk
                    if len(data) > MAX_IMAGE_BYTES or time.monotonic() > deadline:
                        return None
    except (requests.RequestException, ValueError):
        return None
    return decoded_image(bytes(data))


def _image_runner() -> TaskRunner:
    """The image fetches' own worker, for the whole application."""
    global _runner
    if _runner is None or not shiboken6.isValid(_runner):
        _runner = TaskRunner(QCoreApplication.instance())
    return _runner


def placeholder_image() -> QImage:
    image = QImage(24, 24, QImage.Format.Format_RGB32)
    image.fill(QColor("#d9d9d9"))
    return image


@dataclass(frozen=True)
class _Body:
    mail: MailHtml | None
    headers: MailHeaders | None
    inline: dict[str, QImage]  # Content-ID -> the decoded part


class MailBrowser(QTextBrowser):
    """Shows the sanitised HTML, loading only what this module allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inline: dict[str, QImage] = {}
        self.remote: dict[str, QImage] = {}  # fetched after the operator allowed them
        self._placeholder = placeholder_image()

    def loadResource(self, type: int, name: QUrl | str) -> Any:  # Qt names it so
        if type != IMAGE_RESOURCE:
            return QByteArray()  # empty but not null: Qt would read a local file itself
        url = QUrl(name)
        text = url.toString()
        scheme = url.scheme().lower()
        image: QImage | None = None
        if scheme == "cid":
            image = self.inline.get(QUrl.fromPercentEncoding(url.path().encode()).casefold())
        elif scheme in ("http", "https") or text.startswith("//"):
            image = self.remote.get(text)
        elif scheme == "data" and ";base64," in text[:64]:
            payload = text.partition(",")[2].encode("ascii", "ignore")
            image = decoded_image(bytes(QByteArray.fromBase64(payload).data()))
        # switchboard:blocked-image, and every other name: file:, qrc:, relative ones.
        return image if image is not None else self._placeholder


class MailDialog(QDialog):
    shown = Signal()  # the HTML (or the note that there is none) is on screen
    imagesLoaded = Signal(int, int)  # remote images loaded, remote images listed

    def __init__(
        self,
        core: Core,
        tasks: TaskRunner,
        interaction_id: int,
        headers: MailHeaders | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mailDialog")
        self.core = core
        self.tasks = tasks
        self.interaction_id = interaction_id
        self.mail: MailHtml | None = None
        self.subject_label = plain_label(self)
        self.subject_label.setObjectName("mailSubject")
        bold = QFont(self.subject_label.font())
        bold.setBold(True)
        self.subject_label.setFont(bold)
        self.subject_label.setWordWrap(True)
        self.from_label, self.to_label, self.cc_label = (plain_label(self) for _ in range(3))
        self.fields = QFormLayout()
        for title, label in (
            (self.tr("From:"), self.from_label),
            (self.tr("To:"), self.to_label),
            (self.tr("Cc:"), self.cc_label),
        ):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields.addRow(plain_label(self, title), label)
        self.blocked_bar = QFrame(self)
        self.blocked_bar.setObjectName("mailBlockedBar")
        self.blocked_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.blocked_text = plain_label(self.blocked_bar)
        self.blocked_text.setWordWrap(True)
        self.load_button = QPushButton(self.tr("Load remote images"), self.blocked_bar)
        self.load_button.setObjectName("mailLoadImages")
        self.load_button.clicked.connect(self.load_remote_images)
        bar = QHBoxLayout(self.blocked_bar)
        bar.addWidget(self.blocked_text, 1)
        bar.addWidget(self.load_button)
        self.blocked_bar.hide()
        self.browser = MailBrowser(self)
        self.browser.setObjectName("mailBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard  # Ctrl+A, Ctrl+C without a mouse
        )
        self.browser.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.browser.anchorClicked.connect(self.open_link)
        self.problem = error_label(self, "mailProblem")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject_label)
        layout.addLayout(self.fields)
        layout.addWidget(self.blocked_bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(760, 640)
        self._show_headers(headers)
        self.browser.setFocus()
        wanted = headers is None
        self.tasks.run(lambda: self._read(wanted), self._shown, self._failed, owner=self)

    # --- the database side (the task worker) ---------------------------------------

    def _read(self, with_headers: bool, allow: bool = False) -> _Body:
        if allow:
            self.core.mail_bodies.allow_remote_images(self.interaction_id)
        mail = self.core.mail_bodies.html(self.interaction_id)
        headers = None
        if with_headers:
            headers = mail_headers(self.core.timeline.get(self.interaction_id).meta)
        return _Body(mail, headers, _inline_images(mail.inline if mail else {}))

    # --- the GUI side --------------------------------------------------------------

    def _show_headers(self, headers: MailHeaders | None) -> None:
        if headers is None:
            return
        subject = headers.subject or self.tr("(no subject)")
        self.setWindowTitle(subject)
        self.subject_label.setText(subject)
        self.from_label.setText(headers.sender.shown if headers.sender else "")
        self.to_label.setText(", ".join(p.shown for p in headers.to))
        self.cc_label.setText(", ".join(p.shown for p in headers.cc))
        self.fields.setRowVisible(2, bool(headers.cc))

    def _shown(self, body: _Body) -> None:
        self._show_headers(body.headers)
        self.mail = body.mail
        self.browser.inline = body.inline
        if body.mail is None:
            self.browser.setPlainText(self.tr("This message has no formatted version."))
            self.shown.emit()
            return
        self.browser.setHtml(body.mail.html)
        count = len(body.mail.remote_images)
        if count and body.mail.remote_allowed:
            self._fetch(body.mail)
        elif count:
            self.blocked_text.setText(
                self.tr(
                    "%n remote image(s) blocked to protect your privacy "
                    "(a sender can see when and where a message was read).",
                    "",
                    count,
                )
            )
            self.load_button.show()
            self.blocked_bar.show()
        self.shown.emit()

    def load_remote_images(self) -> None:
        """Records the operator's leave for this message, then loads its images."""
        self.load_button.setEnabled(False)
        self.tasks.run(lambda: self._read(False, allow=True), self._shown, self._failed, self)

    def _fetch(self, mail: MailHtml) -> None:
        self.load_button.hide()
        self.blocked_text.setText(self.tr("Loading remote images…"))
        self.blocked_bar.show()
        urls = mail.remote_images
        _image_runner().run(
            lambda: fetch_images(urls), lambda found: self._fetched(mail, found), owner=self
        )

    def _fetched(self, mail: MailHtml, found: dict[str, QImage]) -> None:
        # Keyed as the browser names them (QUrl's spelling of the source).
        self.browser.remote = {QUrl(url).toString(): image for url, image in found.items()}
        self.browser.setHtml(mail.html)  # laid out again: the images' own sizes
        total = len(mail.remote_images)
        if len(found) == total:
            self.blocked_bar.hide()
        else:
            self.blocked_text.setText(
                self.tr("%1 of %n remote image(s) loaded.", "", total).replace(
                    "%1", str(len(found))
                )
            )
        self.imagesLoaded.emit(len(found), total)

    def _failed(self, exc: Exception) -> None:
        self.load_button.setEnabled(True)
        self.problem.setText(error_text(exc))
        self.problem.show()

    def open_link(self, url: QUrl) -> bool:
        """A link of the mail, in the desktop's own application; others do nothing."""
        if url.scheme().lower() not in LINK_SCHEMES:
            return False
        return QDesktopServices.openUrl(url)


def _inline_images(files: dict[str, Path]) -> dict[str, QImage]:
    images: dict[str, QImage] = {}
    for content_id, path in files.items():
        try:
            image = decoded_image(path.read_bytes())
        except OSError:
            continue  # a stored file gone: its placeholder shows
        if image is not None:
            images[content_id] = image
    return images
