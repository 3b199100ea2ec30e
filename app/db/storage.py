"""Opening, creating and migrating the commune database.

One SQLite file per commune, WAL with ``synchronous=FULL`` and foreign keys on.
Every problem with the file itself (missing, not a database, damaged, locked,
made by a newer app) becomes a ``DatabaseProblem`` with one clear message.
"""
from __future__ import annotations

import getpass
import json
import os
import sqlite3
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Iterator

from app.os_words import os_reason
from app import messages
from app.db.backups import create_backup
from app.clock import Clock, SystemClock, iso_timestamp
from app.errors import DatabaseProblem
from app.events import Events, StoreEvents, process_events
from app.db.migrations import MIGRATION_NAMES, MIGRATIONS_TABLE, SCHEMA_VERSION, applied_names, migration_set
from app.paths import backups_dir_for
from app.db.netpath import PlaceCheck, refuse_network_path

SQLITE_HEADER = b"SQLite format 3\x00"

messages.register(
    {
        "database.missing": (
            "Chưa có cơ sở dữ liệu tại {path}. Hãy tạo bằng lệnh: frontdesk init --commune MÃ_XÃ",
            "No database at {path}. Create one with: frontdesk init --commune CODE",
        ),
        "database.exists": (
            "Đã có cơ sở dữ liệu tại {path}; không ghi đè. Hãy chọn đường dẫn khác với --db.",
            "A database already exists at {path}; it is not overwritten. Choose another path with --db.",
        ),
        "database.not_sqlite": (
            "Tệp {path} không phải là cơ sở dữ liệu (hoặc đã hỏng nặng). Hãy khôi phục từ bản sao lưu.",
            "{path} is not a database file (or is badly damaged). Restore it from a backup.",
        ),
        "database.not_frontdesk": (
            "Tệp {path} là cơ sở dữ liệu SQLite nhưng không phải của Front Desk.",
            "{path} is an SQLite database, but not a Front Desk one.",
        ),
        "database.damaged": (
            "Cơ sở dữ liệu {path} bị hỏng ({detail}). Hãy khôi phục từ bản sao lưu gần nhất.",
            "The database {path} is damaged ({detail}). Restore the newest backup.",
        ),
        "database.locked": (
            "Cơ sở dữ liệu {path} đang được một chương trình khác ghi. Hãy đợi hoặc đóng chương trình đó rồi thử lại.",
            "The database {path} is being written by another program. Wait, or close it, and try again.",
        ),
        "database.too_new": (
            "Cơ sở dữ liệu {path} do phiên bản Front Desk mới hơn tạo ra (lược đồ {found}, "
            "phiên bản này hiểu đến {supported}). Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.",
            "The database {path} was made by a newer Front Desk (schema {found}; this version "
            "knows up to {supported}). Update the app; the data was not changed.",
        ),
        "database.cannot_open": (
            "Không mở được {path}: {detail}",
            "Cannot open {path}: {detail}",
        ),
        "database.disk": (
            "Lỗi đọc/ghi đĩa với {path} ({detail}). Kiểm tra ổ đĩa còn chỗ trống và không bị lỗi.",
            "Disk error with {path} ({detail}). Check that the disk has free space and works.",
        ),
        "database.read_only_old": (
            "Cơ sở dữ liệu {path} chỉ đọc được (không có quyền ghi hoặc nằm trên thiết bị chỉ đọc) và cần "
            "được nâng cấp lược đồ trước khi dùng. Hãy chép nó vào một thư mục ghi được rồi mở lại; tệp không bị thay đổi.",
            "The database {path} can only be read (no write permission, or read-only media) and needs a schema "
            "upgrade before use. Copy it to a folder that can be written and open it again; the file was not changed.",
        ),
        "database.read_only": (
            "Cơ sở dữ liệu {path} chỉ đọc được ở đây (không có quyền ghi hoặc nằm trên thiết bị chỉ đọc): có thể "
            "tìm, kiểm tra và xuất, nhưng không lưu được thay đổi. Không có gì bị thay đổi.",
            "The database {path} can only be read here (no write permission, or read-only media): it can be "
            "searched, checked and exported from, but changes cannot be saved. Nothing was changed.",
        ),
        "database.no_commune": (
            "Cơ sở dữ liệu {path} chưa gắn với xã nào. Hãy tạo lại bằng frontdesk init.",
            "The database {path} has no commune. Create it again with frontdesk init.",
        ),
    }
)


