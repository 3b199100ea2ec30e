"""Words for the demo commune's registers (``app.demo.registers``): what voters
ask and by which field, the agencies that answer, who gives to the "Vì người
nghèo" fund and what it pays for, and the cases the Front takes up.

Placeholders: {area} a residential area's name, {year} the year of the day in
question, {person} a name, {disaster} a natural disaster, {company} a business.
"""
from __future__ import annotations

import unicodedata
from typing import Any


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_nfc(v) for v in value)
    return value


# field -> (weight, contents, agencies (weighted), answers)
PETITION_FIELDS: dict[str, tuple[float, list[str], list[tuple[str, float]], list[str]]] = {
    "Đất đai": (16, [
        "Đề nghị đẩy nhanh việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ ở {area} đã nộp hồ sơ từ năm {year_before}.",
        "Đề nghị giải quyết dứt điểm việc tranh chấp ranh giới đất giữa hai hộ gia đình ở {area}.",
        "Phản ánh việc một số hộ lấn chiếm đất công, hành lang đường ở {area}; đề nghị kiểm tra, xử lý.",
        "Đề nghị công khai quy hoạch, kế hoạch sử dụng đất của xã để nhân dân biết và thực hiện.",
        "Đề nghị xem xét bồi thường, hỗ trợ thỏa đáng cho các hộ bị thu hồi đất làm đường liên xã qua {area}.",
        "Đề nghị hướng dẫn thủ tục chuyển mục đích sử dụng đất vườn sang đất ở cho các hộ ở {area}.",
    ], [("UBND xã", 4), ("Chi nhánh Văn phòng Đăng ký đất đai khu vực", 4), ("Phòng Kinh tế xã", 3)], [
        "Đã rà soát hồ sơ; các hồ sơ đủ điều kiện đã được cấp giấy chứng nhận, các hộ còn lại được hướng dẫn bổ sung giấy tờ.",
        "UBND xã đã thành lập tổ công tác kiểm tra thực địa, lập biên bản và yêu cầu các hộ lấn chiếm tự tháo dỡ công trình.",
        "Quy hoạch sử dụng đất đã được niêm yết tại trụ sở UBND xã và nhà văn hóa các thôn, đăng trên trang thông tin điện tử của xã.",
        "Đã mời các bên làm việc, đo đạc lại ranh giới theo bản đồ địa chính; các bên thống nhất mốc giới.",
        "Phương án bồi thường, hỗ trợ được lập theo đơn giá của tỉnh; UBND xã đã tổ chức đối thoại với các hộ.",
        "Đã hướng dẫn các hộ lập hồ sơ chuyển mục đích sử dụng đất tại Trung tâm Phục vụ hành chính công xã.",
    ]),
    "Môi trường": (11, [
        "Rác thải sinh hoạt ở {area} chưa được thu gom thường xuyên, đề nghị tăng số chuyến thu gom trong tuần.",
        "Đề nghị kiểm tra cơ sở chăn nuôi lợn ở {area} xả nước thải ra mương chung, gây ô nhiễm, mùi hôi.",
        "Mương thoát nước chung của {area} bị ùn tắc, bốc mùi; đề nghị nạo vét trước mùa mưa.",
        "Phản ánh tình trạng đốt rơm rạ sau thu hoạch gây khói bụi, ảnh hưởng đến sức khỏe người dân.",
        "Đề nghị bố trí điểm tập kết rác thải xa khu dân cư {area}.",
    ], [("UBND xã", 4), ("Phòng Kinh tế xã", 3), ("Hợp tác xã dịch vụ môi trường", 2)], [
        "Đơn vị thu gom đã tăng lên ba chuyến mỗi tuần từ tháng này; UBND xã giao Ban công tác Mặt trận thôn theo dõi.",
        "Đã kiểm tra, lập biên bản cơ sở chăn nuôi; yêu cầu xây bể biogas và chấm dứt xả thải ra mương chung.",
        "UBND xã đã bố trí kinh phí và huy động lực lượng nạo vét mương thoát nước.",
        "Đã tuyên truyền trên loa truyền thanh và hướng dẫn nhân dân xử lý rơm rạ bằng chế phẩm sinh học.",
        "UBND xã đã khảo sát và chuyển điểm tập kết rác ra xa khu dân cư.",
    ]),
    "Giao thông nông thôn": (16, [
        "Đề nghị sửa chữa đoạn đường trục {area} bị xuống cấp, nhiều ổ gà, đi lại khó khăn trong mùa mưa.",
        "Đề nghị lắp đặt biển báo, gương cầu lồi tại ngã ba đầu {area}, nơi thường xảy ra va chạm.",
        "Đề nghị đầu tư cứng hóa đường nội đồng {area} để thuận lợi vận chuyển nông sản.",
        "Phản ánh xe tải chở vật liệu quá tải làm hư hỏng đường liên thôn qua {area}.",
        "Đề nghị lắp đặt đèn chiếu sáng đường trục {area}.",
        "Cầu tràn ở {area} bị sạt lở sau {disaster}, đề nghị sớm khắc phục.",
    ], [("UBND xã", 5), ("Phòng Kinh tế xã", 3), ("Ban Quản lý dự án đầu tư xây dựng khu vực", 2),
        ("Công an xã", 1)], [
        "Đoạn đường đã được đưa vào kế hoạch duy tu, bảo dưỡng năm {next_year} từ nguồn ngân sách xã và nhân dân đóng góp.",
        "UBND xã đã vá ổ gà, lắp đặt biển báo và gương cầu lồi tại vị trí cử tri nêu.",
        "Công an xã đã phối hợp kiểm tra, xử lý các phương tiện chở quá tải trên tuyến đường.",
        "Tuyến đường nằm trong danh mục chương trình xây dựng nông thôn mới; sẽ triển khai khi được phân bổ vốn.",
        "UBND xã đã khắc phục tạm thời, cắm biển cảnh báo; việc sửa chữa được bố trí vốn năm {next_year}.",
    ]),
    "Chính sách an sinh xã hội": (14, [
        "Đề nghị xem xét lại kết quả rà soát hộ nghèo, hộ cận nghèo năm {year} ở {area} cho công khai, khách quan.",
        "Đề nghị giải quyết kịp thời chế độ trợ cấp xã hội hằng tháng cho người cao tuổi đủ điều kiện ở {area}.",
        "Đề nghị hỗ trợ xây, sửa nhà cho hộ nghèo, hộ có hoàn cảnh khó khăn về nhà ở tại {area}.",
        "Đề nghị cấp thẻ bảo hiểm y tế kịp thời cho người thuộc hộ cận nghèo.",
        "Cử tri hỏi về chế độ đối với người có công với cách mạng và thân nhân liệt sĩ.",
        "Đề nghị hỗ trợ vốn vay ưu đãi cho hộ mới thoát nghèo để phát triển sản xuất.",
    ], [("Phòng Văn hóa - Xã hội xã", 5), ("UBND xã", 3), ("Bảo hiểm xã hội cơ sở", 1),
        ("Ngân hàng Chính sách xã hội - Phòng giao dịch", 1)], [
        "Kết quả rà soát đã được bình xét lại tại hội nghị thôn có đại diện Ban công tác Mặt trận; danh sách được niêm yết công khai.",
        "Hồ sơ đã được thẩm định; chế độ được chi trả từ tháng kế tiếp, kể cả phần truy lĩnh.",
        "Hộ gia đình đã được đưa vào danh sách hỗ trợ nhà ở từ Quỹ Vì người nghèo và chương trình xóa nhà tạm, nhà dột nát.",
        "Đã giải thích chính sách tại buổi tiếp xúc cử tri; trường hợp cụ thể được hướng dẫn lập hồ sơ.",
        "Ngân hàng Chính sách xã hội đã giải ngân vốn vay cho hộ mới thoát nghèo qua các tổ tiết kiệm và vay vốn.",
    ]),
    "Điện": (9, [
        "Điện ở {area} thường xuyên yếu, chập chờn vào giờ cao điểm; đề nghị nâng công suất trạm biến áp.",
        "Đề nghị di dời cột điện nằm sát mép đường ở {area}, gây nguy hiểm cho người đi đường.",
        "Cử tri phản ánh hóa đơn tiền điện tháng {month} tăng cao bất thường, đề nghị kiểm tra công tơ.",
        "Đề nghị thông báo lịch cắt điện sớm để nhân dân chủ động sản xuất, sinh hoạt.",
    ], [("Điện lực khu vực", 6), ("Công ty Điện lực {province}", 3)], [
        "Điện lực khu vực đã kiểm tra và lắp thêm máy biến áp; điện áp đã ổn định.",
        "Đã kiểm tra công tơ, kết quả đo đếm chính xác; mức tăng do thời tiết nắng nóng và thay đổi bậc thang giá.",
        "Lịch tạm ngừng cấp điện được thông báo trên loa truyền thanh xã và nhắn tin đến khách hàng trước ít nhất năm ngày.",
        "Việc di dời cột điện đã được đưa vào kế hoạch cải tạo lưới điện năm {next_year}.",
    ]),
    "Nước sạch": (8, [
        "Đề nghị sớm mở rộng mạng lưới nước sạch về {area}; nhiều hộ vẫn dùng nước giếng khoan nhiễm phèn.",
        "Nước máy ở {area} thường xuyên mất vào mùa khô, có mùi lạ; đề nghị kiểm tra chất lượng nước.",
        "Đề nghị giảm chi phí đấu nối nước sạch cho hộ nghèo, hộ cận nghèo.",
    ], [("Trung tâm Nước sạch và Vệ sinh môi trường nông thôn tỉnh", 4), ("Công ty cổ phần cấp nước", 3),
        ("UBND xã", 2)], [
        "Đơn vị cấp nước đã lấy mẫu xét nghiệm, chất lượng nước đạt quy chuẩn; đã súc xả đường ống.",
        "Tuyến ống về thôn đã có trong kế hoạch đầu tư năm {next_year}.",
        "Hộ nghèo, hộ cận nghèo được miễn chi phí đấu nối theo chương trình hỗ trợ của tỉnh.",
    ]),
    "Thủy lợi": (7, [
        "Đề nghị nạo vét, kiên cố hóa kênh mương nội đồng {area} trước vụ sản xuất mới.",
        "Trạm bơm của {area} xuống cấp, không đủ nước tưới; đề nghị sửa chữa.",
        "Đề nghị điều tiết nước tưới hợp lý giữa các cánh đồng trong mùa khô.",
    ], [("UBND xã", 3), ("Công ty TNHH MTV Khai thác công trình thủy lợi", 3), ("Phòng Kinh tế xã", 2)], [
        "UBND xã đã huy động nhân dân nạo vét kênh mương; đoạn kiên cố hóa đưa vào kế hoạch năm {next_year}.",
        "Công ty đã thay máy bơm mới, bảo đảm nước tưới cho vụ sản xuất.",
        "Lịch bơm nước đã được thông báo đến các thôn và hợp tác xã.",
    ]),
    "An ninh, trật tự": (9, [
        "Phản ánh tình trạng thanh thiếu niên tụ tập, đua xe vào ban đêm trên đường {area}.",
        "Đề nghị tăng cường tuần tra, xử lý tình trạng trộm cắp vặt ở {area}.",
        "Phản ánh tình trạng lừa đảo qua mạng, gọi điện giả danh cơ quan công an đối với người cao tuổi.",
        "Đề nghị xử lý các quán karaoke gây tiếng ồn sau 22 giờ ở {area}.",
    ], [("Công an xã", 8), ("UBND xã", 1)], [
        "Công an xã đã tăng cường tuần tra vào ban đêm, phối hợp tổ bảo vệ an ninh trật tự ở cơ sở.",
        "Đã tuyên truyền phòng chống lừa đảo qua mạng trên loa truyền thanh và tại các hội nghị thôn.",
        "Đã kiểm tra, lập biên bản và xử phạt vi phạm hành chính cơ sở kinh doanh gây tiếng ồn.",
    ]),
    "Y tế, giáo dục": (6, [
        "Đề nghị Trạm Y tế xã bảo đảm đủ thuốc bảo hiểm y tế và bố trí bác sĩ khám vào các buổi sáng.",
        "Đề nghị sửa chữa phòng học, nhà vệ sinh của điểm trường mầm non {area}.",
        "Phản ánh các khoản thu đầu năm học ở trường còn nhiều, đề nghị công khai và cắt giảm khoản không cần thiết.",
    ], [("Trạm Y tế xã", 3), ("Phòng Văn hóa - Xã hội xã", 4), ("UBND xã", 2)], [
        "Trạm Y tế đã bổ sung thuốc theo danh mục và bố trí lịch trực khám hằng ngày.",
        "UBND xã đã bố trí kinh phí sửa chữa trong dịp hè.",
        "Nhà trường đã công khai các khoản thu; các khoản không đúng quy định đã được dừng thu.",
    ]),
    "Nông nghiệp": (6, [
        "Đề nghị hỗ trợ giống cây trồng, vật nuôi cho các hộ bị thiệt hại do {disaster}.",
        "Đề nghị kiểm soát phân bón, thuốc bảo vệ thực vật kém chất lượng bán trên địa bàn.",
        "Đề nghị tổ chức tiêm phòng dịch tả lợn châu Phi, lở mồm long móng cho đàn gia súc.",
    ], [("Phòng Kinh tế xã", 5), ("UBND xã", 2)], [
        "Các hộ bị thiệt hại đã được hỗ trợ giống theo chính sách của tỉnh.",
        "Đã phối hợp kiểm tra các cửa hàng vật tư nông nghiệp, xử lý cơ sở vi phạm.",
        "Đã tổ chức tiêm phòng đợt hai cho đàn gia súc, gia cầm trên toàn xã.",
    ]),
    "Cải cách hành chính": (5, [
        "Đề nghị Trung tâm Phục vụ hành chính công xã hướng dẫn người cao tuổi làm thủ tục trực tuyến.",
        "Phản ánh thời gian giải quyết hồ sơ đăng ký hộ tịch, chứng thực còn chậm.",
        "Đề nghị niêm yết công khai thủ tục, phí, lệ phí tại bộ phận một cửa.",
    ], [("UBND xã", 5), ("Trung tâm Phục vụ hành chính công xã", 4)], [
        "Trung tâm đã bố trí đoàn viên thanh niên hướng dẫn người dân nộp hồ sơ trực tuyến.",
        "Đã chấn chỉnh, bảo đảm giải quyết hồ sơ đúng thời hạn; các hồ sơ trễ hạn đã có văn bản xin lỗi.",
        "Thủ tục, phí, lệ phí đã được niêm yết tại Trung tâm và trên trang thông tin điện tử của xã.",
    ]),
}

