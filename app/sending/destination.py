"""Where reports go: the destination's settings, the IT lock, the password.

The non-secret parts (kind, folder, URL, host, addresses, user name) are kept
in the commune database (``meta`` key ``sync.destination``): the destination
belongs to the commune, like the outbox it serves, travels with its backups,
and every change is in the change log. The password lives only in the OS
keyring (``app.sending.secrets``), under a key made of the kind, user and server, so
a new server never gets an old server's password.

A ``[destination]`` table in the IT's ``site.toml`` pre-sets the destination;
with ``locked = true`` nobody can change it here (only its password).
"""
from __future__ import annotations

import ipaddress
import json
from dataclasses import asdict, dataclass
from email.utils import parseaddr
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

from app import messages
from app.clock import Clock
from app.errors import FrontDeskError, InvalidValue
from app.sending.outbox import OutboxItem, queue_report
from app.sending.secrets import SecretStore
from app.sending.site_config import SiteConfig, load_site_config, looks_like_secret
from app.db.storage import Store
from app.sending.transport import SETTINGS, DeliveryError
from app.sending.folder import FolderTransport
from app.sending.smtp import TLS_CHOICES, SmtpTransport
from app.sending.webdav import WebDavTransport, public_url, split_url

META_KEY = "sync.destination"
DEFAULT_TIMEOUT = 20.0

messages.register(
    {
        "destination.locked": (
            "Nơi gửi báo cáo do cán bộ CNTT đặt sẵn trong {path} và đã khóa, không đổi được ở đây. "
            "Bạn chỉ cần nhập mật khẩu (frontdesk sync password). Muốn đổi nơi gửi, hãy liên hệ cán bộ CNTT.",
            "The destination is set and locked by IT in {path}; it cannot be changed here. Only enter the "
            "password (frontdesk sync password). To change the destination, contact IT support.",
        ),
        "destination.none": (
            "Chưa chọn nơi gửi báo cáo. Hãy đặt bằng: frontdesk sync destination folder|webdav|smtp ...",
            "No destination chosen yet. Set one with: frontdesk sync destination folder|webdav|smtp ...",
        ),
        "destination.no_password": (
            "Chưa lưu mật khẩu cho {where} (tài khoản {user}). Hãy nhập: frontdesk sync password --password-stdin",
            "No password saved for {where} (user {user}). Enter it with: frontdesk sync password --password-stdin",
        ),
        "destination.no_user": (
            "Nơi gửi {where} không dùng tên đăng nhập nên không cần mật khẩu.",
            "The destination {where} has no user name, so it needs no password.",
        ),
        "destination.bad_url": ("cần dạng https://máy-chủ/đường/dẫn/.", "must look like https://server/path/."),
        "destination.url_secret": (
            "không được chứa mật khẩu hay mã truy cập; hãy bỏ phần đó, dùng --user và --password-stdin.",
            "must not carry a password or a token; leave it out and use --user and --password-stdin.",
        ),
        "destination.cleartext": (
            "mật khẩu sẽ đi qua mạng không mã hóa tới {host}. Hãy dùng https:// (WebDAV) hoặc --tls starttls|ssl (thư).",
            "the password would travel unencrypted to {host}. Use https:// (WebDAV) or --tls starttls|ssl (e-mail).",
        ),
        "destination.bad_address": ("“{value}” không phải địa chỉ thư hợp lệ.", "“{value}” is not a valid e-mail address."),
        "destination.bad_port": ("phải là số từ 1 đến 65535.", "must be a number from 1 to 65535."),
        "destination.bad_field": ("thiếu hoặc không hợp lệ.", "missing or not valid."),
        "destination.site_bad": (
            "Mục [destination] trong {path} không dùng được: {reason}",
            "The [destination] table in {path} cannot be used: {reason}",
        ),
    }
)
messages.register_fields(
    {
        "transport": ("Kiểu nơi gửi", "Kind of destination"),
        "path": ("Thư mục nhận", "Destination folder"),
        "url": ("Địa chỉ WebDAV", "WebDAV address"),
        "host": ("Máy chủ thư (--host)", "Mail server (--host)"),
        "port": ("Cổng (--port)", "Port (--port)"),
        "to_addr": ("Địa chỉ nhận (--to)", "To address (--to)"),
        "from_addr": ("Địa chỉ gửi (--from)", "From address (--from)"),
        "tls": ("Kiểu mã hóa (--tls)", "Encryption (--tls)"),
    }
)


