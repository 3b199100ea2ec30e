"""A follow-up task for a petition or a case: what the task form starts with,
and the task saved together with its link, all or nothing.

A petition's follow-up is due when its answer is (or, with no answer due date,
thirty days after it was received); a case's thirty days from today. These
are only what the form starts with: the user sets the real due date. The task
belongs to the Front committee unless the form says otherwise.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Iterable, Mapping

from app.db import logged
from app.db.storage import Store
from app.domain import cases, petitions
from app.domain.organizations import front_committee_id
from app.domain.registers import word_label
from app.domain.tasks import TITLE_LIMIT, save_task
from app.text.dates import format_date

REGISTERS = ("petition", "case")
DEFAULT_DAYS = 30
_HEAD = 120  # characters of the petition's content or the case's title in the task's title


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _HEAD else text[:_HEAD - 1].rstrip() + "…"


def follow_up_values(store: Store, register: str, record_id: int) -> dict[str, Any]:
    """The new task's fields (ISO dates), for the form to show and the user to change."""
    if register == "petition":
        p = petitions.get_petition(store, record_id)
        title = f"Theo dõi kiến nghị số {p.id}: {_short(p.content)}"
        due = p.due_on or (date.fromisoformat(p.received_on) + timedelta(days=DEFAULT_DAYS)).isoformat()
        detail = (f"Kiến nghị của {p.from_name}, tiếp nhận ngày {format_date(p.received_on)}"
                  f" ({word_label('channel', p.channel, 'vi')})"
                  + (f", khu dân cư {p.area}" if p.area else "") + f":\n{p.content}")
        if p.forwarded_to:
            detail += f"\nĐã chuyển {p.forwarded_to}" + (f" ngày {format_date(p.forwarded_on)}" if p.forwarded_on
                                                          else "") + "."
    elif register == "case":
        c = cases.get_case(store, record_id)
        title = f"Theo dõi vụ việc số {c.id} ({word_label('case_kind', c.kind, 'vi')}): {_short(c.title)}"
        due = (max(store.today(), date.fromisoformat(c.opened_on)) + timedelta(days=DEFAULT_DAYS)).isoformat()
        detail = "\n".join(x for x in (c.title, c.parties, c.recommendation) if x)
    else:
        raise ValueError(register)
    return {"title": title[:TITLE_LIMIT], "detail": detail, "due_on": due,
            "organization_id": front_committee_id(store), "priority": "normal"}


def save_follow_up(store: Store, register: str, record_id: int, raw: Mapping[str, Any], *,
                   lead_id: int | None, support_ids: Iterable[int] = ()) -> int:
    """The task saved and linked to the petition or case in one transaction; its id."""
    table = {"petition": "petition", "case": "oversight_case"}[register]
    logged.require(store, table, record_id)
    link = petitions.link_task if register == "petition" else cases.link_task
    with store.transaction():
        task_id = save_task(store, None, raw, lead_id=lead_id, support_ids=support_ids)
        link(store, record_id, task_id)
    return task_id