# field -> for each content above, the answer (index into its answers) that fits it
ANSWER_FOR: dict[str, list[int]] = {
    "Đất đai": [0, 3, 1, 2, 4, 5],
    "Môi trường": [0, 1, 2, 3, 4],
    "Giao thông nông thôn": [0, 1, 3, 2, 3, 4],
    "Chính sách an sinh xã hội": [0, 1, 2, 3, 3, 4],
    "Điện": [0, 3, 1, 2],
    "Nước sạch": [1, 0, 2],
    "Thủy lợi": [0, 1, 2],
    "An ninh, trật tự": [0, 0, 1, 2],
    "Y tế, giáo dục": [0, 1, 2],
    "Nông nghiệp": [0, 1, 2],
    "Cải cách hành chính": [0, 1, 2],
}

# answers the Front gives itself, without forwarding
FRONT_ANSWERS = [
    "Ban Thường trực Ủy ban MTTQ xã đã giải thích, trả lời trực tiếp tại buổi tiếp xúc; cử tri đồng tình.",
    "Nội dung đã được giải quyết theo quy định; Ủy ban MTTQ xã thông báo kết quả đến người gửi.",
    "Ủy ban MTTQ xã đã hướng dẫn công dân gửi hồ sơ đến cơ quan có thẩm quyền theo quy định.",
]
WITHDRAWN_NOTES = [
    "Người gửi rút kiến nghị.", "Trùng nội dung với kiến nghị đã tổng hợp trước đó.",
    "Nội dung đã được giải quyết tại cơ sở.",
]

