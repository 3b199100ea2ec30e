"""Sending each report upward once (by e-mail, at worst twice with one Message-ID): the outbox,
delivery passes with backoff, the destination (a folder, WebDAV, e-mail) and its transports, passwords in the OS keyring, and
site.toml from IT.

Modules: delivery, destination, erasure_request, folder, outbox, secrets, site_config, smtp, transport, webdav, withdrawal.

The public API is the table below, name -> module: what the window and the command line
use. Each name loads its module on first use (``app.lazy``), so importing the package is free.
"""
from app.lazy import lazy_api

_API = {
    "PassResult": "delivery", "run_outbox": "delivery",
    "current_destination": "destination", "DEFAULT_TIMEOUT": "destination", "Destination": "destination",
    "make_destination": "destination", "META_KEY": "destination", "open_transport": "destination",
    "queue_for_sending": "destination", "save_destination": "destination", "save_password": "destination",
    "site_locks_destination": "destination", "test_connection": "destination",
    "FAILED": "outbox", "list_outbox": "outbox", "outbox_folder": "outbox", "outbox_summary": "outbox", "OutboxItem": "outbox",
    "OutboxSummary": "outbox", "put_back": "outbox", "SENDING": "outbox", "SENT": "outbox",
    "WAITING": "outbox",
    "SecretStore": "secrets",
    "load_site_config": "site_config", "SiteConfig": "site_config",
    "TLS_CHOICES": "smtp",
    "DeliveryError": "transport",
    "erase_person_everywhere": "withdrawal", "PersonErased": "withdrawal",
    "complete_erasure_request": "erasure_request",
}
__all__ = sorted(_API)
__getattr__ = lazy_api(__name__, _API)
