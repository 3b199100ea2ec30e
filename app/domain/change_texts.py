"""The words the change log is told in, Vietnamese and English: the kinds of
record, what was done, the fields' labels and the values of closed choices.

Registered in ``app.messages`` like every text of the core, under
``changes.*`` codes; ``app.domain.change_words`` puts them together.
"""
from __future__ import annotations

from app import messages
from app.domain.erasure import ERASED_NOTE
from app.domain.registers import WORDS

# The kinds of record the log speaks of (also the window's filter choices).
KINDS = {
    "person": ("Người", "Person"),
    "membership": ("Sinh hoạt (hội viên)", "Membership"),
    "organization": ("Tổ chức", "Organization"),
    "position": ("Chức danh", "Position"),
    "appointment": ("Giữ chức danh", "Post held"),
    "task": ("Công việc", "Task"),
    "task_assignee": ("Phân công công việc", "Task assignment"),
    "duty": ("Nhiệm vụ thường xuyên", "Recurring duty"),
    "petition": ("Kiến nghị", "Petition"),
    "fund_entry": ("Thu, chi quỹ", "Fund entry"),
    "oversight_case": ("Vụ việc (thanh tra, giám sát, hòa giải)", "Case (inspection, supervision, mediation)"),
    "commune": ("Xã", "Commune"),
    "meta": ("Cài đặt", "Setting"),
    "database": ("Cơ sở dữ liệu", "Database"),
}
ACTIONS = {
    "insert": ("Thêm", "Added"),
    "update": ("Sửa", "Changed"),
    "delete": ("Xóa", "Deleted"),
    "bulk": ("Thêm hàng loạt", "Added in bulk"),
}
# What was done, by (table, action).
WHAT = {
    ("person", "insert"): ("Thêm người", "Added a person"),
    ("person", "update"): ("Sửa thông tin người", "Edited a person"),
    ("person", "delete"): ("Xóa người", "Deleted a person"),
    ("membership", "insert"): ("Thêm hội viên", "Added a member"),
    ("membership", "update"): ("Sửa quá trình sinh hoạt", "Edited a membership"),
    ("membership", "delete"): ("Xóa quá trình sinh hoạt", "Deleted a membership"),
    ("organization", "insert"): ("Thêm tổ chức", "Added an organization"),
    ("organization", "update"): ("Sửa tổ chức", "Edited an organization"),
    ("organization", "delete"): ("Xóa tổ chức", "Deleted an organization"),
    ("position", "insert"): ("Thêm chức danh", "Added a position"),
    ("position", "update"): ("Sửa chức danh", "Edited a position"),
    ("position", "delete"): ("Xóa chức danh", "Deleted a position"),
    ("appointment", "insert"): ("Giao chức danh", "Appointed to a position"),
    ("appointment", "update"): ("Sửa việc giữ chức danh", "Edited a post held"),
    ("appointment", "delete"): ("Xóa việc giữ chức danh", "Deleted a post held"),
    ("task", "insert"): ("Thêm công việc", "Added a task"),
    ("task", "update"): ("Sửa công việc", "Edited a task"),
    ("task", "delete"): ("Xóa công việc", "Deleted a task"),
    ("task_assignee", "update"): ("Phân công công việc", "Assigned a task"),
    ("duty", "insert"): ("Thêm nhiệm vụ thường xuyên", "Added a recurring duty"),
    ("duty", "update"): ("Sửa nhiệm vụ thường xuyên", "Edited a recurring duty"),
    ("duty", "delete"): ("Xóa nhiệm vụ thường xuyên", "Deleted a recurring duty"),
    ("petition", "insert"): ("Thêm kiến nghị", "Added a petition"),
    ("petition", "update"): ("Sửa kiến nghị", "Edited a petition"),
    ("petition", "delete"): ("Xóa kiến nghị", "Deleted a petition"),
    ("fund_entry", "insert"): ("Ghi thu, chi quỹ", "Recorded a fund entry"),
    ("fund_entry", "update"): ("Sửa khoản thu, chi quỹ", "Edited a fund entry"),
    ("fund_entry", "delete"): ("Xóa khoản thu, chi quỹ", "Deleted a fund entry"),
    ("oversight_case", "insert"): ("Thêm vụ việc", "Added a case"),
    ("oversight_case", "update"): ("Sửa vụ việc", "Edited a case"),
    ("oversight_case", "delete"): ("Xóa vụ việc", "Deleted a case"),
    ("commune", "insert"): ("Tạo dữ liệu của xã", "Created the commune's data"),
    ("meta", "update"): ("Đổi cài đặt", "Changed a setting"),
    ("database", "update"): ("Khôi phục từ bản sao lưu", "Restored from a backup"),
}
# What was done, where the values say more than (table, action) does.
EVENTS = {
    "erased": ("Xóa hẳn một người theo yêu cầu", "Erased a person on request"),
    "ended_post": ("Thôi giữ chức danh", "Ended a post"),
    "left": ("Rời tổ chức", "Left an organization"),
    "petition_answered": ("Trả lời kiến nghị", "Answered a petition"),
    "petition_closed": ("Kết thúc kiến nghị", "Closed a petition"),
    "fund_receipt": ("Ghi khoản thu quỹ", "Recorded a receipt"),
    "fund_spending": ("Ghi khoản chi quỹ", "Recorded a spending"),
    "case_closed": ("Kết thúc vụ việc", "Closed a case"),
    "bulk.person": ("Thêm {count} người", "Added {count} people"),
    "bulk.membership": ("Thêm {count} hội viên", "Added {count} memberships"),
    "bulk.task": ("Thêm {count} công việc", "Added {count} tasks"),
    "bulk.petition": ("Thêm {count} kiến nghị", "Added {count} petitions"),
    "bulk.fund_entry": ("Ghi {count} khoản thu, chi của quỹ", "Recorded {count} fund entries"),
    "bulk.oversight_case": ("Thêm {count} vụ việc", "Added {count} cases"),
}
FIELDS = {
    "full_name": ("Họ và tên", "Full name"),
    "gender": ("Giới tính", "Gender"),
    "birth_date": ("Ngày sinh", "Date of birth"),
    "ethnicity": ("Dân tộc", "Ethnicity"),
    "religion": ("Tôn giáo", "Religion"),
    "citizen_id": ("Số CCCD", "Citizen ID"),
    "phone": ("Điện thoại", "Phone"),
    "area_id": ("Khu dân cư", "Residential area"),
    "status": ("Tình trạng", "Status"),
    "task_status": ("Trạng thái", "Task status"),
    "note": ("Ghi chú", "Note"),
    "person_id": ("Người", "Person"),
    "organization_id": ("Tổ chức", "Organization"),
    "joined_on": ("Ngày vào", "Joined on"),
    "left_on": ("Ngày rời", "Left on"),
    "position_id": ("Chức danh", "Position"),
    "start_on": ("Từ ngày", "From"),
    "end_on": ("Đến ngày", "Until"),
    "acting": ("Quyền (tạm giữ)", "Acting"),
    "title": ("Tên", "Title"),
    "seats": ("Số suất", "Seats"),
    "rank": ("Thứ tự", "Order"),
    "active": ("Đang dùng", "In use"),
    "name": ("Tên", "Name"),
    "short_name": ("Tên viết tắt", "Short name"),
    "kind": ("Loại", "Kind"),
    "parent_id": ("Thuộc", "Belongs to"),
    "code": ("Mã", "Code"),
    "detail": ("Nội dung", "Details"),
    "source_number": ("Số văn bản", "Document number"),
    "source_date": ("Ngày ban hành", "Document date"),
    "source_issuer": ("Cơ quan ban hành", "Issued by"),
    "due_on": ("Hạn", "Due date"),
    "priority": ("Mức ưu tiên", "Priority"),
    "completed_on": ("Ngày hoàn thành", "Completed on"),
    "duty_id": ("Nhiệm vụ thường xuyên", "Recurring duty"),
    "duty_period": ("Kỳ", "Period"),
    "owner_id": ("Người phụ trách", "Owner"),
    "cadence": ("Chu kỳ", "Repeats"),
    "due_day": ("Ngày đến hạn", "Due day"),
    "due_month": ("Tháng đến hạn", "Due month"),
    "lead_days": ("Tạo trước (ngày)", "Days ahead"),
    "starts_on": ("Áp dụng từ ngày", "Starts on"),
    "ends_on": ("Áp dụng đến ngày", "Ends on"),
    "assignees": ("Người thực hiện", "Assigned to"),
    "count": ("Số lượng", "Count"),
    "restored_from": ("Khôi phục từ", "Restored from"),
    "safety_copy": ("Dữ liệu trước khi khôi phục giữ ở", "Data before the restore kept in"),
    "division_type": ("Loại đơn vị", "Kind of unit"),
    "province_code": ("Mã tỉnh", "Province code"),
    "province_name": ("Tỉnh", "Province"),
    "erased_on_request": ("Xóa theo yêu cầu", "Erased on request"),
    "memberships": ("Quá trình sinh hoạt", "Memberships"),
    "appointments": ("Chức danh đã giữ", "Posts held"),
    "task_assignments": ("Phân công", "Task assignments"),
    # the registers: petitions, fund entries, cases
    "received_on": ("Ngày tiếp nhận", "Received on"),
    "channel": ("Hình thức tiếp nhận", "Channel"),
    "from_name": ("Người gửi", "From"),
    "content": ("Nội dung", "Content"),
    "field": ("Lĩnh vực", "Field"),
    "forwarded_to": ("Chuyển đến", "Forwarded to"),
    "forwarded_on": ("Ngày chuyển", "Forwarded on"),
    "answered_on": ("Ngày trả lời", "Answered on"),
    "answer": ("Nội dung trả lời", "Answer"),
    "closed_on": ("Ngày kết thúc", "Closed on"),
    "petition_status": ("Trạng thái", "Status"),
    "task_id": ("Công việc theo dõi", "Follow-up task"),
    "entry_on": ("Ngày thu, chi", "Date"),
    "fund": ("Quỹ", "Fund"),
    "direction": ("Thu hay chi", "Receipt or spending"),
    "amount": ("Số tiền", "Amount"),
    "party": ("Người ủng hộ, người nhận", "Donor or beneficiary"),
    "purpose": ("Mục đích chi", "Purpose"),
    "document_number": ("Số chứng từ", "Document number"),
    "case_kind": ("Loại vụ việc", "Kind of case"),
    "opened_on": ("Ngày bắt đầu", "Opened on"),
    "parties": ("Các bên, công trình", "Parties or project"),
    "findings": ("Kết quả kiểm tra, giám sát", "Findings"),
    "recommendation": ("Kiến nghị", "Recommendation"),
    "outcome": ("Kết quả", "Outcome"),
    # the columns of a roster, in a remembered way of reading one
    "area": ("Khu dân cư", "Residential area"),
    "birth_year_male": ("Năm sinh (nam)", "Birth year (male)"),
    "birth_year_female": ("Năm sinh (nữ)", "Birth year (female)"),
    "row_number": ("Số thứ tự", "Row number"),
}
# Closed choices, by the name of the choice: (stored value -> words).
CHOICES = {
    "gender": {"male": ("Nam", "Male"), "female": ("Nữ", "Female")},
    "person_status": {"active": ("Đang sinh hoạt", "Active"), "moved": ("Đã chuyển đi", "Moved away"),
                      "deceased": ("Đã mất", "Deceased")},
    "task_status": {"todo": ("Chưa thực hiện", "To do"), "in_progress": ("Đang thực hiện", "In progress"),
                    "done": ("Đã hoàn thành", "Done"), "cancelled": ("Đã hủy", "Cancelled")},
    "priority": {"low": ("Thấp", "Low"), "normal": ("Bình thường", "Normal"), "high": ("Cao", "High"),
                 "urgent": ("Khẩn", "Urgent")},
    "cadence": {"weekly": ("Hằng tuần", "Weekly"), "monthly": ("Hằng tháng", "Monthly"),
                "quarterly": ("Hằng quý", "Quarterly"), "half_yearly": ("6 tháng một lần", "Every six months"),
                "yearly": ("Hằng năm", "Yearly")},
    "role": {"lead": ("Chủ trì", "Lead"), "support": ("Phối hợp", "Support")},
    "kind": {"front_committee": ("Ủy ban MTTQ", "Front committee"),
             "member_org": ("Tổ chức thành viên", "Member organization"),
             "residential_area": ("Khu dân cư", "Residential area"),
             "work_committee": ("Ban công tác Mặt trận", "Front work committee"),
             "branch": ("Chi hội, chi đoàn", "Branch")},
    "transport": {"folder": ("Thư mục", "Folder"), "webdav": ("Máy chủ WebDAV", "WebDAV server"),
                  "smtp": ("Thư điện tử", "E-mail")},
    "yes_no": {"yes": ("Có", "Yes"), "no": ("Không", "No")},
    # the registers' word values: their first two words (Vietnamese, English)
    **{choice: {code: words[:2] for code, words in codes.items()} for choice, codes in WORDS.items()},
}
NOTES = {
    "demo": ("dữ liệu mẫu", "demo data"),
    "restore": ("khôi phục", "restore"),
    ERASED_NOTE: ("xóa theo yêu cầu", "erased on request"),
}
# Settings (``meta`` keys) by the part of their key before any ":".
SETTINGS = {
    "my_person": ("Người dùng ứng dụng ({actor})", "Who uses the app ({actor})"),
    "roster_mapping": ("Cách đọc cột của danh sách", "How a roster's columns are read"),
    "sync.destination": ("Nơi gửi báo cáo", "Where reports are sent"),
    "user": ("tài khoản {user}", "user {user}"),
}

messages.register({f"changes.kind.{k}": pair for k, pair in KINDS.items()})
messages.register({f"changes.action.{k}": pair for k, pair in ACTIONS.items()})
messages.register({f"changes.what.{table}.{action}": pair for (table, action), pair in WHAT.items()})
messages.register({f"changes.what.{k}": pair for k, pair in EVENTS.items()})
messages.register({f"changes.field.{k}": pair for k, pair in FIELDS.items()})
messages.register({f"changes.value.{choice}.{value}": pair
                   for choice, values in CHOICES.items() for value, pair in values.items()})
messages.register({f"changes.note.{k}": pair for k, pair in NOTES.items()})
messages.register({f"changes.setting.{k}": pair for k, pair in SETTINGS.items()})