DISASTERS = ["bão", "mưa lũ", "lốc xoáy", "sạt lở đất", "rét đậm, rét hại", "hạn hán"]

COMPANY_KINDS = [
    ("Công ty TNHH", 5), ("Công ty cổ phần", 3), ("Doanh nghiệp tư nhân", 2), ("Hợp tác xã", 2),
    ("Cửa hàng vật liệu xây dựng", 1), ("Quỹ tín dụng nhân dân", 1),
]
COMPANY_NAMES = [
    "Minh Phát", "Hưng Thịnh", "Thành Công", "Phú Cường", "Hoàng Long", "An Khang", "Đức Tài",
    "Việt Tiến", "Tân Phát", "Hòa Bình", "Bảo Ngọc", "Trường Sơn", "Quang Minh", "Hải Đăng",
]
COMPANY_TRADES = ["Xây dựng", "Thương mại và Dịch vụ", "Vận tải", "Chế biến nông sản", "May mặc", ""]

# receipts from the commune's bodies (the one-day salary most of all)
ORGANIZATION_DONORS: list[tuple[str, float, int, int]] = [  # name, weight, low, high (đồng)
    ("Cán bộ, công chức xã (ủng hộ một ngày lương)", 6, 4_000_000, 9_000_000),
    ("Đảng ủy, HĐND, UBND xã (ủng hộ một ngày lương)", 3, 3_000_000, 6_000_000),
    ("Trường Mầm non xã (cán bộ, giáo viên ủng hộ một ngày lương)", 3, 1_500_000, 4_000_000),
    ("Trường Tiểu học xã (cán bộ, giáo viên ủng hộ một ngày lương)", 3, 2_000_000, 5_000_000),
    ("Trường THCS xã (cán bộ, giáo viên ủng hộ một ngày lương)", 3, 2_000_000, 5_000_000),
    ("Trạm Y tế xã", 2, 1_000_000, 3_000_000),
    ("Công an xã", 2, 2_000_000, 5_000_000),
    ("Ban Chỉ huy Quân sự xã", 1, 1_000_000, 3_000_000),
    ("Hội Nông dân xã", 2, 1_000_000, 3_000_000),
    ("Hội Liên hiệp Phụ nữ xã", 2, 1_000_000, 3_000_000),
    ("Hội Cựu chiến binh xã", 2, 1_000_000, 3_000_000),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", 1, 500_000, 2_000_000),
    ("Hội Người cao tuổi xã", 1, 500_000, 2_000_000),
    ("Ngân hàng Nông nghiệp và Phát triển nông thôn - Chi nhánh khu vực", 2, 5_000_000, 20_000_000),
    ("Bưu điện xã", 1, 500_000, 2_000_000),
]
HOMETOWN_DONORS = [
    "Hội đồng hương xã tại Thành phố Hồ Chí Minh", "Hội đồng hương xã tại Hà Nội",
    "Con em quê hương làm ăn xa", "Nhà chùa trên địa bàn xã", "Giáo xứ trên địa bàn xã",
]