def default_actor() -> str:
    """Who is using the app, for the change log."""
    name = os.environ.get("FRONTDESK_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def sqlite_problem(exc: sqlite3.Error, path: Path | str) -> DatabaseProblem:
    """Turn a low-level SQLite error about the file into a clear problem."""
    detail = str(exc)
    low = detail.lower()
    if "locked" in low or "busy" in low:
        return DatabaseProblem("database.locked", path=str(path))
    if "readonly database" in low:  # a write through a store opened read-only
        return DatabaseProblem("database.read_only", path=str(path))
    if "not a database" in low or "file is encrypted" in low:
        return DatabaseProblem("database.not_sqlite", path=str(path))
    if "malformed" in low or "corrupt" in low:
        return DatabaseProblem("database.damaged", path=str(path), detail=detail)
    if "disk i/o" in low or "disk is full" in low:
        return DatabaseProblem("database.disk", path=str(path), detail=detail)
    return DatabaseProblem("database.cannot_open", path=str(path), detail=detail)


class Connection:
    """What a Store needs of sqlite-utils' ``Database``: the connection and
    its transactions, nested ones as savepoints (the same rules as
    ``Database.atomic``), without importing sqlite-utils on every start."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    @contextmanager
    def atomic(self) -> Iterator["Connection"]:
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"frontdesk_{os.urandom(8).hex()}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                # an error such as RAISE(ROLLBACK) may have ended the whole
                # transaction already: then there is no savepoint left to undo
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            else:
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            conn.rollback()
            raise
        else:
            try:
                conn.execute("COMMIT")
            except BaseException:
                conn.rollback()
                raise


class Store:
    """An open commune database with who is working and what time it is.

    Domain modules take a Store and do every multi-row change inside
    ``store.transaction()``; ``store.log`` writes the change log in the same
    transaction, so a change and its record never part.
    """

    def __init__(self, db: Connection, path: Path, *, actor: str, clock: Clock, events: Events,
                 write_lock: AbstractContextManager | None = None):
        self.db = db
        self.path = path
        self.actor = actor
        self.clock = clock
        self.events = StoreEvents(events, path)  # what it announces waits for the commit
        # Shared by the connections one program opens on the database (the
        # window's runner): their transactions take turns here, rather than
        # meeting in SQLite's busy timeout.
        self.write_lock = write_lock if write_lock is not None else nullcontext()
        # opened read-only (a file this program may not write): reads only
        self.read_only = False

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        """All or nothing (nested: a savepoint). The changes announced inside
        are heard once the outermost transaction has committed."""
        events = self.events
        if events.depth:  # nested: a savepoint inside the transaction that holds the turn
            events.depth += 1
            try:
                with self.db.atomic():
                    yield self
            finally:
                events.depth -= 1
            return
        with self.write_lock:
            events.depth = 1
            try:
                with self.db.atomic():
                    yield self
            except BaseException:
                events.discard()
                raise
            finally:
                events.depth = 0
        events.flush()

    def now_iso(self) -> str:
        return iso_timestamp(self.clock.now())

    def today(self):
        return self.clock.today()

    def log(
        self,
        action: str,
        table: str,
        row_id: int | None,
        before: dict | None = None,
        after: dict | None = None,
        note: str | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO change_log (at, actor, action, table_name, row_id, before, after, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.now_iso(),
                self.actor,
                action,
                table,
                row_id,
                _json(before),
                _json(after),
                note,
            ),
        )

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _json(row: dict | None) -> str | None:
    if row is None:
        return None
    return json.dumps(row, ensure_ascii=False, sort_keys=True, default=str)


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseProblem("database.cannot_open", path=str(path), detail=os_reason(exc)) from exc
    if head and head != SQLITE_HEADER:
        raise DatabaseProblem("database.not_sqlite", path=str(path))


def _connect_readonly(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """The file opened so that SQLite cannot write it: no journal-mode switch,
    no migration, no hot journal rolled back. (Network paths are refused before
    this, so the URI's lack of a host name is no loss.)"""
    uri = path.resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        if Path(str(path) + "-wal").exists():
            raise  # changes wait in the WAL: reading without it would show an older state
        # A WAL database in a folder nobody may write (read-only media) has
        # no shared-memory file and cannot get one: SQLite reads it only as
        # "immutable", which is true of such media and of a file without a WAL.
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, timeout=busy_timeout)
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA recursive_triggers=ON")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _can_write(path: Path) -> bool:
    """Whether this program may write the file and make its WAL beside it:
    false without the permission and on read-only media (EROFS)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _identify(path: Path, busy_timeout: float) -> bool:
    """Is the file at ``path`` a Front Desk database this app can use? Read
    only, before anything writes to it: another program's SQLite file must be
    left as it was, byte for byte. Returns whether a migration is due;
    raises ``DatabaseProblem`` otherwise."""
    conn = _connect_readonly(path, busy_timeout)
    try:
        tables = _table_names(conn)
        if MIGRATIONS_TABLE not in tables:
            code = "database.not_frontdesk" if tables else "database.missing"
            raise DatabaseProblem(code, path=str(path))
        applied = applied_names(conn)
        _refuse_newer(conn, path, applied)
        return not set(MIGRATION_NAMES) <= set(applied)
    finally:
        conn.close()


def _connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=busy_timeout)
    try:
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise sqlite3.OperationalError(f"cannot switch to WAL (journal_mode={mode})")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        # as sqlite-utils' Database has always set it on this app's connections
        conn.execute("PRAGMA recursive_triggers=ON")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _table_names(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def _refuse_newer(conn: sqlite3.Connection, path: Path, applied: list[str]) -> None:
    unknown = [name for name in applied if name not in MIGRATION_NAMES]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    if unknown or user_version > SCHEMA_VERSION:
        found = max(user_version, len(applied))
        raise DatabaseProblem(
            "database.too_new", path=str(path), found=found, supported=SCHEMA_VERSION
        )


def _migrate(conn: sqlite3.Connection, path: Path, backups: Path | None, clock: Clock) -> None:
    applied = applied_names(conn)
    _refuse_newer(conn, path, applied)
    if set(MIGRATION_NAMES) <= set(applied):
        return
    from sqlite_utils import Database

    db = Database(conn, execute_plugins=False)
    if applied:
        # An existing commune database: keep a copy of it as it was.
        create_backup(
            conn,
            backups or backups_dir_for(path),
            reason=f"before-migration-{len(applied)}-to-{SCHEMA_VERSION}",
            when=clock.now(),
        )
    # One IMMEDIATE transaction around all pending steps: a second process
    # starting at the same moment waits, then finds nothing left to do.
    conn.execute("BEGIN IMMEDIATE")
    try:
        migration_set().apply(db)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def open_store(
    path: Path | str,
    *,
    create: bool = False,
    actor: str | None = None,
    clock: Clock | None = None,
    backups: Path | None = None,
    busy_timeout: float = 5.0,
    events: Events | None = None,
    place_check: PlaceCheck = refuse_network_path,
    write_lock: AbstractContextManager | None = None,
) -> Store:
    """Open (or with ``create``, make) the database at ``path``, migrated to
    this app's schema. Raises ``DatabaseProblem`` for anything wrong with the
    file, and for a file on a network share (``place_check``).

    An existing file is identified read-only first: nothing is written to a
    file that is not a Front Desk database. One this program cannot write
    (permissions, read-only media) is opened read-only (``store.read_only``),
    for searching, checking and exporting; it is refused if it needs a
    migration."""
    path = Path(path)
    place_check(path)
    clock = clock or SystemClock()
    if create:
        if path.exists() and path.stat().st_size > 0:
            raise DatabaseProblem("database.exists", path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
    else:
        if not path.exists():
            raise DatabaseProblem("database.missing", path=str(path))
        _check_header(path)
    conn = None
    read_only = False
    try:
        if not create:
            needs_migration = _identify(path, busy_timeout)
            read_only = not _can_write(path)
            if read_only and needs_migration:
                raise DatabaseProblem("database.read_only_old", path=str(path))
        if read_only:
            conn = _connect_readonly(path, busy_timeout)
        else:
            conn = _connect(path, busy_timeout)
            _migrate(conn, path, backups, clock)
        store = Store(Connection(conn), path, actor=actor or default_actor(), clock=clock,
                      events=events or process_events(), write_lock=write_lock)
        store.read_only = read_only
        return store
    except DatabaseProblem:
        if conn is not None:
            conn.close()
        raise
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise sqlite_problem(exc, path) from exc


def integrity_problems(store: Store, *, full: bool = True) -> list[str]:
    """SQLite's own check of the file; an empty list means it is sound."""
    pragma = "integrity_check" if full else "quick_check"
    rows = [r[0] for r in store.conn.execute(f"PRAGMA {pragma}")]
    return [] if rows == ["ok"] else rows


def foreign_key_problems(store: Store) -> list[tuple]:
    return list(store.conn.execute("PRAGMA foreign_key_check"))
