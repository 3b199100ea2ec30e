"""Creating a commune database and reading which commune it belongs to."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite3

from app import durable, messages
from app import __version__
from app.errors import DatabaseProblem
from app.db.backups import connect_readonly
from app.db.storage import Store, open_store
from app.paths import demo_database_for

messages.register({
    "database.demo_in_the_way": (
        "Ở {path} là một xã mẫu, và đã có một xã mẫu khác ở {demo}: hãy xóa một trong hai (frontdesk demo "
        "--replace thay xã mẫu) rồi thiết lập lại xã của mình.",
        "{path} holds a demo commune and there is another demo at {demo}: delete one of them (frontdesk demo "
        "--replace replaces the demo) and set up your commune again.",
    ),
})

if TYPE_CHECKING:
    from app.text.admin_units import CommuneInfo


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    division_type: str
    province_code: str
    province_name: str


def create_commune_database(
    path: Path | str, code: str, *, demo: bool = False, **store_options: Any
) -> Store:
    """A new database for the commune with this official code, with the Front
    committee and the standard member organizations already in place.

    All or nothing: if anything fails, no file is left behind."""
    # The official list and the organizations load only here: opening a commune's
    # database (the window's first paint) needs none of them.
    from app.domain.organizations import add_standard_structure
    from app.text.admin_units import find_commune

    info = find_commune(code)  # a wrong code fails before any file is made
    path = Path(path)
    store = open_store(path, create=True, **store_options)
    try:
        with store.transaction():
            _insert_commune(store, info)
            store.set_meta("created_with", __version__)
            store.set_meta("is_demo", "1" if demo else "0")
            add_standard_structure(store, info.name)
    except BaseException:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            durable.remove(str(path) + suffix)
        raise
    return store


def _insert_commune(store: Store, info: "CommuneInfo") -> None:
    values = {
        "id": 1,
        "code": info.code,
        "name": info.name,
        "division_type": info.division_type,
        "province_code": info.province_code,
        "province_name": info.province_name,
        "created_at": store.now_iso(),
    }
    store.conn.execute(
        "INSERT INTO commune (id, code, name, division_type, province_code, province_name, created_at)"
        " VALUES (:id, :code, :name, :division_type, :province_code, :province_name, :created_at)",
        values,
    )
    store.log("insert", "commune", 1, None, values)


def get_commune(store: Store) -> Commune:
    row = store.conn.execute(
        "SELECT code, name, division_type, province_code, province_name FROM commune WHERE id = 1"
    ).fetchone()
    if row is None:
        raise DatabaseProblem("database.no_commune", path=str(store.path))
    return Commune(*row)


def is_demo(store: Store) -> bool:
    return store.meta("is_demo") == "1"


def is_demo_file(path: Path | str) -> bool:
    """Whether the database file at ``path`` is a demo, read without writing a
    byte (no WAL switch, no migration): False for anything else, or for a
    file that cannot be read as a Front Desk database."""
    path = Path(path)
    if not path.is_file():
        return False
    try:
        conn = connect_readonly(path)
    except (OSError, sqlite3.Error):
        return False
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'is_demo'").fetchone()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return bool(row) and row[0] == "1"


def move_demo_aside(database: Path | str) -> Path | None:
    """A demo an older version built where the real commune's database belongs
    moves to its own place beside it (``app.paths.demo_database_for``), so the
    real commune can be set up there; returns where it went, or None when
    there was no demo in the way. Refuses when a demo is already in that place."""
    database = Path(database)
    if not is_demo_file(database):
        return None
    target = demo_database_for(database)
    if target.exists():
        raise DatabaseProblem("database.demo_in_the_way", path=str(database), demo=str(target))
    for suffix in ("-wal", "-shm", ""):  # the file last: its logs go with it first
        source = Path(f"{database}{suffix}")
        if source.exists():
            durable.replace(source, Path(f"{target}{suffix}"))
    return target
