"""Data for the demo commune (``app.demo.builder``): names, places, and wording.

Everything here is plain data, written with full Vietnamese diacritics in NFC
(the module normalizes once at import, so a decomposed copy-paste cannot slip
in). Weights are relative, not percentages that must add up.
"""
from __future__ import annotations

import unicodedata
from typing import Any


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, tuple):
        return tuple(_nfc(v) for v in value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    return value


# -- Kinh names ----------------------------------------------------------------

# Surname shares, roughly as national surveys give them. "Hoàng"/"Huỳnh" and
# "Vũ"/"Võ" are the same names, northern and southern: see REGIONAL_SURNAMES.
SURNAMES: list[tuple[str, float]] = [
    ("Nguyễn", 31.0), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.0), ("Hoàng", 3.0),
    ("Huỳnh", 2.0), ("Phan", 4.5), ("Vũ", 2.2), ("Võ", 1.7), ("Đặng", 2.1), ("Bùi", 2.0),
    ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đào", 0.8),
    ("Đinh", 0.8), ("Mai", 0.6), ("Trương", 0.8), ("Lương", 0.6), ("Cao", 0.5),
    ("Đoàn", 0.6), ("Trịnh", 0.7), ("Tạ", 0.3), ("Lâm", 0.4), ("Hà", 0.5), ("Phùng", 0.3),
    ("Tô", 0.3), ("Quách", 0.2), ("Chu", 0.3), ("Kiều", 0.2), ("Vương", 0.2), ("Thái", 0.2),
    ("Lưu", 0.3), ("Triệu", 0.2), ("Doãn", 0.1), ("Khúc", 0.1), ("Lại", 0.2), ("Từ", 0.1),
    ("Châu", 0.2), ("La", 0.1), ("Tăng", 0.1), ("Giáp", 0.1), ("Nghiêm", 0.1), ("Âu", 0.1),
    # the long tail, so that the shares above come out right
    ("Khổng", 0.4), ("Ông", 0.4), ("Đàm", 0.5), ("Lã", 0.4), ("Mạc", 0.4), ("Thân", 0.5),
    ("Ninh", 0.4), ("Tôn", 0.4), ("Bạch", 0.4), ("Diệp", 0.4), ("Hứa", 0.5), ("Mã", 0.4),
    ("Quan", 0.4), ("Trình", 0.4), ("Đồng", 0.5), ("Hàn", 0.4), ("Kim", 0.4), ("Lạc", 0.3),
    ("Văn", 0.4), ("Phí", 0.4),
]

# The same surname has its northern or southern form by region.
REGIONAL_SURNAMES = {
    "north": {"Huỳnh": 0.3, "Võ": 0.4},  # multiplier on the weight
    "south": {"Hoàng": 0.3, "Vũ": 0.3, "Huỳnh": 1.8, "Võ": 1.8},
}

MIDDLE_MALE_OLD = [  # men born before about 1975
    ("Văn", 60), ("Hữu", 7), ("Đức", 7), ("Công", 5), ("Quang", 4), ("Đình", 5),
    ("Xuân", 4), ("Ngọc", 3), ("Minh", 3), ("Trọng", 2), ("Bá", 2), ("Thanh", 2),
]
MIDDLE_MALE = [
    ("Văn", 22), ("Hữu", 6), ("Đức", 8), ("Công", 6), ("Quang", 6), ("Minh", 9),
    ("Thành", 5), ("Xuân", 3), ("Ngọc", 3), ("Đình", 4), ("Trọng", 3), ("Mạnh", 3),
    ("Tuấn", 3), ("Hoàng", 4), ("Gia", 4), ("Anh", 3), ("Quốc", 5), ("Thanh", 3),
    ("Duy", 3), ("Tiến", 2), ("Việt", 2), ("Hải", 2), ("Nhật", 3), ("Bảo", 3), ("Khánh", 2),
]
MIDDLE_FEMALE_OLD = [
    ("Thị", 82), ("Ngọc", 3), ("Thu", 3), ("Thanh", 3), ("Kim", 3), ("Hồng", 2),
    ("Bích", 2), ("Xuân", 2),
]
MIDDLE_FEMALE = [
    ("Thị", 35), ("Ngọc", 7), ("Thu", 6), ("Thanh", 6), ("Kim", 4), ("Mỹ", 4), ("Hồng", 4),
    ("Bích", 2), ("Thúy", 3), ("Phương", 4), ("Minh", 4), ("Hải", 2), ("Khánh", 3),
    ("Bảo", 4), ("Diệu", 2), ("Quỳnh", 2), ("Hoài", 2), ("Thùy", 3), ("Như", 2), ("Tuyết", 1),
    ("Mai", 2), ("Lan", 1),
]
# A second middle name after "Thị" ("Nguyễn Thị Thu Hà") or before the given name.
SECOND_MIDDLE_FEMALE = ["Thu", "Thanh", "Ngọc", "Kim", "Hồng", "Mỹ", "Bích", "Minh", "Hải"]
SECOND_MIDDLE_MALE = ["Minh", "Anh", "Quốc", "Gia", "Đức", "Hoàng", "Nhật"]

