"""The operator's window: dial pad and calls on the left, the customer list
under them, the customer card in the middle, conversations on the right, and
the callback queue and the chats waiting for a reply docked along the bottom
(tabbed; where the operator puts them is kept between starts).

The window only arranges widgets and routes signals; the commands live in
CallControl, the state in CallBook, the database work in the TaskRunner.
What anyone writes reaches the views as one value (``ChangesBridge.changed``):
each view decides what of it concerns it, and no source is wired to a view.

The window may be built before the core's database is open (main() paints it
first: bench/README.md, "The window"): the customer list then says it is
loading, the actions that need the database are disabled, and ``core_opened``
starts what needs the database. The dial field works from the start.
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sip.events import CallPhase, CallStateChanged, CommandFailed, IncomingCall
from ui.callbacks.callback_desk import CallbackDesk
from ui.callbacks.callback_queue_panel import OVERDUE_COLOR, CallbackQueuePanel
from ui.calls.call_control import CallControl
from ui.calls.call_panel import CallPanel
from ui.calls.calls import CallBook
from ui.calls.dialpad import DialPad
from ui.calls.dtmf_keys import DtmfKeys
from ui.calls.line_picker import LinePicker
from ui.calls.registration_status import RegistrationStatusBar
from ui.calls.screen_pop import ScreenPop
from ui.common.bridge import EngineBridge
from ui.common.changes_bridge import ChangesBridge
from ui.common.dialog_parts import ERROR_COLOR
from ui.common.plain_text import plain_label
from ui.common.tasks import TaskRunner
from ui.conversations.notifier import MessageNotifier
from ui.conversations.waiting_list import WaitingList
from ui.customers.customer_card import CustomerCard
from ui.customers.customer_list import CustomerList
from ui.shell.first_paint import after_first_paint
from ui.shell.shortcuts import by_name, key_sequences
from ui.shell.side_panel import SidePanel
from ui.shell.window_layout import FILE_NAME as LAYOUT_FILE
from ui.shell.window_layout import restore_layout, save_layout

# The dialogs are imported when they are opened, not with the window: the first
# paint does not wait for them (the import dialog brings app.importers and what
# it needs, the report QtCharts). bench/README.md, "The window".
if TYPE_CHECKING:
    from app.core import Core
    from ui.callbacks.callback_report_dialog import CallbackReportDialog
    from ui.callbacks.callback_request_dialog import CallbackRequestDialog
    from ui.customers.import_dialog import ImportDialog

MESSAGE_MS = 10_000
SPARE_POPS = 2  # closed popups kept for reuse; more calls at once build more
PREPARE_POP_MS = 2000  # a spare popup is built this long after the window


class MainWindow(QMainWindow):
    settingsRequested = Signal()
    quitRequested = Signal()
    demoLineRequested = Signal()
    activated = Signal()  # the operator looked at the window (the tray resets its count)
    # A ringing caller's one lookup, done by their screen-pop: call id, the
    # customer's name ("" when unknown or failed). The tray announces with it.
    callerLookedUp = Signal(str, str)

    def __init__(
        self,
        core: Core,
        tasks: TaskRunner,
        bridge: EngineBridge,
        book: CallBook,
        control: CallControl,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Switchboard"))
        self.core = core
        self.tasks = tasks
        self.bridge = bridge
        self.book = book
        self.control = control
        self.pops: dict[str, ScreenPop] = {}  # the ringing calls' popups
        self._spare_pops: list[ScreenPop] = []  # closed popups, kept for the next calls
        self.operator = core.settings.operator_name or getpass.getuser()
        self.quitting = False  # close the window for real (not hide to the tray)
        self.hide_on_close = False

        self.dialpad = DialPad(self)
        self.line_picker = LinePicker(core, tasks, control, self)
        self.call_panel = CallPanel(book, control, self)
        self.customers = CustomerList(core, tasks, self)
        self.card = CustomerCard(core, tasks, self)
        self.side = SidePanel(core, tasks, self.operator, self)
        self.callback_panel = CallbackQueuePanel(self)
        self.callback_panel.setObjectName("callbackQueue")
        self.callback_panel.call_next_shortcut.setEnabled(False)  # the action owns F9
        self.callbacks = CallbackDesk(core, tasks, bridge, control, self.callback_panel, self)
        self.waiting = WaitingList(core, tasks, self.operator, self)
        self.notifier = MessageNotifier(core, tasks, self, self)
        self.open_conversation_id: int | None = None  # the last one opened from here
        # Every committed write, whoever made it, once the database is open.
        self.changes = ChangesBridge(self)
        for view in (
            self.customers,
            self.card,
            self.callbacks,
            self.side,
            self.waiting,
            self.notifier,
        ):
            self.changes.changed.connect(view.apply_changes)

        left = QWidget(self)
        left.setObjectName("leftColumn")
        column = QVBoxLayout(left)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.dialpad)
        column.addWidget(self.line_picker)
        column.addWidget(self.call_panel)
        column.addWidget(self.customers, 1)
        self.card.setContentsMargins(6, 6, 6, 6)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.card)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([300, 540, 440])  # the chats need room for their bubbles
        self.setCentralWidget(self.splitter)
        # The queue is in sight all day (its SLA countdowns are the point) and
        # wide enough for all its columns: a dock along the bottom, which the
        # operator may move, float or hide (Callbacks > Callback queue).
        self.callback_dock = QDockWidget(self.tr("Callbacks"), self)
        self.callback_dock.setObjectName("callbackDock")
        self.callback_dock.setWidget(self.callback_panel)
        self.callback_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.callback_dock)
        self.resizeDocks([self.callback_dock], [236], Qt.Orientation.Vertical)
        layout = self.callback_panel.layout()
        if layout is not None:
            layout.setContentsMargins(6, 0, 6, 6)  # in line with the columns above
        # The chats waiting for a reply: a tab beside the callbacks, in front
        # (its title counts who waits, so the other tab still says it).
        self.chats_dock = QDockWidget(self.tr("Chats"), self)
        self.chats_dock.setObjectName("chatsDock")
        self.chats_dock.setWidget(self.waiting)
        self.chats_dock.setFeatures(self.callback_dock.features())
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.chats_dock)
        self.tabifyDockWidget(self.callback_dock, self.chats_dock)
        self.chats_dock.raise_()
        waiting_layout = self.waiting.layout()
        if waiting_layout is not None:
            waiting_layout.setContentsMargins(6, 0, 6, 6)
        self.layout_file = core.paths.config_dir / LAYOUT_FILE

        self.registration = RegistrationStatusBar(self)
        self.statusBar().addPermanentWidget(self.registration)

        self._build_actions()
        self._build_menus()
        self.dnd_label = plain_label(self, self.tr("Do not disturb"))
        self.dnd_label.setObjectName("doNotDisturb")
        self.dnd_label.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.dnd_label.setToolTip(
            self.tr("Incoming calls get busy and wait as callbacks. Call > Do not disturb")
        )
        self.statusBar().addPermanentWidget(self.dnd_label)
        dnd = self.actions_by_name["do_not_disturb"]
        dnd.setCheckable(True)
        dnd.setChecked(core.settings.do_not_disturb)
        control.do_not_disturb = core.settings.do_not_disturb
        self.dnd_label.setVisible(core.settings.do_not_disturb)

        self.dialpad.dialRequested.connect(self.dial_from_field)
        self.dtmf_keys = DtmfKeys(self, book, control, self.dialpad)
        self.customers.customerActivated.connect(self.open_customer)
        self.card.callRequested.connect(self._call_contact)
        self.card.customerDeleted.connect(self._customer_deleted)
        self.card.customerShown.connect(self.line_picker.show_customer)
        self.card.message.connect(self.show_message)
        self.card.callbackRequested.connect(self._callback_requested)
        self.card.conversationRequested.connect(self._open_chat_at)
        self.side.callRequested.connect(self._call_from_chat)
        self.side.callbackSaved.connect(self._callback_requested)
        self.side.customerChosen.connect(self._chat_linked)
        self.side.message.connect(self.show_message)
        self.callbacks.conversationOpened.connect(self._open_chat_at)
        control.dialProblem.connect(self.dialpad.show_problem)
        control.message.connect(self.show_message)
        control.dialled.connect(lambda _: self.dialpad.field.clear())
        tasks.failed.connect(self.show_message)
        bridge.registrationChanged.connect(self.registration.on_registration)
        bridge.incomingCall.connect(self.on_incoming_call)
        bridge.callStateChanged.connect(self._on_call_state)
        bridge.callEnded.connect(lambda event: self._close_pop(event.call_id))
        bridge.commandFailed.connect(self._on_command_failed)
        self.callbacks.message.connect(self.show_message)
        self.callbacks.settingsRequested.connect(self.settingsRequested.emit)
        self.callbacks.customerOpened.connect(self.open_customer)
        self.callbacks.queueChanged.connect(self._show_queue_size)
        self.callback_panel.callNextRequested.connect(self.actions_by_name["next_callback"].trigger)
        self.waiting.conversation_chosen.connect(self.open_conversation)
        self.waiting.count_changed.connect(self._show_waiting_count)
        self.waiting.message.connect(self.show_message)
        self.notifier.conversation_requested.connect(self._open_notified)
        bridge.callLogRefused.connect(self._call_log_refused)
        self.resize(1280, 800)
        restore_layout(self, self.layout_file)
        if core.is_open:
            self.core_opened()
        else:
            self.customers.show_loading()
            for action in self._database_actions:
                action.setEnabled(False)
        # Off the start's critical path; the first call then pops as fast as later ones.
        QTimer.singleShot(PREPARE_POP_MS, self, self.prepare_pop)
        after_first_paint(self, self.finish_after_paint)

    def finish_after_paint(self) -> None:
        """What the first picture does not show: the fields' clear buttons appear
        over text only, and each asks the icon theme for its icon (~5 ms)."""
        for field in (self.dialpad.field, self.customers.search):
            field.setClearButtonEnabled(True)

    def core_opened(self) -> None:
        """The core's database is open: the list, the queue and the actions that
        need it start (at construction when it was open already)."""
        for action in self._database_actions:
            action.setEnabled(True)
        self.changes.attach(self.core.db.changes)
        self.customers.refresh()
        self.callbacks.start()
        self.waiting.start()
        self.notifier.start()

    def stop_refreshing(self) -> None:
        """The app is closing (the task runner goes next): no change is heard
        any more, and no read waiting for a view's timer is started."""
        self.changes.detach()
        self.customers.stop_refreshing()
        self.card.stop_refreshing()
        self.side.stop_refreshing()
        self.callbacks.stop()
        self.waiting.stop()
        self.notifier.stop()

    # --- actions and menus -------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        slot: object,
        context: Qt.ShortcutContext = Qt.ShortcutContext.ApplicationShortcut,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        action.setShortcuts(key_sequences(by_name(name)))
        # Shortcuts work while the screen-pop or a dialog of ours has the focus
        # (the call keys); the chat keys only in the window, which shows the chats.
        action.setShortcutContext(context)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        in_window = Qt.ShortcutContext.WindowShortcut
        self.actions_by_name = {
            "answer": self._action("answer", self.tr("&Answer"), lambda: self.control.answer()),
            "hangup": self._action("hangup", self.tr("&Hang up"), lambda: self.control.hangup()),
            "hold": self._action("hold", self.tr("H&old / resume"), self.control.toggle_hold),
            "mute": self._action("mute", self.tr("&Mute / unmute"), self.control.toggle_mute),
            "transfer": self._action("transfer", self.tr("&Transfer…"), self.open_transfer_menu),
            "record": self._action("record", self.tr("Re&cord / pause"), self.toggle_recording),
            "conference": self._action(
                "conference", self.tr("Con&ference / split"), self.toggle_conference
            ),
            "switch_call": self._action(
                "switch_call", self.tr("&Switch call"), self.control.switch_next
            ),
            "redial": self._action("redial", self.tr("&Redial"), self.control.redial),
            "do_not_disturb": self._action(
                "do_not_disturb", self.tr("Do &not disturb"), self.set_do_not_disturb
            ),
            "focus_dial": self._action(
                "focus_dial", self.tr("&Dial a number"), self.dialpad.focus_field
            ),
            "focus_search": self._action(
                "focus_search", self.tr("&Find customer"), self.focus_search
            ),
            "edit_customer": self._action(
                "edit_customer", self.tr("&Edit customer…"), self.card.edit_customer
            ),
            "next_callback": self._action(
                "next_callback", self.tr("Call &next callback"), self.next_callback
            ),
            "next_waiting": self._action(
                "next_waiting", self.tr("&Next waiting chat"), self.next_waiting
            ),
            "focus_chats": self._action(
                "focus_chats", self.tr("&Go to the waiting chats"), self.focus_chats, in_window
            ),
            "previous_conversation": self._action(
                "previous_conversation",
                self.tr("&Previous conversation"),
                self.side.previous_conversation,
                in_window,
            ),
            "next_conversation": self._action(
                "next_conversation",
                self.tr("Ne&xt conversation"),
                self.side.next_conversation,
                in_window,
            ),
            "focus_composer": self._action(
                "focus_composer",
                self.tr("&Reply"),
                self.side.focus_composer,
                in_window,
            ),
            "quick_replies": self._action(
                "quick_replies",
                self.tr("&Quick reply…"),
                self.side.open_quick_replies,
                in_window,
            ),
            "attach_file": self._action(
                "attach_file",
                self.tr("&Attach a file…"),
                self.side.attach_file,
                in_window,
            ),
            "settings": self._action(
                "settings", self.tr("&Settings…"), self.settingsRequested.emit
            ),
            "shortcuts": self._action(
                "shortcuts", self.tr("&Keyboard shortcuts"), self.show_shortcuts
            ),
        }
        # Disabled while the database is being opened (their dialogs and
        # commands read it on the GUI thread); _build_menus adds its own.
        self._database_actions = [
            self.actions_by_name[name]
            for name in ("edit_customer", "next_callback", "next_waiting", "settings")
        ]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.actions_by_name["settings"])
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("action_quit")
        quit_action.setShortcut("Ctrl+Q")
        quit_action.triggered.connect(self.quitRequested.emit)
        file_menu.addAction(quit_action)
        call_menu = bar.addMenu(self.tr("&Call"))
        for name in (
            "focus_dial",
            "redial",
            "answer",
            "hangup",
            "hold",
            "mute",
            "transfer",
            "record",
            "conference",
            "switch_call",
        ):
            call_menu.addAction(self.actions_by_name[name])
        call_menu.addSeparator()
        call_menu.addAction(self.actions_by_name["do_not_disturb"])
        call_menu.addSeparator()
        demo = QAction(self.tr("Call the &demo line"), self)
        demo.setObjectName("action_demo_line")
        demo.setToolTip(self.tr("A test phone on this computer that answers and echoes you"))
        demo.triggered.connect(self.demoLineRequested.emit)
        call_menu.addAction(demo)
        customers_menu = bar.addMenu(self.tr("C&ustomers"))
        customers_menu.addAction(self.actions_by_name["focus_search"])
        new_customer = QAction(self.tr("&New customer…"), self)
        new_customer.triggered.connect(lambda: self.create_customer(""))
        customers_menu.addAction(new_customer)
        self._database_actions.append(new_customer)
        customers_menu.addAction(self.actions_by_name["edit_customer"])
        customers_menu.addSeparator()
        import_customers = QAction(self.tr("&Import customers…"), self)
        import_customers.setObjectName("action_import_customers")
        import_customers.setToolTip(self.tr("Customers from a CSV file or vCards (.vcf)"))
        import_customers.triggered.connect(self.import_customers)
        customers_menu.addAction(import_customers)
        self._database_actions.append(import_customers)
        callbacks_menu = bar.addMenu(self.tr("Call&backs"))
        callbacks_menu.addAction(self.actions_by_name["next_callback"])
        new_request = QAction(self.tr("Ne&w callback request…"), self)
        new_request.setObjectName("action_new_callback_request")
        new_request.triggered.connect(lambda: self.new_callback_request())
        callbacks_menu.addAction(new_request)
        self._database_actions.append(new_request)
        show_queue = self.callback_dock.toggleViewAction()
        show_queue.setText(self.tr("Callback &queue"))
        show_queue.setObjectName("action_show_callbacks")
        callbacks_menu.addAction(show_queue)
        callbacks_menu.addSeparator()
        report = QAction(self.tr("Callback &report…"), self)
        report.setObjectName("action_callback_report")
        report.triggered.connect(self.show_callback_report)
        callbacks_menu.addAction(report)
        self._database_actions.append(report)
        chats_menu = bar.addMenu(self.tr("Cha&ts"))
        chats_menu.setObjectName("chatsMenu")
        for name in ("next_waiting", "focus_chats"):
            chats_menu.addAction(self.actions_by_name[name])
        show_chats = self.chats_dock.toggleViewAction()
        show_chats.setText(self.tr("&Waiting chats"))
        show_chats.setObjectName("action_show_chats")
        chats_menu.addAction(show_chats)
        chats_menu.addSeparator()
        for name in (
            "previous_conversation",
            "next_conversation",
            "focus_composer",
            "quick_replies",
            "attach_file",
        ):
            chats_menu.addAction(self.actions_by_name[name])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.actions_by_name["shortcuts"])
        about = QAction(self.tr("&About Switchboard"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # --- dialling ------------------------------------------------------------------

    def dial_from_field(self, text: str) -> None:
        # A typed number is matched to its customer by the call log when recorded.
        self.control.dial(text)

    def _call_contact(self, number: str, customer_id: int, name: str) -> None:
        self.dialpad.set_number(number)
        self.control.dial(number, customer_id, name)

    def _call_from_chat(self, number: str, customer_id: int, name: str) -> None:
        self.dialpad.set_number(number)
        self.control.dial(number, customer_id if customer_id >= 0 else None, name)

    def dial_link(self, link: str) -> None:
        """A tel:/sip:/callto: link from the command line or another instance:
        put it in the dial field and call."""
        self.bring_to_front()
        self.dialpad.set_number(link)
        self.control.dial(link)

    # --- calls ---------------------------------------------------------------------

    def on_incoming_call(self, event: IncomingCall) -> None:
        if event.call_id in self.pops:
            return
        if event.handled == "do_not_disturb":
            return  # busy at once: it ends as a missed call, in the queue
        if event.handled == "forwarded":  # sent on at once: nothing rings here
            self.show_message(
                self.tr("A call from %1 was forwarded.").replace(
                    "%1", event.display_name or event.number
                )
            )
            return
        # A spare popup is filled again: a new widget tree per call cost more
        # than the lookup. Each ringing call still gets a popup of its own.
        pop = self._spare_pops.pop() if self._spare_pops else self._build_pop()
        self.pops[event.call_id] = pop
        pop.ring(event)
        # The popup is what the operator looks at: redrawing the call panel (and
        # re-laying out the left column) before it would hold up its paint.
        self.call_panel.defer_refresh(pop.show_deadline_ms + 10)  # it is up by then

    def _build_pop(self) -> ScreenPop:
        pop = ScreenPop(self.core, self.tasks, self)
        pop.answerRequested.connect(self.control.answer)
        pop.rejectRequested.connect(self.control.reject)
        pop.createCustomerRequested.connect(self.create_customer)
        pop.openCustomerRequested.connect(self.open_customer)
        pop.customerFound.connect(self.book.set_customer_name)
        pop.callerLookedUp.connect(self.callerLookedUp)
        pop.dismissed.connect(self._pop_dismissed)
        return pop

    def prepare_pop(self) -> None:
        """Builds a spare popup ahead of the first call (when the window is idle)."""
        if not self._spare_pops:
            pop = self._build_pop()
            pop.warm_up()
            self._spare_pops.append(pop)

    def _pop_dismissed(self, call_id: str) -> None:
        pop = self.pops.pop(call_id, None)
        if pop is None:
            return
        if len(self._spare_pops) < SPARE_POPS:
            self._spare_pops.append(pop)
        else:
            pop.deleteLater()

    def _on_call_state(self, event: CallStateChanged) -> None:
        if event.phase in (CallPhase.CONNECTING, CallPhase.CONFIRMED):
            pop = self.pops.get(event.call_id)
            if pop is not None:
                info = pop.info
                if info is not None and info.customer is not None and info.customer.id:
                    self.open_customer(info.customer.id)
                self._close_pop(event.call_id)

    def _close_pop(self, call_id: str) -> None:
        pop = self.pops.get(call_id)
        if pop is not None:
            pop.close()  # it says "dismissed": _pop_dismissed puts it aside

    def open_transfer_menu(self) -> None:
        """The transfer key: the Transfer button's menu, to pick "to a number…"
        or the other call with the arrows and Enter."""
        active = self.book.active
        if active is None or not active.talking:
            self.show_message(self.tr("There is no answered call to transfer."))
            return
        if self.isMinimized() or not self.isVisible():
            self.bring_to_front()  # the menu opens under the window's button
        self.call_panel.open_transfer_menu()

    def toggle_recording(self) -> None:
        """The record key, as the Record button: start, then pause and resume."""
        active = self.book.active
        if active is None or not active.talking:
            self.show_message(self.tr("There is no answered call to record."))
            return
        self.control.toggle_recording()

    def toggle_conference(self) -> None:
        """The conference key: joins the two calls, or splits the conference;
        CallControl says why when neither can be done."""
        if self.control.can_split():
            self.control.split_conference()
        else:
            self.control.join_conference()

    def _on_command_failed(self, event: CommandFailed) -> None:
        self.show_message(
            self.tr("The phone could not do that (%1): %2")
            .replace("%1", event.command)
            .replace("%2", event.error)
        )

    # --- callbacks -----------------------------------------------------------------

    def next_callback(self) -> None:
        """The one "next callback" (menu, Ctrl+Shift+N, F9, the panel's button):
        claims the most urgent request and dials it."""
        self.callbacks.call_next()

    def show_callbacks(self) -> None:
        self.callback_dock.show()
        self.callback_dock.raise_()
        self.callback_panel.table.setFocus()

    def _show_queue_size(self, waiting: int, overdue: int) -> None:
        title = self.tr("Callbacks (%1)").replace("%1", str(waiting)) if waiting else ""
        self.callback_dock.setWindowTitle(title or self.tr("Callbacks"))
        # The overdue count in red: the SLA is blown for someone.
        summary = self.callback_panel.summary
        summary.setStyleSheet(f"color: {OVERDUE_COLOR.name()}" if overdue else "")

    def new_callback_request(self) -> CallbackRequestDialog:
        """Callbacks > New callback request…: any number, typed by the operator;
        the core links the request to a customer who has that number."""
        from ui.callbacks.callback_request_dialog import CallbackRequestDialog

        dialog = CallbackRequestDialog(self.core, self.tasks, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.requested.connect(self._callback_requested)
        dialog.show()
        return dialog

    def _callback_requested(self, request_id: int) -> None:
        # The queue and the card learn of the request from its change.
        self.show_message(self.tr("Callback request #%1 saved.").replace("%1", str(request_id)))

    def show_callback_report(self) -> CallbackReportDialog:
        from ui.callbacks.callback_report_dialog import CallbackReportDialog

        dialog = CallbackReportDialog(self.core, self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # --- chats ---------------------------------------------------------------------

    def open_conversation(self, customer_id: int, conversation_id: int) -> None:
        """A conversation chosen (the waiting list, a notification): the
        customer's card (none for an unknown sender: -1) and the conversation."""
        customer = customer_id if customer_id >= 0 else None
        if customer is not None:
            self.card.show_customer(customer)
        self.open_conversation_id = conversation_id
        self.side.show_conversation(customer, conversation_id)

    def _open_notified(self, customer_id: int, conversation_id: int) -> None:
        self.bring_to_front()
        self.open_conversation(customer_id, conversation_id)

    def next_waiting(self) -> None:
        """F8: the chat whose customer has waited longest, other than the one open."""
        if not self.waiting.choose_next(self.side.conversation_id):
            self.show_message(self.tr("Nobody else is waiting for a reply."))

    def focus_chats(self) -> None:
        self.chats_dock.show()
        self.chats_dock.raise_()
        self.waiting.focus_list()

    def _show_waiting_count(self, count: int, more: bool) -> None:
        title = (
            self.tr("Chats")
            if not count
            else self.tr("Chats (%1)").replace("%1", f"{count}+" if more else str(count))
        )
        self.chats_dock.setWindowTitle(title)

    # --- customers -----------------------------------------------------------------

    def set_do_not_disturb(self, on: bool) -> None:
        """Call > Do not disturb: the engine answers busy; kept in the settings."""
        self.control.set_do_not_disturb(on)
        self.dnd_label.setVisible(on)
        settings, path = self.core.settings, self.core.paths.config_file
        settings.do_not_disturb = on
        self.tasks.run(lambda: settings.save(path), owner=self)
        self.show_message(
            self.tr("Do not disturb: incoming calls get busy and wait as callbacks.")
            if on
            else self.tr("Do not disturb is off: calls ring again.")
        )

    def open_customer(self, customer_id: int) -> None:
        self.card.show_customer(customer_id)
        self.side.show_customer(customer_id)

    def create_customer(self, phone: str) -> None:
        from ui.customers.new_customer_dialog import NewCustomerDialog

        dialog = NewCustomerDialog(self.core, self.tasks, phone, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self.open_customer)  # the list learns of it from the change
        dialog.show()

    def import_customers(self, path: Path | None = None) -> ImportDialog | None:
        """Customers > Import customers: a file chosen (or given), checked, then
        written on the import's own thread."""
        from ui.customers.import_dialog import ImportDialog, choose_import_file

        path = path or choose_import_file(self)
        if path is None:
            return None
        dialog = ImportDialog(self.core, path, self.operator, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.check()
        return dialog

    def _open_chat_at(self, customer_id: int, conversation_id: int, interaction_id: int) -> None:
        """A timeline row or a callback request names a conversation (and a
        message of it, or -1): the panel opens it there."""
        customer = customer_id if customer_id >= 0 else None
        if customer is not None and self.card.customer_id != customer:
            self.card.show_customer(customer)
        self.side.show_conversation(
            customer, conversation_id, interaction_id if interaction_id >= 0 else None
        )

    def _chat_linked(self, customer_id: int, conversation_id: int) -> None:
        """An unknown sender's chat was linked to a customer (or one made for
        them): their card, with the chat open among theirs."""
        self.card.show_customer(customer_id)
        self.side.show_conversation(customer_id, conversation_id)

    def _customer_deleted(self, customer_id: int) -> None:
        if self.side.customer_id == customer_id:
            self.side.clear()
        self.line_picker.show_customer(None)

    def focus_search(self) -> None:
        self.customers.focus_search()

    # --- misc ----------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def _call_log_refused(self, error: object) -> None:
        if error is None:
            self.show_message(self.tr("The database takes the call log's writes again."))
        else:
            # The call log keeps the calls and writes them when it can: nothing to
            # do but know that the timeline is behind meanwhile (details in the log).
            self.show_message(
                self.tr(
                    "The database refuses writes right now (busy or out of reach). "
                    "Calls are kept and written as soon as it takes them."
                )
            )

    def show_shortcuts(self) -> None:
        from ui.shell.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About Switchboard"),
            self.tr("Switchboard: calls, callbacks and messages of your customers in one window."),
        )

    def bring_to_front(self) -> None:
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.activated.emit()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        save_layout(self, self.layout_file)
        if self.hide_on_close and not self.quitting:
            self.hide()  # keeps running in the tray, calls still ring
            event.ignore()
            return
        for pop in list(self.pops.values()):
            pop.close()
        super().closeEvent(event)
