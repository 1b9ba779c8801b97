"""ui/conversations/mail_dialog.py: an email's formatted view against a real
core and a real HTTP server on 127.0.0.1 standing in for a sender's tracker.

Opening a message asks the server for nothing; its remote images load only
after the operator pressed "Load remote images" for that message (recorded on
its row: a second window loads them by itself); an answer that is not an image
leaves the placeholder and the window says how many loaded. Local files are
never read, whatever the HTML names; headers are plain text.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QObject, QSize, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from app.core import Core
from app.inbox import InboundFile
from app.mail.parse import parse
from app.mail.view import mail_headers
from tests.app.mail_rows import store_mail
from ui.common.tasks import TaskRunner
from ui.conversations.mail_dialog import IMAGE_RESOURCE, MAX_IMAGES, MailDialog, fetch_images

WAIT_MS = 15_000
PIXEL_SIZE = QSize(5, 3)
LOGO_SIZE = QSize(4, 4)
PLACEHOLDER_SIZE = QSize(24, 24)


def _png(size: QSize, color: str) -> bytes:
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes
    return bytes(buffer.data().data())


class Tracker:
    """A sender's image server: counts every request it gets."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.routes = {
            "/pixel.png": (200, "image/png", _png(PIXEL_SIZE, "red")),
            "/page.png": (200, "text/html; charset=utf-8", b"<html>not an image</html>"),
        }
        tracker = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                tracker.paths.append(self.path)
                route = self.path.partition("?")[0]
                status, kind, body = tracker.routes.get(route, (404, "text/plain", b"gone"))
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                # The window may stop reading (too large), as it should.
                with contextlib.suppress(ConnectionError):
                    self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def tracker(monkeypatch: pytest.MonkeyPatch) -> Iterator[Tracker]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # a developer's proxy must not answer
    served = Tracker()
    yield served
    served.close()


@pytest.fixture
def tasks(qtbot: Any) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def _raw(html: str) -> bytes:
    message = EmailMessage()
    message["From"] = '"<b>Анна</b>" <anna@customer.example>'
    message["To"] = "Магазин <shop@shop.example>"
    message["Cc"] = '"Petrenko, Olena" <olena@customer.example>'
    message["Subject"] = "Re: Замовлення 42"
    message["Message-ID"] = "<a1@customer.example>"
    message.set_content("Ось фото")
    message.add_alternative(html, subtype="html")
    html_part = message.get_payload()[1]  # type: ignore[index]
    assert isinstance(html_part, EmailMessage)
    html_part.add_related(
        _png(LOGO_SIZE, "blue"), maintype="image", subtype="png", cid="<Logo@Shop>",
        filename="logo.png",
    )  # fmt: skip
    return message.as_bytes()


def _stored(core: Core, html: str, tmp_path: Path) -> int:
    mail = parse(_raw(html))
    files = []
    for a in mail.attachments:
        assert a.data is not None
        path = tmp_path / a.filename
        path.write_bytes(a.data)
        files.append(InboundFile(kind="photo", filename=a.filename, mime=a.content_type, path=path))
    stored = store_mail(core, mail, files=files)
    assert stored.interaction_id is not None
    return stored.interaction_id


def _open(qtbot: Any, core: Core, tasks: TaskRunner, interaction_id: int) -> MailDialog:
    headers = mail_headers(core.timeline.get(interaction_id).meta)
    dialog = MailDialog(core, tasks, interaction_id, headers, None)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.shown, timeout=WAIT_MS):
        dialog.show()
    qtbot.wait(50)  # laid out and painted: the browser has asked for its images
    return dialog


def _resource_size(dialog: MailDialog, url: str) -> QSize:
    return dialog.browser.document().resource(IMAGE_RESOURCE, QUrl(url)).size()


def _html(tracker: Tracker) -> str:
    return (
        "<p>Ось <b>фото</b></p><script>alert('tracked')</script>"
        f"<img src='{tracker.base}/pixel.png' width=1 height=1>"
        "<img src='cid:logo@shop'><img src='file:///etc/passwd'>"
    )


