"""``frontdesk check``: is the database sound, and does this installation work?"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from app import messages
from app.db.migrations import SCHEMA_VERSION
from app.db.schema_objects import describe_objects, foreign_objects
from app.domain.positions import CURRENT
from app.db.storage import Store, foreign_key_problems, integrity_problems
from app.os_words import Words, error_reason, join
from app.text.dates import format_moment
from app.text.vietnamese import fold, name_sort_key

messages.register(
    {
        "check.integrity.ok": ("Tệp cơ sở dữ liệu nguyên vẹn (integrity_check).", "The database file is intact (integrity_check)."),
        "check.integrity.fail": ("Tệp cơ sở dữ liệu bị hỏng: {detail}", "The database file is damaged: {detail}"),
        "check.settings.ok": ("Chế độ ghi an toàn: WAL, synchronous=FULL, khóa ngoại bật.", "Safe write mode: WAL, synchronous=FULL, foreign keys on."),
        "check.settings.fail": ("Chế độ ghi không an toàn: {detail}", "Unsafe write settings: {detail}"),
        "check.foreign_keys.ok": ("Các liên kết giữa bảng đều đúng.", "Every link between tables is valid."),
        "check.foreign_keys.fail": ("{count} dòng trỏ tới dữ liệu không còn tồn tại (bảng {tables}).", "{count} row(s) point at missing data (tables {tables})."),
        "check.schema.ok": ("Lược đồ dữ liệu phiên bản {version}.", "Schema version {version}."),
        "check.schema.fail": ("Lược đồ dữ liệu phiên bản {found}, ứng dụng cần {version}.", "Schema version {found}; the app needs {version}."),
        "check.schema_objects.ok": ("Cơ sở dữ liệu chỉ chứa các bảng, chỉ mục của Front Desk.", "The database holds only Front Desk's own tables and indexes."),
        "check.schema_objects.fail": ("Cơ sở dữ liệu chứa {count} đối tượng lạ mà Front Desk không tạo ra (có thể chép hoặc sửa dữ liệu khi ghi): {names}. Hãy khôi phục một bản sao lưu tốt.", "The database holds {count} object(s) Front Desk never made (they can copy or change data as it is written): {names}. Restore a good backup."),
        "check.commune.ok": ("Thuộc {name}, {province} (mã {code}).", "Belongs to {name}, {province} (code {code})."),
        "check.commune.fail": ("Cơ sở dữ liệu chưa gắn với xã nào.", "The database belongs to no commune."),
        "check.search.ok": ("Chỉ mục tìm kiếm khớp với {count} người.", "The search index matches all {count} people."),
        "check.search.fail": ("Chỉ mục tìm kiếm lệch với danh sách người ({detail}).", "The search index is out of step with the people ({detail})."),
        "check.seats.ok": ("Không chức danh nào quá số suất.", "No position has more holders than seats."),
        "check.seats.warn": ("{count} chức danh có nhiều người giữ hơn số suất: {names}", "{count} position(s) have more holders than seats: {names}"),
        "check.inactive_holders.ok": ("Không ai đã chuyển đi hoặc đã mất còn giữ chức danh.", "Nobody who moved away or died still holds a position."),
        "check.inactive_holders.warn": ("{count} người đã chuyển đi hoặc đã mất vẫn còn giữ chức danh.", "{count} people who moved away or died still hold a position."),
        "check.search_content.ok": ("Nội dung chỉ mục tìm kiếm khớp với hồ sơ của {count} người.", "The search index holds what the records of all {count} people say."),
        "check.search_content.fail": ("{count} người có nội dung chỉ mục tìm kiếm khác hồ sơ (ví dụ số {ids}).", "{count} people are indexed with other values than their records (e.g. #{ids})."),
        "check.change_log.ok": ("Nhật ký thay đổi đọc được: {count} mục.", "The change log reads: {count} entries."),
        "check.change_log.fail": ("{count} mục nhật ký thay đổi không đọc được (ví dụ số {ids}).", "{count} change-log entries cannot be read (e.g. #{ids})."),
        "check.backups.ok": ("Bản sao lưu tốt gần nhất: {at} ({count} bản).", "Newest good backup: {at} ({count} in all)."),
        "check.clock.warn": ("Đồng hồ của máy ({now}) đang chậm hơn bản sao lưu mới nhất ({at}): hãy chỉnh lại ngày giờ. Trong lúc đó không bản sao lưu cũ nào bị xóa.", "This PC's clock ({now}) is behind the newest backup ({at}): set the date and time. Until then no old backup is deleted."),
        "check.backups.warn": ("Chưa có bản sao lưu tốt nào mới hơn {days} ngày trong {folder}.", "No good backup newer than {days} days in {folder}."),
        "check.selftest.ok": ("Tự kiểm tra tiếng Việt và tìm kiếm: đạt.", "Self-test of Vietnamese text and search: passed."),
        "check.selftest.fail": ("Tự kiểm tra không đạt: {detail}", "Self-test failed: {detail}"),
    }
)


@dataclass
class CheckResult:
    name: str
    status: str  # ok, warn, fail
    params: dict[str, Any] = field(default_factory=dict)

    def describe(self, lang: str | None = None) -> str:
        return messages.text(f"check.{self.name}.{self.status}", lang, **self.params)

    def as_json(self, lang: str | None = None) -> dict[str, Any]:
        """The message in words, and what it was made of for scripts (the
        installers' CI reads ``details.backend`` of the keyring check)."""
        details = {k: v if isinstance(v, (int, float, bool)) or v is None else str(v) for k, v in self.params.items()}
        return {"name": self.name, "status": self.status, "message": self.describe(lang), "details": details}


def _integrity(store: Store) -> CheckResult:
    problems = integrity_problems(store, full=True)
    if problems:
        return CheckResult("integrity", "fail", {"detail": "; ".join(problems[:5])})
    return CheckResult("integrity", "ok")


def _header_says_wal(path) -> bool:
    """Bytes 18 and 19 of an SQLite file: 2 and 2 when it is in WAL mode."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(20)
    except OSError:
        return False
    return head[18:20] == b"\x02\x02"


def _settings(store: Store) -> CheckResult:
    q = store.conn.execute
    wrong = []
    if store.read_only:
        # Read as "immutable" (read-only media), SQLite reports the journal
        # mode as delete: the file's header says what it is written with. And
        # this connection writes nothing, so its synchronous does not matter.
        if not _header_says_wal(store.path):
            wrong.append("journal_mode")
    else:
        if q("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            wrong.append("journal_mode")
        if q("PRAGMA synchronous").fetchone()[0] != 2:
            wrong.append("synchronous")
    if q("PRAGMA foreign_keys").fetchone()[0] != 1:
        wrong.append("foreign_keys")
    return CheckResult("settings", "fail", {"detail": ", ".join(wrong)}) if wrong else CheckResult("settings", "ok")


def _foreign_keys(store: Store) -> CheckResult:
    rows = foreign_key_problems(store)
    if rows:
        tables = ", ".join(sorted({r[0] for r in rows}))
        return CheckResult("foreign_keys", "fail", {"count": len(rows), "tables": tables})
    return CheckResult("foreign_keys", "ok")


def _schema(store: Store) -> CheckResult:
    found = store.schema_version()
    status = "ok" if found == SCHEMA_VERSION else "fail"
    return CheckResult("schema", status, {"found": found, "version": SCHEMA_VERSION})


def _schema_objects(store: Store) -> CheckResult:
    """Triggers, views, tables or indexes the migrations never made: a trigger
    runs on every write the app makes (a crafted backup kept erased people so)."""
    foreign = foreign_objects(store.conn)
    if foreign:
        return CheckResult("schema_objects", "fail", {"count": len(foreign), "names": describe_objects(foreign)})
    return CheckResult("schema_objects", "ok")


def _commune(store: Store) -> CheckResult:
    row = store.conn.execute("SELECT code, name, province_name FROM commune WHERE id = 1").fetchone()
    if row is None:
        return CheckResult("commune", "fail")
    return CheckResult("commune", "ok", {"code": row[0], "name": row[1], "province": row[2]})


def _search_index(store: Store) -> CheckResult:
    q = store.conn.execute
    # FTS5's own integrity-check is asked for as a write: a database opened
    # read-only gets the comparisons below without it
    if not store.read_only:
        try:
            q("INSERT INTO person_search(person_search) VALUES ('integrity-check')")
        except Exception as exc:  # sqlite3.DatabaseError: the index itself is broken
            return CheckResult("search", "fail", {"detail": error_reason(exc)})
    people = q("SELECT count(*) FROM person").fetchone()[0]
    missing = q(
        "SELECT count(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_search s WHERE s.rowid = p.id)"
    ).fetchone()[0]
    extra = q(
        "SELECT count(*) FROM person_search s WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = s.rowid)"
    ).fetchone()[0]
    if missing or extra:
        return CheckResult("search", "fail", {"detail": Words(f"thiếu {missing}, thừa {extra}",
                                                                 f"missing {missing}, extra {extra}")})
    return CheckResult("search", "ok", {"count": people})


def _seats(store: Store) -> CheckResult:
    day = store.today().isoformat()
    rows = store.conn.execute(
        f"""
        SELECT ps.title, o.name FROM position ps JOIN organization o ON o.id = ps.organization_id
         WHERE ps.seats < (SELECT count(*) FROM appointment a WHERE a.position_id = ps.id AND {CURRENT})
        """,
        {"day": day},
    ).fetchall()
    if rows:
        names = "; ".join(f"{t} — {o}" for t, o in rows[:5])
        return CheckResult("seats", "warn", {"count": len(rows), "names": names})
    return CheckResult("seats", "ok")


def _inactive_holders(store: Store) -> CheckResult:
    day = store.today().isoformat()
    count = store.conn.execute(
        f"""
        SELECT count(DISTINCT a.person_id) FROM appointment a JOIN person p ON p.id = a.person_id
         WHERE p.status != 'active' AND {CURRENT}
        """,
        {"day": day},
    ).fetchone()[0]
    return CheckResult("inactive_holders", "warn", {"count": count}) if count else CheckResult("inactive_holders", "ok")


def _self_test(store: Store) -> CheckResult:
    """The rules users rely on, checked on this very installation."""
    problems = []
    if fold("Nguyễn Văn Đức") != "nguyen van duc":
        problems.append(Words("bỏ dấu để tìm (fold)", "fold"))
    names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Văn Đức", "Phạm Văn Dũng"]
    if sorted(names, key=name_sort_key) != ["Trần Thị An", "Nguyễn Văn Bình", "Phạm Văn Dũng", "Lê Văn Đức"]:
        problems.append(Words("xếp tên theo thứ tự tiếng Việt (sort)", "sort"))
    conn = store.conn
    conn.execute("DROP TABLE IF EXISTS temp.selftest_fts")
    conn.execute("CREATE VIRTUAL TABLE temp.selftest_fts USING fts5(name)")
    conn.execute("INSERT INTO temp.selftest_fts (name) VALUES (?)", (fold("Đặng Thị Huệ"),))
    found = conn.execute(
        "SELECT count(*) FROM temp.selftest_fts WHERE selftest_fts MATCH ?", ('"dang"* "hue"*',)
    ).fetchone()[0]
    conn.execute("DROP TABLE temp.selftest_fts")
    if found != 1:
        problems.append(Words("tìm kiếm toàn văn (fts5)", "fts5"))
    if problems:
        return CheckResult("selftest", "fail", {"detail": join(problems, ", ")})
    return CheckResult("selftest", "ok")


def _search_content(store: Store) -> CheckResult:
    """Each person's index row says what their record says (the FTS
    integrity-check above only compares the index with its own copy)."""
    from app.domain.people import search_row

    q = store.conn.execute
    areas = dict(q("SELECT id, name FROM organization WHERE kind = 'residential_area'"))
    indexed = {r[0]: tuple(r[1:]) for r in q("SELECT rowid, name, phone, citizen_id, area FROM person_search")}
    wrong = []
    for pid, name, phone, cid, area_id in q("SELECT id, full_name, phone, citizen_id, area_id FROM person"):
        expected = search_row(pid, {"full_name": name, "phone": phone, "citizen_id": cid}, areas.get(area_id, ""))
        if pid in indexed and indexed[pid] != tuple(expected[1:]):
            wrong.append(pid)
    if wrong:
        return CheckResult("search_content", "fail", {"count": len(wrong), "ids": ", ".join(map(str, wrong[:5]))})
    return CheckResult("search_content", "ok", {"count": len(indexed)})


def _change_log(store: Store) -> CheckResult:
    q = store.conn.execute
    bad = [r[0] for r in q(
        "SELECT id FROM change_log WHERE (before IS NOT NULL AND NOT json_valid(before))"
        " OR (after IS NOT NULL AND NOT json_valid(after)) LIMIT 5"
    )]
    if bad:
        count = q(
            "SELECT count(*) FROM change_log WHERE (before IS NOT NULL AND NOT json_valid(before))"
            " OR (after IS NOT NULL AND NOT json_valid(after))"
        ).fetchone()[0]
        return CheckResult("change_log", "fail", {"count": count, "ids": ", ".join(map(str, bad))})
    return CheckResult("change_log", "ok", {"count": q("SELECT count(*) FROM change_log").fetchone()[0]})


BACKUP_WARN_DAYS = 7


def _backups(store: Store) -> CheckResult:
    from app.db.backups import list_backups, newest_good_backup
    from app.safety.retention import clock_is_behind
    from app.paths import backups_dir_for

    folder = backups_dir_for(store.path)
    newest = newest_good_backup(folder)
    now = store.clock.now()
    if newest is not None and clock_is_behind([newest], now):
        return CheckResult("clock", "warn", {"now": format_moment(now), "at": format_moment(newest.created_at)})
    if newest is None or (now - newest.created_at).days >= BACKUP_WARN_DAYS:
        return CheckResult("backups", "warn", {"days": BACKUP_WARN_DAYS, "folder": str(folder)})
    return CheckResult("backups", "ok", {"at": format_moment(newest.created_at), "count": len(list_backups(folder))})


CHECKS: list[Callable[[Store], CheckResult]] = [
    _integrity, _settings, _foreign_keys, _schema, _schema_objects, _commune, _search_index, _search_content, _change_log,
    _seats, _inactive_holders, _backups, _self_test,
]


def run_checks(store: Store) -> list[CheckResult]:
    return [check(store) for check in CHECKS]