GIVEN_MALE = [
    "An", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Công", "Dũng", "Duy", "Dương", "Đại",
    "Đạt", "Định", "Đông", "Đức", "Giang", "Hải", "Hào", "Hậu", "Hiếu", "Hiệp", "Hòa",
    "Hoàng", "Huy", "Hùng", "Hưng", "Khải", "Khang", "Khánh", "Khoa", "Kiên", "Lâm",
    "Lộc", "Long", "Luân", "Lực", "Mạnh", "Minh", "Nam", "Nghĩa", "Nguyên", "Nhân", "Phát",
    "Phong", "Phú", "Phúc", "Quang", "Quân", "Quý", "Quyết", "Sang", "Sơn", "Tài", "Tâm",
    "Tân", "Thái", "Thắng", "Thành", "Thịnh", "Thông", "Tiến", "Toàn", "Trí", "Trọng",
    "Trung", "Trường", "Tú", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Vương", "Thuận",
    "Lợi", "Thanh", "Hợp", "Tuyên", "Chung", "Bắc",
]
GIVEN_FEMALE = [
    "An", "Anh", "Ánh", "Bích", "Chi", "Cúc", "Dung", "Duyên", "Diệp", "Đào", "Giang",
    "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hoài", "Hồng", "Huệ", "Huyền", "Hương", "Hường",
    "Khánh", "Lan", "Liên", "Liễu", "Linh", "Loan", "Lụa", "Mai", "My", "Mỹ", "Nga",
    "Ngân", "Ngọc", "Nguyệt", "Nhàn", "Nhi", "Nhung", "Oanh", "Phương", "Phượng", "Quyên",
    "Quỳnh", "Sen", "Tâm", "Thảo", "Thơ", "Thu", "Thủy", "Thúy", "Thư", "Thương", "Trang",
    "Trâm", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Xuân", "Yến", "Lệ", "Tươi", "Mến",
    "Nhài", "Thắm", "Gấm", "Hậu", "Lý", "Ngần", "Thoa",
]

# -- ethnic-minority names, by naming tradition ----------------------------------
#
# Each style: surnames, the male and female pattern, and the given names.
# "{s}" surname, "{m}" a fixed middle word, "{g}" the given name.

