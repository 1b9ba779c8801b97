"""The settings dialog's Web form page: the website's callback form endpoint
(integrations/webform.py) on or off, where it listens, and its shared token.

The token goes to the keyring only (``intake:webform``), like a SIP password:
it is never read back into the field, and leaving the field empty keeps the
stored one. "Generate" makes one and shows it, so it can be copied into the
website's settings together with the example request.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import datetime

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core import Core
from app.secrets import WEBFORM_TOKEN_ID, SecretKind
from app.settings import Settings
from app.webform_intake import MIN_TOKEN_LENGTH, example_form, new_token
from integrations.webform import PATH

# The Settings fields this page edits.
FIELDS = ("webform_enabled", "webform_bind", "webform_port")
TOKEN_PLACEHOLDER = "TOKEN"


def example_curl(host: str, port: int, token: str) -> str:
    """A request the shop can paste into a terminal to try the endpoint."""
    if host == "0.0.0.0":  # listening everywhere: try it from this computer
        host = "127.0.0.1"
    body = json.dumps(example_form(datetime.now().astimezone()), ensure_ascii=False)
    return (
        f"curl -i -X POST http://{host}:{port}{PATH} \\\n"
        f'  -H "Authorization: Bearer {token or TOKEN_PLACEHOLDER}" \\\n'
        f'  -H "Content-Type: application/json" \\\n'
        f"  -d '{body}'"
    )


class WebFormPage(QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("webformPage")
        self.enabled = QCheckBox(self.tr("Take callback requests from the website's form"), self)
        self.enabled.setObjectName("webformEnabled")
        self.enabled.setChecked(settings.webform_enabled)
        self.bind = QLineEdit(settings.webform_bind, self)
        self.bind.setObjectName("webformBind")
        self.bind.setToolTip(
            self.tr("127.0.0.1: only this computer (a relay or proxy on it forwards the form).")
        )
        self.port = QSpinBox(self)
        self.port.setObjectName("webformPort")
        self.port.setRange(1, 65535)
        self.port.setValue(settings.webform_port)
        self.token = QLineEdit(self)
        self.token.setObjectName("webformToken")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("in the keyring; leave empty to keep it"))
        self.token.setToolTip(
            self.tr(
                "The website sends this token with every request. It is kept in the "
                "system keyring and not shown again: copy it now. Generate a new one "
                "if it is lost."
            )
        )
        generate = QPushButton(self.tr("Generate"), self)
        generate.setObjectName("webformGenerate")
        generate.clicked.connect(self.generate_token)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(generate)

        self.example = QPlainTextEdit(self)
        self.example.setObjectName("webformExample")
        self.example.setReadOnly(True)
        self.example.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.example.setMinimumHeight(110)
        copy = QPushButton(self.tr("Copy"), self)
        copy.setObjectName("webformCopy")
        copy.clicked.connect(self.copy_example)
        example_head = QHBoxLayout()
        example_head.addWidget(QLabel(self.tr("Try it (the website sends the same):"), self), 1)
        example_head.addWidget(copy)

        hint = QLabel(
            self.tr(
                "Only \u201cphone\u201d and \u201cconsent\u201d: true are required. At "
                "127.0.0.1 the form is reachable from this computer only; bringing the "
                "website's requests to it (HTTPS, a relay or a reverse proxy) is set up by "
                "the shop, not by Switchboard. Changes apply when you save."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")

        form = QFormLayout()
        form.addRow(self.enabled)
        form.addRow(self.tr("Address:"), self.bind)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Token:"), token_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(example_head)
        layout.addWidget(self.example, 1)
        layout.addWidget(hint)
        for signal in (self.bind.textChanged, self.token.textChanged, self.port.valueChanged):
            signal.connect(self._update_example)
        self._update_example()

    def generate_token(self) -> None:
        self.token.setText(new_token())
        self.token.setEchoMode(QLineEdit.EchoMode.Normal)  # shown once, to be copied

    def copy_example(self) -> None:
        QGuiApplication.clipboard().setText(self.example.toPlainText())

    def _update_example(self) -> None:
        self.example.setPlainText(
            example_curl(self.bind.text().strip(), self.port.value(), self.token.text().strip())
        )

    # --- what the dialog saves ---------------------------------------------------------

    def edited(self, settings: Settings) -> Settings:
        """``settings`` with this page's choices (the dialog saves the result)."""
        return dataclasses.replace(
            settings,
            webform_enabled=self.enabled.isChecked(),
            webform_bind=self.bind.text().strip(),
            webform_port=self.port.value(),
        )

    def keyring_step(self, core: Core) -> Callable[[], None]:
        """The token's part of saving, to run on the task worker before the
        settings are written: a new token to the keyring; enabling with none
        stored is refused, since every request would be turned away."""
        token, enabled = self.token.text().strip(), self.enabled.isChecked()
        too_short = self.tr("The web form's token must be at least %1 characters long.").replace(
            "%1", str(MIN_TOKEN_LENGTH)
        )
        missing = self.tr("Generate a token for the web form before turning it on.")

        def step() -> None:
            if token:
                if len(token) < MIN_TOKEN_LENGTH:
                    raise ValueError(too_short)
                core.secrets.set(SecretKind.INTAKE, WEBFORM_TOKEN_ID, token)
            elif enabled and not core.secrets.get(SecretKind.INTAKE, WEBFORM_TOKEN_ID):
                raise ValueError(missing)

        return step
