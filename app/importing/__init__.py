"""Rosters and the registers (petitions, fund entries, cases) from Excel: the
sheet's layout, what each column means, every row checked (a roster's "Chức vụ"
column as posts in the person's branch; a register's rows by the register's own
checks), the plan shown before anything is written, and the all-or-nothing apply.

Modules: apply, areas, columns, layout, plan, roles, row_checks, rows; for the
registers register_columns, register_layout, register_rows, register_import.

The public API is the table below, name -> module: what the window and the command line
use. Each name loads its module on first use (``app.lazy``), so importing the package is free.
"""
from app.lazy import lazy_api

_API = {
    "FIELDS": "layout",
    "apply_import": "plan", "DUPLICATE_CHOICES": "plan", "ImportPlan": "plan", "ImportResult": "plan",
    "plan_import": "plan",
    "REGISTERS": "register_import", "RegisterImportResult": "register_import", "RegisterPlan": "register_import",
    "apply_register_import": "register_import", "plan_register_import": "register_import",
}
__all__ = sorted(_API)
__getattr__ = lazy_api(__name__, _API)
