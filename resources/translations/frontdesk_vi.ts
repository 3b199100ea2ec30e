<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AddAreaDialog</name>
    <message>
        <location filename="../../ui/dialogs/area_dialogs.py" line="24"/>
        <source>Add a residential area</source>
        <translation>Thêm khu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/area_dialogs.py" line="26"/>
        <source>A thôn, ấp, bản or tổ dân phố. Its Front work committee and the branches of the member organizations are made with it.</source>
        <translation>Thôn, ấp, bản hoặc tổ dân phố. Ban công tác Mặt trận và các chi hội, chi đoàn của khu dân cư được tạo cùng lúc.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/area_dialogs.py" line="29"/>
        <source>e.g. Thôn Đông, Tổ dân phố 5</source>
        <translation>ví dụ: Thôn Đông, Tổ dân phố 5</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/area_dialogs.py" line="31"/>
        <source>Name *</source>
        <translation>Tên *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/area_dialogs.py" line="32"/>
        <source>Short name</source>
        <translation>Tên viết tắt</translation>
    </message>
</context>
<context>
    <name>AddPositionDialog</name>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="213"/>
        <source>Add a position</source>
        <translation>Thêm chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="216"/>
        <source>e.g. Phó Chủ tịch</source>
        <translation>ví dụ: Phó Chủ tịch</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="219"/>
        <source>Title *</source>
        <translation>Tên chức danh *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="220"/>
        <source>Number of seats *</source>
        <translation>Số suất *</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="151"/>
        <source>Answer to petition #%1</source>
        <translation>Trả lời kiến nghị số %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="153"/>
        <source>From %1, received %2:</source>
        <translation>Của %1, tiếp nhận ngày %2:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="157"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="161"/>
        <source>Answered on *</source>
        <translation>Ngày trả lời *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="162"/>
        <source>Answer *</source>
        <translation>Nội dung trả lời *</translation>
    </message>
</context>
<context>
    <name>AppointDialog</name>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="127"/>
        <source>Appoint to %1</source>
        <translation>Thêm người giữ chức danh %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="131"/>
        <source>Acting — e.g. acting Chair, not yet formally in the post</source>
        <translation>Giữ quyền — ví dụ Quyền Chủ tịch, chưa chính thức giữ chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="133"/>
        <source>e.g. decision number and date</source>
        <translation>ví dụ: số và ngày của quyết định</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="134"/>
        <source>Person *</source>
        <translation>Người giữ chức danh *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="135"/>
        <source>Type part of the name, then choose from the list.</source>
        <translation>Gõ một phần họ tên (không cần dấu) rồi chọn trong danh sách.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="136"/>
        <source>Start date *</source>
        <translation>Ngày bắt đầu *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="138"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="144"/>
        <source>Choose the person from the suggestions under the box.</source>
        <translation>Hãy chọn người trong danh sách gợi ý hiện dưới ô.</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location filename="../../ui/pages/backups.py" line="89"/>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="92"/>
        <source>A backup is a complete copy of the commune&apos;s data. The app backs up by itself at start, at quit, every so often while changes are made, and before an import or a restore; older backups are thinned out by themselves (the last days, weeks and months are kept). Copy one to a USB stick now and then, and keep the stick as you keep paper files: it holds everyone&apos;s personal data.</source>
        <translation>Bản sao lưu là bản sao đầy đủ dữ liệu của xã. Ứng dụng tự sao lưu khi mở, khi đóng, định kỳ khi có thay đổi, và trước khi nhập danh sách hay khôi phục; các bản cũ tự được bớt dần (giữ lại các ngày, tuần, tháng gần đây). Thỉnh thoảng hãy chép một bản ra ổ USB và cất giữ ổ đó như hồ sơ giấy: trong đó có dữ liệu cá nhân của mọi người.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="100"/>
        <location filename="../../ui/pages/backups.py" line="293"/>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="102"/>
        <source>Copy to a USB stick…</source>
        <translation>Chép sang USB…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="104"/>
        <source>Copies the selected backup (the newest if none is selected) to a folder you choose, then reads the copy back to check it.</source>
        <translation>Chép bản sao lưu đang chọn (nếu chưa chọn thì bản mới nhất) vào thư mục bạn chọn, rồi đọc lại bản chép để kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="107"/>
        <source>Restore…</source>
        <translation>Khôi phục…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="108"/>
        <source>Go back to the data as it was when the selected backup was made.</source>
        <translation>Quay lại dữ liệu như lúc tạo bản sao lưu đang chọn.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="121"/>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="133"/>
        <source>Made at</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="133"/>
        <source>Why it was made</source>
        <translation>Lý do sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="133"/>
        <source>Kept as</source>
        <translation>Được giữ theo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="133"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="134"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="158"/>
        <source>At start</source>
        <translation>Khi mở ứng dụng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="159"/>
        <source>At quit</source>
        <translation>Khi đóng ứng dụng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="160"/>
        <source>Automatic, while working</source>
        <translation>Tự động, trong khi làm việc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="161"/>
        <source>By hand</source>
        <translation>Sao lưu thủ công</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="162"/>
        <source>Before an import</source>
        <translation>Trước khi nhập danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="163"/>
        <source>Before a restore</source>
        <translation>Trước khi khôi phục</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="164"/>
        <source>Before a data upgrade</source>
        <translation>Trước khi nâng cấp dữ liệu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="165"/>
        <source>Before erasing a person</source>
        <translation>Trước khi xóa hẳn một người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="173"/>
        <source>Recent</source>
        <translation>Gần đây</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="174"/>
        <source>Daily</source>
        <translation>Theo ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="175"/>
        <source>Safety copy</source>
        <translation>Bản an toàn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="176"/>
        <source>Weekly</source>
        <translation>Theo tuần</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="177"/>
        <source>Monthly</source>
        <translation>Theo tháng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="189"/>
        <source>Good</source>
        <translation>Tốt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="189"/>
        <source>Damaged</source>
        <translation>Bị hỏng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="196"/>
        <source>%1
Cannot be used: %2</source>
        <translation>%1
Không dùng được: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="209"/>
        <source>Last good backup: %1 (%2).</source>
        <translation>Bản sao lưu tốt gần nhất: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="212"/>
        <source>No backup here can be used: every one is damaged. Press “Back up now”.</source>
        <translation>Không bản sao lưu nào ở đây dùng được: tất cả đều bị hỏng. Hãy bấm “Sao lưu ngay”.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="214"/>
        <source>There is no backup yet. Press “Back up now” to make the first one.</source>
        <translation>Chưa có bản sao lưu nào. Bấm “Sao lưu ngay” để tạo bản đầu tiên.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/backups.py" line="219"/>
        <source>%n backup(s), %1 in all.</source>
        <translation>
            <numerusform>%n bản sao lưu, tổng cộng %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="222"/>
        <source>Free on that disk: %1.</source>
        <translation>Ổ đĩa đó còn trống %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="225"/>
        <source>Folder: %1</source>
        <translation>Thư mục: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="268"/>
        <location filename="../../ui/pages/backups.py" line="273"/>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="271"/>
        <source>Backing up</source>
        <translation>Sao lưu dữ liệu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="283"/>
        <source>Backed up at %1 (%2).</source>
        <translation>Đã sao lưu lúc %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="302"/>
        <source>Choose the USB stick (or a folder on it)</source>
        <translation>Chọn ổ USB (hoặc một thư mục trên ổ)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="309"/>
        <source>Copying the backup</source>
        <translation>Chép bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="313"/>
        <source>Copying the backup…</source>
        <translation>Đang chép bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="314"/>
        <source>Waiting for the stick to finish writing…</source>
        <translation>Đang chờ ổ USB ghi xong…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="315"/>
        <source>Reading the copy back to check it…</source>
        <translation>Đang đọc lại bản chép để kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="316"/>
        <source>Checking the copy…</source>
        <translation>Đang kiểm tra bản chép…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="327"/>
        <source>Copied the backup of %1 to %2 (%3) and read it back: the copy is good. The stick now holds everyone&apos;s personal data: keep it locked away.</source>
        <translation>Đã chép bản sao lưu lúc %1 vào %2 (%3) và đọc lại: bản chép tốt. Ổ USB này giờ chứa dữ liệu cá nhân của mọi người: hãy cất giữ cẩn thận.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="338"/>
        <source>The copy was stopped; nothing was left on the stick.</source>
        <translation>Đã dừng chép; không để lại gì trên ổ USB.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="347"/>
        <source>Go back to the data as it was at %1?

• First the data as it is now is backed up, so you can come back to it.
• Then the window closes and opens again on the data of %1.
• Changes made after %1 will no longer be shown (they stay in the backup made first).</source>
        <translation>Quay lại dữ liệu như lúc %1?

• Trước hết, dữ liệu hiện tại được sao lưu, để có thể quay lại khi cần.
• Sau đó cửa sổ đóng lại và mở ra với dữ liệu lúc %1.
• Những thay đổi làm sau %1 sẽ không còn hiện (chúng vẫn nằm trong bản sao lưu tạo trước khi khôi phục).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="353"/>
        <source>Restore a backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="30"/>
        <source>New case</source>
        <translation>Vụ việc mới</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="30"/>
        <source>Edit case #%1</source>
        <translation>Sửa vụ việc số %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="38"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="40"/>
        <source>e.g. Supervising the Thôn 3 road works</source>
        <translation>ví dụ: Giám sát công trình đường giao thông Thôn 3</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="42"/>
        <source>(the whole commune)</source>
        <translation>(toàn xã)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="45"/>
        <source>The parties of a dispute, or the project supervised</source>
        <translation>Các bên của vụ việc, hoặc công trình được giám sát</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="49"/>
        <source>Kind *</source>
        <translation>Loại *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="50"/>
        <source>Opened on *</source>
        <translation>Ngày bắt đầu *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="51"/>
        <source>Title *</source>
        <translation>Tên vụ việc *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="52"/>
        <source>Residential area</source>
        <translation>Khu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="53"/>
        <source>Parties or project</source>
        <translation>Các bên, công trình</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="54"/>
        <source>Findings</source>
        <translation>Kết quả kiểm tra, giám sát</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="55"/>
        <source>Recommendation</source>
        <translation>Kiến nghị</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="56"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../ui/models/register_models.py" line="209"/>
        <source>Opened</source>
        <translation>Ngày bắt đầu</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="209"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="209"/>
        <source>Title</source>
        <translation>Tên vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="209"/>
        <source>Area</source>
        <translation>Khu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="209"/>
        <source>Closed</source>
        <translation>Ngày kết thúc</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="210"/>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="218"/>
        <source>Open</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="228"/>
        <source>Followed up by task #%1</source>
        <translation>Có công việc theo dõi số %1</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="23"/>
        <source>Search titles, parties, findings — no accents needed</source>
        <translation>Tìm theo tên vụ việc, các bên, kết quả — gõ không dấu cũng được</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="26"/>
        <source>All kinds</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="28"/>
        <source>Open</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="28"/>
        <source>All cases</source>
        <translation>Tất cả vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="32"/>
        <source>Opened in</source>
        <translation>Bắt đầu trong</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="35"/>
        <source>New case…</source>
        <translation>Thêm vụ việc…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="36"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="38"/>
        <location filename="../../ui/pages/cases_tab.py" line="68"/>
        <location filename="../../ui/pages/cases_tab.py" line="104"/>
        <source>Close with outcome…</source>
        <translation>Kết thúc, ghi kết quả…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="39"/>
        <location filename="../../ui/pages/cases_tab.py" line="72"/>
        <source>Follow-up task…</source>
        <translation>Tạo công việc theo dõi…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="52"/>
        <source>All areas</source>
        <translation>Tất cả khu dân cư</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/cases_tab.py" line="63"/>
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln vụ việc</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="69"/>
        <location filename="../../ui/pages/cases_tab.py" line="106"/>
        <source>Correct the outcome…</source>
        <translation>Sửa kết quả…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="71"/>
        <source>Open the follow-up task</source>
        <translation>Mở công việc theo dõi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="95"/>
        <source>Delete case</source>
        <translation>Xóa vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="96"/>
        <source>Delete case #%1? Only for one entered by mistake: the change log keeps what it was.</source>
        <translation>Xóa vụ việc số %1? Chỉ dùng cho vụ việc nhập nhầm: nhật ký thay đổi vẫn giữ nội dung cũ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="107"/>
        <source>Reopen</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_tab.py" line="111"/>
        <source>Delete…</source>
        <translation>Xóa…</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <location filename="../../ui/models/changes_model.py" line="96"/>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_model.py" line="96"/>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_model.py" line="96"/>
        <source>What</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_model.py" line="96"/>
        <source>Record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/models/changes_model.py" line="96"/>
        <source>Changes</source>
        <translation>Nội dung thay đổi</translation>
    </message>
