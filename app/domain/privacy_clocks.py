"""The legal clocks of the personal data law, in one table: how long the
commune Front has to acknowledge and to complete each kind of request from a
data subject, and to notify an incident.

Sources: Law on Personal Data Protection No. 91/2025/QH15 (in force since
1 January 2026) and Decree 356/2025/NĐ-CP (in force the same day, replacing
Decree 13/2023/NĐ-CP). The numbers below were checked against quotations of
those texts (the decree's Điều 5 on carrying out a data subject's request and
the law's Điều 23 on notifying a violation); where a text quoted gives a
clause number it is cited, otherwise the article only. docs/PRIVACY.md holds
the reading of the law for people.

How the days count (the usual reading of a period in days: it starts on the
day after the event; not checked here against a text): the due day is the
received day plus N days;
"ngày làm việc" (working days) skips Saturdays and Sundays. Public holidays
are NOT skipped: a holiday only moves the legal deadline later, so ignoring
it gives an earlier, safe date (the conservative side).

Where a text gives no number for something, the table says ``None`` there,
and the app uses the internal default beside it, labelled as such.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

__all__ = ["Clock", "REQUEST_CLOCKS", "NOTIFY_HOURS", "NOTIFY_CITATION", "NOTIFY_TO", "add_days",
           "request_due", "notify_by", "RequestDue", "EXTENSION_MAX_DAYS", "EXTENSION_CITATION"]

WORKING = "working"
CALENDAR = "calendar"


@dataclass(frozen=True)
class Clock:
    """One kind of request: acknowledge within ``acknowledge`` working days,
    complete within ``complete`` days counted in ``unit``."""

    acknowledge: int | None
    complete: int | None
    unit: str  # of ``complete``: WORKING or CALENDAR
    citation: str
    internal_default: int | None = None  # days used when ``complete`` is None (not from the law)


_DECREE_ART5 = "Điều 5 Nghị định 356/2025/NĐ-CP"
# Acknowledging: "phản hồi ... trong thời hạn 02 ngày làm việc kể từ ngày nhận
# được yêu cầu" (Điều 5 Nghị định 356/2025/NĐ-CP) — for every kind of request.
ACKNOWLEDGE_WORKING_DAYS = 2

REQUEST_CLOCKS: dict[str, Clock] = {
    # "xem, chỉnh sửa, cung cấp dữ liệu cá nhân": 10 days (Điều 5 NĐ 356/2025)
    "access": Clock(ACKNOWLEDGE_WORKING_DAYS, 10, CALENDAR, _DECREE_ART5),
    "correction": Clock(ACKNOWLEDGE_WORKING_DAYS, 10, CALENDAR, _DECREE_ART5),
    # Erasure: the quotations disagree — 20 days for "xóa dữ liệu cá nhân" (Điều 5 NĐ 356/2025, as quoted in a
    # compliance checklist), but 72 hours from receipt as an expert quoted it in January 2026 (the rule of the
    # replaced Decree 13/2023). Erasing sooner than the law asks is never late, so the register uses the
    # shorter: 3 days, an internal default (``from_law`` False) until the decree's text settles it.
    "erasure": Clock(ACKNOWLEDGE_WORKING_DAYS, None, CALENDAR,
                     "3 ngày: mặc định thận trọng, các trích dẫn " + _DECREE_ART5 + " chưa thống nhất",
                     internal_default=3),
    # "rút lại sự đồng ý, hạn chế xử lý, phản đối xử lý ... trong thời hạn 15
    # ngày" (khoản 2 Điều 5 NĐ 356/2025); 20 days where a processor or a third
    # party must also stop — the Front keeps its data itself, so 15 applies.
    "withdrawal": Clock(ACKNOWLEDGE_WORKING_DAYS, 15, CALENDAR, "khoản 2 " + _DECREE_ART5),
    "restriction": Clock(ACKNOWLEDGE_WORKING_DAYS, 15, CALENDAR, "khoản 2 " + _DECREE_ART5),
    "objection": Clock(ACKNOWLEDGE_WORKING_DAYS, 15, CALENDAR, "khoản 2 " + _DECREE_ART5),
}
# The decree lets the time to complete be extended once, by at most 15 days,
# the reason told to the data subject ("gia hạn một lần, không quá 15 ngày",
# Điều 5 NĐ 356/2025 as quoted; not checked against the text itself). The
# register records it (``app.domain.data_requests.extend_request``): decided
# on or before the first due day, the days counted like the first period
# (calendar days, from the day after the first due day).
EXTENSION_MAX_DAYS = 15
EXTENSION_CITATION = "gia hạn một lần, không quá 15 ngày"

# Incidents: "thông báo cho cơ quan chuyên trách bảo vệ dữ liệu cá nhân chậm
# nhất là 72 giờ kể từ khi phát hiện hành vi vi phạm" (khoản 1 Điều 23 Luật
# 91/2025/QH15) — from DISCOVERY, not from when it happened. What the notice
# holds: Điều 28 Nghị định 356/2025/NĐ-CP (its Mẫu số 08).
NOTIFY_HOURS = 72
NOTIFY_CITATION = "khoản 1 Điều 23 Luật 91/2025/QH15"
NOTIFY_CONTENT_CITATION = "Điều 28 Nghị định 356/2025/NĐ-CP"
# The law's "cơ quan chuyên trách bảo vệ dữ liệu cá nhân" is a unit of the
# Ministry of Public Security; Decree 13/2023 (Điều 29) named it the Cục An
# ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05). The letter
# names both, so it reaches the right desk either way.
NOTIFY_TO = ("Cơ quan chuyên trách bảo vệ dữ liệu cá nhân — Cục An ninh mạng và phòng, chống tội phạm sử dụng "
             "công nghệ cao (A05), Bộ Công an")


def add_days(start: date, days: int, unit: str) -> date:
    """``start`` plus ``days`` days (the count starts the day after), working
    days skipping Saturdays and Sundays."""
    if unit == CALENDAR:
        return start + timedelta(days=days)
    day = start
    left = days
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


@dataclass(frozen=True)
class RequestDue:
    acknowledge_by: date | None
    complete_by: date  # with the extension, if any
    citation: str
    from_law: bool  # False: an internal default, the law gave no number
    first_complete_by: date  # before any extension


def request_due(kind: str, received_on: date, extended_days: int | None = None) -> RequestDue:
    """When a request of ``kind`` received on ``received_on`` must be
    acknowledged and completed (the last day still in time); with
    ``extended_days``, completed that many calendar days after the first
    due day."""
    clock = REQUEST_CLOCKS[kind]
    ack = add_days(received_on, clock.acknowledge, WORKING) if clock.acknowledge is not None else None
    days = clock.complete if clock.complete is not None else clock.internal_default
    first = add_days(received_on, int(days or 0), clock.unit)
    complete_by, citation = first, clock.citation
    if extended_days:
        complete_by = add_days(first, int(extended_days), CALENDAR)
        citation = f"{citation}; {EXTENSION_CITATION}"
    return RequestDue(ack, complete_by, citation, clock.complete is not None, first)


def notify_by(discovered_at: datetime) -> datetime:
    """The moment by which an incident discovered at ``discovered_at`` must be notified."""
    return discovered_at + timedelta(hours=NOTIFY_HOURS)
