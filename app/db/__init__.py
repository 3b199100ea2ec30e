"""Storage: the SQLite database (WAL, synchronous=FULL, foreign keys), its numbered migrations
(a backup before each), writes that leave a trace in the change log (``logged``), backup files
made with the SQLite backup API, and the refusal of network paths.

Modules: backups, logged, migrations, netpath, storage.

The public API is the table below, name -> module: what the window and the command line
use. Each name loads its module on first use (``app.lazy``), so importing the package is free.
"""
from app.lazy import lazy_api

_API = {
    "BackupInfo": "backups", "free_space": "backups", "human_size": "backups", "list_backups": "backups",
    "newest_good_backup": "backups", "parse_backup_name": "backups",
    "SCHEMA_VERSION": "migrations",
    "open_store": "storage", "sqlite_problem": "storage", "Store": "storage",
}
__all__ = sorted(_API)
__getattr__ = lazy_api(__name__, _API)