# spending
HOUSE_BUILD_NOTES = [
    "Hỗ trợ xây mới nhà Đại đoàn kết cho hộ nghèo.",
    "Hỗ trợ xây nhà Đại đoàn kết (hộ có hoàn cảnh đặc biệt khó khăn về nhà ở).",
    "Hỗ trợ xây mới nhà ở, xóa nhà tạm, nhà dột nát.",
]
HOUSE_REPAIR_NOTES = [
    "Hỗ trợ sửa chữa nhà Đại đoàn kết bị dột, hư hỏng mái.",
    "Hỗ trợ sửa chữa nhà ở cho hộ cận nghèo.",
    "Hỗ trợ sửa chữa nhà bị hư hỏng sau {disaster}.",
]
HEALTH_NOTES = [
    "Hỗ trợ chi phí điều trị bệnh hiểm nghèo.", "Hỗ trợ người bệnh nặng điều trị dài ngày.",
    "Thăm hỏi, hỗ trợ người bệnh có hoàn cảnh khó khăn.",
]
SUPPORT_NOTES = [
    "Hỗ trợ đột xuất hộ gặp hoàn cảnh khó khăn.", "Hỗ trợ hộ bị thiệt hại do {disaster}.",
    "Hỗ trợ sinh kế (giống, vật nuôi) cho hộ nghèo.",
]

