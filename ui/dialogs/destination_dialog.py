"""Where reports go: a folder, a WebDAV folder or an e-mail address.

Everything is checked by the core (``make_destination``) and each objection
is shown under its field; the password goes to the OS keyring through the
core (``save_destination`` / ``save_password``), whose clear message is shown
when this computer has no safe keyring. When IT locked the destination in
``site.toml`` the fields are read-only and only the password can be typed.
"Test connection" reaches the destination off the GUI thread, with what is
typed now (the password too), and sends nothing.
"""
from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app import messages
from app.db import Store
from app.errors import FrontDeskError, InvalidValue
from app.sending import (
    Destination,
    SecretStore,
    SiteConfig,
    current_destination,
    load_site_config,
    make_destination,
    save_destination,
    save_password,
    site_locks_destination,
    test_connection,
)
from ui.runtime.errors import field_message, show_error

log = logging.getLogger(__name__)

KINDS = ("folder", "webdav", "smtp")
FIELDS = {
    "folder": ("path",),
    "webdav": ("url", "user", "password"),
    "smtp": ("host", "port", "tls", "from_addr", "to_addr", "user", "password"),
}
from ui.dialogs.form_dialog import ERROR_STYLE  # noqa: E402 - one red for every form

GOOD_STYLE = "color: #1e8449;"
NOTE_STYLE = "color: #555;"
TEST_TIMEOUT = 10.0


class _TypedPassword:
    """A keyring backend holding only the password typed in the dialog: "Test
    connection" tries it before anything is saved."""

    priority = 1

    def __init__(self, password: str) -> None:
        self._password = password

    def get_password(self, _service: str, _key: str) -> str:
        return self._password


