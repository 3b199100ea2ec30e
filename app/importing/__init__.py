"""Rosters from Excel: the sheet's layout, what each column means, every row checked
(the "Chức vụ" column as posts in the person's branch), the plan shown before
anything is written, and the all-or-nothing apply.

Modules: apply, areas, columns, layout, plan, roles, row_checks, rows.

The public API is the table below, name -> module: what the window and the command line
use. Each name loads its module on first use (``app.lazy``), so importing the package is free.
"""
from app.lazy import lazy_api

_API = {
    "FIELDS": "layout",
    "apply_import": "plan", "DUPLICATE_CHOICES": "plan", "ImportPlan": "plan", "ImportResult": "plan",
    "plan_import": "plan",
}
__all__ = sorted(_API)
__getattr__ = lazy_api(__name__, _API)
