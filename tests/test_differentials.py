"""Parser differentials: files the checks once read one way and calamine
another. Each file of ``tests.hostile.differentials`` went through the checks
of the time and then made python-calamine abort (a failed allocation of
hundreds of gigabytes for the grid, or gigabytes of copied shared text). Now
the checks refuse each one in this process, before calamine; and calamine
without the checks, in the sandbox's child, still dies on each, which shows
the file is what its name says."""
from __future__ import annotations

import sys

import pytest

from app.spreadsheets.reading import WorkbookError, read_workbook
from app.spreadsheets.sandbox import SandboxedReader
from tests.hostile import STRINGS, SHEET, differentials, sheet_of, strings_of, without_the_checks, xlsx_with
from tests.test_workbook import calamine_forbidden, refused  # noqa: F401 (a fixture)

CELLS, TEXT, UNREADABLE = "workbook.too_many_cells", "workbook.too_much_text", "workbook.unreadable"
ALL = "workbook.too_many_cells_in_all"
EXPECTED = {
    "end_tag_with_space": CELLS,
    "prefixed_end_tag_with_space": CELLS,
    "slash_gt_in_attribute": CELLS,
    "row_ref_with_letters": CELLS,
    "sheet_folder_in_upper_case": CELLS,
    "ods_mimetype_beside_upper_case_workbook": CELLS,
    "lt_in_attribute_at_a_piece_edge": UNREADABLE,
    "string_index_with_space": TEXT,
    "string_index_with_plus": TEXT,
    "string_after_formula": TEXT,
    "decoy_shared_strings": TEXT,
    "late_shared_strings_root": TEXT,
    "nested_shared_strings": TEXT,
    "shared_strings_twice_in_two_cases": UNREADABLE,
    "ods_self_closed_repeated_rows": CELLS,
    "ods_spaces_in_a_repeated_cell": TEXT,
    "ods_gt_in_attribute": UNREADABLE,
    "xls_many_sheets_each_under_the_limit": ALL,
    "ods_many_tables_each_under_the_limit": ALL,
}
# Read by calamine without harm, but which copy it takes is its business: refused as ambiguous.
NOT_AN_ABORT = {"shared_strings_twice_in_two_cases"}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory):
    return differentials(tmp_path_factory.mktemp("differentials"))


def test_every_crafted_file_is_named_here(crafted):
    assert set(crafted) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_checks_refuse_what_calamine_reads_differently(crafted, name, calamine_forbidden):  # noqa: F811
    refused(crafted[name], EXPECTED[name])


@pytest.mark.skipif(sys.platform != "linux", reason="the child's memory cap is what turns the bombs into a quick end")
def test_without_the_checks_calamine_dies_on_each_of_them(crafted, monkeypatch):
    without_the_checks(monkeypatch)
    with SandboxedReader() as reader:
        for name in sorted(set(EXPECTED) - NOT_AN_ABORT):
            with pytest.raises(WorkbookError) as caught:
                reader.read(crafted[name])
            assert caught.value.code in ("workbook.reader_crashed", "workbook.reader_memory"), name


# --- what the stricter reading still lets through ------------------------------------------------------

def test_a_long_string_last_in_a_plain_table_counts_only_where_it_is_used(tmp_path):
    """Strings are measured between end tags; in a plain table string i is
    stretch i, so a long string at the end is not charged to every cell."""
    cells = b"".join(b'<row r="%d"><c r="A%d" t="s"><v>0</v></c><c r="B%d" t="s"><v>1</v></c></row>' % (r, r, r)
                     for r in range(1, 10_001))
    path = xlsx_with(tmp_path / "dai_cuoi.xlsx", {SHEET: sheet_of(cells + b'<row r="10001"><c r="A10001" t="s">'
                                                                  b"<v>2</v></c></row>")},
                     extra=((STRINGS, strings_of(b"Th\xc3\xb4n 3", b"N\xe1\xbb\xaf", b"a" * 30_000)),))
    rows = read_workbook(path)[0].rows
    assert rows[0] == ["Thôn 3", "Nữ"] and len(rows[10_000][0]) == 30_000


def test_a_gt_in_text_and_a_spaced_end_tag_are_read_the_exact_way(tmp_path):
    sheet = sheet_of(b'<row r="1"><c r="A1" t="inlineStr"><is><t>a > b</t></is></c ><c r="B1"><v>2</v></c></row>'
                     b'<row r="A2"><c><v>3</v></c></row>')
    rows = read_workbook(xlsx_with(tmp_path / "dau_lon.xlsx", {SHEET: sheet}))[0].rows
    assert rows == [["a > b", 2.0], [3.0, ""]]


def test_four_sheets_under_the_limit_together_pass_the_checks(tmp_path, monkeypatch):
    """4 x 1,966,080 cells: within the whole file's limit (4 x 2,000,000),
    measured exactly once the fast bound (65,536 rows x 30 columns a sheet) adds up past it."""
    from app.spreadsheets import reading
    from tests.hostile import xls_of_many_sheets

    monkeypatch.setattr(reading, "_read", lambda *args, **kwargs: ["checked"])
    assert read_workbook(xls_of_many_sheets(tmp_path / "bon.xls", sheets=4)) == ["checked"]
    refused(xls_of_many_sheets(tmp_path / "nam.xls", sheets=5), ALL)
