"""Passwords of the sending destinations, kept only in the OS keyring.

One small wrapper around a ``keyring`` backend that is passed in (tests give
an in-memory one; the app and the command line give ``keyring.get_keyring()``).
A backend that cannot keep a secret safely is refused before anything is
stored: the "fail" backend (no keyring at all), a plaintext file backend
(``keyrings.alt``), or any backend whose own priority says it is not
recommended (< 1). Nothing here ever puts a password into a message or a log.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from app import messages
from app.errors import FrontDeskError

SERVICE = "FrontDesk sync"

messages.register(
    {
        "secrets.no_keyring": (
            "Máy này chưa có nơi cất mật khẩu an toàn (kho khóa của hệ điều hành), nên không lưu được "
            "mật khẩu. Trên Windows dùng Windows Credential Manager (có sẵn); trên Linux hãy cài và mở "
            "khóa GNOME Keyring (gnome-keyring) hoặc KWallet rồi thử lại. Cán bộ CNTT: xem hướng dẫn "
            "docs/it-sync.md, mục “Mật khẩu”.",
            "This computer has no safe place for passwords (the OS keyring), so the password cannot be "
            "kept. On Windows the Windows Credential Manager is built in; on Linux install and unlock "
            "GNOME Keyring (gnome-keyring) or KWallet, then try again. IT staff: see docs/it-sync.md, "
            "“Passwords”.",
        ),
        "secrets.plaintext": (
            "Kho khóa đang dùng ({backend}) ghi mật khẩu ra tệp không mã hóa, nên Front Desk không dùng nó. "
            "Hãy dùng kho khóa của hệ điều hành: Windows Credential Manager, hoặc trên Linux GNOME Keyring "
            "hay KWallet (đã mở khóa). Cán bộ CNTT: gỡ keyrings.alt hoặc đặt PYTHON_KEYRING_BACKEND cho đúng.",
            "The keyring in use ({backend}) writes passwords to an unencrypted file, so Front Desk does not "
            "use it. Use the OS keyring: Windows Credential Manager, or on Linux an unlocked GNOME Keyring "
            "or KWallet. IT staff: remove keyrings.alt or set PYTHON_KEYRING_BACKEND correctly.",
        ),
        "secrets.unavailable": (
            "Không dùng được kho khóa ({backend}): {reason}. Nếu kho khóa đang khóa, hãy mở khóa rồi thử lại.",
            "The keyring ({backend}) cannot be used: {reason}. If it is locked, unlock it and try again.",
        ),
    }
)


def backend_name(backend: Any) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__name__}"


def _priority(backend: Any) -> float:
    try:
        return float(getattr(backend, "priority", 0))
    except Exception:  # a backend's priority may probe the system and fail
        return 0.0


def keyring_refusal(backend: Any) -> FrontDeskError | None:
    """Why ``backend`` must not hold a password, or None when it may."""
    name = backend_name(backend)
    module = type(backend).__module__
    if module == "keyring.backends.fail" or module == "keyring.backends.null":
        return FrontDeskError("secrets.no_keyring")
    if "plaintext" in name.lower() or module.startswith("keyrings.alt.file"):
        return FrontDeskError("secrets.plaintext", backend=name)
    chained = getattr(backend, "backends", None)
    if module == "keyring.backends.chainer" and chained is not None:
        chained = list(chained)
        if not chained:
            return FrontDeskError("secrets.no_keyring")
        # the chainer writes to the first backend that accepts: every one must be safe
        for inner in chained:
            problem = keyring_refusal(inner)
            if problem is not None:
                return problem
        return None
    if _priority(backend) < 1:
        # keyring's own rule: below 1 is "not recommended" (plaintext, obfuscated)
        return FrontDeskError("secrets.plaintext", backend=name)
    return None


class SecretStore:
    """The destination passwords, in the keyring ``backend`` given."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend

    @property
    def name(self) -> str:
        """Which store is in use, for the settings page and the IT guide."""
        return backend_name(self.backend)

    def check(self) -> None:
        """Raise a clear ``FrontDeskError`` if this backend must not be used."""
        problem = keyring_refusal(self.backend)
        if problem is not None:
            raise problem

    def get(self, key: str) -> str | None:
        self.check()
        return self._call("get_password", SERVICE, key)

    def put(self, key: str, password: str) -> None:
        self.check()
        self._call("set_password", SERVICE, key, password)

    def forget(self, key: str) -> None:
        self.check()
        try:
            self._call("delete_password", SERVICE, key)
        except FrontDeskError:
            pass  # nothing stored under that key: nothing to forget

    def _call(self, method: str, *args: str) -> Any:
        try:
            return getattr(self.backend, method)(*args)
        except Exception as exc:  # keyring errors vary by backend; the message carries no secret
            reason = type(exc).__name__
            raise FrontDeskError("secrets.unavailable", backend=self.name, reason=reason) from None


_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]*@")


def scrub(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` without any of ``secrets`` and without ``user:password@`` in URLs."""
    text = _USERINFO.sub(r"\1", text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text
