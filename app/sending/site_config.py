"""The IT site configuration, ``site.toml``: pre-set (and lock) the commune and
the destination so a user only types a password.

Looked up in ``FRONTDESK_SITE_CONFIG`` if set, else the platformdirs site
config directory. A missing file means no site settings; a broken one is an
error with the file and the reason, never ignored silently.
"""
from __future__ import annotations

import os
import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from app.os_words import error_reason
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
        # one message for a secret under any name, in any table (docs/IT.md promises it)
        "destination.site_password": (
            "Tệp {path} không được chứa mật khẩu hay mã bí mật (khóa “{key}”). Cán bộ CNTT: hãy xóa dòng đó; "
            "mật khẩu do người dùng nhập trong ứng dụng và được giữ trong kho mật khẩu (keyring) của hệ điều hành.",
            "{path} must not hold a password or any secret (key “{key}”). IT staff: remove that line; the password "
            "is entered in the app and kept in the operating system's keyring.",
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


# Words that name a secret, after folding (lower case, no accents, đ -> d). A key is a
# secret when one of its words is one of these, or when it contains one of the longer
# ones anywhere ("smtp_password", "matkhau", "ApiKey"): IT writes keys in many ways.
_SECRET_WORDS = frozenset({"pass", "passwd", "pwd", "pw", "secret", "token", "credential", "credentials"})
_SECRET_PARTS = ("password", "passwd", "passphrase", "secret", "token", "matkhau", "apikey", "privatekey",
                 "credential")


def _fold(key: str) -> str:
    text = unicodedata.normalize("NFD", str(key).replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def looks_like_secret(key: str) -> bool:
    folded = _fold(key)
    # split camelCase too: "apiKey", "SmtpPass"
    words = {w for w in re.split(r"[^a-z0-9]+", re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", str(key)).casefold()) if w}
    words |= {w for w in re.split(r"[^a-z0-9]+", folded) if w}
    compact = re.sub(r"[^a-z0-9]+", "", folded)
    return bool(words & _SECRET_WORDS) or any(part in compact for part in _SECRET_PARTS)


def _secret_key(data: Any, where: str = "") -> str | None:
    """The dotted name of the first key that looks like a secret, at any depth."""
    if isinstance(data, dict):
        for key, value in data.items():
            name = f"{where}.{key}" if where else str(key)
            if looks_like_secret(key):
                return name
            found = _secret_key(value, name)
            if found:
                return found
    elif isinstance(data, list):
        for n, value in enumerate(data):
            found = _secret_key(value, f"{where}[{n}]")
            if found:
                return found
    return None


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
        # utf-8-sig: Notepad and PowerShell 5.1 start the file with a byte-order mark
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FrontDeskError("site.unreadable", path=str(path), reason=error_reason(exc)) from exc
    secret = _secret_key(data)
    if secret is not None:
        raise FrontDeskError("destination.site_password", path=str(path), key=secret)
    commune = data.get("commune", {}) if isinstance(data.get("commune"), dict) else {}
    code = commune.get("code")
    if code is not None:
        try:
            code = find_commune(str(code)).code
        except InvalidValue as exc:
            raise FrontDeskError("site.bad_commune", path=str(path), reason=messages.describe(exc)) from exc
    destination = data.get("destination", {}) if isinstance(data.get("destination"), dict) else {}
    return SiteConfig(path, code, bool(commune.get("locked", False)) and code is not None, destination)
