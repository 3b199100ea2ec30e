"""A report from every commune of the country (3,321 of 34 provinces), for the
national consolidation benchmark: made once, kept in the data folder.

Building 3,321 demo communes and exporting each would take about half an hour
(0.4 s to build a small commune, its figures, 0.05 s to write). So a few real
exports are made the ordinary way (a demo commune built, its figures computed
by ``app.reports.figures.compute_figures``) and every commune's file is then
written by the app's own writer, ``app.reports.province_report.write_report``,
from one of those figures with only what identifies it changed: the commune
(code, name, division, province, from the official list) and the commune's name
in its Front committee's title. ``write_report`` gives each file its own
``export_id`` and ``generated_at`` and computes ``data_sha256`` over that
identity and ``_data`` as an export does; nothing is written by hand. The
figures repeat from one template to the next, which the consolidation does not
look at (it adds them up).

The writing is spread over the machine's cores (spawned processes, so nothing
of the harness's own process, such as Qt, is forked).
"""
from __future__ import annotations

import dataclasses
import os
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta
from multiprocessing import get_context
from pathlib import Path

MADE = datetime(2026, 12, 2, 9, 0)  # the exports' clock (the period 2026-11 has ended)
PERIOD = "2026-11"
TEMPLATES = 6  # real exports the others are made from


def _templates(folder: Path, count: int) -> list:
    """``count`` real report figures: a small demo commune each (not marked demo:
    a province refuses demo reports), computed the way ``export_report`` does."""
    from app.clock import FixedClock
    from app.db.storage import open_store
    from app.demo.builder import build_demo
    from app.reports.figures import compute_figures
    from app.text.admin_units import communes_of, provinces
    from app.text.periods import parse_period

    clock = FixedClock(MADE)
    period = parse_period(PERIOD, today=clock.today())
    out = []
    for seed, prov in enumerate(provinces()[:count], start=1):
        commune = communes_of(prov.code)[0]
        db = folder / f"template-{commune.code}.sqlite3"
        if not db.exists():
            build_demo(db, people=300, seed=seed, commune_code=commune.code, clock=clock, marked=False)
        with open_store(db, clock=clock) as store:
            out.append(compute_figures(store, period))
    return out


def _as_commune(figures, info):
    """The template's figures, labelled as the commune ``info`` of the official list."""
    from app.domain.commune import Commune

    commune = Commune(info.code, info.name, info.division_type, info.province_code, info.province_name)
    old = figures.commune.name
    units = [dataclasses.replace(u, name=u.name.replace(old, info.name)) for u in figures.units]
    return dataclasses.replace(figures, commune=commune, units=units)


def _write_chunk(folder: str, templates: list, jobs: list[tuple[int, str]]) -> int:
    """Write the reports of ``jobs`` (n, commune code); runs in a worker process."""
    from app.clock import FixedClock
    from app.reports.province_report import write_report
    from app.text.admin_units import find_commune

    now = FixedClock(MADE).now()  # with the office's time zone, as an export writes it
    for n, code in jobs:
        figures = _as_commune(templates[n % len(templates)], find_commune(code))
        made = now - timedelta(minutes=n % 600)  # the communes did not all export in the same second
        write_report(figures, Path(folder) / f"bc-{code}.xlsx", generated_at=made)
    return len(jobs)


def national_reports(data: Path, count: int | None, log=print, templates: int = TEMPLATES) -> tuple[Path, int]:
    """A folder with the reports of ``count`` communes (None: every commune of the
    country; otherwise the first ones of each province in turn), made once from
    ``templates`` real exports. Returns the folder and the number of reports in it."""
    from app.text.admin_units import communes_of, provinces

    by_province = [communes_of(p.code) for p in provinces()]
    if count is None:
        chosen = [c for communes in by_province for c in communes]
    else:  # a few of several provinces, so the quick run also sees other provinces' files
        chosen, depth = [], 0
        while len(chosen) < count:
            chosen += [communes[depth] for communes in by_province if depth < len(communes)][: count - len(chosen)]
            depth += 1
    folder = data / f"reports-national-{len(chosen)}"
    done = folder / ".complete"
    if done.exists():
        return folder, len(chosen)
    folder.mkdir(parents=True, exist_ok=True)
    work = data / "reports-national-templates"
    work.mkdir(exist_ok=True)
    templates = min(templates, len(chosen))
    log(f"  making {len(chosen):,} commune reports from {templates} real exports …")
    made_from = _templates(work, templates)
    jobs = [(n, c.code) for n, c in enumerate(chosen) if not (folder / f"bc-{c.code}.xlsx").exists()]
    workers = max(1, min(os.cpu_count() or 1, 8))
    if workers == 1 or len(jobs) < 50:
        _write_chunk(str(folder), made_from, jobs)
    else:
        chunks = [jobs[i::workers] for i in range(workers)]
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            sum(pool.map(_write_chunk, [str(folder)] * workers, [made_from] * workers, chunks))
    done.write_text("")
    return folder, len(chosen)
