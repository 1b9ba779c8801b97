"""The active-call panel: who, how long, and the buttons for the call.

Shows every current call in a small list (click one to switch to it; the
others go on hold) and the controls for the active one: answer, hold, mute,
keypad (DTMF), transfer (blind or attended), conference (join the two calls)
and split, record, hang up. It reads the
CallBook and sends everything through CallControl.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sip.events import CallDirection, CallPhase
from ui.calls.call_control import CallControl
from ui.calls.call_notes import CallNotes
from ui.calls.calls import CallBook, CallItem, format_duration
from ui.calls.dialpad import KeyPad
from ui.common.plain_text import literal_ampersands, plain_label, plain_tooltip


class CallPanel(QFrame):
    def __init__(self, book: CallBook, control: CallControl, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("callPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Never squeezed below its natural height (the labels would overlap and
        # the buttons flatten): the customer list under it gives way instead.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.book = book
        self.control = control

        self.empty = plain_label(self, self.tr("No active call"))
        self.empty.setObjectName("noCall")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid);")

        self.calls = QListWidget(self)
        self.calls.setObjectName("callList")
        self.calls.setMaximumHeight(72)
        # Narrow beside the conference buttons: long rows end in "…", no scroll bar.
        self.calls.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.calls.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.calls.itemActivated.connect(self._switch)
        self.calls.itemClicked.connect(self._switch)

        self.who = plain_label(self)
        self.who.setObjectName("callWho")
        font = self.who.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.who.setFont(font)
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = plain_label(self)
        self.state.setObjectName("callState")
        self.timer_label = plain_label(self)
        self.timer_label.setObjectName("callTimer")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tfont = self.timer_label.font()
        tfont.setPointSizeF(tfont.pointSizeF() * 1.3)
        self.timer_label.setFont(tfont)

        self.answer_button = self._button("answerButton", self.tr("Answer"))
        self.answer_button.setStyleSheet("background: #1e7d32; color: white;")
        self.answer_button.clicked.connect(lambda: self.control.answer(self.book.active_id))
        self.hold_button = self._button("holdButton", self.tr("Hold"), checkable=True)
        self.hold_button.clicked.connect(lambda: self.control.toggle_hold())
        self.mute_button = self._button("muteButton", self.tr("Mute"), checkable=True)
        self.mute_button.clicked.connect(lambda: self.control.toggle_mute())
        self.keypad_button = self._button("keypadButton", self.tr("Keypad"), checkable=True)
        self.keypad_button.toggled.connect(self._toggle_keypad)
        self.record_button = self._button("recordButton", self.tr("Record"), checkable=True)
        self.record_button.clicked.connect(lambda: self.control.toggle_recording())
        self.conference_button = self._button("conferenceButton", self.tr("Conference"))
        self.conference_button.setToolTip(
            self.tr("Join the active call with the held one: all three of you talk")
        )
        self.conference_button.clicked.connect(lambda: self.control.join_conference())
        self.split_button = self._button("splitButton", self.tr("Split"))
        self.split_button.setToolTip(
            self.tr("End the conference: keep the active call, put the other on hold")
        )
        self.split_button.clicked.connect(lambda: self.control.split_conference())
        self.hangup_button = self._button("hangupButton", self.tr("Hang up"))
        self.hangup_button.setStyleSheet("background: #b3261e; color: white;")
        self.hangup_button.clicked.connect(lambda: self.control.hangup())

        self.transfer_button = QToolButton(self)
        self.transfer_button.setObjectName("transferButton")
        self.transfer_button.setText(self.tr("Transfer"))
        self.transfer_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.transfer_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.transfer_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.transfer_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.transfer_button.setMinimumHeight(self.hangup_button.sizeHint().height())
        self.transfer_menu = QMenu(self.transfer_button)
        self.transfer_menu.aboutToShow.connect(self._fill_transfer_menu)
        self.transfer_button.setMenu(self.transfer_menu)

        self.keypad = KeyPad(self)
        self.keypad.setObjectName("dtmfPad")
        self.keypad.pressed.connect(lambda key: self.control.send_dtmf(key))
        self.keypad.hide()

        head = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.who)
        names.addWidget(self.state)
        head.addLayout(names, 1)
        head.addWidget(self.timer_label)

        row1 = QHBoxLayout()
        for button in (self.answer_button, self.hold_button, self.mute_button, self.keypad_button):
            row1.addWidget(button)
        row2 = QHBoxLayout()
        row2.addWidget(self.transfer_button)
        row2.addWidget(self.record_button)
        row2.addWidget(self.hangup_button)

        self.details = QWidget(self)
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addLayout(head)
        details.addLayout(row1)
        details.addLayout(row2)
        details.addWidget(self.keypad)

        # Conference and Split act on the two calls, so they sit beside the list
        # of calls, which only shows with more than one call: no extra row in
        # the (tall enough already) left column.
        self.multi = QWidget(self)
        multi = QHBoxLayout(self.multi)
        multi.setContentsMargins(0, 0, 0, 0)
        multi.addWidget(self.calls, 1)
        conference = QVBoxLayout()
        conference.addWidget(self.conference_button)
        conference.addWidget(self.split_button)
        conference.addStretch(1)
        multi.addLayout(conference)

        self.notes = CallNotes(lambda: self.control.call_log, self)
        self._ended_who: tuple[str, str] = ("", "")  # the last call that ended: id, who
        book.callRemoved.connect(self._call_removed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.multi)
        layout.addWidget(self.details)
        layout.addWidget(self.notes)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_timer)
        # One incoming call changes the book several times in a row (added, made
        # active, the customer's name found): the panel is redrawn once, on the
        # next turn of the event loop, with the final state.
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.timeout.connect(self.refresh)
        book.changed.connect(self._schedule_refresh)
        self.refresh()

    def _toggle_keypad(self, on: bool) -> None:
        self.keypad.setVisible(on)

    def _button(self, name: str, text: str, checkable: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setCheckable(checkable)
        return button

    # --- showing -------------------------------------------------------------------

    def phase_text(self, item: CallItem) -> str:
        if item.held:
            return self.tr("On hold")
        if item.remote_held:
            return self.tr("Held by the other side")
        if item.conference and item.phase is CallPhase.CONFIRMED:
            return self.tr("In conference") + (" · " + self.tr("muted") if item.muted else "")
        if item.phase is CallPhase.CONFIRMED:
            return self.tr("Talking") + (" · " + self.tr("muted") if item.muted else "")
        if item.direction is CallDirection.INBOUND:
            return self.tr("Incoming call…")
        if item.phase is CallPhase.EARLY:
            return self.tr("Ringing…")
        if item.phase is CallPhase.CONNECTING:
            return self.tr("Connecting…")
        return self.tr("Calling…")

    def _schedule_refresh(self) -> None:
        if not self._refresh_soon.isActive():
            self._refresh_soon.start(0)

    def defer_refresh(self, ms: int) -> None:
        """The next refresh waits ``ms``: something more urgent (the screen-pop)
        gets the GUI thread first. Changes meanwhile are shown by that refresh."""
        if self._refresh_soon.isActive() and self._refresh_soon.interval() > 0:
            return  # deferred already: calls ringing in a burst must not starve the panel
        self._refresh_soon.start(ms)

    def refresh(self) -> None:
        self._refresh_soon.stop()  # this one shows the latest state already
        calls = self.book.calls()
        active = self.book.active
        self.empty.setVisible(active is None)
        self.details.setVisible(active is not None)
        self.multi.setVisible(len(calls) > 1)
        self.calls.clear()
        for item in calls:
            row = QListWidgetItem(f"{item.label()} — {self.phase_text(item)}")
            row.setToolTip(plain_tooltip(row.text()))  # the row may be cut short beside the buttons
            row.setData(Qt.ItemDataRole.UserRole, item.call_id)
            self.calls.addItem(row)
            if item.call_id == self.book.active_id:
                row.setSelected(True)
        if active is None:
            self._tick.stop()
            self.keypad_button.setChecked(False)
            ended_id, who = self._ended_who
            self.notes.show_call(ended_id if ended_id == self.notes.call_id else "", who, True)
            return
        self._ended_who = ("", "")
        self.notes.show_call(active.call_id, active.label())
        if not self._tick.isActive():
            self._tick.start()
        number = active.shown_number if active.label() != active.shown_number else ""
        self.who.setText(active.label())
        self.who.setToolTip(plain_tooltip(number))
        self.state.setText(self.phase_text(active) + (f" · {number}" if number else ""))
        self.answer_button.setVisible(active.ringing_in)
        for widget in (
            self.hold_button,
            self.mute_button,
            self.keypad_button,
            self.transfer_button,
        ):
            widget.setEnabled(active.talking)
        self.record_button.setEnabled(active.talking)
        self.conference_button.setEnabled(self.control.can_join())
        self.split_button.setEnabled(self.control.can_split())
        self.hold_button.setChecked(active.held)
        self.hold_button.setText(self.tr("Resume") if active.held else self.tr("Hold"))
        self.mute_button.setChecked(active.muted)
        self.mute_button.setText(self.tr("Unmute") if active.muted else self.tr("Mute"))
        self.record_button.setChecked(active.recording and not active.recording_paused)
        if not active.recording:
            self.record_button.setText(self.tr("Record"))
            self.record_button.setToolTip(self.tr("Record this call"))
        elif active.recording_paused:
            self.record_button.setText(self.tr("Resume rec."))
            self.record_button.setToolTip(self.tr("Recording paused: this part is not recorded"))
        else:
            self.record_button.setText(self.tr("Pause rec."))
            self.record_button.setToolTip(
                self.tr("Recording. Pause it while the customer reads out card details")
            )
        self.hangup_button.setText(self.tr("Decline") if active.ringing_in else self.tr("Hang up"))
        self._update_timer()

    def _call_removed(self, call_id: str) -> None:
        """A call ended: its notes are saved now, and stay open for the wrap-up
        when they are the ones shown."""
        if call_id == self.notes.call_id:
            item_who = self.who.text()
            self._ended_who = (call_id, item_who)
        self.notes.flush()

    def _update_timer(self) -> None:
        active = self.book.active
        self.timer_label.setText(format_duration(active.elapsed()) if active else "")

    def _switch(self, row: QListWidgetItem) -> None:
        call_id = row.data(Qt.ItemDataRole.UserRole)
        if call_id and call_id != self.book.active_id:
            self.control.switch_to(call_id)

    # --- transfer ------------------------------------------------------------------

    def _fill_transfer_menu(self) -> None:
        self.transfer_menu.clear()
        blind = QAction(self.tr("Blind transfer to a number…"), self.transfer_menu)
        blind.triggered.connect(self.ask_blind_transfer)
        self.transfer_menu.addAction(blind)
        others = [c for c in self.book.calls() if c.call_id != self.book.active_id and c.talking]
        if not others:
            none = QAction(
                self.tr("Attended transfer: call the colleague first"), self.transfer_menu
            )  # the menu's: its clear() deletes it at the next opening
            none.setEnabled(False)
            self.transfer_menu.addAction(none)
        for other in others:
            who = literal_ampersands(other.label())
            action = QAction(
                self.tr("Attended transfer to %1").replace("%1", who), self.transfer_menu
            )
            action.triggered.connect(
                lambda _=False, cid=other.call_id: self.control.attended_transfer(cid)
            )
            self.transfer_menu.addAction(action)

    def open_transfer_menu(self) -> bool:
        """The Transfer button's menu from the keyboard (the window's transfer
        key): under the button, its first entry current, so arrows and Enter
        pick one. False when there is no answered call to transfer (the
        button is disabled then too)."""
        active = self.book.active
        if active is None or not active.talking:
            return False
        if self._refresh_soon.isActive():
            self.refresh()  # the button where the operator sees it, for this call
        button = self.transfer_button
        self.transfer_menu.popup(button.mapToGlobal(QPoint(0, button.height())))
        entries = [a for a in self.transfer_menu.actions() if a.isEnabled()]
        if entries:
            self.transfer_menu.setActiveAction(entries[0])
        return True

    def ask_blind_transfer(self) -> None:
        from PySide6.QtWidgets import QInputDialog  # on demand: its Qt type is made when first read

        target, ok = QInputDialog.getText(
            self,
            self.tr("Blind transfer"),
            self.tr("Transfer the call to (number or SIP address):"),
        )
        if ok and target.strip():
            self.control.blind_transfer(target)
