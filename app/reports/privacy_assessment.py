"""The impact-assessment draft (hồ sơ đánh giá tác động xử lý dữ liệu cá
nhân) as one printable sheet: ``frontdesk privacy assessment --out FILE``.

What the database knows is filled in (``app.reports.privacy_assessment_facts``:
counts, folders, the destination's kind and host, the safeguards the app
applies); what only the commune knows is left as "……" to complete by hand,
and the sheet ends with a signature block. Counts only: no one's name,
citizen ID or phone number is written. A demo commune's draft carries the
demo mark at the top and on every printed page.

An .xlsx, not a .docx: the app already writes Vietnamese administrative
documents this way (letterhead, Decree 30/2020 margins, signature block) with
xlsxwriter, and python-docx would bring lxml, which the installer leaves out
on purpose (packaging/frontdesk.spec). The file opens in Excel or LibreOffice,
where the blanks are typed in before printing and signing.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.db.storage import Store
from app.reports.privacy_assessment_facts import AssessmentFacts, Recorded, assessment_facts
from app.spreadsheets.xlsx_writing import (
    Letterhead, Styles, atomic_workbook, draw, letterhead, merge_text, place_name, row_height, setup_page,
    signature, titles, vietnamese_date_line, write_text,
)
from app.text.dates import format_date, format_moment

__all__ = ["write_assessment", "TITLE", "LEGAL_BASIS", "BLANK", "NOT_RECORDED", "SHEET_NAME", "assessment_rows"]

SHEET_NAME = "Đánh giá tác động"
TITLE = "HỒ SƠ ĐÁNH GIÁ TÁC ĐỘNG XỬ LÝ DỮ LIỆU CÁ NHÂN"
# Both texts checked against their published full text (number, date); see docs/PRIVACY.md.
LEGAL_BASIS = ("Căn cứ Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 ngày 26/6/2025 và Nghị định số "
               "356/2025/NĐ-CP ngày 31/12/2025 của Chính phủ quy định chi tiết một số điều và biện pháp "
               "thi hành Luật Bảo vệ dữ liệu cá nhân")
BLANK = "……………………………………"
NOT_RECORDED = "chưa ghi nhận"
_WIDTHS = [7, 40, 58]
_WIDTH = len(_WIDTHS)

_KINDS = {"folder": "Thư mục (thư mục dùng chung, ổ USB hoặc thư mục đồng bộ)",
          "webdav": "Máy chủ WebDAV", "smtp": "Thư điện tử, máy chủ gửi thư"}


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # Vietnamese grouping: 49.198


def _in_text(commune_name: str) -> str:
    """"Phường Ba Đình" -> "phường Ba Đình": the kind of unit is lower case inside a sentence."""
    for kind in ("Xã ", "Phường ", "Đặc khu "):
        if commune_name.startswith(kind):
            return kind.lower() + commune_name[len(kind):]
    return commune_name


def _people(value: int) -> str:
    return f"{_n(value)} người"


def _count(recorded: Recorded, key: str) -> str:
    return _n(recorded.counts[key])


def _consent(r: Recorded) -> str:
    if not r.counts["total"]:
        return f"{NOT_RECORDED}: chưa có lần đồng ý nào được ghi trong ứng dụng"
    text = f"{_n(r.counts['total'])} lần ghi nhận đồng ý"
    text += f" (của {_people(r.counts['people'])})"
    return text + f"; đã rút lại: {_count(r, 'withdrawn')}; có bản chụp chứng cứ: {_count(r, 'with_evidence')}"


def _bases(r: Recorded) -> str:
    if not r.counts["total"]:
        return f"{NOT_RECORDED}: chưa có cơ sở pháp lý nào được ghi trong ứng dụng; {BLANK}"
    return f"{_n(r.counts['total'])} cơ sở pháp lý đã ghi trong ứng dụng"


def _requests(r: Recorded) -> str:
    if not r.counts["total"]:
        return f"{NOT_RECORDED}: chưa có yêu cầu nào"
    return f"{_n(r.counts['total'])} yêu cầu; chưa giải quyết xong: {_count(r, 'open')}"


def _incidents(r: Recorded) -> str:
    if not r.counts["total"]:
        return f"{NOT_RECORDED}: chưa có sự cố nào"
    return f"{_n(r.counts['total'])} sự cố; đã thông báo: {_count(r, 'notified')}"


def _destination(f: AssessmentFacts) -> str:
    d = f.destination
    if d is None:
        return "Chưa đặt nơi gửi: chưa có báo cáo nào có thể rời máy qua ứng dụng"
    text = f"{_KINDS.get(d.kind, d.kind)}: {d.where or BLANK}"
    return text + (" (do cán bộ CNTT đặt sẵn và khóa trong site.toml)" if d.locked_by_site else "")


def _backups(f: AssessmentFacts) -> str:
    if not f.backups:
        return f"Thư mục {f.backups_folder}; chưa có bản sao lưu nào"
    newest = format_moment(f.newest_backup) if f.newest_backup else "không rõ"
    return f"Thư mục {f.backups_folder}; {_n(f.backups)} bản, bản mới nhất lúc {newest}"


# What the app itself does to protect the data; each line is true of the code
# (the module that does it is named in docs/PRIVACY.md, "Biện pháp bảo vệ").
SAFEGUARDS = (
    ("Chỉ lưu trên máy của xã",
     "Dữ liệu nằm trên máy của Ủy ban MTTQ xã; ứng dụng không gửi gì tự động ngoài báo cáo cán bộ chọn gửi, "
     "không gửi thống kê sử dụng"),
    ("Không mở từ ổ mạng; một cửa sổ",
     "Cơ sở dữ liệu không được mở từ ổ mạng; mỗi cơ sở dữ liệu chỉ mở trong một cửa sổ ứng dụng tại một thời điểm"),
    ("Che số CCCD; dân tộc, tôn giáo",
     "Số CCCD được che (001******345) trên danh sách và tệp xuất, trừ khi cán bộ chọn xuất đầy đủ; dân tộc, tôn "
     "giáo chỉ có trong tệp xuất khi cán bộ chọn kèm theo"),
    ("Danh sách kèm báo cáo gửi tỉnh",
     "Chỉ có họ tên, giới tính, ngày sinh, khu dân cư, tổ chức, ngày vào; không có số CCCD, số điện thoại, dân "
     "tộc, tôn giáo"),
    ("Dữ liệu mẫu", "Cơ sở dữ liệu mẫu (demo) không bao giờ được xếp vào hàng gửi lên tỉnh"),
    ("Mật khẩu gửi báo cáo",
     "Chỉ nằm trong kho mật khẩu của hệ điều hành; kho mật khẩu dạng văn bản thường bị từ chối; tệp cấu hình "
     "site.toml có mật khẩu bị từ chối"),
    ("Sao lưu",
     "Tự động, bằng cơ chế sao lưu của SQLite; giữ theo tầng (10 bản mới nhất, theo ngày, tuần, tháng, trước "
     "khi khôi phục hay cập nhật lược đồ); chép ra USB có đọc lại để kiểm tra"),
    ("Nhật ký thay đổi", "Mỗi thay đổi ghi lúc nào, tài khoản nào thực hiện, giá trị trước và sau"),
    ("Nhật ký chương trình", "Không ghi tên hay dữ liệu của người dân; mọi dãy từ 9 chữ số trở lên bị che"),
    ("Tệp Excel nhập vào",
     "Được kiểm tra rồi đọc trong một tiến trình riêng có giới hạn bộ nhớ và thời gian"),
    ("Xóa theo yêu cầu",
     "Trong một giao dịch: xóa người đó cả trong nhật ký thay đổi, ghi đè các trang dữ liệu đã xóa, rút khỏi "
     "hộp thư đi các báo cáo chờ gửi có tên người đó"),
)


def assessment_rows(f: AssessmentFacts) -> list[tuple[str, str, str]]:
    """The body of the draft: (number, item, what is known or a blank) per
    line; a line without a value is a section heading."""
    p = f.people
    status = (f"đang sinh hoạt {_n(p.by_status.get('active', 0))}, chuyển đi {_n(p.by_status.get('moved', 0))}, "
              f"đã mất {_n(p.by_status.get('deceased', 0))}")
    rows: list[tuple[str, str, str]] = [
        ("I", "THÔNG TIN VỀ BÊN KIỂM SOÁT DỮ LIỆU CÁ NHÂN", ""),
        ("1", "Tên cơ quan, tổ chức", f"Ủy ban Mặt trận Tổ quốc Việt Nam {_in_text(f.commune_name)}, "
                                      f"{f.province_name}"),
        ("2", "Mã đơn vị hành chính", f.commune_code),
        ("3", "Địa chỉ trụ sở", BLANK),
        ("4", "Người đại diện (họ tên, chức vụ)", BLANK),
        ("5", "Bộ phận, nhân sự được giao bảo vệ dữ liệu cá nhân", BLANK),
        ("6", "Điện thoại, thư điện tử liên hệ", BLANK),
        ("II", "MỤC ĐÍCH, CƠ SỞ PHÁP LÝ, THỜI HẠN XỬ LÝ", ""),
        ("1", "Mục đích xử lý dữ liệu cá nhân",
         "Quản lý hội viên, đoàn viên, chức danh của Mặt trận và các tổ chức thành viên; tiếp nhận, theo dõi ý "
         "kiến, kiến nghị của cử tri và Nhân dân; quản lý Quỹ “Vì người nghèo” và các quỹ xã hội; giám sát, "
         "phản biện xã hội, hòa giải ở cơ sở; tổng hợp báo cáo gửi cấp tỉnh. " + BLANK),
        ("2", "Cơ sở pháp lý của việc xử lý", _bases(f.legal_basis)),
        ("3", "Sự đồng ý của chủ thể dữ liệu", _consent(f.consent)),
        ("4", "Cách thu thập dữ liệu (nhập tay, nhập từ danh sách Excel, nguồn)", BLANK),
        ("5", "Thời hạn lưu trữ, thời điểm xóa dữ liệu", BLANK),
        ("III", "LOẠI DỮ LIỆU CÁ NHÂN ĐƯỢC XỬ LÝ VÀ SỐ NGƯỜI", ""),
        ("1", "Số người trong danh sách", f"{_people(p.total)} ({status})"),
        ("2", "Họ và tên", _people(p.total)),
        ("3", "Giới tính", _people(p.gender)),
        ("4", "Ngày sinh hoặc năm sinh", _people(p.birth_date)),
        ("5", "Số định danh cá nhân (CCCD)", _people(p.citizen_id)),
        ("6", "Số điện thoại", _people(p.phone)),
        ("7", "Khu dân cư nơi ở", _people(p.area)),
        ("8", "Ghi chú về người", _people(p.note)),
        ("9", "Dân tộc — dữ liệu cá nhân nhạy cảm", _people(p.ethnicity)),
        ("10", "Tôn giáo — dữ liệu cá nhân nhạy cảm", _people(p.religion)),
        ("11", "Sinh hoạt tại tổ chức (hội viên, đoàn viên)",
         f"{_people(f.members)}; {_n(f.memberships_current)} lượt sinh hoạt hiện tại"),
        ("12", "Chức danh đang giữ", f"{_n(f.appointments_current)} lượt bổ nhiệm hiện tại"),
        ("13", "Ý kiến, kiến nghị (ghi tên người gửi)",
         f"{_n(f.petitions)} ý kiến, kiến nghị; {_n(f.petitions_from_roster)} của người có trong danh sách"),
        ("14", "Quỹ: khoản chi ghi tên người nhận",
         f"{_n(f.fund_beneficiary_entries)} khoản; {_n(f.fund_beneficiaries_on_roster)} khoản của người có "
         f"trong danh sách"),
        ("15", "Quỹ: khoản thu ghi tên người ủng hộ", f"{_n(f.fund_donor_entries)} khoản"),
        ("16", "Vụ việc giám sát, thanh tra nhân dân, hòa giải (có thể ghi tên các bên)", f"{_n(f.cases)} vụ việc"),
        ("17", "Nhật ký thay đổi (giá trị trước và sau mỗi thay đổi)", f"{_n(f.change_log_entries)} mục"),
        ("IV", "QUYỀN CỦA CHỦ THỂ DỮ LIỆU VÀ SỰ CỐ", ""),
        ("1", "Yêu cầu của chủ thể dữ liệu (xem, sửa, xóa, rút đồng ý…)", _requests(f.data_request)),
        ("2", "Sự cố, vi phạm quy định bảo vệ dữ liệu cá nhân", _incidents(f.data_incident)),
        ("3", "Người tiếp nhận yêu cầu, cách liên hệ", BLANK),
        ("V", "NƠI LƯU TRỮ VÀ SAO LƯU", ""),
        ("1", "Cơ sở dữ liệu (trên máy của Ủy ban MTTQ xã)", str(f.database)),
        ("2", "Bản sao lưu tự động", _backups(f)),
        ("3", "Hộp thư đi (bản sao báo cáo chờ gửi)", str(f.outbox_folder)),
        ("4", "Nơi cất ổ USB chứa bản sao lưu", BLANK),
        ("5", "Máy tính: tài khoản có mật khẩu, mã hóa ổ đĩa (BitLocker…)", BLANK),
        ("VI", "DỮ LIỆU RỜI KHỎI MÁY VÀ BÊN NHẬN", ""),
        ("1", "Nơi gửi báo cáo đã đặt trong ứng dụng", _destination(f)),
        ("2", "Bên nhận báo cáo", f"{BLANK} (ví dụ: Ủy ban MTTQ tỉnh)"),
        ("3", "Nội dung gửi",
         "Báo cáo định kỳ: số liệu tổng hợp; chỉ khi cán bộ chọn kèm danh sách mới có họ tên, giới tính, ngày "
         "sinh, khu dân cư của hội viên"),
        ("4", "Số báo cáo đã gửi / đang chờ gửi", f"{_n(f.reports_sent)} / {_n(f.reports_waiting)}"),
        ("5", "Dữ liệu chuyển ra nước ngoài", f"Ứng dụng không tự chuyển; nơi đặt máy chủ nhận: {BLANK}"),
        ("VII", "BIỆN PHÁP BẢO VỆ ĐÃ ÁP DỤNG", ""),
        *[(str(n), what, how) for n, (what, how) in enumerate(SAFEGUARDS, 1)],
        (str(len(SAFEGUARDS) + 1), "Biện pháp quản lý của xã (phân công, quy chế, tập huấn)", BLANK),
        ("VIII", "ĐÁNH GIÁ RỦI RO VÀ BIỆN PHÁP GIẢM THIỂU", ""),
        ("1", "Rủi ro có thể xảy ra (lộ, mất, sửa sai dữ liệu…)", BLANK),
        ("2", "Tác động, thiệt hại có thể gây ra cho chủ thể dữ liệu", BLANK),
        ("3", "Biện pháp giảm thiểu bổ sung, người chịu trách nhiệm, thời hạn", BLANK),
    ]
    return rows


def write_assessment(store: Store, out: Path | str, *, today: date | None = None, facts: AssessmentFacts | None = None
                     ) -> Path:
    """Write the draft for ``store`` to ``out`` (.xlsx), complete or not at all."""
    f = facts or assessment_facts(store, today=today)
    path = Path(out)
    with atomic_workbook(path) as book:
        styles = Styles(book)
        ws = book.add_worksheet(SHEET_NAME)
        head = Letterhead("ỦY BAN MTTQ VIỆT NAM", f.commune_name.upper(),
                          vietnamese_date_line(place_name(f.commune_name), f.as_of), number="")
        top, row = letterhead(head, _WIDTH)
        more, row = titles([
            (TITLE, "title"),
            (LEGAL_BASIS, "subtitle"),
            (f"(Bản nháp do ứng dụng Front Desk lập ngày {format_date(f.as_of)} từ dữ liệu đang lưu trên máy; "
             "các dòng “……” do Ủy ban MTTQ xã điền; đối chiếu các mục với mẫu hồ sơ theo Nghị định "
             "356/2025/NĐ-CP trước khi ký)", "italic_wrap"),
        ], _WIDTH, row, demo=f.demo)
        for line in more:
            for *_cols, text, style in line.spans:
                if style in ("subtitle", "italic_wrap"):  # the legal basis and the note wrap
                    line.height = row_height([(text, sum(_WIDTHS) * 0.9)], line=16) or line.height
        draw(ws, styles, top + more)
        for n, text in enumerate(("STT", "Nội dung", "Thông tin")):
            write_text(ws, row, n, text, styles, "head")
        header = row
        row += 1
        for number, item, value in assessment_rows(f):
            write_text(ws, row, 0, number, styles, "cell_center")
            if not value:  # a section heading
                merge_text(ws, row, 1, 2, item, styles, "group")
            else:
                write_text(ws, row, 1, item, styles, "cell")
                write_text(ws, row, 2, value, styles, "cell")
                height = row_height([(item, _WIDTHS[1]), (value, _WIDTHS[2])])
                if height:
                    ws.set_row(row, height)
            row += 1
        end, _ = signature(_WIDTH, row + 1,
                           left=[("NGƯỜI LẬP HỒ SƠ", "center_bold"), ("(Ký, ghi rõ họ tên)", "center_italic")],
                           role=["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"], name=None)
        draw(ws, styles, end)
        setup_page(ws, landscape=False, repeat=(header, header), widths=_WIDTHS, demo=f.demo)
    return path