class DestinationDialog(QDialog):
    """``saved(Destination)`` after the core accepted and stored the choice."""

    saved = Signal(object)
    tested = Signal(bool, str)  # worked, the words shown

    def __init__(self, store: Store, runner, lang: str, *, keyring_backend: Any, site: SiteConfig | None = None,
                 clock: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang = store, runner, lang
        self._backend, self._clock = keyring_backend, clock or store.clock
        self.site = site if site is not None else load_site_config()
        self.locked = site_locks_destination(self.site)
        self.current = current_destination(store, self.site)
        self.inputs: dict[str, dict[str, QWidget]] = {k: {} for k in KINDS}
        self.errors: dict[str, dict[str, QLabel]] = {k: {} for k in KINDS}
        self.setWindowTitle(self.tr("Where reports go"))

        heading = QLabel(self.tr(
            "Reports are sent here, each exactly once. Choose the kind of destination the province gave you."))
        heading.setWordWrap(True)
        heading.setMinimumWidth(560)
        self.lock_note = QLabel(self.tr(
            "Set by the province's IT (in %1); it cannot be changed here. Only the password can be typed. "
            "To change where reports go, contact IT.").replace("%1", str(self.site.path)))
        self.lock_note.setWordWrap(True)
        self.lock_note.setStyleSheet("background: #fff4e5; border: 1px solid #f0c36d; padding: 6px;")
        self.lock_note.setVisible(self.locked)

        kinds_row = QHBoxLayout()
        self.kind_buttons = QButtonGroup(self)
        for index, (kind, caption) in enumerate((
            ("folder", self.tr("A folder")), ("webdav", self.tr("WebDAV (Nextcloud…)")), ("smtp", self.tr("E-mail")),
        )):
            button = QRadioButton(caption)
            button.setProperty("kind", kind)
            self.kind_buttons.addButton(button, index)
            kinds_row.addWidget(button)
        kinds_row.addStretch(1)
        # one form shown at a time; hidden ones take no room (a stack would keep the tallest's)
        self.pages = [self._folder_page(), self._webdav_page(), self._smtp_page()]
        self.kind_buttons.idToggled.connect(lambda index, on: on and self._kind_chosen(index))

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setToolTip(self.tr("Reach the destination with what is typed here; nothing is sent."))
        self.test_button.clicked.connect(self.test)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        self.save_button.setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SetMinimumSize)  # a message under a field never overlaps the next
        layout.addWidget(heading)
        layout.addWidget(self.lock_note)
        layout.addLayout(kinds_row)
        for page in self.pages:
            layout.addWidget(page)
        layout.addLayout(test_row)
        layout.addWidget(self.test_result)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self._fill(self.current)
        if self.locked:
            self._lock()

    # -- the three forms ----------------------------------------------------------------

    def _form(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 6, 0, 6)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        return page, form

    def _field(self, form: QFormLayout, kind: str, name: str, caption: str, widget: QWidget,
               hint: str = "", extra: QWidget | None = None) -> None:
        box = QVBoxLayout()
        box.setSpacing(2)
        if extra is not None:
            line = QHBoxLayout()
            line.addWidget(widget, 1)
            line.addWidget(extra)
            box.addLayout(line)
        else:
            box.addWidget(widget)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet(NOTE_STYLE)
            box.addWidget(note)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        self.inputs[kind][name] = widget
        self.errors[kind][name] = error
        form.addRow(caption, box)

    def _password_box(self, kind: str, user: QLineEdit) -> QLineEdit:
        box = QLineEdit()
        box.setEchoMode(QLineEdit.Password)
        box.setEnabled(False)
        user.textChanged.connect(lambda text: box.setEnabled(bool(text.strip()) and not self._user_locked(kind)))
        return box

    def _user_locked(self, kind: str) -> bool:
        return self.locked and not (self.current is not None and self.current.transport == kind and self.current.user)

    def _password_hint(self) -> str:
        return self.tr("Kept only in this computer's keyring, never in the database or the settings.")

    def _folder_page(self) -> QWidget:
        page, form = self._form()
        self.path = QLineEdit()
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        self._field(form, "folder", "path", self.tr("Folder"), self.path, self.tr(
            "A network share, a USB stick, or a folder that a sync app sends on. It must already exist."),
            extra=self.browse_button)
        return page

    def _webdav_page(self) -> QWidget:
        page, form = self._form()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://may-chu/remote.php/dav/files/TAI_KHOAN/baocao/")
        self.dav_user = QLineEdit()
        self.dav_password = self._password_box("webdav", self.dav_user)
        self._field(form, "webdav", "url", self.tr("WebDAV address"), self.url, self.tr(
            "The address of the WebDAV folder. With Nextcloud, use an app password."))
        self._field(form, "webdav", "user", self.tr("User name"), self.dav_user)
        self._field(form, "webdav", "password", self.tr("Password"), self.dav_password, self._password_hint())
        return page

    def _smtp_page(self) -> QWidget:
        page, form = self._form()
        self.host = QLineEdit()
        self.port = QLineEdit("587")
        self.port.setMaximumWidth(100)
        self.tls = QComboBox()
        self.tls.addItem(self.tr("STARTTLS (usually port 587)"), "starttls")
        self.tls.addItem(self.tr("SSL (usually port 465)"), "ssl")
        self.tls.addItem(self.tr("None (only a mail server on this computer)"), "none")
        self.from_addr = QLineEdit()
        self.from_addr.setPlaceholderText("xa@example.vn")
        self.to_addr = QLineEdit()
        self.to_addr.setPlaceholderText("baocao@tinh.example.vn")
        self.mail_user = QLineEdit()
        self.mail_password = self._password_box("smtp", self.mail_user)
        self._field(form, "smtp", "host", self.tr("Mail server"), self.host)
        self._field(form, "smtp", "port", self.tr("Port"), self.port)
        self._field(form, "smtp", "tls", self.tr("Encryption"), self.tls)
        self._field(form, "smtp", "from_addr", self.tr("From address"), self.from_addr)
        self._field(form, "smtp", "to_addr", self.tr("To address"), self.to_addr)
        self._field(form, "smtp", "user", self.tr("User name"), self.mail_user)
        self._field(form, "smtp", "password", self.tr("Password"), self.mail_password, self._password_hint())
        return page

    # -- showing --------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return KINDS[max(0, self.kind_buttons.checkedId())]

    def choose_kind(self, kind: str) -> None:
        self.kind_buttons.button(KINDS.index(kind)).setChecked(True)

    def _kind_chosen(self, index: int) -> None:
        self._show_page(index)
        self.test_result.clear()
        self._clear_problems()
        self._fit()

    def _show_page(self, index: int) -> None:
        for other, page in enumerate(self.pages):
            page.setVisible(other == index)

    def _fill(self, destination: Destination | None) -> None:
        self.choose_kind(destination.transport if destination else "folder")
        self._show_page(KINDS.index(self.kind))
        if destination is None:
            return
        if destination.transport == "folder":
            self.path.setText(destination.path or "")
        elif destination.transport == "webdav":
            self.url.setText(destination.url or "")
            self.dav_user.setText(destination.user or "")
        else:
            self.host.setText(destination.host or "")
            self.port.setText(str(destination.port or ""))
            self.tls.setCurrentIndex(max(0, self.tls.findData(destination.tls or "starttls")))
            self.from_addr.setText(destination.from_addr or "")
            self.to_addr.setText(destination.to_addr or "")
            self.mail_user.setText(destination.user or "")
        if destination.secret_key:
            try:
                kept = SecretStore(self._backend).get(destination.secret_key) if self._backend is not None else None
            except FrontDeskError as exc:  # no safe keyring: say so before anyone types
                self._show_problem("password", messages.describe(exc, self._lang))
                return
            if kept:
                self.password_box().setPlaceholderText(self.tr("Saved — type only to change it"))

    def _lock(self) -> None:
        for button in self.kind_buttons.buttons():
            button.setEnabled(False)
        self.browse_button.setEnabled(False)
        for kind in KINDS:
            for name, widget in self.inputs[kind].items():
                if name == "password":
                    widget.setEnabled(not self._user_locked(kind))
                elif isinstance(widget, QLineEdit):
                    widget.setReadOnly(True)
                    widget.setStyleSheet("background: #f2f2f2;")
                else:
                    widget.setEnabled(False)
        if self.password_box().isEnabled():
            self.password_box().setFocus()  # the one thing to type here

    def password_box(self) -> QLineEdit:
        return self.mail_password if self.kind == "smtp" else self.dav_password

    def problems_shown(self) -> dict[str, str]:
        """Field name -> the message under it now (``_general`` for the rest)."""
        shown = {name: label.text() for name, label in self.errors[self.kind].items() if not label.isHidden()}
        if not self.general_error.isHidden():
            shown["_general"] = self.general_error.text()
        return shown

    def _clear_problems(self) -> None:
        for labels in self.errors.values():
            for label in labels.values():
                label.hide()
        self.general_error.hide()

    def _show_problem(self, field: str, text: str) -> None:
        label = self.errors[self.kind].get(field)
        if label is None:
            self.general_error.setText(text)
            self.general_error.show()
        else:
            label.setText(text)
            label.show()
            self.inputs[self.kind][field].setFocus()
        self._fit()

    def _fit(self) -> None:
        """Grow to show a new message whole (wrapped lines are measured once laid out)."""
        self.layout().activate()
        self.adjustSize()

    # -- reading what is typed ------------------------------------------------------------

    def _typed(self) -> dict[str, Any]:
        if self.kind == "folder":
            return {"path": self.path.text()}
        if self.kind == "webdav":
            return {"url": self.url.text(), "user": self.dav_user.text()}
        return {"host": self.host.text(), "port": self.port.text().strip(), "tls": self.tls.currentData(),
                "from_addr": self.from_addr.text(), "to_addr": self.to_addr.text(), "user": self.mail_user.text()}

    def _typed_password(self) -> str | None:
        if self.kind == "folder":
            return None
        box = self.password_box()
        return box.text() if box.isEnabled() and box.text() else None

    def _destination(self) -> Destination | None:
        """The destination as typed, checked by the core; None after showing why not."""
        self._clear_problems()
        if self.locked:
            return self.current
        try:
            return make_destination(self.kind, **self._typed())
        except InvalidValue as exc:
            self._show_problem(exc.field, field_message(exc, self._lang))
            return None

    # -- acting ---------------------------------------------------------------------------

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the reports"), self.path.text())
        if chosen:
            self.path.setText(chosen)

    def test(self) -> None:
        destination = self._destination()
        if destination is None:
            return
        typed = self._typed_password()
        backend = _TypedPassword(typed) if typed else self._backend
        secrets = SecretStore(backend) if backend is not None else None
        clock = self._clock
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet(NOTE_STYLE)
        self.test_result.setText(self.tr("Checking the connection…"))
        self._fit()
        self._runner.in_background(
            lambda _no_database: test_connection(destination, secrets=secrets, clock=clock, timeout=TEST_TIMEOUT),
            lambda found: self._tested(destination, found, None),
            lambda error: self._tested(destination, None, error),
            uses="files", name="frontdesk-test-connection",
        )

    def _tested(self, destination: Destination, found: dict | None, error: BaseException | None) -> None:
        if not isValid(self):
            return  # closed while it was checking
        self.test_button.setEnabled(True)
        if error is None:
            if found and found.get("folder_exists") is False:
                text = self.tr("The connection works: %1 (the folder is not there yet; it will be made "
                               "when the first report is sent).")
            else:
                text = self.tr("The connection works: %1")
            text = text.replace("%1", destination.label.split(":", 1)[1])
            self.test_result.setStyleSheet(GOOD_STYLE)
        elif isinstance(error, FrontDeskError):
            text = messages.describe(error, self._lang)
            self.test_result.setStyleSheet(ERROR_STYLE)
        else:
            log.error("connection test failed", exc_info=(type(error), error, error.__traceback__))
            text = self.tr("The test failed unexpectedly (%1); the details are in the log.").replace(
                "%1", type(error).__name__)
            self.test_result.setStyleSheet(ERROR_STYLE)
        self.test_result.setText(text)
        self._fit()
        self.tested.emit(error is None, text)

    def save(self) -> None:
        destination = self._destination()
        if destination is None:
            return
        password = self._typed_password()
        if destination.secret_key and password is None and not self._password_kept(destination):
            return
        site, backend = self.site, self._backend
        secrets = SecretStore(backend) if backend is not None else None
        if self.locked:
            if password is None:
                self.accept()
                return
            operation = lambda store: save_password(store, site=site, secrets=secrets, password=password)  # noqa: E731
        else:
            operation = lambda store: save_destination(  # noqa: E731
                store, destination, site=site, secrets=secrets, password=password)
        self.save_button.setEnabled(False)
        self._runner.submit(operation, self._saved, self._failed)

    def _password_kept(self, destination: Destination) -> bool:
        """A user name and no password typed: there must be one in the keyring already."""
        try:
            if self._backend is None:
                raise FrontDeskError("secrets.no_keyring")
            if SecretStore(self._backend).get(destination.secret_key or ""):
                return True
        except FrontDeskError as exc:
            self._show_problem("password", messages.describe(exc, self._lang))
            return False
        self._show_problem("password", self.tr("Type the password of this account: none is saved for it yet."))
        return False

    def _saved(self, destination: Destination) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(destination)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        self.save_button.setEnabled(True)
        if isinstance(error, InvalidValue) and error.field in self.errors[self.kind]:
            self._show_problem(error.field, field_message(error, self._lang))
        elif isinstance(error, FrontDeskError) and error.code.startswith(("secrets.", "destination.no_user")):
            self._show_problem("password", messages.describe(error, self._lang))
        elif isinstance(error, FrontDeskError):
            self._show_problem("_general", messages.describe(error, self._lang))
        else:
            show_error(self, error, self._lang, str(self._store.path))
