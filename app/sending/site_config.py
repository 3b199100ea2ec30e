"""The IT site configuration, ``site.toml``: pre-set (and lock) the commune and
the destination so a user only types a password.

Looked up in ``FRONTDESK_SITE_CONFIG`` if set, else the platformdirs site
config directory. A missing file means no site settings; a broken one is an
error with the file and the reason, never ignored silently.
"""
from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from app import messages
from app.text.admin_units import find_commune
from app.errors import FrontDeskError, InvalidValue
from app.paths import APP_AUTHOR, APP_NAME

messages.register(
    {
        "site.unreadable": (
            "Không đọc được tệp cấu hình của đơn vị {path}: {reason}",
            "Cannot read the site configuration {path}: {reason}",
        ),
        "site.bad_commune": (
            "Tệp cấu hình {path} ghi mã xã không hợp lệ: {reason}",
            "The site configuration {path} names an invalid commune: {reason}",
        ),
    }
)


@dataclass(frozen=True)
class SiteConfig:
    path: Path | None = None
    commune_code: str | None = None
    commune_locked: bool = False
    destination: dict[str, Any] = field(default_factory=dict)


def site_config_candidates() -> list[Path]:
    """Where IT's site.toml may be, in the order looked at. Windows: one place
    (C:\\ProgramData\\MTTQ\\FrontDesk). Linux: each folder of XDG_CONFIG_DIRS,
    which desktops set (Ubuntu: /etc/xdg/xdg-ubuntu:/etc/xdg), then always
    /etc/xdg/FrontDesk, the place docs/IT.md and the .deb name."""
    dirs = platformdirs.site_config_dir(APP_NAME, APP_AUTHOR, multipath=True).split(os.pathsep)
    found = [Path(d) / "site.toml" for d in dirs if d]
    if sys.platform.startswith("linux"):
        found.append(Path("/etc/xdg") / APP_NAME / "site.toml")
    return list(dict.fromkeys(found))


def site_config_path(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    override = env.get("FRONTDESK_SITE_CONFIG")
    if override:
        return Path(override)
    candidates = site_config_candidates()
    return next((c for c in candidates if c.is_file()), candidates[0])


def load_site_config(environ: dict[str, str] | None = None) -> SiteConfig:
    path = site_config_path(environ)
    if not path.is_file():
        return SiteConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FrontDeskError("site.unreadable", path=str(path), reason=str(exc)) from exc
    commune = data.get("commune", {}) if isinstance(data.get("commune"), dict) else {}
    code = commune.get("code")
    if code is not None:
        try:
            code = find_commune(str(code)).code
        except InvalidValue as exc:
            raise FrontDeskError("site.bad_commune", path=str(path), reason=messages.describe(exc)) from exc
    destination = data.get("destination", {}) if isinstance(data.get("destination"), dict) else {}
    return SiteConfig(path, code, bool(commune.get("locked", False)) and code is not None, destination)