# cases: kind -> (weight, titles, findings, recommendations)
MEDIATION_MATTERS = [
    "tranh chấp ranh giới đất", "tranh chấp lối đi chung", "mâu thuẫn về nước thải sinh hoạt",
    "mâu thuẫn vợ chồng", "tranh chấp chia thừa kế quyền sử dụng đất", "tranh chấp vay mượn tiền",
    "vật nuôi phá hoại hoa màu", "mâu thuẫn do tiếng ồn", "tranh chấp xây tường rào lấn sang đất liền kề",
]
MEDIATION_FINDINGS = [
    "Tổ hòa giải {area} đã gặp gỡ từng bên, tìm hiểu nguyên nhân và tổ chức buổi hòa giải có mặt các bên.",
    "Tổ hòa giải phối hợp trưởng thôn và công an viên xác minh thực địa, nghe ý kiến các hộ liền kề.",
]
MEDIATION_SUCCESS = [
    "Các bên thống nhất phương án giải quyết, ký biên bản hòa giải thành.",
    "Các bên tự nguyện thỏa thuận, cam kết không tái diễn mâu thuẫn.",
]
MEDIATION_FAILURE = [
    "Các bên chưa thống nhất; hướng dẫn gửi đơn đến UBND xã theo quy định.",
]

INSPECTION_TITLES = [
    "Kiểm tra việc thu, chi các khoản đóng góp tự nguyện của nhân dân {area}",
    "Kiểm tra việc bình xét hộ nghèo, hộ cận nghèo năm {year}",
    "Kiểm tra việc thực hiện dân chủ ở cơ sở trong giải quyết hồ sơ đất đai",
    "Kiểm tra việc chi trả trợ cấp xã hội hằng tháng tại {area}",
    "Kiểm tra việc giải quyết đơn của công dân ở {area} về bồi thường giải phóng mặt bằng",
    "Kiểm tra việc quản lý, sử dụng kinh phí sửa chữa nhà văn hóa {area}",
]
INSPECTION_FINDINGS = [
    "Việc thu, chi cơ bản đúng quy định; một số khoản chi chưa đủ chứng từ.",
    "Việc bình xét được thực hiện công khai; có hai trường hợp chưa đúng tiêu chí.",
    "Quy trình đúng quy định nhưng chậm thời gian niêm yết công khai.",
    "Không phát hiện sai phạm.",
]
INVESTMENT_PROJECTS = [
    "đường giao thông nông thôn {area}", "nhà văn hóa {area}", "kênh mương nội đồng {area}",
    "sân thể thao {area}", "điểm trường mầm non {area}", "hệ thống chiếu sáng đường trục {area}",
    "cầu tràn {area}", "nghĩa trang nhân dân xã (giai đoạn 2)",
]
INVESTMENT_FINDINGS = [
    "Công trình thi công đúng thiết kế, bảo đảm tiến độ; khối lượng nghiệm thu phù hợp.",
    "Một số đoạn bê tông chưa đủ độ dày thiết kế; đơn vị thi công đã khắc phục.",
    "Tiến độ chậm so với hợp đồng do vướng mặt bằng; chất lượng vật liệu đạt yêu cầu.",
    "Biển công khai thông tin công trình chưa được lắp đặt tại chân công trình.",
]
SUPERVISION_TITLES = [
    "Giám sát việc thực hiện chính sách bảo hiểm y tế cho người thuộc hộ cận nghèo",
    "Giám sát việc giải quyết kiến nghị của cử tri sau kỳ họp HĐND xã",
    "Giám sát việc thu gom, xử lý rác thải sinh hoạt trên địa bàn xã",
    "Giám sát việc bình xét đối tượng được hỗ trợ nhà ở năm {year}",
    "Giám sát việc tiếp công dân của Chủ tịch UBND xã",
    "Giám sát việc thực hiện quy ước, hương ước ở {area}",
    "Giám sát việc rèn luyện, tu dưỡng đạo đức, lối sống của cán bộ, đảng viên nơi cư trú",
]
SUPERVISION_FINDINGS = [
    "Cơ quan được giám sát đã thực hiện cơ bản đầy đủ; còn chậm ở một số nội dung.",
    "Các kiến nghị của cử tri đã được trả lời; một số nội dung chưa được giải quyết dứt điểm.",
    "Việc thực hiện đúng quy định; nhân dân đồng tình.",
]
CRITICISM_DRAFTS = [
    "Phản biện dự thảo Nghị quyết HĐND xã về kế hoạch phát triển kinh tế - xã hội năm {next_year}",
    "Phản biện dự thảo kế hoạch sử dụng đất năm {next_year} của xã",
    "Phản biện dự thảo đề án đặt tên đường, công trình công cộng trên địa bàn xã",
    "Phản biện dự thảo quy định mức thu các khoản đóng góp tự nguyện xây dựng nông thôn mới",
    "Phản biện dự thảo quy hoạch chung xã đến năm 2035",
]
CRITICISM_FINDINGS = [
    "Hội nghị phản biện có đại diện các tổ chức thành viên, chuyên gia và người dân; thống nhất với nội dung chính.",
    "Dự thảo còn thiếu giải pháp huy động nguồn lực; một số chỉ tiêu chưa sát thực tế.",
]
RECOMMENDATIONS = [
    "Đề nghị UBND xã chỉ đạo khắc phục các tồn tại và báo cáo kết quả trước ngày {deadline}.",
    "Đề nghị công khai kết quả đến nhân dân tại hội nghị thôn.",
    "Đề nghị bổ sung chứng từ, hoàn thiện hồ sơ theo quy định.",
    "Đề nghị cơ quan soạn thảo tiếp thu, chỉnh lý dự thảo và giải trình các ý kiến chưa tiếp thu.",
]