def test_remote_images_load_only_after_the_operator_allows_them_for_that_message(
    qtbot: Any, core: Core, tasks: TaskRunner, tracker: Tracker, tmp_path: Path
) -> None:
    interaction_id = _stored(core, _html(tracker), tmp_path)
    dialog = _open(qtbot, core, tasks, interaction_id)
    pixel = f"{tracker.base}/pixel.png"
    assert tracker.paths == []  # opening told the sender nothing
    assert dialog.blocked_bar.isVisible() and dialog.load_button.isVisible()
    assert dialog.blocked_text.text().startswith("1 remote image(s) blocked")
    assert dialog.mail is not None and not dialog.mail.remote_allowed
    assert "<script" not in dialog.mail.html and "alert" not in dialog.browser.toPlainText()
    assert "passwd" not in dialog.mail.html and "Ось фото" in dialog.browser.toPlainText()
    assert _resource_size(dialog, "cid:logo@shop") == LOGO_SIZE  # its own inline part
    assert _resource_size(dialog, pixel) == PLACEHOLDER_SIZE
    with qtbot.waitSignal(dialog.imagesLoaded, timeout=WAIT_MS) as loaded:
        qtbot.mouseClick(dialog.load_button, Qt.MouseButton.LeftButton)
    assert loaded.args == [1, 1]
    assert tracker.paths == ["/pixel.png"]
    assert not dialog.blocked_bar.isVisible()
    assert _resource_size(dialog, pixel) == PIXEL_SIZE
    assert dialog.mail is not None and dialog.mail.remote_allowed
    assert "<script" not in dialog.mail.html  # sanitised again: only the images let through
    assert core.timeline.get(interaction_id).meta["email"]["remote_allowed"] is True
    # The leave holds for the message: another window loads its images unasked.
    again = MailDialog(core, tasks, interaction_id, None, None)  # headers read by itself
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.imagesLoaded, timeout=WAIT_MS):
        again.show()
    assert tracker.paths == ["/pixel.png", "/pixel.png"]
    assert _resource_size(again, pixel) == PIXEL_SIZE
    assert again.windowTitle() == "Re: Замовлення 42"
    assert again.from_label.text() == '"<b>Анна</b>" <anna@customer.example>'


def test_an_answer_that_is_not_an_image_leaves_the_placeholder_and_is_counted(
    qtbot: Any, core: Core, tasks: TaskRunner, tracker: Tracker, tmp_path: Path
) -> None:
    html = "".join(
        f"<img src='{tracker.base}/{name}'>" for name in ("pixel.png", "page.png", "gone.png")
    )
    dialog = _open(qtbot, core, tasks, _stored(core, html, tmp_path))
    assert dialog.blocked_text.text().startswith("3 remote image(s) blocked")
    with qtbot.waitSignal(dialog.imagesLoaded, timeout=WAIT_MS) as loaded:
        dialog.load_button.click()
    assert loaded.args == [1, 3]
    assert sorted(tracker.paths) == ["/gone.png", "/page.png", "/pixel.png"]
    assert dialog.blocked_bar.isVisible() and not dialog.load_button.isVisible()
    assert dialog.blocked_text.text() == "1 of 3 remote image(s) loaded."
    assert _resource_size(dialog, f"{tracker.base}/pixel.png") == PIXEL_SIZE
    assert _resource_size(dialog, f"{tracker.base}/page.png") == PLACEHOLDER_SIZE
    assert _resource_size(dialog, f"{tracker.base}/gone.png") == PLACEHOLDER_SIZE