MINORITY_STYLES: dict[str, dict[str, Any]] = {
    "H'Mông": {
        "surnames": ["Giàng", "Sùng", "Vàng", "Thào", "Lý", "Mùa", "Hờ", "Lầu", "Cứ", "Tráng"],
        "male": "{s} A {g}",
        "female": "{s} Thị {g}",
        "given_male": ["Páo", "Dình", "Chứ", "Sử", "Tủa", "Lử", "Chống", "Sình", "Khua", "Dế",
                       "Pó", "Vừ", "Cở", "Súa", "Chính", "Tủng"],
        "given_female": ["Mỷ", "Dua", "Ly", "Súa", "Pàng", "Chù", "Dở", "Mai", "Sinh", "Xí",
                         "Nhìa", "Say", "Mò"],
    },
    "Thái": {
        "surnames": ["Lò", "Cầm", "Lường", "Quàng", "Tòng", "Hà", "Vi", "Lừ"],
        "male": "{s} Văn {g}",
        "female": "{s} Thị {g}",
        "given_male": ["Sáng", "Pản", "Khăm", "Ón", "Phong", "Thanh", "Xuân", "Tiến", "Bun",
                       "Inh", "Chiến", "Hặc"],
        "given_female": ["Ọn", "Hoa", "Ngoan", "Xuân", "Biên", "Lả", "Thoa", "Mai", "Phương",
                         "Ín", "Pọm", "Ơn"],
    },
    "Tày": {
        "surnames": ["Nông", "Hoàng", "Lục", "Ma", "Lương", "Bế", "Hà", "Lăng"],
        "male": "{s} Văn {g}",
        "female": "{s} Thị {g}",
        "given_male": ["Thụ", "Pảo", "Tuấn", "Nhàn", "Khánh", "Tài", "Slao", "Thào", "Pùng",
                       "Đoàn", "Hùng"],
        "given_female": ["Lan", "Hiền", "Mây", "Thơm", "Mến", "Nhình", "Slim", "Hoan", "Lụa",
                         "Đào"],
    },
    "Nùng": {
        "surnames": ["Lục", "Hoàng", "Nông", "Vi", "Lương", "Chu", "Mã", "Lý"],
        "male": "{s} Văn {g}",
        "female": "{s} Thị {g}",
        "given_male": ["Sình", "Páo", "Slằn", "Lìn", "Cáo", "Thắng", "Phủ", "Vằn"],
        "given_female": ["Mùi", "Lìn", "Nhất", "Slám", "Pịa", "Liên", "Sao"],
    },
    "Dao": {
        "surnames": ["Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chảo", "Tẩn"],
        "male": "{s} Văn {g}",
        "female": "{s} Thị {g}",
        "given_male": ["Phin", "Quẩy", "Sành", "Kiềm", "Thắng", "Chòi", "Tòn", "Lở", "Vần"],
        "given_female": ["Mẩy", "Nhất", "Xiêm", "Kiều", "Phẩy", "Mùi", "Chiêm", "Slàng"],
    },
    "Ê Đê": {
        # Given name first: "Y" for men, "H'" for women, the clan name last.
        "surnames": ["Niê", "Mlô", "Êban", "Ayun", "Byă", "Adrơng", "Hwing", "Knul", "Buôn Yă",
                     "Niê Kđăm"],
        "male": "Y {g} {s}",
        "female": "H'{g} {s}",
        "given_male": ["Wang", "Bhin", "Khu", "Ngông", "Sơn", "Tlang", "Thuân", "Blin", "Djao",
                       "Kha", "Dhăm", "Ly"],
        "given_female": ["Hen", "Ngoan", "Bia", "Yam", "Ri", "Đoan", "Lan", "Mai", "Nhi", "Juên",
                         "Linh", "Bơn"],
    },
    "Gia Rai": {
        "surnames": ["Ksor", "Siu", "Rơ Châm", "Rơ Mah", "Kpă", "Nay", "Puih", "Rahlan"],
        "male": "{s} {g}",
        "female": "{s} H'{g}",
        "given_male": ["Blơh", "Blik", "Hlim", "Tuấn", "Thưn", "Kông", "Yơn", "Dũng", "Hyin"],
        "given_female": ["Ben", "Nhinh", "Mai", "Juel", "Lê", "Plưm", "Phi", "Nga"],
    },
    "Khmer": {
        "surnames": ["Thạch", "Sơn", "Danh", "Kim", "Chau", "Lâm", "Trầm", "Lý"],
        "male": "{s} {g}",
        "female": "{s} Thị {g}",
        "given_male": ["Sóc Khía", "Út", "Sa Rươne", "Phol", "Chanh", "Kha", "Khel", "Sây",
                       "Phước Bình", "Sa Rinh", "Sóc Khăng", "Ny"],
        "given_female": ["Sa Pha", "Chanh Đa", "Sa Rây", "Sóc Phia", "Kim Thoa", "Ngọc Hiền",
                         "Phan Na", "Sa Ri", "Mỹ Linh", "Sô Phênh"],
    },
}

# Ethnic groups whose people mostly carry Kinh-style names (and are counted
# under their own ethnicity all the same).
KINH_STYLE_MINORITIES = ["Tày", "Mường", "Hoa", "Nùng", "Thái"]