PETITION_FIELDS = _nfc(PETITION_FIELDS)
ANSWER_FOR = _nfc(ANSWER_FOR)
FRONT_ANSWERS = _nfc(FRONT_ANSWERS)
WITHDRAWN_NOTES = _nfc(WITHDRAWN_NOTES)
DISASTERS = _nfc(DISASTERS)
COMPANY_KINDS = _nfc(COMPANY_KINDS)
COMPANY_NAMES = _nfc(COMPANY_NAMES)
COMPANY_TRADES = _nfc(COMPANY_TRADES)
ORGANIZATION_DONORS = _nfc(ORGANIZATION_DONORS)
HOMETOWN_DONORS = _nfc(HOMETOWN_DONORS)
HOUSE_BUILD_NOTES = _nfc(HOUSE_BUILD_NOTES)
HOUSE_REPAIR_NOTES = _nfc(HOUSE_REPAIR_NOTES)
HEALTH_NOTES = _nfc(HEALTH_NOTES)
SUPPORT_NOTES = _nfc(SUPPORT_NOTES)
MEDIATION_MATTERS = _nfc(MEDIATION_MATTERS)
MEDIATION_FINDINGS = _nfc(MEDIATION_FINDINGS)
MEDIATION_SUCCESS = _nfc(MEDIATION_SUCCESS)
MEDIATION_FAILURE = _nfc(MEDIATION_FAILURE)
INSPECTION_TITLES = _nfc(INSPECTION_TITLES)
INSPECTION_FINDINGS = _nfc(INSPECTION_FINDINGS)
INVESTMENT_PROJECTS = _nfc(INVESTMENT_PROJECTS)
INVESTMENT_FINDINGS = _nfc(INVESTMENT_FINDINGS)
SUPERVISION_TITLES = _nfc(SUPERVISION_TITLES)
SUPERVISION_FINDINGS = _nfc(SUPERVISION_FINDINGS)
CRITICISM_DRAFTS = _nfc(CRITICISM_DRAFTS)
CRITICISM_FINDINGS = _nfc(CRITICISM_FINDINGS)
RECOMMENDATIONS = _nfc(RECOMMENDATIONS)
