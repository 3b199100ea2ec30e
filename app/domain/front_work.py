"""The period's figures of the Front's own work, as the province report
(template version 2, DESIGN.md) names them: petitions (``petitions``), the
"Vì người nghèo" fund and the houses (``fund``), cases (``cases``). Each
module's docstring says exactly what its figures count.
"""
from __future__ import annotations

from app.db.storage import Store
from app.text.periods import Period
from app.domain.cases import KINDS, case_figures
from app.domain.fund import fund_figures
from app.domain.petitions import petition_figures

INDICATORS: tuple[str, ...] = (
    "petitions_received", "petitions_answered", "petitions_answered_on_time", "petitions_overdue",
    "fund_opening", "fund_received", "fund_spent", "fund_closing",
    "houses_built", "houses_repaired",
    *(f"cases_opened.{k}" for k in KINDS), *(f"cases_closed.{k}" for k in KINDS),
    "mediation_successful",
)


def register_figures(store: Store, period: Period) -> dict[str, int]:
    """Every indicator of the registers for ``period`` (amounts in đồng), in ``INDICATORS`` order."""
    found = {**petition_figures(store, period), **fund_figures(store, period, "poor"), **case_figures(store, period)}
    return {name: found[name] for name in INDICATORS}