# By region: the share of people with a minority naming tradition, which ones,
# and which other ethnicities appear among people with Kinh-style names.
REGIONS: dict[str, dict[str, Any]] = {
    "north_mountain": {
        "provinces": ["04", "08", "11", "12", "14", "15", "19", "20"],
        "minority_style": [("H'Mông", 3), ("Thái", 3), ("Tày", 3), ("Nùng", 2), ("Dao", 2)],
        "kinh_style_other": [("Tày", 5), ("Nùng", 2), ("Mường", 1), ("Hoa", 0.3)],
        "surname_region": "north",
    },
    "north_delta": {
        "provinces": ["01", "22", "24", "25", "31", "33", "37"],
        "minority_style": [("Thái", 1), ("Tày", 2), ("Dao", 2), ("H'Mông", 1), ("Nùng", 1)],
        "kinh_style_other": [("Mường", 1.5), ("Tày", 1), ("Hoa", 0.5), ("Nùng", 0.3)],
        "surname_region": "north",
    },
    "north_central": {
        "provinces": ["38", "40", "42", "44", "46"],
        "minority_style": [("Thái", 4), ("H'Mông", 1), ("Dao", 0.5)],
        "kinh_style_other": [("Mường", 2), ("Thái", 1), ("Hoa", 0.3)],
        "surname_region": "north",
    },
    "south_central": {
        "provinces": ["48", "51", "56"],
        "minority_style": [("Ê Đê", 1), ("Gia Rai", 1), ("Khmer", 0.3)],
        "kinh_style_other": [("Hoa", 1), ("Mường", 0.3), ("Tày", 0.3)],
        "surname_region": "south",
    },
    "highlands": {
        "provinces": ["52", "66", "68"],
        "minority_style": [("Ê Đê", 3), ("Gia Rai", 3), ("H'Mông", 0.5), ("Tày", 0.5),
                           ("Nùng", 0.5), ("Dao", 0.5)],
        "kinh_style_other": [("Tày", 1.5), ("Nùng", 1.5), ("Mường", 1), ("Hoa", 0.5)],
        "surname_region": "south",
    },
    "south": {
        "provinces": ["75", "79", "80", "82", "86", "91", "92", "96"],
        "minority_style": [("Khmer", 5), ("Thái", 0.2), ("Tày", 0.2)],
        "kinh_style_other": [("Hoa", 2.5), ("Tày", 0.3), ("Nùng", 0.3), ("Mường", 0.2)],
        "surname_region": "south",
    },
}

# Religion by ethnicity (None: no religion, as most rosters record it).
RELIGIONS_DEFAULT = [
    (None, 85.5), ("Phật giáo", 8.5), ("Công giáo", 4.8), ("Tin Lành", 0.8),
    ("Cao Đài", 0.25), ("Hòa Hảo", 0.15),
]
RELIGIONS_BY_ETHNICITY = {
    "Khmer": [(None, 15), ("Phật giáo", 84), ("Công giáo", 1)],
    "Ê Đê": [(None, 45), ("Tin Lành", 40), ("Công giáo", 15)],
    "Gia Rai": [(None, 55), ("Tin Lành", 30), ("Công giáo", 15)],
    "H'Mông": [(None, 80), ("Tin Lành", 18), ("Công giáo", 2)],
    "Hoa": [(None, 55), ("Phật giáo", 40), ("Công giáo", 5)],
}
# Southern provinces: Cao Đài and Hòa Hảo are where they live.
RELIGIONS_SOUTH = [
    (None, 72), ("Phật giáo", 14), ("Công giáo", 6), ("Tin Lành", 1), ("Cao Đài", 4),
    ("Hòa Hảo", 3),
]

# -- residential areas ----------------------------------------------------------

