"""Creating a commune database and reading which commune it belongs to."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import durable
from app import __version__
from app.errors import DatabaseProblem
from app.domain.organizations import add_standard_structure
from app.db.storage import Store, open_store

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
    # The official list loads only here: opening a commune's database needs none of it.
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
