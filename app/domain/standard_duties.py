"""The recurring duties every commune Front has: the monthly, quarterly,
half-year and yearly reports and meetings. A new commune adds them in one
step from the overview's first-steps list; the demo commune has them too.

Each is (title, detail, organization code, cadence, due day, due month, lead
days, priority). ``{province}`` in a detail becomes the commune's province
("tỉnh Lào Cai", "thành phố Hà Nội").
"""
from __future__ import annotations

from datetime import date

from app.db.storage import Store
from app.domain.commune import get_commune
from app.domain.duties import add_duty
from app.domain.organizations import by_code
from app.text.vietnamese import fold

__all__ = ["STANDARD_DUTIES", "add_standard_duties", "missing_standard_duties", "province_in_words"]

STANDARD_DUTIES: tuple[tuple[str, str | None, str, str, int, int, int, str], ...] = (
    ("Báo cáo công tác Mặt trận tháng",
     "Gửi Ban Thường trực Ủy ban MTTQ Việt Nam {province} trước ngày 20 hằng tháng.",
     "front", "monthly", 20, 1, 10, "high"),
    ("Báo cáo công tác Mặt trận quý",
     "Số liệu quý; gửi kèm biểu mẫu thống kê theo hướng dẫn của tỉnh.",
     "front", "quarterly", 15, 3, 14, "high"),
    ("Báo cáo sơ kết công tác Mặt trận 6 tháng", None,
     "front", "half_yearly", 15, 6, 21, "high"),
    ("Báo cáo tổng kết công tác Mặt trận năm",
     "Kèm phương hướng, nhiệm vụ năm sau và danh sách đề nghị khen thưởng.",
     "front", "yearly", 30, 11, 30, "urgent"),
    ("Giao ban Ban Thường trực hằng tuần",
     "Sáng thứ Hai tại trụ sở Ủy ban MTTQ xã; các tổ chức thành viên báo cáo nhanh.",
     "front", "weekly", 1, 1, 3, "normal"),
    ("Tổng hợp ý kiến, kiến nghị cử tri", None,
     "front", "quarterly", 10, 3, 14, "normal"),
    ("Cập nhật danh sách hộ nghèo, hộ cận nghèo", None,
     "front", "half_yearly", 30, 6, 30, "normal"),
    ("Báo cáo kết quả giám sát, phản biện xã hội", None,
     "front", "quarterly", 25, 3, 14, "normal"),
    ("Báo cáo hoạt động Hội Liên hiệp Phụ nữ tháng", None,
     "women", "monthly", 18, 1, 7, "normal"),
    ("Báo cáo công tác Đoàn và phong trào thanh thiếu nhi quý", None,
     "youth", "quarterly", 20, 3, 14, "normal"),
    ("Tổng hợp tình hình tư tưởng Nhân dân tháng", None,
     "front", "monthly", 25, 1, 7, "normal"),
)


def province_in_words(province_name: str) -> str:
    """"Tỉnh Lào Cai" -> "tỉnh Lào Cai", as a sentence names it."""
    for prefix in ("Tỉnh ", "Thành phố "):
        if province_name.startswith(prefix):
            return prefix.lower() + province_name[len(prefix):]
    return province_name


def missing_standard_duties(store: Store) -> list[tuple]:
    """The standard duties the commune does not have yet (by title, with or without accents)."""
    have = {fold(r[0]) for r in store.conn.execute("SELECT title FROM duty")}
    return [d for d in STANDARD_DUTIES if fold(d[0]) not in have]


def add_standard_duties(store: Store, *, starts_on: date | None = None,
                        owners: dict[str, int | None] | None = None) -> list[int]:
    """Add the standard duties the commune lacks, starting ``starts_on``
    (default: today), each owned by ``owners[title]`` when given; returns
    their ids. Those of an organization the commune does not have are left out."""
    province = province_in_words(get_commune(store).province_name)
    start = (starts_on or store.today()).isoformat()
    added = []
    with store.transaction():
        for title, detail, org_code, cadence, due_day, due_month, lead_days, priority in missing_standard_duties(store):
            org_id = by_code(store, org_code)
            if org_id is None:
                continue
            added.append(add_duty(store, {
                "title": title, "detail": detail.format(province=province) if detail else None,
                "organization_id": org_id, "owner_id": (owners or {}).get(title), "cadence": cadence,
                "due_day": due_day, "due_month": due_month, "lead_days": lead_days, "priority": priority,
                "starts_on": start,
            }))
    return added