THON_NAMES = [
    "Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "Đoài", "Trung Hòa", "Tân Lập",
    "Tân Tiến", "Tân Phú", "Đông Hưng", "Phú Mỹ", "An Bình", "Hòa Bình", "Thanh Bình",
    "Quyết Tiến", "Đồng Tâm", "Thắng Lợi", "Tiền Phong", "Đoàn Kết", "Hưng Long", "Yên Phú",
    "Mỹ Lộc", "Phú Hòa", "Tân Hưng", "Đông Thành", "Xuân Lộc", "Lạc Thịnh", "Bình Minh",
    "Hợp Tiến", "Quang Trung", "Đồng Lạc", "Đại Đồng", "Trung Thành", "An Phú", "Thống Nhất",
    "Liên Hiệp", "Đức Thắng", "Yên Bình", "Phúc Lâm", "Hưng Thịnh", "Kim Liên", "Thọ Vực",
    "Đông Xá", "Cổ Pháp", "Văn Lâm", "Phú Thịnh", "Trại Mới",
]
XOM_NAMES = ["Chùa", "Đình", "Mới", "Trại", "Bãi", "Giữa", "Đồng", "Cầu", "Chợ", "Rừng"]
BAN_NAMES = [
    "Nà Khoang", "Nà Tấu", "Nà Pản", "Bó Lếch", "Khuổi Luông", "Pác Bó", "Huổi Lếch",
    "Phiêng Lanh", "Co Muông", "Nà Lừa", "Pá Chả", "Tà Sùng", "Lũng Phìn", "Sín Chải",
    "Lao Chải", "Tả Van", "Nậm Cang", "Hua Pe", "Phiêng Pằn", "Nà Sài", "Khau Vai", "Bản Pác",
]
BUON_NAMES = [
    "Buôn Ko Tam", "Buôn Ea Bông", "Buôn Trấp", "Buôn Kô Siêr", "Buôn Ea Nao", "Buôn Cuôr Đăng",
    "Plei Chuét", "Plei Ốp", "Plei Ơi", "Làng Kép", "Làng Mơ Nú", "Làng Đê Kôn",
]
AP_NAMES = [
    "Tân Lập", "Mỹ Hòa", "Bình Thạnh", "Phú An", "Long Hưng", "Tân Thới", "Hòa Lợi",
    "Thạnh Phú", "Vĩnh Thuận", "Bưng Cần", "Sóc Xoài", "Mương Khai", "Kinh Xáng", "Rạch Gốc",
    "Cái Đôi", "Xẻo Mỹ", "Giồng Trôm", "Long Thạnh", "Mỹ Phước", "Tân Hiệp", "An Thới",
    "Phước Lợi", "Bàu Sen", "Chòm Sao", "Trà Cú", "Phú Lợi",
]

# How a region names the residential areas of a rural commune: (style, weight).
# Styles: ("named", prefix, names) or ("numbered", prefix) or ("full", names).
AREA_STYLES = {
    "north_mountain": [(("named", "Thôn", THON_NAMES), 35), (("numbered", "Thôn"), 15),
                       (("named", "Bản", BAN_NAMES), 40), (("named", "Xóm", XOM_NAMES), 10)],
    "north_delta": [(("named", "Thôn", THON_NAMES), 70), (("numbered", "Thôn"), 15),
                    (("named", "Xóm", XOM_NAMES), 15)],
    "north_central": [(("named", "Thôn", THON_NAMES), 50), (("numbered", "Thôn"), 15),
                      (("numbered", "Xóm"), 15), (("named", "Xóm", XOM_NAMES), 20)],
    "south_central": [(("named", "Thôn", THON_NAMES), 70), (("numbered", "Thôn"), 30)],
    "highlands": [(("named", "Thôn", THON_NAMES), 40), (("numbered", "Thôn"), 30),
                  (("full", BUON_NAMES), 30)],
    "south": [(("named", "Ấp", AP_NAMES), 65), (("numbered", "Ấp"), 35)],
}
# Wards: numbered areas.
WARD_AREA_PREFIX = {"south": "Khu phố"}
WARD_AREA_PREFIX_DEFAULT = "Tổ dân phố"

# -- tasks ---------------------------------------------------------------------

