"""Asks for a quick reply's fields before its text goes into the composer:
one labelled line per field the conversation can't fill ({дата доставки},
or {order} when the chat was not opened from an order's link), the text as
it will read below them. Insert is possible once every field has a value.

The labels are the shop's own words, written in the template: shown as plain
text like everything typed by someone else."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common.plain_text import plain_label

if TYPE_CHECKING:
    from app.templates import TemplateField

PREVIEW_CHARS = 800


class TemplateFieldsDialog(QDialog):
    def __init__(
        self,
        name: str,
        text: str,
        asked: Sequence[TemplateField],
        known: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("templateFieldsDialog")
        self.setWindowTitle(self.tr("Fill in the quick reply"))
        self.text = text
        self.known = dict(known)
        self.asked = list(asked)
        title = plain_label(self, name)
        title.setObjectName("templateName")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for field in self.asked:
            edit = QLineEdit(self)
            edit.setObjectName("templateField")
            edit.setAccessibleName(field.label)
            edit.textChanged.connect(self._update)
            label = plain_label(self, self.tr("%1:").replace("%1", field.label))
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.edits[field.key] = edit
        self.preview = plain_label(self)
        self.preview.setObjectName("templatePreview")
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("color: palette(dark);")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.insert_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.insert_button.setText(self.tr("Insert"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())
        self._update()

    def values(self) -> dict[str, str]:
        """Every field's value: the ones typed here and the ones the conversation knew."""
        typed = {field.label: self.edits[field.key].text() for field in self.asked}
        return {**self.known, **typed}

    def rendered(self) -> str:
        from app.templates import render

        return render(self.text, self.values())

    def _complete(self) -> bool:
        return all(edit.text().strip() for edit in self.edits.values())

    def _update(self) -> None:
        self.insert_button.setEnabled(self._complete())
        from app.templates import TemplateError, render

        shown = {**self.known}
        for field in self.asked:
            value = self.edits[field.key].text().strip()
            shown[field.label] = value or f"[{field.label}]"
        try:
            text = render(self.text, shown)
        except TemplateError:
            text = self.text
        self.preview.setText(text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…")

    def _accept(self) -> None:
        if self._complete():
            self.accept()