</context>
<context>
    <name>ChangesPage</name>
    <message>
        <location filename="../../ui/pages/changes.py" line="50"/>
        <source>Change log</source>
        <translation>Nhật ký thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="53"/>
        <source>Every change to the commune&apos;s data: when, by which user of this computer, and what it was before and after. Select a line to see all its fields. Citizen IDs are masked.</source>
        <translation>Mọi thay đổi dữ liệu của xã: lúc nào, tài khoản nào trên máy này thực hiện, trước và sau ra sao. Chọn một dòng để xem đủ các trường. Số CCCD được che bớt.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="68"/>
        <source>Changes about one person — type a name</source>
        <translation>Thay đổi về một người — gõ tên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="70"/>
        <source>Show all</source>
        <translation>Hiện tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="71"/>
        <source>Clear every filter</source>
        <translation>Bỏ mọi điều kiện lọc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="73"/>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="74"/>
        <source>Writes the changes shown (every page of them) to an Excel file.</source>
        <translation>Ghi các thay đổi đang lọc (tất cả, không chỉ phần đang hiện) ra tệp Excel.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="78"/>
        <source>From:</source>
        <translation>Từ ngày:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="80"/>
        <source>to:</source>
        <translation>đến ngày:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="83"/>
        <source>By:</source>
        <translation>Người thực hiện:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="86"/>
        <source>Kind:</source>
        <translation>Loại hồ sơ:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="90"/>
        <source>Person:</source>
        <translation>Về người:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="150"/>
        <source>Everyone</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="150"/>
        <source>Every kind</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="162"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="193"/>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="193"/>
        <source>to</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="203"/>
        <source>%1: “%2” is not a day. Write it as dd/mm/yyyy, e.g. 22/11/2026.</source>
        <translation>%1: “%2” không phải một ngày. Hãy viết theo dạng dd/mm/yyyy, ví dụ 22/11/2026.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="208"/>
        <source>The first day is after the last one.</source>
        <translation>Ngày bắt đầu đang sau ngày kết thúc.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="259"/>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="270"/>
        <source>No change matches.</source>
        <translation>Không có thay đổi nào khớp.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/changes.py" line="272"/>
        <source>%Ln change(s), newest first.</source>
        <translation>
            <numerusform>%Ln thay đổi, mới nhất ở trên.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="282"/>
        <location filename="../../ui/pages/changes.py" line="285"/>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="282"/>
        <source>Before</source>
        <translation>Trước</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="282"/>
        <source>After</source>
        <translation>Sau</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="285"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="294"/>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="304"/>
        <source>change-log</source>
        <translation>nhat-ky-thay-doi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="306"/>
        <source>Export the change log</source>
        <translation>Xuất nhật ký thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="306"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="313"/>
        <source>Exporting the change log</source>
        <translation>Xuất nhật ký thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="316"/>
        <source>Writing the changes…</source>
        <translation>Đang ghi các thay đổi…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="316"/>
        <source>Saving the file…</source>
        <translation>Đang lưu tệp…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/changes.py" line="322"/>
        <source>Wrote %Ln change(s) to %1.</source>
        <translation>
            <numerusform>Đã ghi %Ln thay đổi vào %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/changes.py" line="330"/>
        <source>The export was stopped; no file was written.</source>
        <translation>Đã dừng xuất; không có tệp nào được ghi.</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="104"/>
        <source>Close case #%1</source>
        <translation>Kết thúc vụ việc số %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="107"/>
        <source>Opened on %1</source>
        <translation>Bắt đầu ngày %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="110"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="121"/>
        <source>Closed on *</source>
        <translation>Ngày kết thúc *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="122"/>
        <source>Outcome *</source>
        <translation>Kết quả *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="123"/>
        <source>Findings</source>
        <translation>Kết quả kiểm tra, giám sát</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_form.py" line="124"/>
        <source>Recommendation</source>
        <translation>Kiến nghị</translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message>
        <location filename="../../ui/widgets/task_status.py" line="38"/>
        <location filename="../../ui/widgets/task_status.py" line="54"/>
        <source>Mark done</source>
        <translation>Đánh dấu hoàn thành</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/task_status.py" line="40"/>
        <source>%Ln task(s) will be marked done.</source>
        <translation>
            <numerusform>%Ln công việc sẽ được đánh dấu đã hoàn thành.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/task_status.py" line="42"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/task_status.py" line="52"/>
        <source>Completed on</source>
        <translation>Ngày hoàn thành</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/task_status.py" line="55"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="26"/>
        <source>Consent of %1</source>
        <translation>Sự đồng ý của %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="32"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="34"/>
        <source>Keeping and using my personal data in the list of members of the Front and its organizations, and in reports to the province</source>
        <translation>Lưu giữ và sử dụng dữ liệu cá nhân của tôi trong danh sách hội viên của Mặt trận và các tổ chức thành viên, và trong báo cáo gửi tỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="37"/>
        <source>The scanned form, if there is one (PDF or picture)</source>
        <translation>Bản chụp phiếu đồng ý, nếu có (PDF hoặc ảnh)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="38"/>
        <source>Choose a file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="43"/>
        <source>A consent is valid when it is given freely and the person knows what data, for what purpose, who processes it and their rights (Law 91/2025/QH15, Article 9).</source>
        <translation>Sự đồng ý chỉ có giá trị khi được đưa ra tự nguyện và người đồng ý biết rõ loại dữ liệu, mục đích, ai xử lý và quyền của mình (Luật 91/2025/QH15, Điều 9).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="48"/>
        <source>How it was given *</source>
        <translation>Hình thức đồng ý *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="49"/>
        <source>Given on *</source>
        <translation>Ngày đồng ý *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="50"/>
        <source>For what *</source>
        <translation>Phạm vi, mục đích *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="51"/>
        <source>Scanned form</source>
        <translation>Bản chụp phiếu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="58"/>
        <source>The scanned consent form</source>
        <translation>Bản chụp phiếu đồng ý</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="59"/>
        <source>Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Bản chụp (*.pdf *.jpg *.jpeg *.png);;Mọi tệp (*)</translation>
    </message>
</context>
<context>
    <name>ConsentsTab</name>
    <message>
        <location filename="../../ui/pages/privacy.py" line="247"/>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="247"/>
        <source>How</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="247"/>
        <source>Given on</source>
        <translation>Ngày đồng ý</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="247"/>
        <source>For what</source>
        <translation>Phạm vi, mục đích</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="247"/>
        <source>Withdrawn</source>
        <translation>Đã rút lại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="248"/>
        <source>Scanned form</source>
        <translation>Bản chụp phiếu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="249"/>
        <source>Open the person&apos;s card</source>
        <translation>Mở hồ sơ người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="250"/>
        <source>Consents are recorded and withdrawn on the person&apos;s card</source>
        <translation>Ghi nhận và rút lại sự đồng ý ở hồ sơ của từng người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="264"/>
        <source>kept</source>
        <translation>có lưu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="266"/>
        <source>%1 consent(s) in force</source>
        <translation>%1 sự đồng ý còn hiệu lực</translation>
    </message>