# Placeholders: {year} this year, {next_year}, {area} a residential area,
# {branch} a branch, {org} a member organization's short name, {topic},
# {program}, {draft}, {occasion}, {campaign}, {model}, {disaster}, {nth}, {term_end},
# {person} "ông/bà" and a person's name, {plan_no} a document number.
TASK_TEMPLATES: list[tuple[str, float]] = [
    ("Triển khai Kế hoạch số {plan_no}/KH-MTTQ-BTT về {topic}", 6),
    ("Triển khai Hướng dẫn số {plan_no}/HD-MTTQ-BTT về {topic}", 3),
    ("Vận động ủng hộ Quỹ “Vì người nghèo” năm {year}", 3),
    ("Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư {area}", 4),
    ("Giám sát việc thực hiện {program}", 5),
    ("Lấy ý kiến nhân dân về {draft}", 4),
    ("Phản biện xã hội đối với {draft}", 2),
    ("Tổng hợp ý kiến, kiến nghị của cử tri {area} trước kỳ họp HĐND xã", 3),
    ("Rà soát, bình xét hộ nghèo, hộ cận nghèo tại {area}", 3),
    ("Phối hợp tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân", 1),
    ("Thăm, tặng quà gia đình chính sách, hộ nghèo nhân dịp {occasion}", 3),
    ("Hướng dẫn bình xét danh hiệu khu dân cư văn hóa năm {year} tại {area}", 2),
    ("Vận động hỗ trợ xây dựng nhà Đại đoàn kết cho hộ {person} ({area})", 3),
    ("Báo cáo kết quả thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới,"
     " đô thị văn minh”", 2),
    ("Tiếp nhận, phân bổ kinh phí hỗ trợ đồng bào bị thiệt hại do {disaster}", 2),
    ("Kiểm tra hoạt động của Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng", 1),
    ("Kiện toàn Ban công tác Mặt trận {area}", 2),
    ("Kiện toàn Ban chấp hành {branch}", 2),
    ("Tuyên truyền {campaign} đến hội viên, đoàn viên và Nhân dân", 4),
    ("Phát triển hội viên mới tại {branch}", 3),
    ("Xây dựng mô hình “{model}” tại {area}", 3),
    ("Hướng dẫn tổ chức Đại hội {branch} nhiệm kỳ {next_year}–{term_end}", 1),
    ("Tổng hợp danh sách đề nghị khen thưởng năm {year} của {org}", 2),
    ("Vận động Nhân dân hiến đất, ngày công mở rộng đường giao thông tại {area}", 2),
    ("Ra quân vệ sinh môi trường “Ngày Chủ nhật xanh” tại {area}", 3),
    ("Triển khai phong trào “Toàn dân bảo vệ an ninh Tổ quốc” tại {area}", 2),
    ("Rà soát thanh niên trong độ tuổi thực hiện nghĩa vụ quân sự năm {next_year}", 1),
    ("Hướng dẫn Nhân dân kích hoạt và sử dụng tài khoản định danh điện tử VNeID tại {area}", 3),
    ("Hỗ trợ người dân thực hiện thủ tục hành chính trên Cổng Dịch vụ công quốc gia", 2),
    ("Tổ chức “Tết vì người nghèo và nạn nhân chất độc da cam” Xuân {next_year}", 1),
    ("Xác minh, giải quyết đơn phản ánh của {person} ({area})", 3),
    ("Chuẩn bị nội dung Hội nghị Ủy ban MTTQ xã lần thứ {nth}", 1),
    ("Báo cáo kết quả giám sát {program}", 2),
    ("Phối hợp tổ chức tập huấn nghiệp vụ công tác Mặt trận cho Ban công tác Mặt trận {area}", 2),
    ("Đôn đốc thu nộp Quỹ hội và hội phí năm {year} của {branch}", 2),
    ("Cập nhật số liệu hội viên {branch} vào phần mềm quản lý", 2),
]

