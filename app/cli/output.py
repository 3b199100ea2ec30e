"""What every command prints for scripts: ``--json`` output, UTF-8 text kept as is."""
from __future__ import annotations

import json
from typing import Any, TextIO


def print_json(out: TextIO, payload: Any) -> None:
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")
