"""The roster as an Excel file: everyone, or the members of one organization.

Sorted the Vietnamese way (``person.sort_key``: given name first, then the
rest, in the order a ă â b c d đ e ê ...). Personal data stays home unless
asked for: citizen IDs are masked ("001******890") without
``with_citizen_id``; ethnicity and religion are left out without
``with_ethnicity_religion``. With it, a ``purpose`` is required, the two
cells are filled only for people with a recorded basis on the day of the
list (a consent in force or a legal basis: ``app.domain.sensitive``) and
left empty for the others, a line under the titles says so, and the export
writes one change-log entry in words: who, when, how many people, how many
filled in, the file and the purpose (Law 91/2025/QH15; DESIGN.md "Personal
data"). An entry that cannot be written takes the file away with it.

Streams: rows go from an SQLite cursor through ``app.spreadsheets.xlsx_stream`` straight
into the deflated sheet, so 50,000 or 500,000 rows take the same memory (the
one thing held is each member's organizations, a short text per member). ``progress("members", done, total)`` is
called every ``PROGRESS_EVERY`` rows; when it raises (``Cancelled``) the
half-written file is removed and nothing appears at the target.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator

from app import durable
from app.db import logged
from app.domain.sensitive import check_purpose, log_sensitive_export, people_with_basis
from app.errors import FrontDeskError
from app.text.citizen_id import mask_citizen_id
from app.domain.commune import get_commune, is_demo
from app.text.dates import format_date
from app.progress import ProgressCallback, ignore_progress
from app.db.storage import Store
from app.spreadsheets.xlsx_writing import Letterhead, Line, atomic_file, letterhead, place_name, signature, titles, vietnamese_date_line
from app.spreadsheets.xlsx_stream import StreamSheet

__all__ = ["RosterExport", "export_members", "roster_query", "PROGRESS_EVERY", "BASIS_NOTE"]

PROGRESS_EVERY = 1000
GENDER = {"male": "Nam", "female": "Nữ"}
_CENTERED = {"Giới tính", "Ngày sinh", "Số CCCD", "Số điện thoại"}
BASIS_NOTE = ("Dân tộc, tôn giáo chỉ ghi cho người đã có sự đồng ý hoặc căn cứ pháp lý được ghi nhận "
              "(Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15); ô để trống: chưa có căn cứ.")


@dataclass
class RosterExport:
    path: Path
    rows: int
    organization: str | None
    with_basis: int | None = None  # with ethnicity and religion: how many had them filled in


def _organizations_below(store: Store, org_id: int) -> list[int]:
    rows = store.conn.execute(
        """
        WITH RECURSIVE below(id) AS (
            SELECT :org UNION SELECT o.id FROM organization o JOIN below b ON o.parent_id = b.id)
        SELECT id FROM below
        """,
        {"org": org_id},
    )
    return [r[0] for r in rows]


# The organizations a person belongs to today, by their member organization's
# short name ("Hội LHPN; Hội ND"): the area is a column of its own. Read in
# one pass into a dict (members only, a few MB for 100,000 people) rather than
# a correlated subquery per person, which costs more than the rest of the query.
_MEMBERSHIPS = """
    SELECT m.person_id,
           coalesce(CASE WHEN o.kind = 'branch' THEN coalesce(up.short_name, up.name) END, o.short_name, o.name)
      FROM membership m JOIN organization o ON o.id = m.organization_id
      LEFT JOIN organization up ON up.id = o.parent_id
     WHERE m.left_on IS NULL
     ORDER BY m.person_id, coalesce(up.sort_key, o.sort_key)
