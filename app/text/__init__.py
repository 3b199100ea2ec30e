"""Vietnamese text: folding for search without accents (đ included), name sorting, dates
as dd/mm/yyyy (or a year alone), amounts in đồng (1.250.000 đ), citizen IDs, phone numbers,
report periods, and the official 2025 list of provinces and communes.

Modules: admin_units, citizen_id, dates, money, periods, phone, vietnamese.

The public API is the table below, name -> module: what the window and the command line
use. Each name loads its module on first use (``app.lazy``), so importing the package is free.
"""
from app.lazy import lazy_api

_API = {
    "communes_of": "admin_units", "list_version": "admin_units", "provinces": "admin_units",
    "search_communes": "admin_units",
    "mask_citizen_id": "citizen_id",
    "format_date": "dates", "format_moment": "dates", "parse_date": "dates",
    "format_money": "money", "parse_money": "money",
    "MIN_YEAR": "periods", "parse_period": "periods", "Period": "periods",
    "fold": "vietnamese",
}
__all__ = sorted(_API)
__getattr__ = lazy_api(__name__, _API)
