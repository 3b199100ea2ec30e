"""The province's side: many commune reports -> one summary.

``consolidate(folder)`` reads every file in the folder (not its subfolders;
hidden files and Excel's ``~$`` lock files aside) as an untrusted report
workbook (``app.reports.report_file.read_report``: the checks of ``app.spreadsheets.reading``
first, then ``_meta`` and the checksum of ``_data``), and decides:

- which province: ``province_code`` when given, otherwise the province most
  of the valid reports belong to (ties: the lower code), taken from the
  official list by the commune's code, never from the file's own word;
- which period: ``period`` when given, otherwise the period most of that
  province's reports carry (ties: the later period);
- one report per commune: the newest export (``generated_at``); older ones
  are listed as replaced, by which file;
- every other file is listed with why it was not used: unreadable or not a
  workbook, not a report, an unknown template or version, missing or
  malformed keys, a bad ``_data`` sheet, a failed checksum, a printed
  summary that differs from ``_data``, a demo commune's report, a commune not
  in the official list, a date after now or before the period, a commune of
  another province, another period.

Nothing is written here: ``app.reports.consolidation_workbook`` writes the summary.
"""
from __future__ import annotations

import os
import queue
from collections import Counter, deque
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Iterator

from app import messages
from app.clock import Clock, SystemClock
from app.text.admin_units import CommuneInfo, Province, communes_of, find_commune, province
from app.errors import FrontDeskError, InvalidValue
from app.text.dates import format_moment
from app.text.periods import parse_period
from app.progress import ProgressCallback, ignore_progress
from app.reports.report_file import KNOWN_VERSIONS, TEMPLATE_ID, ReportFile, ReportRejected, read_report
from app.spreadsheets.sandbox import SandboxedReader

__all__ = ["Consolidation", "Rejected", "consolidate"]

# a report may be dated this much past "now" or before its period (clocks of office PCs drift)
CLOCK_SLACK = timedelta(days=1)
# reasons a file is left out without being at fault; every other reason is a refusal
LEFT_OUT = frozenset({"other_province", "other_period", "superseded", "summary"})
# Sandboxed reader children at work at once (never more than the processor's
# cores): while one child parses a file, this process checks what another has
# read. Below READERS_FROM files one child does it all (starting another costs
# more than it saves).
READERS = 2
READERS_FROM = 24

messages.register(
    {
        "consolidate.no_folder": ("Không có thư mục {path}.", "There is no folder {path}."),
        "consolidate.nothing": (
            "Không có báo cáo hợp lệ nào trong {path}{which}: không ghi tệp tổng hợp.",
            "No valid report in {path}{which}: no summary was written.",
        ),
        "consolidate.reason.unreadable": ("Không đọc được tệp: {detail}", "The file cannot be read: {detail}"),
        "consolidate.reason.not_report": (
            "Không phải tệp báo cáo của Front Desk (không có trang _meta và _data).",
            "Not a Front Desk report (no _meta and _data sheets).",
        ),
        "consolidate.reason.unknown_template": (
            "Mẫu báo cáo không nhận ra ({detail}); phiên bản này đọc được {template} phiên bản {versions}.",
            "Unknown report template ({detail}); this version reads {template} version {versions}.",
        ),
        "consolidate.reason.bad_meta": ("Trang _meta thiếu: {detail}.", "The _meta sheet lacks: {detail}."),
        "consolidate.reason.bad_data": ("Trang _data không hợp lệ ({detail}).", "The _data sheet is not valid ({detail})."),
        "consolidate.reason.bad_checksum": (
            "Sai mã kiểm tra: số liệu trong tệp đã bị sửa sau khi xuất, hoặc tệp bị hỏng. Đề nghị xã xuất lại báo cáo.",
            "Checksum mismatch: the figures were changed after the export, or the file is damaged. Ask the commune "
            "to export the report again.",
        ),
        "consolidate.reason.printed_summary": (
            "Bảng số liệu in ở trang Tổng hợp khác số liệu của tệp ({detail}): bảng in đã bị sửa sau khi xuất. "
            "Đề nghị xã xuất lại báo cáo.",
            "The printed table on the Tổng hợp sheet differs from the file's figures ({detail}): it was changed "
            "after the export. Ask the commune to export the report again.",
        ),
        "consolidate.reason.demo": (
            "Báo cáo lập từ dữ liệu mẫu (DEMO) của xã {detail}, không phải số liệu thật: không tổng hợp.",
            "A report made from demo data (commune {detail}), not real figures: not consolidated.",
        ),
        "consolidate.reason.unknown_commune": (
            "Mã xã {detail} không có trong danh mục đơn vị hành chính.",
            "Commune code {detail} is not in the official list.",
        ),
        "consolidate.reason.other_province": (
            "{detail} không thuộc {province}.", "{detail} is not in {province}.",
        ),
        "consolidate.reason.other_period": (
            "Báo cáo kỳ {detail}, không phải kỳ {period}.", "A report for {detail}, not for {period}.",
        ),
        "consolidate.reason.from_the_future": (
            "Báo cáo ghi ngày lập {detail}, muộn hơn bây giờ: đồng hồ của máy lập sai, hoặc tệp đã bị sửa.",
            "The report says it was made at {detail}, later than now: the PC that made it had a wrong clock, "
            "or the file was altered.",
        ),
        "consolidate.reason.before_its_period": (
            "Báo cáo ghi ngày lập {detail}, trước khi kỳ báo cáo bắt đầu: không thể có số liệu của kỳ đó.",
            "The report says it was made at {detail}, before its period began: it cannot hold that period's figures.",
        ),
        "consolidate.reason.summary": (
            "Đây là một bản tổng hợp của tỉnh, không phải báo cáo của xã: bỏ qua.",
            "This is a province summary, not a commune's report: left out.",
        ),
        "consolidate.reason.superseded": (
            "Đã có bản xuất mới hơn của cùng xã, cùng kỳ: {detail}.",
            "A newer export of the same commune and period is there: {detail}.",
        ),
    }
)


