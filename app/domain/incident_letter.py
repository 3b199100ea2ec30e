"""The letter notifying an incident, prefilled from the register: the
commune's Front, what happened, when it was discovered, what data and how
many people, what was done, who to contact. Plain text for the staff to
check, complete, sign and send (on paper or through the national portal).

Addressee and clock: khoản 1 Điều 23 Luật 91/2025/QH15 — the specialised
agency for personal data protection (Ministry of Public Security), within
72 hours of discovery. What the notice contains is set by Điều 28 Nghị định
356/2025/NĐ-CP (its Mẫu số 08): this letter carries those facts as the
register knows them and leaves blanks where it does not; the staff compare
it with the official form before sending.

Written as UTF-8 with a byte-order mark, so Notepad on an office PC shows
the Vietnamese letters, and atomically: the file appears whole or not at all.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

from app import durable, messages
from app.db.storage import Store
from app.domain.commune import get_commune, is_demo
from app.domain.incidents import get_incident
from app.domain.privacy_clocks import NOTIFY_CITATION, NOTIFY_CONTENT_CITATION, NOTIFY_HOURS, NOTIFY_TO
from app.domain.privacy_words import privacy_word
from app.errors import FrontDeskError
from app.os_words import os_reason
from app.text.dates import format_date, format_moment

_BLANK = "……………………………………"

messages.register(
    {
        "privacy.letter_cannot_write": (
            "Không ghi được thư vào {path}: {reason}", "Cannot write the letter to {path}: {reason}",
        ),
    }
)


def notification_letter(store: Store, incident_id: int) -> str:
    """The letter, in Vietnamese, as plain text (lines end with "\\n")."""
    incident = get_incident(store, incident_id)
    commune = get_commune(store)
    today = store.today()
    front = f"ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM {commune.name.upper()}"
    people = f"{incident.people_affected:,}".replace(",", ".") if incident.people_affected is not None else _BLANK
    notified = (f"Đã thông báo lúc {format_moment(incident.notified_at)} cho {incident.notified_to}."
                if incident.notified_at else "")
    lines = [
        front,
        f"{commune.province_name}",
        "",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "",
        f"{commune.name}, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}",
        "",
        "THÔNG BÁO VI PHẠM QUY ĐỊNH VỀ BẢO VỆ DỮ LIỆU CÁ NHÂN",
        f"(Sự cố số {incident.id} trong sổ theo dõi sự cố của {commune.name})",
        "",
        f"Kính gửi: {NOTIFY_TO}.",
        "",
        f"Căn cứ {NOTIFY_CITATION} và {NOTIFY_CONTENT_CITATION}, Ủy ban Mặt trận Tổ quốc Việt Nam "
        f"{commune.name}, {commune.province_name} thông báo sự cố về dữ liệu cá nhân như sau:",
        "",
        f"1. Bên kiểm soát dữ liệu cá nhân: Ủy ban Mặt trận Tổ quốc Việt Nam {commune.name}, "
        f"{commune.province_name} (mã đơn vị hành chính {commune.code}).",
        f"2. Loại sự cố: {privacy_word('incident_kind', incident.kind, 'vi')}.",
        f"3. Thời điểm xảy ra: {_day_or_moment(incident.occurred_at)}.",
        f"4. Thời điểm phát hiện: {format_moment(incident.discovered_at)} "
        f"(hạn thông báo {NOTIFY_HOURS} giờ: {format_moment(incident.notify_by)}).",
        f"5. Mô tả sự cố: {incident.what}",
        "6. Loại dữ liệu cá nhân liên quan: họ và tên, giới tính, ngày sinh, số điện thoại, khu dân cư, "
        "tổ chức tham gia; có thể có số định danh cá nhân và dữ liệu nhạy cảm (dân tộc, tôn giáo). "
        f"Cần xác định lại: {_BLANK}",
        f"7. Số chủ thể dữ liệu bị ảnh hưởng (ước tính): {people} người.",
        f"8. Biện pháp đã thực hiện để giảm thiểu tác hại: {incident.measures or _BLANK}",
        f"9. Biện pháp dự kiến tiếp theo: {_BLANK}",
        f"10. Người liên hệ: {_BLANK} — chức vụ: {_BLANK} — điện thoại: {_BLANK} — thư điện tử: {_BLANK}",
    ]
    if notified:
        lines += ["", notified]
    lines += [
        "",
        "Nơi nhận:",
        "- Như trên;",
        "- Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (để báo cáo);",
        "- Lưu: VT.",
        "",
        "TM. BAN THƯỜNG TRỰC",
        "CHỦ TỊCH",
        "(Ký, ghi rõ họ tên, đóng dấu)",
    ]
    if is_demo(store):
        lines = ["DỮ LIỆU MẪU — KHÔNG GỬI", ""] + lines
    return "\n".join(lines) + "\n"


def _day_or_moment(value: str) -> str:
    return format_date(value) if len(value) == 10 else format_moment(value)


def write_notification_letter(store: Store, incident_id: int, out: Path | str) -> Path:
    """Write the letter to ``out`` (.txt, UTF-8 with BOM), atomically; returns the path."""
    text = notification_letter(store, incident_id)
    path = Path(out)
    temp = path.parent / f".{path.name}.{uuid.uuid4().hex[:12]}.part"
    try:
        with open(temp, "w", encoding="utf-8-sig", newline="\r\n") as fh:  # Notepad's own line ends
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        durable.replace(temp, path)
        durable.fsync_folder(path.parent)
    except OSError as exc:
        try:
            durable.remove(temp)
        except OSError:
            pass
        raise FrontDeskError("privacy.letter_cannot_write", path=str(path), reason=os_reason(exc)) from exc
    return path

