"""The demo commune: believable, deterministic, and marked as demo.

Modules: builder, names, people, register_names, registers, roles, state, work.

The public API is the table below, name -> module: what the window and the command line
use. Each name loads its module on first use (``app.lazy``), so importing the package is free.
"""
from app.lazy import lazy_api

_API = {
    "build_demo": "builder",
}
__all__ = sorted(_API)
__getattr__ = lazy_api(__name__, _API)