def test_local_files_are_never_read_whatever_the_name(
    qtbot: Any,
    core: Core,
    tasks: TaskRunner,
    tracker: Tracker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _open(qtbot, core, tasks, _stored(core, _html(tracker), tmp_path))
    local = tmp_path / "local.png"
    local.write_bytes(_png(QSize(9, 9), "green"))
    monkeypatch.chdir(tmp_path)  # where a relative name would be looked for
    for name in (QUrl.fromLocalFile(str(local)), QUrl("local.png"), QUrl("qrc:/local.png")):
        # Not None: Qt reads a local file itself when the browser gives nothing.
        given = dialog.browser.loadResource(IMAGE_RESOURCE, name)
        assert isinstance(given, QImage) and given.size() == PLACEHOLDER_SIZE
        assert dialog.browser.document().resource(IMAGE_RESOURCE, name).size() != QSize(9, 9)
        assert dialog.browser.loadResource(1, name).size() == 0  # a style sheet: empty
    assert _resource_size(dialog, "file:///etc/passwd") == PLACEHOLDER_SIZE


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_links_open_outside_only_for_web_mail_and_phone(
    qtbot: Any, core: Core, tasks: TaskRunner, tracker: Tracker, tmp_path: Path
) -> None:
    dialog = _open(qtbot, core, tasks, _stored(core, _html(tracker), tmp_path))
    opened = _Opened()
    for scheme in ("https", "mailto", "file", "javascript"):
        QDesktopServices.setUrlHandler(scheme, opened, "handle")  # type: ignore[arg-type]
    try:
        for url in ("https://shop.example/", "mailto:anna@customer.example"):
            assert dialog.open_link(QUrl(url))
        for url in ("file:///etc/passwd", "javascript:alert(1)"):
            assert not dialog.open_link(QUrl(url))
    finally:
        for scheme in ("https", "mailto", "file", "javascript"):
            QDesktopServices.unsetUrlHandler(scheme)
    assert opened.urls == ["https://shop.example/", "mailto:anna@customer.example"]
    assert not dialog.browser.openLinks() and not dialog.browser.openExternalLinks()


def test_headers_are_plain_text_and_the_keyboard_copies_and_closes(
    qtbot: Any, core: Core, tasks: TaskRunner, tracker: Tracker, tmp_path: Path
) -> None:
    dialog = _open(qtbot, core, tasks, _stored(core, _html(tracker), tmp_path))
    assert dialog.windowTitle() == "Re: Замовлення 42"
    assert dialog.subject_label.font().bold()
    for label in (dialog.subject_label, dialog.from_label, dialog.to_label, dialog.cc_label):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.from_label.text() == '"<b>Анна</b>" <anna@customer.example>'
    assert dialog.cc_label.text() == '"Petrenko, Olena" <olena@customer.example>'
    dialog.activateWindow()
    dialog.browser.setFocus()
    qtbot.waitUntil(dialog.browser.hasFocus, timeout=WAIT_MS)
    assert dialog.browser.focusPolicy() & Qt.FocusPolicy.TabFocus
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(dialog.browser, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.browser, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Ось фото" in QApplication.clipboard().text(), timeout=WAIT_MS)
    qtbot.keyClick(dialog.browser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert tracker.paths == []


def test_fetches_are_bounded_in_number_size_and_kind(tracker: Tracker) -> None:
    huge = _png(PIXEL_SIZE, "red") + b"\0" * (6 * 1024 * 1024)  # a valid head, 6 MB in all
    svg = (  # Qt's SVG reader would draw it; an SVG may name other files, so it is refused
        b"<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'>"
        b"<rect width='8' height='8' fill='red'/></svg>"
    )
    tracker.routes["/huge.png"] = (200, "image/png", huge)
    tracker.routes["/picture.svg"] = (200, "image/svg+xml", svg)
    tracker.routes["/disguised.png"] = (200, "image/png", svg)
    many = [f"{tracker.base}/pixel.png?n={n}" for n in range(MAX_IMAGES + 10)]
    named = [f"{tracker.base}/{n}" for n in ("huge.png", "picture.svg", "disguised.png")]
    found = fetch_images([*named, "file:///etc/passwd", "ftp://127.0.0.1/x.png", *many])
    assert len(tracker.paths) == MAX_IMAGES  # file: and ftp: are not fetched at all
    assert sorted(found) == sorted(many[: MAX_IMAGES - 3])
    assert all(image.size() == PIXEL_SIZE for image in found.values())