"""


def organizations_by_person(store: Store) -> dict[int, str]:
    found: dict[int, list[str]] = {}
    for person_id, name in store.conn.execute(_MEMBERSHIPS):
        names = found.setdefault(person_id, [])
        if name not in names:
            names.append(name)
    return {pid: "; ".join(names) for pid, names in found.items()}


def roster_query(store: Store, org_id: int | None) -> tuple[str, dict]:
    """SQL (and its parameters) for the people of the roster in roster
    order: active people with an open membership in ``org_id`` or any
    organization below it, or living in it when it is a residential area;
    everyone active without ``org_id``."""
    where = "p.status = 'active'"
    params: dict = {}
    if org_id is not None:
        kind = logged.require(store, "organization", org_id)["kind"]
        ids = ",".join(str(int(i)) for i in _organizations_below(store, org_id))  # integers from the database
        member = (
            "EXISTS (SELECT 1 FROM membership m WHERE m.person_id = p.id AND m.left_on IS NULL"
            f" AND m.organization_id IN ({ids}))"
        )
        where += f" AND (p.area_id = :org OR {member})" if kind == "residential_area" else f" AND {member}"
        params["org"] = org_id
    sql = f"""
        SELECT p.id, p.full_name, p.gender, p.birth_date, p.ethnicity, p.religion, p.citizen_id, p.phone,
               a.name, p.note
          FROM person p LEFT JOIN organization a ON a.id = p.area_id
         WHERE {where}
         ORDER BY p.sort_key, p.id
    """
    return sql, params


def _columns(with_ethnicity_religion: bool, with_notes: bool) -> list[tuple[str, float]]:
    """(header, width) of each column; no column of notes when nobody listed has one."""
    cols = [("STT", 6), ("Họ và tên", 26), ("Giới tính", 8), ("Ngày sinh", 11)]
    if with_ethnicity_religion:
        cols += [("Dân tộc", 10), ("Tôn giáo", 11)]
    cols += [("Số CCCD", 15), ("Số điện thoại", 13), ("Khu dân cư", 16), ("Tổ chức", 22)]
    if with_notes:
        cols.append(("Ghi chú", 20))
    return cols


def export_members(
    store: Store,
    out: Path | str,
    *,
    org_id: int | None = None,
    with_citizen_id: bool = False,
    with_ethnicity_religion: bool = False,
    purpose: str | None = None,
    progress: ProgressCallback | None = None,
    today: date | None = None,
) -> RosterExport:
    """Write the roster to ``out`` (.xlsx), atomically; returns how many
    people it lists. ``with_ethnicity_religion`` needs a ``purpose`` (see
    the module's text)."""
    report = progress or ignore_progress
    today = today or store.today()
    basis: set[int] | None = None
    if with_ethnicity_religion:
        purpose = check_purpose(purpose)
        if store.read_only:  # the export could not be written to the change log
            raise FrontDeskError("privacy.export_read_only")
        basis = people_with_basis(store, today)
    commune = get_commune(store)
    org_name = logged.require(store, "organization", org_id)["name"] if org_id is not None else None
    sql, params = roster_query(store, org_id)
    total, notes = store.conn.execute(
        f"SELECT count(*), count(nullif(note, '')) FROM ({sql})", params).fetchone()
    report("members", 0, total)
    columns = _columns(with_ethnicity_religion, notes > 0)
    width = len(columns)
    path = Path(out)
    with atomic_file(path) as temp:
        sheet = StreamSheet(temp, "Danh sách", widths=[w for _t, w in columns], landscape=True)
        try:
            head = Letterhead("ỦY BAN MTTQ VIỆT NAM", commune.name.upper(),
                              vietnamese_date_line(place_name(commune.name), today), number="")
            top, row = letterhead(head, width)
            more, row = titles([
                ("DANH SÁCH HỘI VIÊN" if org_name else "DANH SÁCH NGƯỜI DÂN", "title"),
                (org_name or commune.name, "subtitle"),
                (f"(Tính đến ngày {format_date(today)}: {_thousands(total)} người)", "center_italic"),
                *([(BASIS_NOTE, "center_italic")] if basis is not None else []),
            ], width, row, demo=is_demo(store))
            header_row = row
            sheet.freeze_panes(header_row + 1, 2)
            sheet.repeat_rows(header_row, header_row)
            _draw(sheet, top + more)
            sheet.row(header_row, [(c, title, "head") for c, (title, _w) in enumerate(columns)], height=30)
            filled = [0]
            rows = _roster_rows(store.conn.execute(sql, params), organizations_by_person(store),
                                with_citizen_id, basis, notes > 0, filled)
            centered = [n for n, (title, _w) in enumerate(columns) if title in _CENTERED]
            written = sheet.table_rows(header_row + 1, rows, every=PROGRESS_EVERY, centered=centered,
                                       tick=lambda n: report("members", n, total))
            end, _ = signature(width, header_row + written + 2,
                               left=[("NGƯỜI LẬP DANH SÁCH", "center_bold"), ("(Ký, ghi rõ họ tên)", "center_italic")],
                               role=["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"], name=None)
            _draw(sheet, end)
            sheet.close()
        except BaseException:
            sheet.abandon()
            raise
        report("members", written, total)
    if basis is None:
        return RosterExport(path, written, org_name)
    try:
        log_sensitive_export(store, purpose=purpose or "", count=written, with_basis=filled[0], file=path.name,
                             organization_id=org_id)
    except BaseException:
        durable.remove(path)  # never a list by person that the change log does not know of
        raise
    return RosterExport(path, written, org_name, filled[0])


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # Vietnamese digit grouping: 49.198


def _draw(sheet: StreamSheet, lines: list[Line]) -> None:
    for line in lines:
        sheet.merged_row(line.row, line.spans, height=line.height)


def _roster_rows(cursor, organizations: dict[int, str], with_citizen_id: bool, basis: set[int] | None,
                 with_notes: bool, filled: list[int]) -> Iterator[list]:
    """One list of cell values per person: the number, then text ("" for
    an empty cell). With ``basis`` (the people with a basis), the ethnicity
    and religion columns, filled for those people only (counted in
    ``filled[0]``). The hot loop of the export, so lookups are hoisted."""
    orgs_of = organizations.get
    gender_of = GENDER.get
    n = 0
    for person_id, name, gender, birth, ethnicity, religion, cid, phone, area, note in cursor:
        n += 1
        if birth:
            birth = f"{birth[8:10]}/{birth[5:7]}/{birth[:4]}" if len(birth) == 10 else birth
        values = [n, name, gender_of(gender, ""), birth or ""]
        if basis is not None:
            if person_id in basis:
                values += [ethnicity or "", religion or ""]
                filled[0] += 1
            else:
                values += ["", ""]
        values += [(cid if with_citizen_id else mask_citizen_id(cid)) if cid else "", phone or "",
                   area or "", orgs_of(person_id, "")]
        if with_notes:
            values.append(note or "")
        yield values
