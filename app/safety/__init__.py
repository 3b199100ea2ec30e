"""Keeping the data safe: backups on a schedule kept in tiers, copies to a USB stick,
restore, the check at start, and the integrity and installation checks.

Modules: checks, install_checks, restore, retention, schedule, startup, usb_copy.

The public API is the table below, name -> module: what the window and the command line
use. Each name loads its module on first use (``app.lazy``), so importing the package is free.
"""
from app.lazy import lazy_api

_API = {
    "run_checks": "checks",
    "run_install_checks": "install_checks",
    "restore_backup": "restore",
    "assign_tiers": "retention",
    "back_up": "schedule", "backup_at_quit": "schedule", "backup_at_start": "schedule",
    "maybe_backup": "schedule",
    "damage_found": "startup",
    "CopiedBackup": "usb_copy", "copy_backup_to": "usb_copy", "last_usb_copy": "usb_copy",
    "record_usb_copy": "usb_copy",
}
__all__ = sorted(_API)
__getattr__ = lazy_api(__name__, _API)
