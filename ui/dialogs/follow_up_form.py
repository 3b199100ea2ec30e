"""A follow-up task for a petition or a case: the task form, filled in from
the record (title, details, due date), saved together with the link so the
petition or case shows who follows it up and the task shows on the Tasks
page, the overview and the person's load like any other."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from app.db import Store
from app.domain import follow_up_values, save_follow_up
from app.text import format_date
from ui.dialogs.task_form import TaskForm


class FollowUpTaskForm(TaskForm):
    def __init__(self, store: Store, runner, lang: str, register: str, record_id: int, parent=None) -> None:
        super().__init__(store, runner, lang, None, parent)
        self.register, self.record_id = register, record_id
        self.setWindowTitle(self.tr("Follow-up task for petition #%1") if register == "petition"
                            else self.tr("Follow-up task for case #%1"))
        self.setWindowTitle(self.windowTitle().replace("%1", str(record_id)))
        values = follow_up_values(store, register, record_id)
        self.inputs["title"].setText(values["title"])
        self.inputs["title"].setCursorPosition(0)
        self.inputs["detail"].setPlainText(values["detail"])
        self.inputs["due_on"].setText(format_date(values["due_on"]))
        organization: QComboBox = self.inputs["organization_id"]
        organization.setCurrentIndex(max(organization.findData(values["organization_id"]), 0))

    def save(self) -> None:
        unchosen = self._unchosen_people()
        if unchosen:
            self.show_problems(unchosen)
            return
        raw, lead_id, support_ids = self.values(), self.lead.person_id, self.supporter_ids()
        register, record_id = self.register, self.record_id
        self.submit(lambda store: save_follow_up(store, register, record_id, raw, lead_id=lead_id,
                                                 support_ids=support_ids))
