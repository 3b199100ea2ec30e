<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="40" />
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
</context>
<context>
    <name>ExceptionHook</name>
    <message>
        <location filename="../../ui/errors.py" line="82" />
        <source>Something went wrong that the app did not expect. Your data is safe; you can keep working. The details were written to the log.</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến. Dữ liệu của bạn vẫn an toàn, bạn có thể tiếp tục làm việc. Chi tiết đã được ghi vào nhật ký.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="86" />
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="50" />
        <source>Front Desk — first start</source>
        <translation>Sổ tay công tác Mặt trận — lần đầu sử dụng</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="53" />
        <source>Choose your province, then your commune or ward. The app keeps its data on this computer and works without a network.</source>
        <translation>Chọn tỉnh/thành phố, rồi chọn xã/phường của bạn. Ứng dụng lưu dữ liệu ngay trên máy tính này và làm việc được khi không có mạng.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="58" />
        <source>— choose a province —</source>
        <translation>— chọn tỉnh/thành phố —</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="62" />
        <source>Type part of the name or the code — no accents needed</source>
        <translation>Gõ một phần tên hoặc mã — không dấu cũng được</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="65" />
        <source>Create the commune's database</source>
        <translation>Tạo cơ sở dữ liệu của xã</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="68" />
        <source>Look around in a demo commune</source>
        <translation>Xem thử với xã mẫu</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="75" />
        <source>Province:</source>
        <translation>Tỉnh/thành phố:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="77" />
        <source>Commune or ward:</source>
        <translation>Xã/phường/đặc khu:</translation>
    </message>
</context>
<context>
    <name>LoadBars</name>
    <message>
        <location filename="../../ui/pages/overview.py" line="60" />
        <source>No open tasks are assigned.</source>
        <translation>Chưa có công việc nào đang mở được giao.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="74" />
        <source>%1 tasks, %2 overdue</source>
        <translation>%1 việc, %2 quá hạn</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="36" />
        <source>Front Desk — %1, %2</source>
        <translation>Sổ tay công tác Mặt trận — %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="44" />
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45" />
        <source>People</source>
        <translation>Nhân sự</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57" />
        <source>%1 — commune code %2</source>
        <translation>%1 — mã xã %2</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/pages/overview.py" line="105" />
        <source>Carrying the most work</source>
        <translation>Người đang gánh nhiều việc nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="122" />
        <source>Today in %1</source>
        <translation>Hôm nay ở %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="123" />
        <source>overdue tasks</source>
        <translation>công việc quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="124" />
        <source>tasks due in the next 7 days</source>
        <translation>công việc đến hạn trong 7 ngày tới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="126" />
        <source>vacant seats in %1 positions</source>
        <translation>suất còn trống ở %1 chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="128" />
        <source>people holding several posts</source>
        <translation>người kiêm nhiệm nhiều chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="129" />
        <source>active people on the roster</source>
        <translation>người đang sinh hoạt trong danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="130" />
        <source>reports not yet sent</source>
        <translation>báo cáo chưa gửi</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../ui/people_model.py" line="47" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/people_model.py" line="47" />
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/people_model.py" line="47" />
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/people_model.py" line="48" />
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/people_model.py" line="48" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/people_model.py" line="48" />
        <source>Residential area</source>
        <translation>Khu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/people_model.py" line="76" />
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/people_model.py" line="76" />
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../ui/pages/people.py" line="33" />
        <source>Search by name, phone, citizen ID or area — no accents needed</source>
        <translation>Tìm theo tên, số điện thoại, số CCCD hoặc khu dân cư — gõ không dấu cũng được</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="38" />
        <source>Active</source>
        <translation>Đang sinh hoạt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="38" />
        <source>Moved away</source>
        <translation>Đã chuyển đi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="39" />
        <source>Deceased</source>
        <translation>Đã mất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="39" />
        <source>Everyone</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="59" />
        <source>Area:</source>
        <translation>Khu dân cư:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="61" />
        <source>Status:</source>
        <translation>Tình trạng:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="63" />
        <source>Add a person…</source>
        <translation>Thêm người…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="64" />
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="68" />
        <source>People</source>
        <translation>Nhân sự</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="107" />
        <source>All areas</source>
        <translation>Tất cả khu dân cư</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/people.py" line="122" />
        <source>%Ln people</source>
        <translation><numerusform>%Ln người</numerusform></translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <location filename="../../ui/person_form.py" line="44" />
        <source>Add a person</source>
        <translation>Thêm người</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="44" />
        <source>Edit a person</source>
        <translation>Sửa thông tin</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="50" />
        <source>(not given)</source>
        <translation>(chưa rõ)</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="50" />
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="50" />
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="54" />
        <source>dd/mm/yyyy, or only the year</source>
        <translation>dd/mm/yyyy, hoặc chỉ năm sinh</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="59" />
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="63" />
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="68" />
        <source>Active</source>
        <translation>Đang sinh hoạt</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="68" />
        <source>Moved away</source>
        <translation>Đã chuyển đi</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="69" />
        <source>Deceased</source>
        <translation>Đã mất</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="76" />
        <source>Full name *</source>
        <translation>Họ và tên *</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="76" />
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="77" />
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="77" />
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="78" />
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="78" />
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="79" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="79" />
        <source>Residential area</source>
        <translation>Khu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="80" />
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="80" />
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="94" />
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/person_form.py" line="95" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
</TS>