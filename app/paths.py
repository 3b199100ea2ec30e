"""Where the app keeps its files.

platformdirs gives the per-user directories of each OS. ``FRONTDESK_HOME`` moves
all of them under one folder (tests, portable installs on a USB stick).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "FrontDesk"
APP_AUTHOR = "MTTQ"
DATABASE_NAME = "frontdesk.sqlite3"
DEMO_DATABASE_NAME = "demo.sqlite3"  # beside the real one, never in its place


@dataclass(frozen=True)
class AppPaths:
    data: Path
    config: Path
    logs: Path
    backups: Path

    @property
    def database(self) -> Path:
        return self.data / DATABASE_NAME

    @property
    def demo_database(self) -> Path:
        return demo_database_for(self.database)

    @property
    def settings(self) -> Path:
        return self.config / "settings.json"


def app_paths(environ: dict[str, str] | None = None) -> AppPaths:
    env = os.environ if environ is None else environ
    home = env.get("FRONTDESK_HOME")
    if home:
        root = Path(home).expanduser()
        return AppPaths(root / "data", root / "config", root / "logs", root / "backups")
    data = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return AppPaths(
        data=data,
        config=Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
        logs=Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        backups=data / "backups",
    )


def demo_database_for(database: Path) -> Path:
    """Where the demo commune lives for the real database ``database``: beside
    it, under a name of its own, so that neither ever takes the other's place."""
    return Path(database).with_name(DEMO_DATABASE_NAME)


def backups_dir_for(database: Path, environ: dict[str, str] | None = None) -> Path:
    """Backups of the default database go to the app's backup folder; backups of
    a database given with ``--db`` go beside it, so two communes never mix."""
    paths = app_paths(environ)
    try:
        if database.resolve() == paths.database.resolve():
            return paths.backups
    except OSError:
        pass
    return database.parent / f"{database.stem}-backups"