</context>
<context>
    <name>ConsolidateDialog</name>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="65"/>
        <source>Consolidate the communes&apos; reports</source>
        <translation>Tổng hợp báo cáo các xã</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="71"/>
        <source>Put the report files the communes sent in one folder. For each commune the newest report of the period counts; a file whose figures were changed after the export, that belongs to another province or period, or that is not a Front Desk report is left out and listed with the reason.</source>
        <translation>Đặt các tệp báo cáo các xã gửi lên vào một thư mục. Mỗi xã lấy báo cáo mới nhất của kỳ; tệp có số liệu bị sửa sau khi xuất, tệp của tỉnh khác hoặc kỳ khác, tệp không phải báo cáo của Front Desk đều không được dùng và được liệt kê kèm lý do.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="78"/>
        <source>The folder holding the communes&apos; .xlsx files</source>
        <translation>Thư mục chứa các tệp .xlsx của các xã</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="80"/>
        <source>Choose a folder…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="82"/>
        <source>Only the period</source>
        <translation>Chỉ lấy kỳ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="86"/>
        <source>Only the province</source>
        <translation>Chỉ lấy tỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="94"/>
        <source>Unticked: the period and the province that most of the reports carry.</source>
        <translation>Không đánh dấu: tự lấy kỳ và tỉnh của phần lớn các báo cáo.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="97"/>
        <source>Consolidate and save as…</source>
        <translation>Tổng hợp và lưu thành…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="103"/>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="122"/>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="125"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="122"/>
        <source>Why it was left out</source>
        <translation>Lý do không dùng</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="124"/>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="125"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="124"/>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="125"/>
        <source>Commune</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="125"/>
        <source>Exported</source>
        <translation>Thời điểm xuất</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="152"/>
        <source>The folder of the communes&apos; reports</source>
        <translation>Thư mục báo cáo của các xã</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="178"/>
        <source>Save the summary</source>
        <translation>Lưu tệp tổng hợp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="179"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="198"/>
        <source>Consolidating</source>
        <translation>Đang tổng hợp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="200"/>
        <source>Reading the reports…</source>
        <translation>Đang đọc các báo cáo…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="201"/>
        <source>Writing the summary…</source>
        <translation>Đang ghi tệp tổng hợp…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="214"/>
        <source>%1, %2: %3 used, %4 sent nothing, %5 left out.</source>
        <translation>%1, %2: đã dùng %3, %4 chưa gửi, %5 không dùng.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="216"/>
        <source>%Ln report(s)</source>
        <translation>
            <numerusform>%Ln báo cáo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="217"/>
        <source>%Ln commune(s)</source>
        <translation>
            <numerusform>%Ln đơn vị</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="218"/>
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln tệp</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="220"/>
        <source>The summary is saved.</source>
        <translation>Đã lưu tệp tổng hợp.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="235"/>
        <source>Files left out (%1)</source>
        <translation>Tệp không dùng (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="236"/>
        <source>Communes that sent nothing (%1)</source>
        <translation>Đơn vị chưa gửi (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consolidate_dialog.py" line="237"/>
        <source>Reports used (%1)</source>
        <translation>Báo cáo đã dùng (%1)</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../../ui/widgets/demo_banner.py" line="22"/>
        <source>DEMO DATA</source>
        <translation>DỮ LIỆU MẪU</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/demo_banner.py" line="25"/>
        <source>A made-up commune for looking around: its people and figures are not real, and its reports cannot be sent to the province.</source>
        <translation>Xã mẫu để xem thử: người và số liệu ở đây không có thật, và báo cáo của xã mẫu không gửi được lên tỉnh.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/demo_banner.py" line="28"/>
        <source>Set up my commune…</source>
        <translation>Thiết lập xã của tôi…</translation>
    </message>
</context>
<context>
    <name>DestinationDialog</name>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="96"/>
        <source>Where reports go</source>
        <translation>Nơi gửi báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="99"/>
        <source>Reports are sent here, each exactly once. Choose the kind of destination the province gave you.</source>
        <translation>Báo cáo được gửi tới đây, mỗi báo cáo đúng một lần. Hãy chọn kiểu nơi gửi mà tỉnh đã hướng dẫn.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="103"/>
        <source>Set by the province&apos;s IT (in %1); it cannot be changed here. Only the password can be typed. To change where reports go, contact IT.</source>
        <translation>Do cán bộ CNTT của tỉnh đặt sẵn (trong %1), không đổi được ở đây; bạn chỉ cần nhập mật khẩu. Muốn đổi nơi gửi, hãy liên hệ cán bộ CNTT.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="112"/>
        <source>A folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="112"/>
        <source>WebDAV (Nextcloud…)</source>
        <translation>WebDAV (Nextcloud…)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="112"/>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="123"/>
        <source>Test connection</source>
        <translation>Kiểm tra kết nối</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="124"/>
        <source>Reach the destination with what is typed here; nothing is sent.</source>
        <translation>Thử kết nối tới nơi gửi bằng thông tin đang nhập; không gửi gì cả.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="138"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="139"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="203"/>
        <source>Kept only in this computer&apos;s keyring, never in the database or the settings.</source>
        <translation>Chỉ cất trong kho khóa của máy này, không bao giờ lưu trong cơ sở dữ liệu hay tệp cài đặt.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="208"/>
        <source>Browse…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="210"/>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="211"/>
        <source>A network share, a USB stick, or a folder that a sync app sends on. It must already exist.</source>
        <translation>Ổ mạng, USB, hoặc thư mục mà một ứng dụng đồng bộ gửi đi. Thư mục phải có sẵn.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="221"/>
        <source>WebDAV address</source>
        <translation>Địa chỉ WebDAV</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="222"/>
        <source>The address of the WebDAV folder. With Nextcloud, use an app password.</source>
        <translation>Địa chỉ của thư mục WebDAV. Với Nextcloud, hãy dùng mật khẩu ứng dụng (app password).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="223"/>
        <location filename="../../ui/dialogs/destination_dialog.py" line="247"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="224"/>
        <location filename="../../ui/dialogs/destination_dialog.py" line="248"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="233"/>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (thường là cổng 587)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="234"/>
        <source>SSL (usually port 465)</source>
        <translation>SSL (thường là cổng 465)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="235"/>
        <source>None (only a mail server on this computer)</source>
        <translation>Không mã hóa (chỉ với máy chủ thư trên chính máy này)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="242"/>
        <source>Mail server</source>
        <translation>Máy chủ thư</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="243"/>
        <source>Port</source>
        <translation>Cổng</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="244"/>
        <source>Encryption</source>
        <translation>Mã hóa</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="245"/>
        <source>From address</source>
        <translation>Địa chỉ gửi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="246"/>
        <source>To address</source>
        <translation>Địa chỉ nhận</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="294"/>
        <source>Saved — type only to change it</source>
        <translation>Đã lưu — chỉ nhập khi muốn đổi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="374"/>
        <source>Folder for the reports</source>
        <translation>Thư mục nhận báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="388"/>
        <source>Checking the connection…</source>
        <translation>Đang kiểm tra kết nối…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="403"/>
        <source>The connection works: %1 (the folder is not there yet; it will be made when the first report is sent).</source>
        <translation>Kết nối tốt: %1 (thư mục chưa có, sẽ được tạo khi gửi báo cáo đầu tiên).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="406"/>
        <source>The connection works: %1</source>
        <translation>Kết nối tốt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="414"/>
        <source>The test failed unexpectedly (%1); the details are in the log.</source>
        <translation>Kiểm tra gặp lỗi ngoài dự kiến (%1); chi tiết ghi trong nhật ký.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/destination_dialog.py" line="451"/>
        <source>Type the password of this account: none is saved for it yet.</source>
        <translation>Hãy nhập mật khẩu của tài khoản này: chưa có mật khẩu nào được lưu.</translation>
    </message>
</context>
<context>
    <name>DutiesPage</name>
    <message>
        <location filename="../../ui/pages/duties.py" line="30"/>
        <source>Recurring duties</source>
        <translation>Nhiệm vụ thường xuyên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="33"/>
        <source>A recurring duty makes its task for each period by itself, a few days before the due date, and gives it to the duty&apos;s owner.</source>
        <translation>Mỗi nhiệm vụ thường xuyên tự tạo công việc của từng kỳ, trước hạn vài ngày, và giao cho người phụ trách nhiệm vụ đó chủ trì.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="39"/>
        <source>Add a duty…</source>
        <translation>Thêm nhiệm vụ…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="40"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="42"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="44"/>
        <location filename="../../ui/pages/duties.py" line="148"/>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="46"/>
        <source>Create the tasks now</source>
        <translation>Tạo công việc ngay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="48"/>
        <source>Makes the tasks that are due soon for every active duty. A task is never made twice.</source>
        <translation>Tạo các công việc sắp đến hạn của mọi nhiệm vụ đang áp dụng. Mỗi công việc chỉ được tạo một lần.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="51"/>
        <source>Show stopped duties</source>
        <translation>Hiện cả nhiệm vụ đã dừng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="65"/>
        <source>Duty</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="65"/>
        <source>Organization</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="65"/>
        <source>Owner</source>
        <translation>Người phụ trách</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="65"/>
        <source>Repeats</source>
        <translation>Chu kỳ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="66"/>
        <source>Next due</source>
        <translation>Hạn kế tiếp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="66"/>
        <source>Open tasks</source>
        <translation>Việc đang mở</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="75"/>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="75"/>
        <source>Due date</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="75"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="75"/>
        <source>Lead</source>
        <translation>Người chủ trì</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="77"/>
        <source>Double-click a task to open it.</source>
        <translation>Nhấp đúp vào một công việc để mở.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="117"/>
        <source>Stopped</source>
        <translation>Đã dừng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="118"/>
        <location filename="../../ui/pages/duties.py" line="169"/>
        <source>(nobody)</source>
        <translation>(chưa giao)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/duties.py" line="123"/>
        <source>%Ln duties</source>
        <translation>
            <numerusform>%Ln nhiệm vụ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="125"/>
        <source>No recurring duties yet. Add the reports the commune sends every month, quarter or year with “Add a duty…”.</source>
        <translation>Chưa có nhiệm vụ thường xuyên nào. Hãy thêm các báo cáo xã gửi hằng tháng, hằng quý, hằng năm bằng nút “Thêm nhiệm vụ…”.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="148"/>
        <source>Resume</source>
        <translation>Áp dụng lại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="150"/>
        <source>Make this duty&apos;s tasks again from now on.</source>
        <translation>Từ nay nhiệm vụ này lại tự tạo công việc.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="151"/>
        <source>This duty makes no new tasks; the tasks it already made stay.</source>
        <translation>Nhiệm vụ này sẽ không tạo công việc mới nữa; các công việc đã tạo vẫn giữ nguyên.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="158"/>
        <source>Tasks made by the selected duty</source>
        <translation>Công việc do nhiệm vụ đang chọn tạo ra</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="160"/>
        <source>“%1” has not made any task yet.</source>
        <translation>“%1” chưa tạo công việc nào.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="162"/>
        <source>Tasks made by “%1”</source>
        <translation>Công việc do “%1” tạo ra</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="167"/>
        <source>%1, overdue</source>
        <translation>%1, quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="204"/>
        <source>“%1” is running again; press “Create the tasks now” to make what is due.</source>
        <translation>“%1” đã được áp dụng lại; bấm “Tạo công việc ngay” để tạo các việc đến hạn.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="206"/>
        <source>“%1” is stopped: it makes no new tasks. The tasks it made stay.</source>
        <translation>Đã dừng “%1”: không tạo công việc mới nữa. Các công việc đã tạo vẫn giữ nguyên.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/duties.py" line="222"/>
        <source>Created %Ln new task(s).</source>
        <translation>
            <numerusform>Đã tạo %Ln công việc mới.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/duties.py" line="224"/>
        <source>No new tasks: every task that is due soon has already been made.</source>
        <translation>Không có công việc mới: mọi công việc sắp đến hạn đều đã được tạo.</translation>
    </message>
</context>
<context>
    <name>DutyForm</name>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="98"/>
        <source>Add a recurring duty</source>
        <translation>Thêm nhiệm vụ thường xuyên</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="98"/>
        <source>Edit a recurring duty</source>
        <translation>Sửa nhiệm vụ thường xuyên</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="102"/>
        <source>e.g. Monthly report on the Front&apos;s work to the province</source>
        <translation>Ví dụ: Báo cáo công tác Mặt trận tháng gửi tỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="131"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="134"/>
        <source>dd/mm/yyyy — leave empty if it never ends</source>
        <translation>dd/mm/yyyy — để trống nếu không có ngày kết thúc</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="139"/>
        <source>Title</source>
        <translation>Tên nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="139"/>
        <source>Details</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="139"/>
        <source>Organization</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="140"/>
        <source>Owner</source>
        <translation>Người phụ trách</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="140"/>
        <source>Repeats</source>
        <translation>Chu kỳ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="140"/>
        <source>Due day</source>
        <translation>Ngày đến hạn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="141"/>
        <source>Due month</source>
        <translation>Tháng đến hạn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="141"/>
        <source>Create ahead (days)</source>
        <translation>Tạo việc trước hạn (ngày)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="142"/>
        <source>Priority</source>
        <translation>Mức ưu tiên</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="142"/>
        <source>Starts on</source>
        <translation>Áp dụng từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="142"/>
        <source>Ends on</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="144"/>
        <source>Title *</source>
        <translation>Tên nhiệm vụ *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="144"/>
        <source>Repeats *</source>
        <translation>Chu kỳ *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="145"/>
        <source>Due day *</source>
        <translation>Ngày đến hạn *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="157"/>
        <source>This person leads the tasks the duty makes.</source>
        <translation>Người này chủ trì các công việc do nhiệm vụ tạo ra.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="158"/>
        <source>The task appears this many days before its due date.</source>
        <translation>Công việc xuất hiện trước hạn bấy nhiêu ngày.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="176"/>
        <source>Month %1 of the quarter</source>
        <translation>Tháng thứ %1 của quý</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="178"/>
        <source>Month %1 of the half-year</source>
        <translation>Tháng thứ %1 của kỳ 6 tháng</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="180"/>
        <source>Month %1</source>
        <translation>Tháng %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="186"/>
        <source>Day of the week: 1 = Monday … 7 = Sunday.</source>
        <translation>Ngày trong tuần: 1 = thứ Hai … 7 = Chủ nhật.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="189"/>
        <source>Day of the month; in shorter months 29–31 mean the month&apos;s last day.</source>
        <translation>Ngày trong tháng; với tháng ngắn hơn, ngày 29–31 được tính là ngày cuối tháng.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="251"/>
        <source>Choose the person from the suggestions under the box, or leave it empty.</source>
        <translation>Hãy chọn người trong danh sách gợi ý bên dưới ô, hoặc để trống.</translation>
    </message>
</context>
<context>
    <name>DutyWords</name>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="33"/>
        <source>Weekly</source>
        <translation>Hằng tuần</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="33"/>
        <source>Monthly</source>
        <translation>Hằng tháng</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="33"/>
        <source>Quarterly</source>
        <translation>Hằng quý</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="34"/>
        <source>Every six months</source>
        <translation>6 tháng một lần</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="34"/>
        <source>Yearly</source>
        <translation>Hằng năm</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="38"/>
        <source>Monday</source>
        <translation>thứ Hai</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="38"/>
        <source>Tuesday</source>
        <translation>thứ Ba</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="38"/>
        <source>Wednesday</source>
        <translation>thứ Tư</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="38"/>
        <source>Thursday</source>
        <translation>thứ Năm</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="39"/>
        <source>Friday</source>
        <translation>thứ Sáu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="39"/>
        <source>Saturday</source>
        <translation>thứ Bảy</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="39"/>
        <source>Sunday</source>
        <translation>Chủ nhật</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="44"/>
        <source>Weekly, on %1</source>
        <translation>Hằng tuần, %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="46"/>
        <source>Monthly, on day %1</source>
        <translation>Hằng tháng, ngày %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="48"/>
        <source>Yearly, on %1</source>
        <translation>Hằng năm, ngày %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="50"/>
        <source>Quarterly, day %1 of month %2</source>
        <translation>Hằng quý, ngày %1 tháng thứ %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="52"/>
        <source>Every six months, day %1 of month %2</source>
        <translation>6 tháng, ngày %1 tháng thứ %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="56"/>
        <source>Low</source>
        <translation>Thấp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="56"/>
        <source>Normal</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="56"/>
        <source>High</source>
        <translation>Cao</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="57"/>
        <source>Urgent</source>
        <translation>Khẩn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="61"/>
        <source>To do</source>
        <translation>Chưa thực hiện</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="61"/>
        <source>In progress</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="61"/>
        <source>Done</source>
        <translation>Đã hoàn thành</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/duty_form.py" line="62"/>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
</context>
<context>
    <name>EndAppointmentDialog</name>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="169"/>
        <source>End appointment of %1</source>
        <translation>Thôi giữ chức danh: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="170"/>
        <source>Holds it since %1</source>
        <translation>Giữ chức danh từ ngày %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="173"/>
        <source>Last day in office *</source>
        <translation>Ngày cuối cùng giữ chức danh *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="174"/>
        <source>The seat is free from the next day. If someone takes over today, put yesterday&apos;s date.</source>
        <translation>Suất này còn trống từ ngày hôm sau. Nếu người thay thế bắt đầu từ hôm nay, hãy ghi ngày hôm qua.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/runtime/errors.py" line="47"/>
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
</context>
<context>
    <name>ExceptionHook</name>
    <message>
        <location filename="../../ui/runtime/errors.py" line="101"/>
        <source>Something went wrong that the app did not expect. Your data is safe; you can keep working. The details were written to the log.</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến. Dữ liệu của bạn vẫn an toàn, bạn có thể tiếp tục làm việc. Chi tiết đã được ghi vào nhật ký.</translation>
    </message>
    <message>
        <location filename="../../ui/runtime/errors.py" line="105"/>
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="159"/>
        <source>More time for request #%1</source>
        <translation>Gia hạn yêu cầu số %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="164"/>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="168"/>
        <source>Why more time is needed, as the requester will be told: e.g. the records are kept at the hamlet</source>
        <translation>Vì sao cần thêm thời gian, như sẽ báo cho người yêu cầu: ví dụ hồ sơ lưu ở thôn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="169"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="170"/>
        <source>Decree 356/2025/NĐ-CP allows one extension of at most 15 days, decided before the time runs out (%1), and the requester must be told why.</source>
        <translation>Nghị định 356/2025/NĐ-CP cho gia hạn một lần, không quá 15 ngày, quyết định trước khi hết hạn (%1), và phải báo lý do cho người yêu cầu.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="176"/>
        <source>Days added *</source>
        <translation>Số ngày thêm *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="177"/>
        <source>Reason *</source>
        <translation>Lý do *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="178"/>
        <source>Decided on *</source>
        <translation>Ngày quyết định *</translation>
    </message>
</context>
<context>
    <name>FileResult</name>
    <message>
        <location filename="../../ui/widgets/file_result.py" line="57"/>
        <source>Open the file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/file_result.py" line="59"/>
        <source>Open the folder</source>
        <translation>Mở thư mục</translation>
    </message>
</context>
<context>
    <name>FileStep</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="69"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="92"/>
        <source>Choose the roster</source>
        <translation>Chọn danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="71"/>
        <source>An Excel file (.xlsx, .xls) or a LibreOffice file (.ods). Title rows, merged headers and the two columns Nam / Nữ for the birth year are understood.</source>
        <translation>Tệp Excel (.xlsx, .xls) hoặc tệp LibreOffice (.ods). Ứng dụng tự hiểu các dòng tiêu đề, ô tiêu đề gộp và kiểu ghi năm sinh ở hai cột Nam / Nữ.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="75"/>
        <source>The file to import</source>
        <translation>Tệp cần nhập</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="77"/>
        <source>Choose a file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="83"/>
        <source>(none — only add them to the roster)</source>
        <translation>(không — chỉ thêm vào danh sách nhân sự)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="87"/>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="88"/>
        <source>They become members of:</source>
        <translation>Kết nạp vào tổ chức:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="93"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
        <translation>Bảng tính (*.xlsx *.xlsm *.xls *.ods);;Mọi tệp (*)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="59"/>
        <source>Front Desk — first start</source>
        <translation>Sổ tay công tác Mặt trận — lần đầu sử dụng</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="62"/>
        <source>Choose your province, then your commune or ward. The app keeps its data on this computer and works without a network.</source>
        <translation>Chọn tỉnh/thành phố, rồi chọn xã/phường của bạn. Ứng dụng lưu dữ liệu ngay trên máy tính này và làm việc được khi không có mạng.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="67"/>
        <source>— choose a province —</source>
        <translation>— chọn tỉnh/thành phố —</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="71"/>
        <source>Type part of the name or the code — no accents needed</source>
        <translation>Gõ một phần tên hoặc mã — không dấu cũng được</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="74"/>
        <source>Create the commune&apos;s database</source>
        <translation>Tạo cơ sở dữ liệu của xã</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="77"/>
        <source>Look around in a demo commune</source>
        <translation>Xem thử với xã mẫu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="85"/>
        <source>Province:</source>
        <translation>Tỉnh/thành phố:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="87"/>
        <source>Commune or ward:</source>
        <translation>Xã/phường/đặc khu:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="141"/>
        <source>Demo commune</source>
        <translation>Xã mẫu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="146"/>
        <source>Making the demo commune…</source>
        <translation>Đang tạo xã mẫu…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="153"/>
        <source>Creating the database…</source>
        <translation>Đang tạo cơ sở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="154"/>
        <source>Adding the residential areas…</source>
        <translation>Đang thêm các khu dân cư…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="155"/>
        <source>Adding people…</source>
        <translation>Đang thêm người…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="156"/>
        <source>Filling the positions…</source>
        <translation>Đang bố trí người vào các chức danh…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="157"/>
        <source>Adding members to the organizations…</source>
        <translation>Đang thêm hội viên, đoàn viên vào các tổ chức…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="158"/>
        <source>Adding the recurring duties…</source>
        <translation>Đang thêm các nhiệm vụ thường xuyên…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="159"/>
        <source>Adding petitions, the fund and cases…</source>
        <translation>Đang thêm kiến nghị, quỹ và vụ việc…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="160"/>
        <source>Adding tasks…</source>
        <translation>Đang thêm công việc…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="161"/>
        <location filename="../../ui/dialogs/first_run.py" line="162"/>
        <source>Finishing…</source>
        <translation>Đang hoàn tất…</translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <location filename="../../ui/widgets/first_steps.py" line="35"/>
        <source>First steps for your commune</source>
        <translation>Những việc đầu tiên của xã</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/first_steps.py" line="38"/>
        <source>Import the member roster from Excel</source>
        <translation>Nhập danh sách hội viên từ tệp Excel</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/first_steps.py" line="38"/>
        <source>Import…</source>
        <translation>Nhập…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/first_steps.py" line="39"/>
        <source>Add the standard recurring duties (monthly, quarterly, half-year and yearly reports and meetings)</source>
        <translation>Thêm các nhiệm vụ thường xuyên chuẩn (báo cáo, giao ban hằng tháng, quý, 6 tháng, năm)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/first_steps.py" line="40"/>
        <source>Add them</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/first_steps.py" line="41"/>
        <source>Say where reports go (the province&apos;s folder, WebDAV or e-mail)</source>
        <translation>Chọn nơi gửi báo cáo (thư mục của tỉnh, WebDAV hoặc thư điện tử)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/first_steps.py" line="42"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/first_steps.py" line="43"/>
        <source>Make the first copy of the data to a USB stick</source>
        <translation>Sao chép dữ liệu sang USB lần đầu</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/first_steps.py" line="43"/>
        <source>Copy…</source>
        <translation>Sao chép…</translation>
    </message>
</context>
<context>
    <name>FollowUpTaskForm</name>
    <message>
        <location filename="../../ui/dialogs/follow_up_form.py" line="19"/>
        <source>Follow-up task for petition #%1</source>
        <translation>Công việc theo dõi kiến nghị số %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/follow_up_form.py" line="20"/>
        <source>Follow-up task for case #%1</source>
        <translation>Công việc theo dõi vụ việc số %1</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/dialogs/form_dialog.py" line="58"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/form_dialog.py" line="59"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>FrontWorkPage</name>
    <message>
        <location filename="../../ui/pages/front_work.py" line="29"/>
        <source>Petitions</source>
        <translation>Kiến nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/front_work.py" line="30"/>
        <source>Fund for the poor and other funds</source>
        <translation>Quỹ Vì người nghèo và các quỹ khác</translation>
    </message>
    <message>
        <location filename="../../ui/pages/front_work.py" line="31"/>
        <source>Inspection, supervision, mediation</source>
        <translation>Thanh tra, giám sát, hòa giải</translation>
    </message>
    <message>
        <location filename="../../ui/pages/front_work.py" line="34"/>
        <source>The Front&apos;s work</source>
        <translation>Công tác Mặt trận</translation>
    </message>
</context>
<context>
    <name>FundEntryForm</name>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="37"/>
        <source>Receipt (money in)</source>
        <translation>Thu (tiền vào quỹ)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="38"/>
        <source>Spending (money out)</source>
        <translation>Chi (tiền ra khỏi quỹ)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="46"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="52"/>
        <source>in đồng, e.g. 1.250.000</source>
        <translation>bằng đồng, ví dụ 1.250.000</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="59"/>
        <source>Type a name to find the household head on the roster (optional)</source>
        <translation>Gõ tên để tìm chủ hộ trong danh sách (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="63"/>
        <source>Or a name: a company, a family, a school…</source>
        <translation>Hoặc ghi tên: doanh nghiệp, gia đình, trường học…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="65"/>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="70"/>
        <source>Purpose *</source>
        <translation>Mục đích chi *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="72"/>
        <source>Receipt or payment voucher number</source>
        <translation>Số phiếu thu hoặc phiếu chi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="76"/>
        <source>Entry</source>
        <translation>Khoản</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="77"/>
        <source>Date *</source>
        <translation>Ngày *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="78"/>
        <source>Fund</source>
        <translation>Quỹ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="79"/>
        <source>Amount *</source>
        <translation>Số tiền *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="81"/>
        <source>On the roster</source>
        <translation>Trong danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="83"/>
        <source>Residential area</source>
        <translation>Khu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="85"/>
        <source>Voucher</source>
        <translation>Chứng từ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="86"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="102"/>
        <source>New spending</source>
        <translation>Ghi khoản chi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="102"/>
        <source>New receipt</source>
        <translation>Ghi khoản thu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="104"/>
        <source>Edit fund entry #%1</source>
        <translation>Sửa khoản thu/chi số %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="105"/>
        <source>Beneficiary *</source>
        <translation>Người nhận *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="105"/>
        <source>Donor *</source>
        <translation>Người ủng hộ *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="133"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="152"/>
        <source>Choose the person from the suggestions, or clear the box.</source>
        <translation>Hãy chọn người trong danh sách gợi ý, hoặc xóa ô này.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fund_entry_form.py" line="164"/>
        <source>Saved — please check</source>
        <translation>Đã lưu — xin kiểm tra lại</translation>
    </message>
</context>
<context>
    <name>FundModel</name>
    <message>
        <location filename="../../ui/models/register_models.py" line="176"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="176"/>
        <source>In/out</source>
        <translation>Thu/chi</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="176"/>
        <source>Donor or beneficiary</source>
        <translation>Người ủng hộ / người nhận</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="177"/>
        <source>Purpose</source>
        <translation>Mục đích</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="177"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="177"/>
        <source>Voucher</source>
        <translation>Chứng từ</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="177"/>
        <source>Fund</source>
        <translation>Quỹ</translation>
    </message>
</context>
<context>
    <name>FundTab</name>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="46"/>
        <source>Search the donor, beneficiary, voucher or note — no accents needed</source>
        <translation>Tìm người ủng hộ, người nhận, chứng từ, ghi chú — gõ không dấu cũng được</translation>
    </message>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="51"/>
        <source>Receipts and spending</source>
        <translation>Cả thu và chi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="55"/>
        <source>New receipt…</source>
        <translation>Ghi khoản thu…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="56"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="57"/>
        <source>New spending…</source>
        <translation>Ghi khoản chi…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="60"/>
        <source>Opening balance</source>
        <translation>Tồn đầu kỳ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="61"/>
        <source>Received</source>
        <translation>Đã thu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="62"/>
        <source>Spent</source>
        <translation>Đã chi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="63"/>
        <source>Closing balance</source>
        <translation>Tồn cuối kỳ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="64"/>
        <source>Houses built / repaired</source>
        <translation>Nhà xây mới / sửa chữa</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/fund_tab.py" line="86"/>
        <source>%Ln entry(ies)</source>
        <translation>
            <numerusform>%Ln khoản</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="94"/>
        <source>From the first entry to today, %1</source>
        <translation>Từ khoản đầu tiên đến hôm nay, %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="98"/>
        <source>%1: from %2 to %3</source>
        <translation>%1: từ %2 đến %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="116"/>
        <source>Delete fund entry</source>
        <translation>Xóa khoản thu/chi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="117"/>
        <source>Delete entry #%1? Only for one entered by mistake: the change log keeps what it was.</source>
        <translation>Xóa khoản số %1? Chỉ dùng cho khoản nhập nhầm: nhật ký thay đổi vẫn giữ nội dung cũ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/fund_tab.py" line="125"/>
        <source>Delete…</source>
        <translation>Xóa…</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="20"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="21"/>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="22"/>
        <source>Date or year of birth</source>
        <translation>Ngày sinh hoặc năm sinh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="23"/>
        <source>Birth year, under “Nam”</source>
        <translation>Năm sinh, cột “Nam”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="24"/>
        <source>Birth year, under “Nữ”</source>
        <translation>Năm sinh, cột “Nữ”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="25"/>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="26"/>
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="27"/>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="28"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="29"/>
        <source>Residential area</source>
        <translation>Khu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="30"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="31"/>
        <source>Date joined</source>
        <translation>Ngày vào tổ chức</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="32"/>
        <source>Row number (STT)</source>
        <translation>Số thứ tự (STT)</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="73"/>
        <location filename="../../ui/dialogs/import_preview.py" line="121"/>
        <location filename="../../ui/dialogs/import_preview.py" line="144"/>
        <source>Excel row</source>
        <translation>Dòng Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="73"/>
        <location filename="../../ui/dialogs/import_preview.py" line="144"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="73"/>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="73"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="73"/>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="74"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="74"/>
        <source>Residential area</source>
        <translation>Khu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="74"/>
        <source>Will be</source>
        <translation>Sẽ được</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="84"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="84"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="95"/>
        <source>left out: has problems</source>
        <translation>bỏ qua: có lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="96"/>
        <source>added</source>
        <translation>thêm mới</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="96"/>
        <source>updates a stored person</source>
        <translation>cập nhật người đã có</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="97"/>
        <source>left out: duplicate</source>
        <translation>bỏ qua: trùng</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="121"/>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="121"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="121"/>
        <source>Problem</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="144"/>
        <source>Same as</source>
        <translation>Trùng với</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="144"/>
        <source>What to do</source>
        <translation>Xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="156"/>
        <source>row %1 of this file</source>
        <translation>dòng %1 của tệp này</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="158"/>
        <source>a person already on the roster</source>
        <translation>một người đã có trong danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="159"/>
        <source>same citizen ID</source>
        <translation>cùng số CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="159"/>
        <source>same name, date of birth and area</source>
        <translation>cùng họ tên, ngày sinh và khu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="165"/>
        <source>skip</source>
        <translation>bỏ qua</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="165"/>
        <source>update the stored person</source>
        <translation>cập nhật người đã có</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="166"/>
        <source>add anyway</source>
        <translation>vẫn thêm mới</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="314"/>
        <source>Import a roster from Excel</source>
        <translation>Nhập danh sách từ Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="357"/>
        <source>Reading the roster</source>
        <translation>Đang đọc danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="374"/>
        <source>Importing</source>
        <translation>Đang nhập</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="81"/>
        <source>New personal data incident</source>
        <translation>Ghi sự cố dữ liệu cá nhân</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="85"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="87"/>
        <source>dd/mm/yyyy hh:mm</source>
        <translation>nn/tt/nnnn gg:pp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="90"/>
        <source>What happened, and which data: e.g. the USB stick with the backup of 05/11 was lost on the way to the district</source>
        <translation>Chuyện gì đã xảy ra, với dữ liệu nào: ví dụ mất USB chứa bản sao lưu ngày 05/11 trên đường đi họp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="94"/>
        <source>not known</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="97"/>
        <source>The competent authority must be notified within 72 hours of discovery (Law 91/2025/QH15, Article 23): the list shows the deadline and the letter is prefilled.</source>
        <translation>Phải thông báo cơ quan có thẩm quyền chậm nhất 72 giờ kể từ khi phát hiện (Luật 91/2025/QH15, Điều 23): danh sách hiện hạn thông báo và thư thông báo được điền sẵn.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="103"/>
        <source>Kind *</source>
        <translation>Loại *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="104"/>
        <source>Happened on *</source>
        <translation>Ngày xảy ra *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="105"/>
        <source>Discovered at *</source>
        <translation>Phát hiện lúc *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="106"/>
        <source>What happened *</source>
        <translation>Nội dung sự cố *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="107"/>
        <source>People affected</source>
        <translation>Số người bị ảnh hưởng</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="108"/>
        <source>Measures taken</source>
        <translation>Biện pháp đã làm</translation>
    </message>
</context>
<context>
    <name>IncidentsTab</name>
    <message>
        <location filename="../../ui/pages/privacy.py" line="169"/>
        <source>Discovered</source>
        <translation>Phát hiện lúc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="169"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="169"/>
        <source>What happened</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="169"/>
        <source>People</source>
        <translation>Số người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="170"/>
        <source>Notify by</source>
        <translation>Hạn thông báo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="170"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="173"/>
        <source>New incident…</source>
        <translation>Ghi sự cố…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="174"/>
        <source>Notified…</source>
        <translation>Đã thông báo…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="175"/>
        <source>Notification letter…</source>
        <translation>Thư thông báo…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="176"/>
        <source>Closed</source>
        <translation>Đã xử lý xong</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="191"/>
        <source>Closed on %1</source>
        <translation>Xử lý xong ngày %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="193"/>
        <source>Notified %1</source>
        <translation>Đã thông báo lúc %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="195"/>
        <source>Not notified: the 72 hours have passed</source>
        <translation>Chưa thông báo: đã quá 72 giờ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="197"/>
        <source>To notify</source>
        <translation>Cần thông báo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="202"/>
        <source>%1 incident(s), %2 not notified in time</source>
        <translation>%1 sự cố, %2 chưa thông báo đúng hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="230"/>
        <source>Save the letter</source>
        <translation>Lưu thư thông báo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="231"/>
        <source>Text (*.txt)</source>
        <translation>Văn bản (*.txt)</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="416"/>
        <source>Join an organization</source>
        <translation>Tham gia tổ chức</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="420"/>
        <source>dd/mm/yyyy — empty if not known</source>
        <translation>dd/mm/yyyy — để trống nếu không rõ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="421"/>
        <source>Organization</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="422"/>
        <source>Joined on</source>
        <translation>Ngày vào</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="433"/>
        <source>Leave %1</source>
        <translation>Rời %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="436"/>
        <source>The membership stays in the history with the day it ended.</source>
        <translation>Quá trình sinh hoạt vẫn được giữ trong lịch sử, kèm ngày rời tổ chức.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="441"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="442"/>
        <source>Left on</source>
        <translation>Ngày rời</translation>
    </message>
</context>
<context>
    <name>LegalBasisDialog</name>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="101"/>
        <source>Legal basis: %1</source>
        <translation>Căn cứ pháp lý: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="104"/>
        <source>The article of the law, or the Front&apos;s charter, that allows it without consent</source>
        <translation>Điều khoản của luật, hoặc Điều lệ Mặt trận, cho phép xử lý mà không cần sự đồng ý</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="106"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="108"/>
        <source>Legal basis *</source>
        <translation>Căn cứ pháp lý *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="109"/>
        <source>In force from</source>
        <translation>Áp dụng từ ngày</translation>
    </message>
</context>
<context>
    <name>LoadBars</name>
    <message>
        <location filename="../../ui/pages/overview.py" line="80"/>
        <source>No open tasks are assigned.</source>
        <translation>Chưa có công việc nào đang mở được giao.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="94"/>
        <source>%1 tasks, %2 overdue</source>
        <translation>%1 việc, %2 quá hạn</translation>
    </message>
</context>
<context>
    <name>LongTask</name>
    <message>
        <location filename="../../ui/runtime/progress.py" line="137"/>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>Front Desk — %1, %2</source>
        <translation>Sổ tay công tác Mặt trận — %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>%1 — DEMO DATA</source>
        <translation>%1 — DỮ LIỆU MẪU</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>People</source>
        <translation>Nhân sự</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>Organizations and positions</source>
        <translation>Tổ chức và chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>Tasks</source>
        <translation>Công việc</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>Recurring duties</source>
        <translation>Nhiệm vụ thường xuyên</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>The Front&apos;s work</source>
        <translation>Công tác Mặt trận</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>Send reports</source>
        <translation>Gửi báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>Change log</source>
        <translation>Nhật ký thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>Personal data</source>
        <translation>Dữ liệu cá nhân</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>%1 — commune code %2</source>
        <translation>%1 — mã xã %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>Language of the window</source>
        <translation>Ngôn ngữ của cửa sổ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="306"/>
        <source>Language / Ngôn ngữ</source>
        <translation>Ngôn ngữ / Language</translation>
    </message>
</context>
<context>
    <name>MappingStep</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="114"/>
        <source>Check the columns</source>
        <translation>Kiểm tra các cột</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="116"/>
        <source>Each column of the file and what it holds. Correct a column the app did not recognise; the choice is remembered for the next file with the same columns.</source>
        <translation>Từng cột của tệp và nội dung của cột. Hãy chọn lại cột nào ứng dụng chưa nhận ra; lựa chọn được ghi nhớ cho lần nhập sau với tệp có cùng các cột.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="121"/>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="121"/>
        <source>Header in the file</source>
        <translation>Tiêu đề trong tệp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="121"/>
        <source>Holds</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="141"/>
        <source>(not imported)</source>
        <translation>(không nhập)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="150"/>
        <source>Columns the app did not recognise: %1. Choose what they hold, or leave them out.</source>
        <translation>Các cột ứng dụng chưa nhận ra: %1. Hãy chọn nội dung của cột, hoặc bỏ qua.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="152"/>
        <source>Every column was recognised. Check, then go on.</source>
        <translation>Đã nhận ra tất cả các cột. Kiểm tra lại rồi tiếp tục.</translation>
    </message>
</context>
<context>
    <name>MembersExportBox</name>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="57"/>
        <source>Member list in Excel</source>
        <translation>Danh sách hội viên ra Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="64"/>
        <source>Citizen ID numbers in full (otherwise 001******890)</source>
        <translation>Ghi đủ số CCCD (nếu không: 001******890)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="65"/>
        <source>Ethnicity and religion columns</source>
        <translation>Thêm cột dân tộc, tôn giáo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="69"/>
        <source>Why these columns are needed (written to the change log), e.g. báo cáo thành phần dân tộc cho Ban Dân tộc</source>
        <translation>Vì sao cần các cột này (ghi vào nhật ký thay đổi), ví dụ: báo cáo thành phần dân tộc cho Ban Dân tộc</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="74"/>
        <source>⚠ Personal data: keep this file on the office computer and send it only to whoever needs it.</source>
        <translation>⚠ Tệp có thông tin cá nhân: chỉ lưu trên máy cơ quan và chỉ gửi cho người cần dùng.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="79"/>
        <source>Save the list as…</source>
        <translation>Lưu danh sách thành…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="82"/>
        <source>Who is on the list:</source>
        <translation>Danh sách của:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="84"/>
        <source>Sorted by given name, the Vietnamese way. People who moved away or died are left out.</source>
        <translation>Xếp theo tên, theo thứ tự chữ cái tiếng Việt. Không gồm người đã chuyển đi hoặc đã mất.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="114"/>
        <source>Everyone in the commune</source>
        <translation>Toàn bộ người dân trong xã</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="139"/>
        <source>⚠ Say why the ethnicity and religion columns are needed: the export of sensitive data is written to the change log with its purpose.</source>
        <translation>⚠ Hãy ghi vì sao cần cột dân tộc, tôn giáo: việc xuất dữ liệu nhạy cảm được ghi vào nhật ký thay đổi kèm mục đích.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="143"/>
        <source>Save the member list</source>
        <translation>Lưu danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="144"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="164"/>
        <source>Member list</source>
        <translation>Danh sách hội viên</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="167"/>
        <source>Writing the list…</source>
        <translation>Đang ghi danh sách…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/members_export.py" line="175"/>
        <source>Saved a list of %Ln people.</source>
        <translation>
            <numerusform>Đã lưu danh sách %Ln người.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/members_export.py" line="177"/>
        <source>The list of %1 is saved: %Ln people.</source>
        <translation>
            <numerusform>Đã lưu danh sách %1: %Ln người.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="180"/>
        <source>citizen IDs masked</source>
        <translation>số CCCD đã được che</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="182"/>
        <source>no ethnicity or religion</source>
        <translation>không có dân tộc, tôn giáo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="183"/>
        <source>Personal data left out: %1.</source>
        <translation>Đã bỏ bớt thông tin cá nhân: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/members_export.py" line="186"/>
        <source>Ethnicity and religion filled in for %1 of %2 people: the others have no consent or legal basis recorded.</source>
        <translation>Dân tộc, tôn giáo được ghi cho %1 trên %2 người: những người còn lại chưa có sự đồng ý hay căn cứ pháp lý.</translation>
    </message>
</context>
<context>
    <name>NotifiedDialog</name>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="134"/>
        <source>Incident #%1 notified</source>
        <translation>Đã thông báo sự cố số %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="137"/>
        <source>dd/mm/yyyy hh:mm</source>
        <translation>nn/tt/nnnn gg:pp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="139"/>
        <source>The authority notified</source>
        <translation>Cơ quan đã được thông báo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="141"/>
        <source>Notified at *</source>
        <translation>Thông báo lúc *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="142"/>
        <source>Notified to</source>
        <translation>Thông báo cho</translation>
    </message>
</context>
<context>
    <name>OrganizationsPage</name>
    <message>
        <location filename="../../ui/pages/organizations.py" line="111"/>
        <location filename="../../ui/pages/organizations.py" line="151"/>
        <source>Appoint…</source>
        <translation>Thêm người giữ chức danh…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="113"/>
        <source>End appointment…</source>
        <translation>Thôi giữ chức danh…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="115"/>
        <source>Change seats…</source>
        <translation>Đổi số suất…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="117"/>
        <source>Add a position…</source>
        <translation>Thêm chức danh…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="120"/>
        <source>Position / holder</source>
        <translation>Chức danh / người giữ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="120"/>
        <location filename="../../ui/pages/organizations.py" line="146"/>
        <source>Seats</source>
        <translation>Số suất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="120"/>
        <location filename="../../ui/pages/organizations.py" line="146"/>
        <source>Filled</source>
        <translation>Đã có</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="120"/>
        <location filename="../../ui/pages/organizations.py" line="146"/>
        <source>Vacant</source>
        <translation>Khuyết</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="121"/>
        <source>Since</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="121"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="127"/>
        <source>This organization has no positions of its own. Choose its work committee or a branch in the tree, or add a position.</source>
        <translation>Tổ chức này chưa có chức danh nào. Hãy chọn Ban công tác Mặt trận hoặc chi hội, chi đoàn trong cây bên trái, hoặc thêm chức danh.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="146"/>
        <location filename="../../ui/pages/organizations.py" line="165"/>
        <source>Organization</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="146"/>
        <source>Position</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="162"/>
        <source>Double-click a row to open its organization.</source>
        <translation>Nhấp đúp vào một dòng để mở tổ chức đó.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="165"/>
        <source>Person / position</source>
        <translation>Người / chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="172"/>
        <source>Double-click a name to open the person&apos;s card, or a position to open its organization.</source>
        <translation>Nhấp đúp vào tên để mở hồ sơ của người đó, hoặc vào chức danh để mở tổ chức.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="175"/>
        <source>By organization</source>
        <translation>Theo tổ chức</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="178"/>
        <source>Add a residential area…</source>
        <translation>Thêm khu dân cư…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="180"/>
        <source>Rename…</source>
        <translation>Đổi tên…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="196"/>
        <source>Organizations and positions</source>
        <translation>Tổ chức và chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="311"/>
        <source>%1 (%2 vacant, %3 below)</source>
        <translation>%1 (%2 khuyết, cấp dưới %3)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="314"/>
        <source>%1 (%2 vacant)</source>
        <translation>%1 (%2 khuyết)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="316"/>
        <source>%1 (%2 vacant below)</source>
        <translation>%1 (cấp dưới %2 khuyết)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="321"/>
        <source>Front committee</source>
        <translation>Ủy ban MTTQ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="322"/>
        <source>Member organization</source>
        <translation>Tổ chức thành viên</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="323"/>
        <source>Residential area</source>
        <translation>Khu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="324"/>
        <source>Front work committee</source>
        <translation>Ban công tác Mặt trận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="325"/>
        <source>Branch</source>
        <translation>Chi hội, chi đoàn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="357"/>
        <source>%1 — %2 positions, %3 seats, %4 vacant</source>
        <translation>%1 — %2 chức danh, %3 suất, %4 khuyết</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/organizations.py" line="372"/>
        <source>%Ln seat(s) vacant — double-click to appoint</source>
        <translation>
            <numerusform>Còn trống %Ln suất — nhấp đúp để thêm người</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="386"/>
        <source>%1 (acting)</source>
        <translation>%1 (quyền)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="389"/>
        <source>last day %1</source>
        <translation>giữ đến hết ngày %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="391"/>
        <source>concurrent: %1 posts</source>
        <translation>kiêm nhiệm %1 chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="397"/>
        <source>Also holds:</source>
        <translation>Đồng thời giữ:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="448"/>
        <source>%1 vacant seats in %2 positions</source>
        <translation>%1 suất còn trống ở %2 chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="449"/>
        <source>Every position is filled.</source>
        <translation>Tất cả chức danh đã đủ người.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="450"/>
        <source>Vacant positions (%1)</source>
        <translation>Chức danh còn khuyết (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/organizations.py" line="464"/>
        <source>%Ln posts</source>
        <translation>
            <numerusform>%Ln chức danh</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/organizations.py" line="471"/>
        <source>%Ln people hold more than one position.</source>
        <translation>
            <numerusform>%Ln người kiêm nhiệm nhiều chức danh.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="472"/>
        <source>Nobody holds more than one position.</source>
        <translation>Không có ai kiêm nhiệm.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/organizations.py" line="473"/>
        <source>Concurrent holders (%1)</source>
        <translation>Người kiêm nhiệm (%1)</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <location filename="../../ui/pages/outbox.py" line="56"/>
        <source>Send reports</source>
        <translation>Gửi báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="59"/>
        <source>Reports you send wait here until the destination confirms it has them; a folder or a WebDAV server gets each one once (by e-mail, a reply lost on the way can bring a second copy). Without a connection nothing is lost: the app keeps trying by itself, every few minutes and as soon as the network is back, even after a restart. “Send now” tries every waiting report at once.</source>
        <translation>Báo cáo bạn gửi chờ ở đây cho tới khi nơi nhận xác nhận đã nhận; thư mục hay máy chủ WebDAV nhận mỗi báo cáo một lần (gửi qua thư điện tử, nếu mất phản hồi giữa đường thì hộp thư có thể nhận thêm một bản). Khi không có mạng cũng không mất gì: ứng dụng tự thử lại vài phút một lần và ngay khi có mạng trở lại, kể cả sau khi khởi động lại. “Gửi ngay” thử gửi mọi báo cáo đang chờ ngay lập tức.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="71"/>
        <location filename="../../ui/pages/outbox.py" line="224"/>
        <source>Change…</source>
        <translation>Đổi nơi gửi…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="83"/>
        <source>Send now</source>
        <translation>Gửi ngay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="84"/>
        <source>Try every waiting report now, whatever the waiting time says.</source>
        <translation>Thử gửi ngay mọi báo cáo đang chờ, không đợi tới giờ thử lại.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="86"/>
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="88"/>
        <source>Put the selected set-aside report back in the queue (e.g. after the province raised its size limit).</source>
        <translation>Đưa báo cáo để riêng đang chọn trở lại hàng chờ (vd. sau khi tỉnh nâng giới hạn dung lượng).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="111"/>
        <source>Report file</source>
        <translation>Tệp báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="111"/>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="111"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="111"/>
        <source>Attempts</source>
        <translation>Số lần thử</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="112"/>
        <source>Next try</source>
        <translation>Thử lại lúc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="112"/>
        <source>Last problem</source>
        <translation>Lỗi gần nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="112"/>
        <source>Sent</source>
        <translation>Đã gửi lúc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="117"/>
        <source>Nothing has been sent yet. Reports you export with “Send” appear here.</source>
        <translation>Chưa gửi báo cáo nào. Báo cáo bạn xuất và chọn “Gửi” sẽ hiện ở đây.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="164"/>
        <source>now</source>
        <translation>ngay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="178"/>
        <source>Size: %1 bytes · SHA-256 %2…</source>
        <translation>Dung lượng: %1 byte · SHA-256 %2…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="181"/>
        <source>Destination: %1</source>
        <translation>Nơi gửi: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="185"/>
        <source>Received as: %1</source>
        <translation>Nơi nhận ghi là: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="211"/>
        <source>“Try again” puts it back in the queue once the cause is fixed.</source>
        <translation>Khắc phục xong nguyên nhân, bấm “Thử lại” để đưa báo cáo trở lại hàng chờ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="226"/>
        <source>Password…</source>
        <translation>Mật khẩu…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="228"/>
        <source>Details…</source>
        <translation>Chi tiết…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/outbox.py" line="233"/>
        <source>%n report(s) set aside: select one to see why.</source>
        <translation>
            <numerusform>%n báo cáo đang để riêng: chọn một dòng để xem lý do.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="241"/>
        <source>No destination yet: reports wait here until you choose where they go (“Choose…”).</source>
        <translation>Chưa chọn nơi gửi: báo cáo chờ ở đây cho tới khi bạn chọn nơi gửi (“Chọn nơi gửi…”).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="242"/>
        <source>Choose…</source>
        <translation>Chọn nơi gửi…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="246"/>
        <source>Set by the province&apos;s IT; only the password can be changed here.</source>
        <translation>Do cán bộ CNTT của tỉnh đặt sẵn; ở đây chỉ đổi được mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="258"/>
        <source>Another sending pass is running (another window or a command). The reports are sent by it.</source>
        <translation>Một lượt gửi khác đang chạy (ở cửa sổ khác hoặc một câu lệnh); báo cáo sẽ được gửi trong lượt đó.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/outbox.py" line="263"/>
        <source>Sent %n report(s).</source>
        <translation>
            <numerusform>Đã gửi %n báo cáo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/outbox.py" line="265"/>
        <source>%n set aside: see the reason in the list.</source>
        <translation>
            <numerusform>%n báo cáo để riêng: xem lý do trong danh sách.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="294"/>
        <source>Saved. The waiting reports are tried again at once.</source>
        <translation>Đã lưu. Các báo cáo đang chờ được gửi lại ngay.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/outbox.py" line="294"/>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/pages/overview.py" line="161"/>
        <source>Click a name to see that person&apos;s open tasks</source>
        <translation>Nhấp vào một tên để xem các việc đang mở của người đó</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="162"/>
        <source>Carrying the most work</source>
        <translation>Người đang gánh nhiều việc nhất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="209"/>
        <source>&lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; open tasks &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt; of which overdue &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;■&lt;/span&gt; %4 or more open tasks: too much for one person</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;■&lt;/span&gt; việc đang làm &amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;■&lt;/span&gt; trong đó quá hạn &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;■&lt;/span&gt; từ %4 việc trở lên: quá sức một người</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="118"/>
        <location filename="../../ui/pages/overview.py" line="212"/>
        <source>Today in %1</source>
        <translation>Hôm nay ở %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="213"/>
        <source>overdue tasks</source>
        <translation>công việc quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="214"/>
        <source>tasks due in the next 7 days</source>
        <translation>công việc đến hạn trong 7 ngày tới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="216"/>
        <source>vacant seats in %1 positions</source>
        <translation>suất còn trống ở %1 chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="218"/>
        <source>people holding several posts</source>
        <translation>người kiêm nhiệm nhiều chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="219"/>
        <source>active people on the roster</source>
        <translation>người đang sinh hoạt trong danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="220"/>
        <source>reports not yet sent</source>
        <translation>báo cáo chưa gửi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="221"/>
        <source>petitions past their answer date</source>
        <translation>kiến nghị quá hạn trả lời</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="223"/>
        <source>in the fund for the poor today</source>
        <translation>tồn Quỹ Vì người nghèo hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="226"/>
        <source>fund for the poor: no entries yet</source>
        <translation>Quỹ Vì người nghèo: chưa có khoản nào</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="244"/>
        <source>Monday</source>
        <translation>Thứ Hai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="244"/>
        <source>Tuesday</source>
        <translation>Thứ Ba</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="244"/>
        <source>Wednesday</source>
        <translation>Thứ Tư</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="244"/>
        <source>Thursday</source>
        <translation>Thứ Năm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="245"/>
        <source>Friday</source>
        <translation>Thứ Sáu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="245"/>
        <source>Saturday</source>
        <translation>Thứ Bảy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="245"/>
        <source>Sunday</source>
        <translation>Chủ nhật</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="250"/>
        <source>due today</source>
        <translation>hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="250"/>
        <source>due %1, in %2 days</source>
        <translation>hạn %1, còn %2 ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="252"/>
        <source>Next report: %1, %2</source>
        <translation>Báo cáo sắp đến hạn: %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="271"/>
        <source>%1 request(s) about personal data past their deadline</source>
        <translation>%1 yêu cầu về dữ liệu cá nhân đã quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="274"/>
        <source>%1 incident(s) not notified within 72 hours</source>
        <translation>%1 sự cố chưa thông báo trong 72 giờ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="277"/>
        <source>see Personal data</source>
        <translation>xem mục Dữ liệu cá nhân</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="284"/>
        <source>⚠ No backup of this commune&apos;s data yet — see Backups</source>
        <translation>⚠ Chưa có bản sao lưu nào của dữ liệu xã — xem mục Sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="289"/>
        <source>Last backup: %1 — see Backups</source>
        <translation>Sao lưu gần nhất: %1 — xem mục Sao lưu</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../ui/models/people_model.py" line="53"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_model.py" line="53"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_model.py" line="53"/>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_model.py" line="54"/>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_model.py" line="54"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_model.py" line="54"/>
        <source>Residential area</source>
        <translation>Khu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_model.py" line="40"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/models/people_model.py" line="40"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../ui/pages/people.py" line="37"/>
        <source>Search by name, phone, citizen ID or area — no accents needed</source>
        <translation>Tìm theo tên, số điện thoại, số CCCD hoặc khu dân cư — gõ không dấu cũng được</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="42"/>
        <source>Active</source>
        <translation>Đang sinh hoạt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="42"/>
        <source>Moved away</source>
        <translation>Đã chuyển đi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="43"/>
        <source>Deceased</source>
        <translation>Đã mất</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="43"/>
        <source>Everyone</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="64"/>
        <source>Area:</source>
        <translation>Khu dân cư:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="66"/>
        <source>Status:</source>
        <translation>Tình trạng:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="68"/>
        <source>Add a person…</source>
        <translation>Thêm người…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="69"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="72"/>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="73"/>
        <source>Add the people of a roster kept in Excel (Ctrl+I)</source>
        <translation>Thêm người từ danh sách đang lưu bằng Excel (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="77"/>
        <source>People</source>
        <translation>Nhân sự</translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="142"/>
        <source>All areas</source>
        <translation>Tất cả khu dân cư</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/people.py" line="159"/>
        <location filename="../../ui/pages/people.py" line="171"/>
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln người</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/people.py" line="162"/>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
</context>
<context>
    <name>PeriodChooser</name>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="69"/>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="69"/>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="69"/>
        <source>Half-year</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="70"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="78"/>
        <source>year</source>
        <translation>năm</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="143"/>
        <source>January</source>
        <translation>Tháng 1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="143"/>
        <source>February</source>
        <translation>Tháng 2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="143"/>
        <source>March</source>
        <translation>Tháng 3</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="143"/>
        <source>April</source>
        <translation>Tháng 4</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="143"/>
        <source>May</source>
        <translation>Tháng 5</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="144"/>
        <source>June</source>
        <translation>Tháng 6</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="144"/>
        <source>July</source>
        <translation>Tháng 7</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="144"/>
        <source>August</source>
        <translation>Tháng 8</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="144"/>
        <source>September</source>
        <translation>Tháng 9</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="144"/>
        <source>October</source>
        <translation>Tháng 10</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="145"/>
        <source>November</source>
        <translation>Tháng 11</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="145"/>
        <source>December</source>
        <translation>Tháng 12</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="147"/>
        <source>Quarter %1</source>
        <translation>Quý %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="149"/>
        <source>First half (January–June)</source>
        <translation>6 tháng đầu năm (tháng 1–6)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="149"/>
        <source>Second half (July–December)</source>
        <translation>6 tháng cuối năm (tháng 7–12)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="170"/>
        <source>%1: from %2 to %3.</source>
        <translation>%1: từ ngày %2 đến ngày %3.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_chooser.py" line="173"/>
        <source>The period is not over: the figures are those of today, %1.</source>
        <translation>Kỳ chưa kết thúc: số liệu tính đến hôm nay, %1.</translation>
    </message>
</context>
<context>
    <name>PeriodFilter</name>
    <message>
        <location filename="../../ui/widgets/register_choices.py" line="43"/>
        <source>Any time</source>
        <translation>Mọi thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/register_choices.py" line="43"/>
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/register_choices.py" line="43"/>
        <source>Last month</source>
        <translation>Tháng trước</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/register_choices.py" line="44"/>
        <source>This quarter</source>
        <translation>Quý này</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/register_choices.py" line="44"/>
        <source>Last quarter</source>
        <translation>Quý trước</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/register_choices.py" line="45"/>
        <source>This year</source>
        <translation>Năm nay</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/register_choices.py" line="45"/>
        <source>Last year</source>
        <translation>Năm trước</translation>
    </message>
</context>
<context>
    <name>PersonCard</name>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="73"/>
        <source>Edit…</source>
        <translation>Sửa thông tin…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="83"/>
        <source>Gender:</source>
        <translation>Giới tính:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="83"/>
        <source>Date of birth:</source>
        <translation>Ngày sinh:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="84"/>
        <source>Residential area:</source>
        <translation>Khu dân cư:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="84"/>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="85"/>
        <source>Citizen ID:</source>
        <translation>Số CCCD:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="85"/>
        <source>Status:</source>
        <translation>Tình trạng:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="101"/>
        <source>Record consent…</source>
        <translation>Ghi nhận đồng ý…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="103"/>
        <source>Withdraw consent…</source>
        <translation>Rút lại đồng ý…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="105"/>
        <source>Legal basis…</source>
        <translation>Căn cứ pháp lý…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="107"/>
        <source>Show ethnicity and religion…</source>
        <translation>Xem dân tộc, tôn giáo…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="108"/>
        <source>Asks why; the view is written to the change log</source>
        <translation>Hỏi lý do; việc xem được ghi vào nhật ký thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="113"/>
        <source>Personal data</source>
        <translation>Dữ liệu cá nhân</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="127"/>
        <source>Position</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="127"/>
        <location filename="../../ui/dialogs/person_card.py" line="136"/>
        <source>Organization</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="127"/>
        <source>Term</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="127"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="130"/>
        <source>Positions</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="136"/>
        <source>Joined</source>
        <translation>Ngày vào</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="136"/>
        <source>Left</source>
        <translation>Ngày rời</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="139"/>
        <source>Join an organization…</source>
        <translation>Tham gia tổ chức…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="141"/>
        <source>Leave…</source>
        <translation>Rời tổ chức…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="143"/>
        <source>Not a member of any organization yet.</source>
        <translation>Chưa là hội viên của tổ chức nào.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="145"/>
        <source>Organizations</source>
        <translation>Tổ chức tham gia</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="161"/>
        <source>Task</source>
        <translation>Công việc</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="161"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="161"/>
        <source>Due date</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="161"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="163"/>
        <source>Double-click a task to open it.</source>
        <translation>Nhấp đúp vào một công việc để mở.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="165"/>
        <source>Open tasks</source>
        <translation>Công việc đang mở</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="171"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="188"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="188"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="189"/>
        <source>Active</source>
        <translation>Đang sinh hoạt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="189"/>
        <source>Moved away</source>
        <translation>Đã chuyển đi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="189"/>
        <source>Deceased</source>
        <translation>Đã mất</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="216"/>
        <source>Concurrent: holds %1 positions now</source>
        <translation>Kiêm nhiệm: đang giữ %1 chức danh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="218"/>
        <source>Holds no position.</source>
        <translation>Không giữ chức danh nào.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="226"/>
        <source>concurrent</source>
        <translation>kiêm nhiệm</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="228"/>
        <source>acting</source>
        <translation>quyền (tạm giữ)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="230"/>
        <source>ended</source>
        <translation>đã thôi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="231"/>
        <source>now</source>
        <translation>nay</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="241"/>
        <source>(unknown)</source>
        <translation>(không rõ)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="242"/>
        <source>still a member</source>
        <translation>đang sinh hoạt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="255"/>
        <source>Select a current membership in the list first.</source>
        <translation>Hãy chọn một tổ chức đang sinh hoạt trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="261"/>
        <source>No open tasks.</source>
        <translation>Không có công việc đang mở.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="263"/>
        <source>%1 open tasks: leads %2, supports %3; %4 overdue.</source>
        <translation>%1 việc đang mở: chủ trì %2, phối hợp %3; %4 việc quá hạn.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="268"/>
        <source>That is a lot: think twice before giving this person more.</source>
        <translation>Đang quá tải: cân nhắc kỹ trước khi giao thêm việc.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="273"/>
        <source>Lead</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="273"/>
        <source>Supporting</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="276"/>
        <source>%1, overdue</source>
        <translation>%1, quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="338"/>
        <source>Why?</source>
        <translation>Vì sao?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="339"/>
        <source>Ethnicity and religion are sensitive data. Why do you need to see them? (written to the change log)</source>
        <translation>Dân tộc, tôn giáo là dữ liệu nhạy cảm. Vì sao anh/chị cần xem? (được ghi vào nhật ký thay đổi)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="348"/>
        <source>Ethnicity: %1 · Religion: %2</source>
        <translation>Dân tộc: %1 · Tôn giáo: %2</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="46"/>
        <source>Add a person</source>
        <translation>Thêm người</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="46"/>
        <source>Edit a person</source>
        <translation>Sửa thông tin</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="50"/>
        <source>(not given)</source>
        <translation>(chưa rõ)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="50"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="50"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="54"/>
        <source>dd/mm/yyyy, or only the year</source>
        <translation>dd/mm/yyyy, hoặc chỉ năm sinh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="59"/>
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="63"/>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="68"/>
        <source>Active</source>
        <translation>Đang sinh hoạt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="68"/>
        <source>Moved away</source>
        <translation>Đã chuyển đi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="69"/>
        <source>Deceased</source>
        <translation>Đã mất</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="82"/>
        <source>Full name *</source>
        <translation>Họ và tên *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="82"/>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="83"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="83"/>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="84"/>
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="84"/>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="85"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="85"/>
        <source>Residential area</source>
        <translation>Khu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="86"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="86"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="90"/>
        <source>Show…</source>
        <translation>Hiện…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="96"/>
        <source>hidden: sensitive data</source>
        <translation>ẩn: dữ liệu nhạy cảm</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="99"/>
        <source>Shows ethnicity and religion to edit them; written to the change log</source>
        <translation>Hiện dân tộc, tôn giáo để sửa; được ghi vào nhật ký thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="100"/>
        <source>No consent or legal basis is recorded for this person: record one on the person&apos;s card</source>
        <translation>Người này chưa có sự đồng ý hay căn cứ pháp lý: hãy ghi nhận ở hồ sơ của người đó</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_form.py" line="113"/>
        <source>Member of</source>
        <translation>Tham gia tổ chức</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../ui/widgets/person_picker.py" line="41"/>
        <source>Type a name — no accents needed</source>
        <translation>Gõ tên — không cần dấu</translation>
    </message>
</context>
<context>
    <name>PetitionForm</name>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="58"/>
        <source>New petition</source>
        <translation>Kiến nghị mới</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="58"/>
        <source>Edit petition</source>
        <translation>Sửa kiến nghị</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="62"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="68"/>
        <source>Type a name to find the person on the roster (optional)</source>
        <translation>Gõ tên để tìm người trong danh sách (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="71"/>
        <source>Or a name: a household, “voters of Thôn 3”…</source>
        <translation>Hoặc ghi tên: một hộ, “cử tri Thôn 3”…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="73"/>
        <source>(not known)</source>
        <translation>(không rõ)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="77"/>
        <source>e.g. land, social policy, environment</source>
        <translation>ví dụ: đất đai, chính sách xã hội, môi trường</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="78"/>
        <source>The agency asked to settle it</source>
        <translation>Cơ quan được đề nghị giải quyết</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="79"/>
        <source>An open petition past its answer date shows as overdue.</source>
        <translation>Kiến nghị chưa được trả lời khi đã qua hạn sẽ hiện là quá hạn.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="83"/>
        <source>Received on *</source>
        <translation>Ngày tiếp nhận *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="84"/>
        <source>Channel *</source>
        <translation>Hình thức tiếp nhận *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="85"/>
        <source>From (roster)</source>
        <translation>Người gửi (trong danh sách)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="86"/>
        <source>From *</source>
        <translation>Người gửi *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="87"/>
        <source>Residential area</source>
        <translation>Khu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="88"/>
        <source>Content *</source>
        <translation>Nội dung kiến nghị *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="89"/>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="90"/>
        <source>Forwarded to</source>
        <translation>Chuyển đến cơ quan</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="91"/>
        <source>Forwarded on</source>
        <translation>Ngày chuyển</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="92"/>
        <source>Answer due</source>
        <translation>Hạn trả lời</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="93"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/petition_form.py" line="131"/>
        <source>Choose the person from the suggestions, or clear the box.</source>
        <translation>Hãy chọn người trong danh sách gợi ý, hoặc xóa ô này.</translation>
    </message>
</context>
<context>
    <name>PetitionsModel</name>
    <message>
        <location filename="../../ui/models/register_models.py" line="126"/>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="126"/>
        <source>From</source>
        <translation>Người gửi</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="126"/>
        <source>Area</source>
        <translation>Khu dân cư</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="126"/>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="126"/>
        <source>Channel</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="127"/>
        <source>Answer due</source>
        <translation>Hạn trả lời</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="127"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/register_models.py" line="132"/>
        <source>Overdue by %Ln day(s)</source>
        <translation>
            <numerusform>Quá hạn %Ln ngày</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="134"/>
        <source>Answered %1</source>
        <translation>Đã trả lời %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="153"/>
        <source>Field: %1</source>
        <translation>Lĩnh vực: %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="155"/>
        <source>Forwarded to: %1</source>
        <translation>Đã chuyển: %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="157"/>
        <source>Answer: %1</source>
        <translation>Trả lời: %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/register_models.py" line="160"/>
        <source>Followed up by task #%1</source>
        <translation>Có công việc theo dõi số %1</translation>
    </message>
</context>
<context>
    <name>PetitionsTab</name>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="25"/>
        <source>Search the sender, content, field, agency or answer — no accents needed</source>
        <translation>Tìm người gửi, nội dung, lĩnh vực, cơ quan, câu trả lời — gõ không dấu cũng được</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="28"/>
        <source>Awaiting an answer</source>
        <translation>Chờ trả lời</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="28"/>
        <source>Overdue answers</source>
        <translation>Quá hạn trả lời</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="29"/>
        <source>Answered</source>
        <translation>Đã trả lời</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="29"/>
        <source>Closed</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="29"/>
        <source>All petitions</source>
        <translation>Tất cả kiến nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="34"/>
        <source>Any channel</source>
        <translation>Mọi hình thức</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="36"/>
        <source>Received in</source>
        <translation>Tiếp nhận trong</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="39"/>
        <source>New petition…</source>
        <translation>Thêm kiến nghị…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="40"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="41"/>
        <location filename="../../ui/pages/petitions_tab.py" line="122"/>
        <source>Record the answer…</source>
        <translation>Ghi trả lời…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="42"/>
        <location filename="../../ui/pages/petitions_tab.py" line="97"/>
        <source>Follow-up task…</source>
        <translation>Tạo công việc theo dõi…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="43"/>
        <source>Make a task with a lead and a due date to follow this petition up</source>
        <translation>Tạo một công việc có người chủ trì và hạn để theo dõi kiến nghị này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="57"/>
        <source>All areas</source>
        <translation>Tất cả khu dân cư</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/petitions_tab.py" line="72"/>
        <source>%Ln petition(s)</source>
        <translation>
            <numerusform>%Ln kiến nghị</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="95"/>
        <source>Open the follow-up task</source>
        <translation>Mở công việc theo dõi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="114"/>
        <source>Delete petition</source>
        <translation>Xóa kiến nghị</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="115"/>
        <source>Delete petition #%1? Only for one entered by mistake: the change log keeps what it was.</source>
        <translation>Xóa kiến nghị số %1? Chỉ dùng cho kiến nghị nhập nhầm: nhật ký thay đổi vẫn giữ nội dung cũ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="123"/>
        <source>Close (nothing more to follow)</source>
        <translation>Kết thúc (không còn gì phải theo dõi)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/petitions_tab.py" line="128"/>
        <source>Delete…</source>
        <translation>Xóa…</translation>
    </message>
</context>
<context>
    <name>PositionDialog</name>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="80"/>
        <source>%1 seat(s), %2 filled</source>
        <translation>%1 suất, đã có %2 người</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="83"/>
        <source>no seat is free</source>
        <translation>đã đủ người</translation>
    </message>
</context>
<context>
    <name>PreviewStep</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="174"/>
        <source>Check before importing</source>
        <translation>Kiểm tra trước khi nhập</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="194"/>
        <source>Import only the valid rows and leave out the rows with problems</source>
        <translation>Chỉ nhập các dòng hợp lệ, bỏ qua các dòng có lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="197"/>
        <source>skip them</source>
        <translation>bỏ qua</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="197"/>
        <source>update the stored person</source>
        <translation>cập nhật người đã có</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="198"/>
        <source>add them anyway</source>
        <translation>vẫn thêm mới</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="203"/>
        <source>People already on the roster, or twice in the file:</source>
        <translation>Người đã có trong danh sách, hoặc trùng trong tệp:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_wizard.py" line="221"/>
        <source>Add the %n residential area(s) the file names and this commune does not have yet (each with its Front work committee and branches):</source>
        <translation>
            <numerusform>Thêm %n khu dân cư có trong tệp mà xã chưa có (mỗi khu kèm ban công tác Mặt trận và các chi hội):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_wizard.py" line="225"/>
        <source>%1 (%n row(s))</source>
        <translation>
            <numerusform>%1 (%n dòng)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="247"/>
        <source>%1 (new)</source>
        <translation>%1 (mới)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="253"/>
        <source>Rows as they will be stored (%1)</source>
        <translation>Các dòng sẽ được lưu (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="254"/>
        <source>Problems (%1)</source>
        <translation>Lỗi (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="255"/>
        <source>Duplicates (%1)</source>
        <translation>Trùng (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="257"/>
        <source>%1 rows read from sheet “%2”.</source>
        <translation>Đã đọc %1 dòng từ trang “%2”.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="260"/>
        <source>%1 rows have problems: correct them in the file and import again, or import only the valid rows.</source>
        <translation>%1 dòng có lỗi: sửa trong tệp rồi nhập lại, hoặc chỉ nhập các dòng hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="263"/>
        <source>%1 rows were repaired (e.g. leading zeros of a citizen ID).</source>
        <translation>%1 dòng đã được sửa tự động (ví dụ thêm lại số 0 đầu của số CCCD).</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../../ui/pages/privacy.py" line="286"/>
        <source>Personal data</source>
        <translation>Dữ liệu cá nhân</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="289"/>
        <source>What the commune must be able to show under the Law on Personal Data Protection (91/2025/QH15): people&apos;s requests and their deadlines, incidents and their notification, consents, and the impact assessment. What is stored and what leaves this computer: docs/PRIVACY.md.</source>
        <translation>Những gì xã cần chứng minh được theo Luật Bảo vệ dữ liệu cá nhân (91/2025/QH15): yêu cầu của người dân và thời hạn, sự cố và việc thông báo, sự đồng ý, hồ sơ đánh giá tác động. Dữ liệu nào được lưu và những gì rời khỏi máy: docs/PRIVACY.md.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="299"/>
        <source>Requests</source>
        <translation>Yêu cầu của người dân</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="300"/>
        <source>Incidents</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="301"/>
        <source>Consents</source>
        <translation>Sự đồng ý</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="302"/>
        <source>Impact assessment draft…</source>
        <translation>Hồ sơ đánh giá tác động (bản nháp)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="304"/>
        <source>An Excel draft of the hồ sơ đánh giá tác động, made from what this database holds, to complete and sign</source>
        <translation>Bản nháp hồ sơ đánh giá tác động bằng Excel, lập từ dữ liệu đang lưu, để xã điền bổ sung và ký</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="332"/>
        <source>Save the impact assessment draft</source>
        <translation>Lưu bản nháp hồ sơ đánh giá tác động</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="333"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="339"/>
        <source>Impact assessment draft</source>
        <translation>Hồ sơ đánh giá tác động</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="341"/>
        <source>The draft is saved: complete the “……” lines, then print and sign it.</source>
        <translation>Đã lưu bản nháp: hãy điền các dòng “……”, rồi in và ký.</translation>
    </message>
</context>
<context>
    <name>ProvinceReportBox</name>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="47"/>
        <source>Report to the province</source>
        <translation>Báo cáo gửi tỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="55"/>
        <source>Period:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="56"/>
        <source>With member lists (one sheet per organization)</source>
        <translation>Kèm danh sách hội viên (mỗi tổ chức một trang)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="58"/>
        <source>Adds the name, gender, date of birth and area of every member. Without it the report holds only figures.</source>
        <translation>Thêm họ tên, giới tính, ngày sinh, khu dân cư của từng hội viên. Không đánh dấu thì báo cáo chỉ có số liệu.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="60"/>
        <source>Also send it to the province</source>
        <translation>Gửi luôn lên tỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="65"/>
        <source>Save the report as…</source>
        <translation>Lưu báo cáo thành…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="96"/>
        <source>A demo commune&apos;s reports are not sent to the province: set up your own commune first.</source>
        <translation>Báo cáo của xã mẫu không gửi lên tỉnh: hãy thiết lập xã của mình trước.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="102"/>
        <source>No destination is set yet. Set it on the “Send reports” page (Change…), or ask the IT staff.</source>
        <translation>Chưa đặt nơi gửi báo cáo. Hãy đặt ở trang “Gửi báo cáo” (Đổi nơi gửi…), hoặc nhờ cán bộ CNTT.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="104"/>
        <source>It goes to %1. Without a connection it waits in the outbox and goes by itself later.</source>
        <translation>Báo cáo sẽ gửi tới %1. Khi không có mạng, báo cáo chờ trong hộp thư đi và tự gửi sau.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="113"/>
        <source>the folder %1</source>
        <translation>thư mục %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="115"/>
        <source>the server %1</source>
        <translation>máy chủ %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="116"/>
        <source>the e-mail address %1</source>
        <translation>địa chỉ thư %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="132"/>
        <source>Save the report of %1</source>
        <translation>Lưu báo cáo %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="133"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="152"/>
        <source>Report of %1</source>
        <translation>Báo cáo %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="154"/>
        <source>Counting the figures…</source>
        <translation>Đang tính số liệu…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="154"/>
        <source>Listing the members…</source>
        <translation>Đang lập danh sách hội viên…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="155"/>
        <source>Writing the workbook…</source>
        <translation>Đang ghi tệp Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="170"/>
        <source>The report of %1 is saved.</source>
        <translation>Đã lưu báo cáo %1.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="172"/>
        <source>Members: %1 — vacant seats: %2 — tasks of the period: %3 (overdue: %4).</source>
        <translation>Hội viên, đoàn viên: %1 — chức danh còn trống: %2 suất — công việc trong kỳ: %3 (quá hạn: %4).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="187"/>
        <source>Putting it in the outbox…</source>
        <translation>Đang đưa vào hộp thư đi…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="193"/>
        <source>The same file was sent before; it is not sent twice.</source>
        <translation>Tệp này đã được gửi trước đây; không gửi lại lần hai.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="195"/>
        <source>It is in the outbox and goes once a destination is set.</source>
        <translation>Đã đưa vào hộp thư đi: sẽ gửi khi đã đặt nơi gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="197"/>
        <source>It is in the outbox and goes to %1 as soon as there is a connection.</source>
        <translation>Đã đưa vào hộp thư đi: sẽ gửi tới %1 ngay khi có kết nối.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_export.py" line="203"/>
        <source>The report is saved but NOT put in the outbox.</source>
        <translation>Báo cáo đã lưu nhưng CHƯA được đưa vào hộp thư đi.</translation>
    </message>
</context>
<context>
    <name>RegisterImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="40"/>
        <source>Import petitions from Excel</source>
        <translation>Nhập kiến nghị từ Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="41"/>
        <source>Import a fund&apos;s cash book from Excel</source>
        <translation>Nhập sổ thu, chi quỹ từ Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="42"/>
        <source>Import cases from Excel</source>
        <translation>Nhập vụ việc từ Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="46"/>
        <source>Columns such as: Ngày tiếp nhận, Hình thức, Người gửi, Khu dân cư, Nội dung, Hạn trả lời, Ngày trả lời, Nội dung trả lời.</source>
        <translation>Các cột như: Ngày tiếp nhận, Hình thức, Người gửi, Khu dân cư, Nội dung, Hạn trả lời, Ngày trả lời, Nội dung trả lời.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="48"/>
        <source>Columns such as: Ngày, Thu / Chi (two columns, or Số tiền with a Thu/chi column), Người ủng hộ / người nhận, Mục đích, Số chứng từ.</source>
        <translation>Các cột như: Ngày, Thu / Chi (hai cột, hoặc cột Số tiền kèm cột Thu/chi), Người ủng hộ / người nhận, Mục đích, Số chứng từ.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="50"/>
        <source>Columns such as: Loại, Ngày bắt đầu, Tên vụ việc, Khu dân cư, Các bên, Ngày kết thúc, Kết quả.</source>
        <translation>Các cột như: Loại, Ngày bắt đầu, Tên vụ việc, Khu dân cư, Các bên, Ngày kết thúc, Kết quả.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="53"/>
        <source>Title rows and merged headings are understood.</source>
        <translation>Dòng tiêu đề và ô tên cột gộp đều được hiểu.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="57"/>
        <source>The file to import (.xlsx, .xls, .ods)</source>
        <translation>Tệp cần nhập (.xlsx, .xls, .ods)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="58"/>
        <source>Choose a file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="60"/>
        <source>Check the file</source>
        <translation>Kiểm tra tệp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="71"/>
        <source>Excel row</source>
        <translation>Dòng Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="71"/>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="71"/>
        <source>Problem</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="76"/>
        <source>Import only the valid rows (the rows with problems are left out)</source>
        <translation>Chỉ nhập các dòng hợp lệ (bỏ qua các dòng có lỗi)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="81"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="83"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="121"/>
        <source>Choose the file</source>
        <translation>Chọn tệp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="122"/>
        <source>Spreadsheets (*.xlsx *.xls *.ods)</source>
        <translation>Bảng tính (*.xlsx *.xls *.ods)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="140"/>
        <source>Reading the file</source>
        <translation>Đang đọc tệp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="148"/>
        <source>Sheet “%1”: %2 row(s).</source>
        <translation>Trang “%1”: %2 dòng.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="149"/>
        <source>Columns understood: %1.</source>
        <translation>Các cột đã hiểu: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="152"/>
        <source>Columns not recognised, left out: %1.</source>
        <translation>Các cột không nhận ra, bỏ qua: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="155"/>
        <source>New: %1 · already in the register: %2 · with problems: %3</source>
        <translation>Mới: %1 · đã có trong sổ: %2 · có lỗi: %3</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="166"/>
        <source>Every row of this file is already in the register: nothing to add.</source>
        <translation>Mọi dòng của tệp này đã có trong sổ: không có gì để thêm.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="182"/>
        <source>Imported: %1 added, %2 already there, %3 left out with problems.</source>
        <translation>Đã nhập: thêm %1, %2 đã có sẵn, bỏ qua %3 dòng có lỗi.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="188"/>
        <source>Nothing was written.</source>
        <translation>Không ghi gì.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/register_import.py" line="191"/>
        <source>Importing</source>
        <translation>Đang nhập</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <location filename="../../ui/pages/register_tab.py" line="62"/>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register_tab.py" line="63"/>
        <source>Add the entries of a register kept in Excel</source>
        <translation>Thêm các dòng của một sổ đang ghi bằng Excel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register_tab.py" line="129"/>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register_tab.py" line="197"/>
        <source>Open…</source>
        <translation>Mở…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register_tab.py" line="246"/>
        <source>Open the follow-up task</source>
        <translation>Mở công việc theo dõi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register_tab.py" line="248"/>
        <source>Follow-up task…</source>
        <translation>Tạo công việc theo dõi…</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <location filename="../../ui/dialogs/area_dialogs.py" line="50"/>
        <source>Rename</source>
        <translation>Đổi tên</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/area_dialogs.py" line="54"/>
        <source>Name *</source>
        <translation>Tên *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/area_dialogs.py" line="55"/>
        <source>Short name</source>
        <translation>Tên viết tắt</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports.py" line="60"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="63"/>
        <source>The report to the province is made from what the app holds: nothing to copy by hand. Check the period, save the file, and send it.</source>
        <translation>Báo cáo gửi tỉnh được lập từ dữ liệu trong ứng dụng, không phải chép tay. Chọn đúng kỳ, lưu tệp, rồi gửi đi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="85"/>
        <source>Reports sent from this computer</source>
        <translation>Báo cáo đã gửi từ máy này</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="87"/>
        <source>Open the outbox</source>
        <translation>Mở hộp thư đi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="93"/>
        <source>None yet. A report saved with “Also send it to the province” ticked is listed here.</source>
        <translation>Chưa có. Báo cáo lưu khi đã đánh dấu “Gửi luôn lên tỉnh” sẽ hiện ở đây.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="97"/>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="97"/>
        <source>Put in the outbox</source>
        <translation>Đưa vào hộp thư đi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="97"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="97"/>
        <source>Sent</source>
        <translation>Đã gửi lúc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="97"/>
        <source>Sent to</source>
        <translation>Gửi tới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="100"/>
        <source>Consolidate the communes&apos; reports (for the province)…</source>
        <translation>Tổng hợp báo cáo các xã (dành cho tỉnh)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="102"/>
        <source>For province staff: one summary from a folder of the communes&apos; report files.</source>
        <translation>Dành cho cán bộ tỉnh: lập một bảng tổng hợp từ thư mục chứa các tệp báo cáo của các xã.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="104"/>
        <source>Figures for Mặt trận số (weekly)…</source>
        <translation>Số liệu nhập Mặt trận số (hằng tuần)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="106"/>
        <source>One printable sheet of the week&apos;s figures, to type into the Front&apos;s national platform</source>
        <translation>Một trang in số liệu của tuần, để nhập vào nền tảng Mặt trận số</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="149"/>
        <source>(no destination yet)</source>
        <translation>(chưa đặt nơi gửi)</translation>
    </message>
</context>
<context>
    <name>RequestForm</name>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="31"/>
        <source>New request about personal data</source>
        <translation>Ghi yêu cầu về dữ liệu cá nhân</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="34"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="36"/>
        <source>Type a name to find the person on the roster</source>
        <translation>Gõ tên để tìm người trong danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="40"/>
        <source>Who asked (the person, or whoever asks for them)</source>
        <translation>Ai yêu cầu (chính người đó, hoặc người đại diện)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="42"/>
        <source>The answer and completion dates follow Decree 356/2025/NĐ-CP; the list shows them and turns red when one passes.</source>
        <translation>Hạn phản hồi và hạn hoàn thành theo Nghị định 356/2025/NĐ-CP; danh sách hiện các hạn này và tô đỏ khi đã quá.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="47"/>
        <source>Request *</source>
        <translation>Loại yêu cầu *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="48"/>
        <source>Received on *</source>
        <translation>Ngày tiếp nhận *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="49"/>
        <source>About (roster)</source>
        <translation>Về người (trong danh sách)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="50"/>
        <source>Requested by *</source>
        <translation>Người yêu cầu *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="51"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/privacy_forms.py" line="63"/>
        <source>Choose the person from the suggestions, or clear the box.</source>
        <translation>Hãy chọn người trong danh sách gợi ý, hoặc xóa ô này.</translation>
    </message>
</context>
<context>
    <name>RequestsTab</name>
    <message>
        <location filename="../../ui/pages/privacy.py" line="88"/>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="88"/>
        <source>Requested by</source>
        <translation>Người yêu cầu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="88"/>
        <source>Request</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="88"/>
        <source>Answer by</source>
        <translation>Hạn phản hồi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="89"/>
        <source>Complete by</source>
        <translation>Hạn hoàn thành</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="89"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="90"/>
        <source>New request…</source>
        <translation>Ghi yêu cầu…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="91"/>
        <source>Answered today</source>
        <translation>Đã phản hồi hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="92"/>
        <source>The person was told the request was received and will be dealt with</source>
        <translation>Đã báo cho người yêu cầu biết yêu cầu đã được tiếp nhận và sẽ được giải quyết</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="93"/>
        <source>More time…</source>
        <translation>Gia hạn…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="94"/>
        <source>Extend the time to complete, once, by at most 15 days</source>
        <translation>Gia hạn thời gian hoàn thành, một lần, không quá 15 ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="95"/>
        <source>Done…</source>
        <translation>Đã giải quyết xong…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="110"/>
        <source>Done on %1</source>
        <translation>Xong ngày %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="112"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="114"/>
        <source>Answered on %1</source>
        <translation>Đã phản hồi ngày %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="116"/>
        <source>Received, not yet answered</source>
        <translation>Đã nhận, chưa phản hồi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="118"/>
        <source>%1 more days</source>
        <translation>gia hạn %1 ngày</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="124"/>
        <source>Extended on %1 by %2 days (was due %3): %4</source>
        <translation>Gia hạn ngày %1 thêm %2 ngày (hạn cũ %3): %4</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="128"/>
        <source>%1 open, %2 overdue</source>
        <translation>%1 chưa xong, %2 quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="157"/>
        <source>Erase %1 from this commune&apos;s data now? Their name, citizen ID, phone and notes are removed everywhere, reports waiting to be sent included. This cannot be undone.</source>
        <translation>Xóa %1 khỏi dữ liệu của xã ngay bây giờ? Họ tên, số CCCD, số điện thoại và ghi chú bị xóa ở mọi nơi, kể cả các báo cáo đang chờ gửi. Không thể hoàn tác.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/privacy.py" line="159"/>
        <source>Erase on request</source>
        <translation>Xóa theo yêu cầu</translation>
    </message>
</context>
<context>
    <name>RestoreFlow</name>
    <message>
        <location filename="../../ui/restore_flow.py" line="74"/>
        <source>The newest good backup was made at %1. Restoring it brings the data back as it was then (the damaged file is kept aside). Changes made after that time will have to be entered again.</source>
        <translation>Bản sao lưu tốt gần nhất được tạo lúc %1. Khôi phục nó sẽ đưa dữ liệu về như lúc đó (tệp bị hỏng được giữ lại riêng). Những thay đổi sau thời điểm đó sẽ phải nhập lại.</translation>
    </message>
    <message>
        <location filename="../../ui/restore_flow.py" line="79"/>
        <source>Restore this backup</source>
        <translation>Khôi phục bản sao lưu này</translation>
    </message>
    <message>
        <location filename="../../ui/restore_flow.py" line="80"/>
        <source>Not now</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <location filename="../../ui/restore_flow.py" line="82"/>
        <source>No good backup was found. Do not enter new data; copy the database file and ask the province&apos;s IT for help.

%1</source>
        <translation>Không tìm thấy bản sao lưu tốt nào. Đừng nhập thêm dữ liệu; hãy chép tệp cơ sở dữ liệu và nhờ bộ phận CNTT của tỉnh giúp đỡ.

%1</translation>
    </message>
    <message>
        <location filename="../../ui/restore_flow.py" line="140"/>
        <source>The data is back as it was at %1. The state before the restore was backed up first.</source>
        <translation>Dữ liệu đã trở về như lúc %1. Tình trạng trước khi khôi phục đã được sao lưu trước.</translation>
    </message>
</context>
<context>
    <name>ResultStep</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="285"/>
        <source>Imported</source>
        <translation>Đã nhập xong</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="293"/>
        <source>Added %1 people, updated %2, left out %3.</source>
        <translation>Đã thêm %1 người, cập nhật %2 người, bỏ qua %3 dòng.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="296"/>
        <source>Residential areas added: %1.</source>
        <translation>Đã thêm các khu dân cư: %1.</translation>
    </message>
</context>
<context>
    <name>SeatsDialog</name>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="191"/>
        <source>Seats of %1</source>
        <translation>Số suất của chức danh %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appointment_dialogs.py" line="196"/>
        <source>Number of seats *</source>
        <translation>Số suất *</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../ui/application.py" line="86"/>
        <source>Front Desk already has this database open in another window (perhaps another user&apos;s on this computer). Use that window, or close it and start again.

%1</source>
        <translation>Front Desk đang mở cơ sở dữ liệu này ở một cửa sổ khác (có thể của người dùng khác trên máy này). Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại.

%1</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="54"/>
        <source>All sent</source>
        <translation>Đã gửi hết</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="56"/>
        <source>Nothing to send</source>
        <translation>Không có gì cần gửi</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="58"/>
        <source>Waiting to send: %1</source>
        <translation>Đang chờ gửi: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="61"/>
        <source>Sending…</source>
        <translation>Đang gửi…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="63"/>
        <source>Offline — will send by itself</source>
        <translation>Không có mạng — sẽ tự gửi lại</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="65"/>
        <source>Needs attention: %1</source>
        <translation>Cần xem lại: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="67"/>
        <source>No destination set</source>
        <translation>Chưa đặt nơi gửi</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="73"/>
        <source>Reports go to the folder %1</source>
        <translation>Báo cáo gửi vào thư mục %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="76"/>
        <source>Reports go to the WebDAV folder %1 (user %2)</source>
        <translation>Báo cáo gửi lên thư mục WebDAV %1 (tài khoản %2)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="78"/>
        <source>Reports go by e-mail to %1 through %2</source>
        <translation>Báo cáo gửi bằng thư điện tử tới %1, qua máy chủ %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="98"/>
        <source>No destination set yet: open the outbox and choose where reports go.</source>
        <translation>Chưa đặt nơi gửi: mở trang Gửi báo cáo và chọn nơi gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="101"/>
        <source>Waiting: %1 · sent: %2 · set aside: %3</source>
        <translation>Chờ gửi: %1 · đã gửi: %2 · để riêng: %3</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="105"/>
        <source>Next try: %1</source>
        <translation>Thử lại lúc: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="111"/>
        <source>This computer has no network now; reports are sent by themselves when it is back.</source>
        <translation>Máy đang không có mạng; báo cáo sẽ tự gửi khi có mạng trở lại.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/sync_status.py" line="113"/>
        <source>Click to open the outbox.</source>
        <translation>Bấm để mở trang Gửi báo cáo.</translation>
    </message>
</context>
<context>
    <name>TaskForm</name>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="82"/>
        <source>New task</source>
        <translation>Thêm công việc</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="82"/>
        <source>Edit task</source>
        <translation>Sửa công việc</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="87"/>
        <source>What has to be done</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="89"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="90"/>
        <source>e.g. 45/KH-MTTQ-BTT</source>
        <translation>ví dụ: 45/KH-MTTQ-BTT</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="96"/>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="102"/>
        <source>Low</source>
        <translation>Thấp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="102"/>
        <source>Normal</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="102"/>
        <source>High</source>
        <translation>Cao</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="103"/>
        <source>Urgent</source>
        <translation>Khẩn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="116"/>
        <source>Type a name to add a supporting person</source>
        <translation>Gõ tên để thêm người phối hợp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="123"/>
        <source>Remove from supporting</source>
        <translation>Bỏ khỏi danh sách phối hợp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="128"/>
        <source>Task</source>
        <translation>Công việc</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="130"/>
        <source>Title *</source>
        <translation>Tên công việc *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="131"/>
        <source>Details</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="132"/>
        <source>Organization</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="133"/>
        <source>Due date</source>
        <translation>Hạn hoàn thành</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="134"/>
        <source>Priority</source>
        <translation>Mức ưu tiên</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="135"/>
        <source>Source document</source>
        <translation>Văn bản chỉ đạo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="137"/>
        <source>Number/symbol</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="138"/>
        <source>Date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="139"/>
        <source>Issued by</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="140"/>
        <source>People</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="142"/>
        <source>Lead (in charge)</source>
        <translation>Người chủ trì</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="143"/>
        <source>Supporting</source>
        <translation>Người phối hợp</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="283"/>
        <source>Choose the person from the suggestions, or clear the box.</source>
        <translation>Hãy chọn người trong danh sách gợi ý, hoặc xóa trắng ô này.</translation>
    </message>
</context>
<context>
    <name>TaskLoad</name>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="52"/>
        <source>Has %1 open tasks, %2 overdue — overloaded</source>
        <translation>Đang có %1 việc, %2 quá hạn — đã quá tải</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_form.py" line="54"/>
        <source>Has %1 open tasks (%2 overdue), holds %3 positions</source>
        <translation>Đang có %1 việc (%2 quá hạn), giữ %3 chức danh</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <location filename="../../ui/models/tasks_model.py" line="59"/>
        <source>Task</source>
        <translation>Công việc</translation>
    </message>
    <message>
        <location filename="../../ui/models/tasks_model.py" line="59"/>
        <source>Lead</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location filename="../../ui/models/tasks_model.py" line="59"/>
        <source>Supporting</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <location filename="../../ui/models/tasks_model.py" line="59"/>
        <source>Organization</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <location filename="../../ui/models/tasks_model.py" line="60"/>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../ui/models/tasks_model.py" line="60"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/tasks_model.py" line="66"/>
        <source>Overdue by %Ln day(s)</source>
        <translation>
            <numerusform>Quá hạn %Ln ngày</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models/tasks_model.py" line="68"/>
        <source>To do</source>
        <translation>Chưa thực hiện</translation>
    </message>
    <message>
        <location filename="../../ui/models/tasks_model.py" line="68"/>
        <source>In progress</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <location filename="../../ui/models/tasks_model.py" line="69"/>
        <source>Done</source>
        <translation>Đã hoàn thành</translation>
    </message>
    <message>
        <location filename="../../ui/models/tasks_model.py" line="69"/>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <location filename="../../ui/models/tasks_model.py" line="119"/>
        <source>Completed on %1</source>
        <translation>Hoàn thành ngày %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/tasks_model.py" line="123"/>
        <source>Priority: high</source>
        <translation>Mức ưu tiên: cao</translation>
    </message>
    <message>
        <location filename="../../ui/models/tasks_model.py" line="123"/>
        <source>Priority: urgent</source>
        <translation>Mức ưu tiên: khẩn</translation>
    </message>
    <message>
        <location filename="../../ui/models/tasks_model.py" line="125"/>
        <source>Document: %1</source>
        <translation>Văn bản: %1</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../ui/pages/tasks.py" line="56"/>
        <source>Search in task titles — no accents needed</source>
        <translation>Tìm theo tên công việc — gõ không dấu cũng được</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="59"/>
        <source>Open</source>
        <translation>Chưa hoàn thành</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="59"/>
        <source>Done</source>
        <translation>Đã hoàn thành</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="60"/>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="60"/>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="65"/>
        <source>Mine</source>
        <translation>Việc của tôi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="66"/>
        <source>Tasks you lead or support</source>
        <translation>Việc bạn chủ trì hoặc phối hợp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="67"/>
        <source>Not you?</source>
        <translation>Không phải bạn?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="72"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="73"/>
        <source>Due in the next 7 days</source>
        <translation>Đến hạn trong 7 ngày tới</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="75"/>
        <source>Anyone — type a name</source>
        <translation>Mọi người — gõ tên để lọc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="76"/>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="77"/>
        <source>New task…</source>
        <translation>Thêm công việc…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="78"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="80"/>
        <location filename="../../ui/pages/tasks.py" line="393"/>
        <source>Start</source>
        <translation>Bắt đầu làm</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="81"/>
        <location filename="../../ui/pages/tasks.py" line="393"/>
        <source>Mark done</source>
        <translation>Đánh dấu hoàn thành</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="82"/>
        <source>Ctrl+D — completed today</source>
        <translation>Ctrl+D — hoàn thành hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="83"/>
        <location filename="../../ui/pages/tasks.py" line="398"/>
        <source>Cancel task</source>
        <translation>Hủy công việc</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="84"/>
        <location filename="../../ui/pages/tasks.py" line="398"/>
        <source>Reopen</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="105"/>
        <source>Status:</source>
        <translation>Trạng thái:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="107"/>
        <source>Organization:</source>
        <translation>Tổ chức:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="118"/>
        <source>Person:</source>
        <translation>Người:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="127"/>
        <source>Tasks</source>
        <translation>Công việc</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/tasks.py" line="186"/>
        <source>%Ln task(s)</source>
        <translation>
            <numerusform>%Ln công việc</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="194"/>
        <source>All organizations</source>
        <translation>Tất cả tổ chức</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="274"/>
        <source>Tasks that %1 leads or supports</source>
        <translation>Việc %1 chủ trì hoặc phối hợp</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="390"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="395"/>
        <source>Mark done on another day…</source>
        <translation>Hoàn thành vào ngày khác…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="405"/>
        <source>Show %1</source>
        <translation>Xem hồ sơ %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="408"/>
        <source>Open tasks of %1</source>
        <translation>Việc chưa hoàn thành của %1</translation>
    </message>
</context>
<context>
    <name>WeeklySummaryDialog</name>
    <message>
        <location filename="../../ui/dialogs/weekly_summary.py" line="28"/>
        <location filename="../../ui/dialogs/weekly_summary.py" line="85"/>
        <source>Figures for Mặt trận số</source>
        <translation>Số liệu nhập Mặt trận số</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/weekly_summary.py" line="31"/>
        <source>One printable sheet with the week&apos;s figures to type into Mặt trận số: organizations, members, cadres, petitions, the fund and cases, and what changed since the last sheet saved. Figures the data cannot tell are marked “không rõ”.</source>
        <translation>Một trang in số liệu của tuần để nhập vào Mặt trận số: tổ chức, hội viên, cán bộ, kiến nghị, quỹ và vụ việc, kèm thay đổi so với lần lưu trước. Số liệu mà dữ liệu của xã không cho biết được ghi “không rõ”.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/weekly_summary.py" line="39"/>
        <source>Week %1/%2: %3 – %4</source>
        <translation>Tuần %1/%2: %3 – %4</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/weekly_summary.py" line="42"/>
        <source>(this week, up to today)</source>
        <translation>(tuần này, tính đến hôm nay)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/weekly_summary.py" line="45"/>
        <source>Week:</source>
        <translation>Tuần:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/weekly_summary.py" line="49"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/weekly_summary.py" line="51"/>
        <source>Save the sheet…</source>
        <translation>Lưu trang số liệu…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/weekly_summary.py" line="74"/>
        <source>Save the sheet</source>
        <translation>Lưu trang số liệu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/weekly_summary.py" line="75"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/weekly_summary.py" line="94"/>
        <source>No earlier week&apos;s sheet to compare with.</source>
        <translation>Chưa có trang số liệu của tuần trước để so sánh.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/weekly_summary.py" line="98"/>
        <source>%1 figure(s) changed since the sheet of week %2.</source>
        <translation>%1 chỉ tiêu thay đổi so với trang số liệu tuần %2.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/weekly_summary.py" line="100"/>
        <source>%1 figure(s) not known: the sheet says why.</source>
        <translation>%1 chỉ tiêu không rõ: trang số liệu ghi lý do.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/weekly_summary.py" line="101"/>
        <source>Saved the figures of week %1.</source>
        <translation>Đã lưu số liệu tuần %1.</translation>
    </message>
</context>
<context>
    <name>WhoAreYouDialog</name>
    <message>
        <location filename="../../ui/dialogs/who_are_you.py" line="23"/>
        <source>Who are you?</source>
        <translation>Bạn là ai?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/who_are_you.py" line="26"/>
        <source>To show your own tasks, find yourself on the roster. This is asked only once for the computer account “%1”.</source>
        <translation>Để xem việc của mình, hãy tìm tên bạn trong danh sách. Câu hỏi này chỉ hỏi một lần cho tài khoản máy tính “%1”.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/who_are_you.py" line="36"/>
        <source>This is me</source>
        <translation>Đây là tôi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/who_are_you.py" line="37"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/who_are_you.py" line="50"/>
        <source>Type your name and choose yourself from the suggestions.</source>
        <translation>Hãy gõ tên bạn và chọn đúng mình trong danh sách gợi ý.</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="77"/>
        <source>Withdrawal of consent: %1</source>
        <translation>Rút lại sự đồng ý: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="78"/>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="79"/>
        <source>From this day the person&apos;s ethnicity and religion are no longer shown or exported, unless a legal basis is recorded.</source>
        <translation>Từ ngày này, dân tộc, tôn giáo của người này không còn được hiển thị hay xuất ra, trừ khi có căn cứ pháp lý.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/consent_dialogs.py" line="84"/>
        <source>Withdrawn on *</source>
        <translation>Ngày rút lại *</translation>
    </message>
</context>
<context>
    <name>_SmallForm</name>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="366"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/person_card.py" line="367"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
</TS>