TOPICS = [
    "công tác dân vận năm {year}", "thực hiện dân chủ ở cơ sở",
    "phòng, chống tham nhũng, lãng phí, tiêu cực", "xây dựng nông thôn mới nâng cao",
    "chuyển đổi số trong hệ thống Mặt trận", "bảo vệ môi trường, ứng phó biến đổi khí hậu",
    "bảo đảm trật tự an toàn giao thông", "phòng, chống ma túy trong cộng đồng dân cư",
    "sắp xếp, kiện toàn tổ chức sau khi sắp xếp đơn vị hành chính", "xóa nhà tạm, nhà dột nát",
    "chăm lo Tết Nguyên đán {next_year} cho hộ nghèo", "tháng cao điểm “Vì người nghèo” năm {year}",
    "công tác giám sát và phản biện xã hội năm {year}",
    "tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
    "hiệp thương giới thiệu người ứng cử đại biểu Hội đồng nhân dân",
    "an sinh xã hội và giảm nghèo bền vững", "phòng, chống thiên tai, tìm kiếm cứu nạn",
    "xây dựng gia đình văn hóa, khu dân cư văn hóa", "phát triển kinh tế tập thể, hợp tác xã",
]
PROGRAMS = [
    "Chương trình mục tiêu quốc gia giảm nghèo bền vững",
    "chính sách bảo hiểm y tế cho người thuộc hộ cận nghèo",
    "dự án nâng cấp đường liên thôn", "chi trả trợ cấp xã hội hằng tháng",
    "quy chế dân chủ ở cơ sở tại {area}", "công trình kênh mương nội đồng {area}",
    "kế hoạch sử dụng đất năm {year} của xã", "chính sách hỗ trợ nhà ở cho người có công",
    "công tác bồi thường, hỗ trợ giải phóng mặt bằng", "Chương trình xây dựng nông thôn mới",
    "việc cấp giấy chứng nhận quyền sử dụng đất tại {area}",
    "chính sách hỗ trợ học sinh thuộc hộ nghèo",
]
DRAFTS = [
    "dự thảo Nghị quyết của HĐND xã về kế hoạch phát triển kinh tế - xã hội năm {next_year}",
    "dự thảo Báo cáo chính trị trình Đại hội Đảng bộ xã",
    "dự thảo hương ước, quy ước {area}", "dự thảo kế hoạch sử dụng đất năm {next_year}",
    "dự thảo sửa đổi, bổ sung một số điều của Hiến pháp",
    "dự thảo quy hoạch chung xã đến năm 2035", "dự án Luật Đất đai (sửa đổi)",
    "dự thảo đề án đặt tên đường, công trình công cộng trên địa bàn xã",
]
OCCASIONS = [
    "Tết Nguyên đán", "ngày Thương binh - Liệt sĩ 27/7", "Tết Trung thu",
    "ngày Quốc tế Người cao tuổi 1/10", "ngày Quốc tế Phụ nữ 8/3",
    "ngày Truyền thống Hội Cựu chiến binh 6/12", "ngày Quốc khánh 2/9",
]
CAMPAIGNS = [
    "Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”",
    "phòng, chống lừa đảo qua mạng", "phòng, chống dịch bệnh mùa mưa",
    "chính sách bảo hiểm xã hội tự nguyện", "pháp luật về đất đai",
    "phòng, chống bạo lực gia đình", "an toàn thực phẩm",
    "Nghị quyết Đại hội Đảng bộ xã", "phòng, chống đuối nước trẻ em trong dịp hè",
]
MODELS = [
    "Khu dân cư tự quản về an ninh trật tự", "Tuyến đường hoa, đường sáng - xanh - sạch",
    "Tổ tự quản bảo vệ môi trường", "Phân loại rác thải tại nguồn",
    "Camera an ninh khu dân cư", "Tổ hòa giải ở cơ sở", "Bữa sáng yêu thương",
    "Mẹ đỡ đầu trẻ em mồ côi", "Tổ hợp tác sản xuất rau an toàn",
]
DISASTERS = ["bão số 3", "mưa lũ tháng 10", "lốc xoáy", "sạt lở đất", "hạn hán, xâm nhập mặn"]

# Who issues a source document, and how its numbers are written. "{n}" is the
# number; issuers take "{province}" (e.g. "tỉnh Cao Bằng") and "{commune}".
ISSUERS: list[tuple[str, list[str], float]] = [
    ("Ban Thường trực Ủy ban MTTQ Việt Nam {province}",
     ["{n}/KH-MTTQ-BTT", "{n}/HD-MTTQ-BTT", "{n}/CV-MTTQ-BTT", "{n}/TB-MTTQ-BTT"], 35),
    ("Đảng ủy {commune}", ["{n}-KH/ĐU", "{n}-CV/ĐU", "{n}-CT/ĐU", "{n}-TB/ĐU"], 20),
    ("UBND {commune}", ["{n}/KH-UBND", "{n}/UBND-VP", "{n}/QĐ-UBND", "{n}/CV-UBND"], 20),
    ("Ban Thường trực Ủy ban MTTQ Việt Nam {commune}",
     ["{n}/KH-MTTQ", "{n}/TB-MTTQ", "{n}/CV-MTTQ"], 15),
    ("HĐND {commune}", ["{n}/HĐND-TT", "{n}/KH-HĐND"], 5),
]
# The upper level of each member organization, for its own tasks.
ORG_ISSUERS = {
    "women": ("Ban Thường vụ Hội LHPN {province}", ["{n}/KH-BTV", "{n}/HD-BTV", "{n}/CV-BTV"]),
    "farmers": ("Ban Thường vụ Hội Nông dân {province}", ["{n}/KH-HND", "{n}/CV-HND"]),
    "veterans": ("Ban Thường vụ Hội CCB {province}", ["{n}/KH-CCB", "{n}/CV-CCB"]),
    "youth": ("Ban Thường vụ {youth_body}", ["{n}-KH/TĐTN-BTG", "{n}-CV/TĐTN-VP"]),
    "trade_union": ("Liên đoàn Lao động {province}", ["{n}/KH-LĐLĐ", "{n}/CV-LĐLĐ"]),
}