@dataclass
class Rejected:
    path: Path
    reason: str
    detail: str = ""
    error: FrontDeskError | None = None

    def message(self, lang: str | None, *, province_name: str = "", period: str = "") -> str:
        detail = messages.describe(self.error, lang) if self.error is not None else self.detail
        return messages.text(f"consolidate.reason.{self.reason}", lang, detail=detail, province=province_name,
                             period=period, template=TEMPLATE_ID, versions=", ".join(KNOWN_VERSIONS))


@dataclass
class Kept:
    report: ReportFile
    commune: CommuneInfo


@dataclass
class Consolidation:
    folder: Path
    province: Province
    period: str
    kept: list[Kept]                                   # one per commune, in the official list's order
    rejected: list[Rejected] = field(default_factory=list)
    missing: list[CommuneInfo] = field(default_factory=list)

    def totals(self) -> dict[tuple[str, str], int]:
        """Every (indicator, unit) added up over the communes kept."""
        sums: Counter = Counter()
        for k in self.kept:
            for key, value in zip(k.report.keys, k.report.values):
                sums[key] += value
        return dict(sums)

    def describe(self, rejected: Rejected, lang: str | None = None) -> str:
        return rejected.message(lang, province_name=self.province.full_name, period=self.period)

    def refused(self) -> list[Rejected]:
        """The files at fault (unreadable, altered, forged, not a report), as against
        those only left out (another province or period, an older export, a summary)."""
        return [r for r in self.rejected if r.reason not in LEFT_OUT]


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _candidates(folder: Path, skip: Path | None) -> list[Path]:
    files = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith((".", "~$")) or not path.is_file():
            continue
        if skip is not None and path.resolve() == skip.resolve():
            continue
        files.append(path)
    return files


def consolidate(
    folder: Path | str,
    *,
    province_code: str | None = None,
    period: str | None = None,
    skip: Path | None = None,
    progress: ProgressCallback | None = None,
    clock: Clock | None = None,
    readers: int | None = None,
) -> Consolidation:
    """Read the folder and decide what the summary holds (see the module's
    text). Raises when there is no folder or not one usable report. ``clock``
    says what "now" is: a report made after it is refused. ``readers``: how
    many sandboxed reader children read the files at once (default: up to
    ``READERS``, as the folder and the machine allow); the verdicts are the same."""
    report = progress or ignore_progress
    now = (clock or SystemClock()).now()
    folder = Path(folder)
    if not folder.is_dir():
        raise FrontDeskError("consolidate.no_folder", path=str(folder))
    wanted_province = province(province_code) if province_code else None
    wanted_period = parse_period(period).code if period else None
    files = _candidates(folder, skip)
    rejected: list[Rejected] = []
    valid: list[Kept] = []
    if readers is None:
        readers = min(READERS, os.cpu_count() or 1) if len(files) >= READERS_FROM else 1
    with closing(_read_all(files, max(1, readers))) as read:  # its children end even if this stops half-way
        for n, (path, found) in enumerate(read):
            report("reading", n, len(files))
            _judge(path, found, now, valid, rejected)
    report("reading", len(files), len(files))

    chosen = wanted_province or _most_common_province(valid)
    if chosen is None:
        raise FrontDeskError("consolidate.nothing", path=str(folder), which="")
    here = []
    for k in valid:
        if k.commune.province_code != chosen.code:
            rejected.append(Rejected(k.report.path, "other_province", f"{k.commune.name} ({k.commune.province_name})"))
        else:
            here.append(k)
    chosen_period = wanted_period or _most_common_period(here)
    if chosen_period is None:
        raise FrontDeskError("consolidate.nothing", path=str(folder), which=f" ({chosen.full_name})")
    newest: dict[str, Kept] = {}
    for k in here:
        if k.report.period != chosen_period:
            rejected.append(Rejected(k.report.path, "other_period", k.report.period[:20]))
            continue
        other = newest.get(k.commune.code)
        if other is None:
            newest[k.commune.code] = k
            continue
        older, newer = sorted((other, k), key=lambda x: _moment(x.report.generated_at))
        newest[k.commune.code] = newer
        rejected.append(Rejected(older.report.path, "superseded", newer.report.path.name))
    if not newest:
        raise FrontDeskError("consolidate.nothing", path=str(folder), which=f" ({chosen.full_name}, {chosen_period})")
    official = communes_of(chosen.code)
    kept = [newest[c.code] for c in official if c.code in newest]
    missing = [c for c in official if c.code not in newest]
    order = {p.name: n for n, p in enumerate(files)}
    rejected.sort(key=lambda r: order.get(r.path.name, 0))
    return Consolidation(folder, chosen, chosen_period, kept, rejected, missing)


