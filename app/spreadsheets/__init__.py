"""Spreadsheets: reading untrusted workbooks (.xlsx, .xls, .ods; checked before the parser
sees them) and writing .xlsx (atomic, and user text never becomes a formula).

Modules: cells, limits, ods_checks, reading, xls_checks, xlsx_stream, xlsx_writing, xml_parts, zip_checks.

The public API is the table below, name -> module: what the window and the command line
use. Each name loads its module on first use (``app.lazy``), so importing the package is free.
"""
from app.lazy import lazy_api

_API = {
    "check_target": "xlsx_writing",
}
__all__ = sorted(_API)
__getattr__ = lazy_api(__name__, _API)
