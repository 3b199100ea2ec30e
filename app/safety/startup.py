"""Opening the database when the app starts: refused on a network share,
checked with quick_check, and when damaged, the newest good backup named so
the person can be offered it at once.

The window calls ``open_at_start``; on ``DatabaseProblem`` with the code
``database.damaged`` or ``database.not_sqlite`` it shows the message and,
when ``params["backup"]`` is set, offers ``app.safety.restore.restore_backup`` with
that file. Then ``app.safety.schedule.backup_at_start``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from app import messages
from app.db.backups import BackupInfo, newest_good_backup
from app.errors import DatabaseProblem
from app.paths import backups_dir_for
from app.db.storage import Store, integrity_problems, open_store

DAMAGED_CODES = ("database.damaged", "database.not_sqlite")

messages.register(
    {
        "database.restore_offer": (
            "Bản sao lưu tốt gần nhất: {backup} (lúc {backup_at}). Khôi phục bằng lệnh: frontdesk backup "
            "restore \"{backup}\"",
            "The newest good backup: {backup} (made {backup_at}). Restore it with: frontdesk backup restore "
            "\"{backup}\"",
        ),
        "database.no_backup": (
            "Không tìm thấy bản sao lưu tốt nào trong {folder}.",
            "No good backup was found in {folder}.",
        ),
    }
)


def backup_to_offer(database: Path, folder: Path | None = None) -> BackupInfo | None:
    """The newest backup of ``database`` that passes quick_check."""
    return newest_good_backup(Path(folder) if folder is not None else backups_dir_for(Path(database)))


def _with_offer(problem: DatabaseProblem, database: Path, folder: Path | None) -> DatabaseProblem:
    offer = backup_to_offer(database, folder)
    problem.params["backup"] = str(offer.path) if offer else None
    problem.params["backup_at"] = offer.created_at.strftime("%d/%m/%Y %H:%M") if offer else None
    problem.params["folder"] = str(folder or backups_dir_for(database))
    return problem


def damage_found(store: Store, *, backups: Path | None = None) -> DatabaseProblem | None:
    """quick_check of an open database: the problem to show (with the backup
    to offer) or None. It reads every page: about 0.2 s for a commune of
    100,000 people (benchmarks/safety.py), so the window may run it off the
    GUI thread just after it shows, before the first write."""
    try:
        problems = integrity_problems(store, full=False)
    except Exception as exc:  # sqlite3.DatabaseError from a page too broken to read
        problems = [str(exc)]
    if not problems:
        return None
    problem = DatabaseProblem("database.damaged", path=str(store.path), detail="; ".join(problems[:3]))
    return _with_offer(problem, Path(store.path), backups)


def open_at_start(path: Path | str, *, backups: Path | None = None, check: bool = True, **options: Any) -> Store:
    """``open_store`` plus, with ``check``, ``damage_found``. A damaged file
    raises ``DatabaseProblem`` whose params carry ``backup`` (the path to
    offer, or None) and ``backup_at``."""
    path = Path(path)
    try:
        store = open_store(path, backups=backups, **options)
    except DatabaseProblem as problem:
        if problem.code in DAMAGED_CODES:
            raise _with_offer(problem, path, backups) from problem
        raise
    problem = damage_found(store, backups=backups) if check else None
    if problem is not None:
        store.close()
        raise problem
    return store


def describe_damage(problem: DatabaseProblem, lang: str | None = None) -> str:
    """The problem and, on the next line, the backup to restore (or that there is none)."""
    lines = [messages.describe(problem, lang)]
    if problem.params.get("backup"):
        lines.append(messages.text("database.restore_offer", lang, **problem.params))
    elif "backup" in problem.params:
        lines.append(messages.text("database.no_backup", lang, folder=problem.params.get("folder", "")))
    return "\n".join(lines)