# Who owns each standard recurring duty (app.domain.standard_duties) in the
# demo: a role resolved in app.demo.builder.
DUTY_OWNERS: dict[str, str] = {
    "Báo cáo công tác Mặt trận tháng": "front_deputy",
    "Báo cáo công tác Mặt trận quý": "front_chair",
    "Báo cáo sơ kết công tác Mặt trận 6 tháng": "front_chair",
    "Báo cáo tổng kết công tác Mặt trận năm": "front_chair",
    "Giao ban Ban Thường trực hằng tuần": "front_member",
    "Tổng hợp ý kiến, kiến nghị cử tri": "front_member",
    "Cập nhật danh sách hộ nghèo, hộ cận nghèo": "front_deputy",
    "Báo cáo kết quả giám sát, phản biện xã hội": "front_member",
    "Báo cáo hoạt động Hội Liên hiệp Phụ nữ tháng": "women_chair",
    "Báo cáo công tác Đoàn và phong trào thanh thiếu nhi quý": "youth_secretary",
    "Tổng hợp tình hình tư tưởng Nhân dân tháng": "front_member",
}

SURNAMES = _nfc(SURNAMES)
REGIONAL_SURNAMES = _nfc(REGIONAL_SURNAMES)
MIDDLE_MALE_OLD = _nfc(MIDDLE_MALE_OLD)
MIDDLE_MALE = _nfc(MIDDLE_MALE)
MIDDLE_FEMALE_OLD = _nfc(MIDDLE_FEMALE_OLD)
MIDDLE_FEMALE = _nfc(MIDDLE_FEMALE)
SECOND_MIDDLE_FEMALE = _nfc(SECOND_MIDDLE_FEMALE)
SECOND_MIDDLE_MALE = _nfc(SECOND_MIDDLE_MALE)
GIVEN_MALE = _nfc(GIVEN_MALE)
GIVEN_FEMALE = _nfc(GIVEN_FEMALE)
MINORITY_STYLES = _nfc(MINORITY_STYLES)
KINH_STYLE_MINORITIES = _nfc(KINH_STYLE_MINORITIES)
REGIONS = _nfc(REGIONS)
RELIGIONS_DEFAULT = _nfc(RELIGIONS_DEFAULT)
RELIGIONS_BY_ETHNICITY = _nfc(RELIGIONS_BY_ETHNICITY)
RELIGIONS_SOUTH = _nfc(RELIGIONS_SOUTH)
AREA_STYLES = _nfc(AREA_STYLES)
WARD_AREA_PREFIX = _nfc(WARD_AREA_PREFIX)
WARD_AREA_PREFIX_DEFAULT = _nfc(WARD_AREA_PREFIX_DEFAULT)
TASK_TEMPLATES = _nfc(TASK_TEMPLATES)
TOPICS = _nfc(TOPICS)
PROGRAMS = _nfc(PROGRAMS)
DRAFTS = _nfc(DRAFTS)
OCCASIONS = _nfc(OCCASIONS)
CAMPAIGNS = _nfc(CAMPAIGNS)
MODELS = _nfc(MODELS)
DISASTERS = _nfc(DISASTERS)
ISSUERS = _nfc(ISSUERS)
ORG_ISSUERS = _nfc(ORG_ISSUERS)