@dataclass(frozen=True)
class Destination:
    transport: str
    path: str | None = None
    url: str | None = None
    user: str | None = None
    host: str | None = None
    port: int | None = None
    to_addr: str | None = None
    from_addr: str | None = None
    tls: str | None = None

    @property
    def label(self) -> str:
        """Where it goes, for people and for the outbox; never a secret. The same
        text as ``f"{transport.kind}:{transport.label}"`` of its transport."""
        if self.transport == "folder":
            return f"folder:{self.path}"
        if self.transport == "webdav":
            return f"webdav:{public_url(self.url or '')}"
        return f"smtp:{self.to_addr} ({self.host}:{self.port})"

    @property
    def secret_key(self) -> str | None:
        """The keyring entry of this destination's password, or None without a user."""
        if not self.user:
            return None
        server = public_url(self.url or "") if self.transport == "webdav" else f"{self.host}:{self.port}"
        return f"{self.transport}:{self.user}@{server}"

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def make_destination(transport: str, **fields: Any) -> Destination:
    """A checked destination; raises ``InvalidValue`` saying what is wrong."""
    fields = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}
    fields = {k: v for k, v in fields.items() if v not in (None, "")}
    make = _MAKERS.get(transport)
    if make is None:
        raise InvalidValue("destination.bad_field", field="transport", value=transport)
    return make(fields)


def _folder(fields: dict[str, Any]) -> Destination:
    if not fields.get("path"):
        raise InvalidValue("destination.bad_field", field="path", value=None)
    return Destination("folder", path=str(Path(fields["path"]).expanduser().absolute()))


def _webdav(fields: dict[str, Any]) -> Destination:
    url = str(fields.get("url", ""))
    try:
        scheme, host, _, _ = split_url(url)
    except ValueError:
        raise InvalidValue("destination.bad_url", field="url", value=public_url(url)) from None
    parts = urlsplit(url)
    if parts.username or parts.password or parts.query or parts.fragment:
        raise InvalidValue("destination.url_secret", field="url", value=public_url(url))
    user = fields.get("user")
    if user and scheme == "http" and not _is_loopback(host):
        raise InvalidValue("destination.cleartext", field="url", value=public_url(url), host=host)
    return Destination("webdav", url=public_url(url), user=user)


def _smtp(fields: dict[str, Any]) -> Destination:
    host = fields.get("host")
    if not host:
        raise InvalidValue("destination.bad_field", field="host", value=None)
    port = _port(fields.get("port"))
    for name in ("to_addr", "from_addr"):
        _check_address(name, str(fields.get(name) or ""))
    tls = fields.get("tls") or "starttls"
    if tls not in TLS_CHOICES:
        raise InvalidValue("destination.bad_field", field="tls", value=tls)
    user = fields.get("user")
    if user and tls == "none" and not _is_loopback(host):
        raise InvalidValue("destination.cleartext", field="tls", value=tls, host=host)
    return Destination(
        "smtp", host=host, port=port, to_addr=fields["to_addr"], from_addr=fields["from_addr"], tls=tls, user=user
    )


def _port(value: Any) -> int:
    try:
        port = int(value or 0)
    except (TypeError, ValueError):
        port = 0
    if not 1 <= port <= 65535:
        raise InvalidValue("destination.bad_port", field="port", value=value)
    return port


def _check_address(field: str, value: str) -> None:
    """One plain address ("xa@example.vn"): no display name, no list, nothing around it."""
    address = parseaddr(value)[1]
    if "@" not in address or address != value or " " in address:
        raise InvalidValue("destination.bad_address", field=field, value=value)


_MAKERS: dict[str, Callable[[dict[str, Any]], Destination]] = {"folder": _folder, "webdav": _webdav, "smtp": _smtp}


def _from_mapping(data: Mapping[str, Any]) -> Destination:
    fields = dict(data)
    transport = str(fields.pop("transport", ""))
    fields.pop("locked", None)
    renamed = {"to": "to_addr", "from": "from_addr"}
    fields = {renamed.get(k, k): v for k, v in fields.items()}
    known = {"path", "url", "user", "host", "port", "to_addr", "from_addr", "tls"}
    return make_destination(transport, **{k: v for k, v in fields.items() if k in known})


def site_destination(site: SiteConfig) -> Destination | None:
    """The destination IT pre-set in site.toml, checked; None when there is none."""
    data = site.destination
    if not data or not data.get("transport"):
        return None
    secret = next((k for k in data if looks_like_secret(k)), None)
    if secret is not None:  # load_site_config refuses it already; a SiteConfig made in code is checked too
        raise FrontDeskError("destination.site_password", path=str(site.path), key=f"destination.{secret}")
    try:
        return _from_mapping(data)
    except InvalidValue as exc:
        raise FrontDeskError("destination.site_bad", path=str(site.path), reason=messages.describe(exc)) from exc


def site_locks_destination(site: SiteConfig) -> bool:
    return bool(site.destination.get("locked")) and site_destination(site) is not None


