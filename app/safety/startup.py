"""The check at start: quick_check of the open database and, when it finds
damage, the newest good backup named so the person can be offered it at once.

What happens when the window starts: it opens the database with ``open_store``
(which refuses a network share, a file that is no database and one from a newer
version, and the window says so), shows itself, and then its safekeeping
(``ui.runtime.safekeeping``) runs ``damage_found`` on a connection of its own,
off the GUI thread, before the backup at start
(``app.safety.schedule.backup_at_start``: a damaged file is never backed up
over good backups). A problem found carries ``backup`` (the newest good backup,
or None), ``backup_at`` and ``folder`` in its params; the window offers
``app.safety.restore.restore_backup`` with that file.
"""
from __future__ import annotations

from pathlib import Path

from app.db.backups import newest_good_backup
from app.db.storage import Store, integrity_problems
from app.errors import DatabaseProblem
from app.os_words import error_reason, join
from app.paths import backups_dir_for
from app.text.dates import format_moment


def damage_found(store: Store, *, backups: Path | None = None) -> DatabaseProblem | None:
    """quick_check of an open database: the problem to show (with the backup
    to offer) or None. It reads every page: about 0.2 s for a commune of
    100,000 people (benchmarks/safety.py), so the window runs it off the GUI
    thread just after it shows, before the first backup."""
    try:
        problems = integrity_problems(store, full=False)
    except Exception as exc:  # sqlite3.DatabaseError from a page too broken to read
        problems = [error_reason(exc)]
    if not problems:
        return None
    problem = DatabaseProblem("database.damaged", path=str(store.path), detail=join(problems[:3]))
    folder = Path(backups) if backups is not None else backups_dir_for(Path(store.path))
    offer = newest_good_backup(folder)  # the newest that passes quick_check itself
    problem.params["backup"] = str(offer.path) if offer else None
    problem.params["backup_at"] = format_moment(offer.created_at) if offer else None
    problem.params["folder"] = str(folder)
    return problem