def _attempt(path: Path, reader: SandboxedReader) -> ReportFile | ReportRejected:
    try:
        return read_report(path, reader)
    except ReportRejected as exc:
        return exc


def _read_all(files: list[Path], readers: int) -> Iterator[tuple[Path, ReportFile | ReportRejected]]:
    """Every file read and verified (``read_report``), in the folder's order.
    One child reads them all, or ``readers`` children share them, a thread of
    this process each (the threads wait on their child with the GIL let go);
    a file that kills a child gets that reader a new one. At most two files
    per reader are in hand at once, so a slow file holds up little."""
    if readers == 1 or len(files) < 2:
        with SandboxedReader() as reader:
            for path in files:
                yield path, _attempt(path, reader)
        return
    free: queue.SimpleQueue[SandboxedReader] = queue.SimpleQueue()
    children = [SandboxedReader() for _ in range(readers)]
    for reader in children:
        free.put(reader)

    def work(path: Path) -> ReportFile | ReportRejected:
        reader = free.get()
        try:
            return _attempt(path, reader)
        finally:
            free.put(reader)

    pool = ThreadPoolExecutor(readers, thread_name_prefix="frontdesk-consolidate")
    try:
        ahead: deque[tuple[Path, Future]] = deque()
        pending = iter(files)
        for path in pending:
            ahead.append((path, pool.submit(work, path)))
            if len(ahead) >= 2 * readers:
                break
        while ahead:
            path, future = ahead.popleft()
            following = next(pending, None)
            if following is not None:
                ahead.append((following, pool.submit(work, following)))
            yield path, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        for reader in children:
            reader.close()


def _judge(path: Path, found: ReportFile | ReportRejected, now: datetime, valid: list[Kept],
           rejected: list[Rejected]) -> None:
    """Keep a file read, or say why not."""
    if isinstance(found, ReportRejected):
        rejected.append(Rejected(path, found.reason, found.detail, found.error))
        return
    if found.demo:  # made-up figures: a province never counts them
        rejected.append(Rejected(path, "demo", found.commune_code[:20]))
        return
    try:
        commune = find_commune(found.commune_code)
    except InvalidValue:
        rejected.append(Rejected(path, "unknown_commune", found.commune_code[:20]))
        return
    made = _moment(found.generated_at)
    if made is None:
        rejected.append(Rejected(path, "bad_meta", "generated_at"))
        return
    try:
        period = parse_period(found.period)
    except InvalidValue:
        rejected.append(Rejected(path, "bad_meta", "period"))
        return
    found.meta["period"] = period.code
    if made > now + CLOCK_SLACK:  # no report is made tomorrow: a wrong clock, or a forged one
        rejected.append(Rejected(path, "from_the_future", format_moment(made)))
        return
    if made.date() < period.first - CLOCK_SLACK:  # a period is reported on once it has begun
        rejected.append(Rejected(path, "before_its_period", format_moment(made)))
        return
    valid.append(Kept(found, commune))


def _most_common_province(valid: list[Kept]) -> Province | None:
    counts = Counter(k.commune.province_code for k in valid)
    if not counts:
        return None
    code = min(counts, key=lambda c: (-counts[c], c))
    return province(code)


def _most_common_period(here: list[Kept]) -> str | None:
    counts = Counter(k.report.period for k in here)
    if not counts:
        return None
    # ties: the later period (its first day; a month before the quarter it ends)
    return max(counts, key=lambda p: (counts[p], parse_period(p).first, -len(p)))