def saved_destination(store: Store) -> Destination | None:
    raw = store.meta(META_KEY)
    if not raw:
        return None
    try:
        return _from_mapping(json.loads(raw))
    except (ValueError, InvalidValue, TypeError):
        return None  # a damaged setting is as good as none: the user sets it again


def current_destination(store: Store, site: SiteConfig) -> Destination | None:
    """The locked site destination, else the one chosen here, else the site's default."""
    pre_set = site_destination(site)
    if pre_set is not None and site.destination.get("locked"):
        return pre_set
    return saved_destination(store) or pre_set


def save_destination(
    store: Store,
    destination: Destination,
    *,
    site: SiteConfig,
    secrets: SecretStore | None = None,
    password: str | None = None,
) -> Destination:
    """Choose ``destination`` (and keep its password in the keyring when given)."""
    if site_locks_destination(site):
        raise FrontDeskError("destination.locked", path=str(site.path))
    if password is not None:
        _keep_password(destination, secrets, password)
    before = saved_destination(store)
    with store.transaction():
        store.set_meta(META_KEY, json.dumps(_stored_form(destination), ensure_ascii=False, sort_keys=True))
        store.log(
            "update", "meta", None,
            {META_KEY: before.as_json() if before else None}, {META_KEY: destination.as_json()},
        )
        _due_now(store)
    store.events.emit("outbox_changed")
    return destination


def _due_now(store: Store) -> None:
    """Corrected settings deserve a try at once, not after the backoff they caused."""
    store.conn.execute("UPDATE outbox SET next_attempt_at = NULL WHERE state = 'queued'")


def save_password(store: Store, *, site: SiteConfig, secrets: SecretStore, password: str) -> Destination:
    """Keep the password of the current destination (the one thing a locked site lets people type)."""
    destination = current_destination(store, site)
    if destination is None:
        raise FrontDeskError("destination.none")
    _keep_password(destination, secrets, password)
    with store.transaction():
        _due_now(store)
    store.events.emit("outbox_changed")
    return destination


def _keep_password(destination: Destination, secrets: SecretStore | None, password: str) -> None:
    if not destination.secret_key:
        raise FrontDeskError("destination.no_user", where=destination.label)
    if secrets is None:
        raise FrontDeskError("secrets.no_keyring")
    secrets.put(destination.secret_key, password)


def _stored_form(destination: Destination) -> dict[str, Any]:
    data = destination.as_json()
    renamed = {"to_addr": "to", "from_addr": "from"}
    return {renamed.get(k, k): v for k, v in data.items()}


def queue_for_sending(
    store: Store,
    path: Path | str,
    commune_code: str | None = None,
    period: str | None = None,
    *,
    site: SiteConfig | None = None,
) -> OutboxItem:
    """``queue_report`` for the destination chosen now (what ``export report --send``
    and the app's "Send" call): the same content already sent there comes back
    as that sent row instead of a new one."""
    destination = current_destination(store, site if site is not None else load_site_config())
    return queue_report(store, path, commune_code, period, destination=destination.label if destination else "")


def open_transport(
    destination: Destination,
    *,
    secrets: SecretStore | None,
    clock: Clock,
    timeout: float = DEFAULT_TIMEOUT,
) -> Any:
    """The transport that delivers to ``destination``, its password read from the keyring."""
    password = None
    if destination.secret_key:
        if secrets is None:
            raise DeliveryError(SETTINGS, "secrets.no_keyring")
        try:
            password = secrets.get(destination.secret_key)
        except FrontDeskError as exc:
            raise DeliveryError(SETTINGS, exc.code, **exc.params) from None
        if password is None:
            raise DeliveryError(SETTINGS, "destination.no_password", where=destination.label, user=destination.user)
    if destination.transport == "folder":
        transport: Any = FolderTransport(Path(destination.path or ""), clock)
    elif destination.transport == "webdav":
        transport = WebDavTransport(destination.url or "", user=destination.user, password=password, timeout=timeout)
    else:
        transport = SmtpTransport(
            destination.host or "", destination.port or 0, to_addr=destination.to_addr or "",
            from_addr=destination.from_addr or "", user=destination.user, password=password,
            tls=destination.tls or "starttls", timeout=timeout, clock=clock,
        )
    return transport


def test_connection(
    destination: Destination,
    *,
    secrets: SecretStore | None,
    clock: Clock,
    timeout: float = 10.0,
) -> dict[str, Any]:
    """Reach the destination without sending anything ("Test connection").

    Returns what was found; raises ``DeliveryError`` (describe it with
    ``messages.describe``) saying what to check."""
    return open_transport(destination, secrets=secrets, clock=clock, timeout=timeout).check()


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
