"""What the safety checks of app.spreadsheets.reading cost next to calamine's own read.

    .venv/bin/python benchmarks/read_roster.py [--rows 50000] [--rounds 5] [--keep DIR]

Writes a roster of ``--rows`` people (12 columns, title rows above the
header, Vietnamese text, dates, citizen IDs as numbers) as .xlsx (openpyxl),
.ods (written as XML here) and, when xlwt is installed, .xls; then for each
prints the best of ``--rounds`` runs (taking turns) of:

- calamine alone: open, first sheet, ``to_python`` (what an import must pay);
- the checks alone (``check_package`` / ``check_ole``), before calamine;
- ``read_workbook``: checks + calamine + the Sheet objects;

and the checks as a share of calamine's time.
"""
from __future__ import annotations

import argparse
import datetime
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

HEADER = ["STT", "Họ và tên", "Nam", "Nữ", "Dân tộc", "Tôn giáo", "Số CCCD", "Điện thoại", "Thôn",
          "Ngày vào hội", "Ghi chú", "Nghề nghiệp"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
MIDDLES = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Hữu"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Lan", "Tuyết", "Đông"]


def people(n: int, seed: int = 1):
    rnd = random.Random(seed)
    for i in range(n):
        year = 1950 + rnd.randrange(55)
        male = rnd.random() < 0.5
        yield [i + 1, f"{rnd.choice(SURNAMES)} {rnd.choice(MIDDLES)} {rnd.choice(GIVEN)}",
               year if male else None, None if male else year, "Kinh", "Không", 1_000_000_000 + i,
               f"09{rnd.randrange(10**8):08d}", f"Thôn {i % 12 + 1}",
               datetime.date(1990 + i % 30, 1 + i % 12, 1 + i % 28), "", "Làm ruộng"]


def write_xlsx(path: Path, n: int) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách")
    sheet.append(["DANH SÁCH HỘI VIÊN HỘI NÔNG DÂN XÃ"])
    sheet.append([])
    sheet.append(HEADER)
    for person in people(n):
        sheet.append(person)
    book.save(path)


def _ods_cell(value) -> str:
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, datetime.date):
        return (f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value:%d/%m/%Y}</text:p></table:table-cell>")
    if isinstance(value, int):
        return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def write_ods(path: Path, n: int) -> None:
    """As LibreOffice writes it: a run of empty cells closing every row, a
    run of empty rows closing the sheet."""
    tail = '<table:table-cell table:number-columns-repeated="1012"/></table:table-row>'
    rows = ["<table:table-row>" + _ods_cell("DANH SÁCH HỘI VIÊN") + tail,
            "<table:table-row>" + "".join(map(_ods_cell, HEADER)) + tail]
    rows += ["<table:table-row>" + "".join(map(_ods_cell, p)) + tail for p in people(n)]
    rows.append('<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
                'table:number-columns-repeated="1024"/></table:table-row>')
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="Danh sách">'
               + "".join(rows) + "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                   'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')


def write_xls(path: Path, n: int) -> bool:
    try:
        import xlwt
    except ImportError:
        return False
    if n > 65_000:
        return False
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Danh sách")
    dates = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    sheet.write(0, 0, "DANH SÁCH HỘI VIÊN")
    for c, h in enumerate(HEADER):
        sheet.write(2, c, h)
    for r, person in enumerate(people(n), start=3):
        for c, value in enumerate(person):
            if value is not None:
                sheet.write(r, c, value, dates) if isinstance(value, datetime.date) else sheet.write(r, c, value)
    book.save(str(path))
    return True


def timings(fns, rounds: int) -> list[float]:
    """The best of ``rounds`` runs of each function, the functions taking
    turns so that a busy machine slows them alike."""
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            started = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - started)
    return best


def measure(path: Path, rounds: int) -> None:
    from python_calamine import CalamineWorkbook

    from app.spreadsheets.reading import DEFAULT_LIMITS, read_workbook
    from app.spreadsheets.xls_checks import check_ole
    from app.spreadsheets.zip_checks import check_package

    def calamine_only():
        with open(path, "rb") as fh, CalamineWorkbook.from_filelike(fh) as book:
            book.get_sheet_by_index(0).to_python(skip_empty_area=False)

    def checks_only():
        with open(path, "rb") as fh:
            if path.suffix == ".xls":
                check_ole(fh.read(), path, DEFAULT_LIMITS)
            else:
                check_package(fh, path.stat().st_size, path, DEFAULT_LIMITS)

    bare, checks, whole = timings([calamine_only, checks_only, lambda: read_workbook(path)], rounds)
    print(f"{path.name:18s} {path.stat().st_size / 1e6:6.1f} MB  calamine {bare * 1000:7.0f} ms  "
          f"checks {checks * 1000:6.0f} ms ({checks / bare:4.0%} of calamine)  "
          f"read_workbook {whole * 1000:7.0f} ms ({whole / bare:.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the rosters here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        files = [folder / f"roster_{args.rows}.xlsx", folder / f"roster_{args.rows}.ods"]
        write_xlsx(files[0], args.rows)
        write_ods(files[1], args.rows)
        if write_xls(folder / f"roster_{args.rows}.xls", args.rows):
            files.append(folder / f"roster_{args.rows}.xls")
        print(f"{args.rows} people, best of {args.rounds} rounds")
        for path in files:
            measure(path, args.rounds)


if __name__ == "__main__":
    main()
