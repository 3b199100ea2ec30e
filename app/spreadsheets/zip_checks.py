"""Checking a zip package (.xlsx, .ods) before anything reads it for real.

Everything here happens before calamine sees the file, because calamine
trusts it: a cell at XFD1048576, a ``uniqueCount`` of four billion in
sharedStrings.xml, or a repeated ODS cell makes it allocate the whole grid
up front, and a failed allocation in Rust aborts the process (no exception
to catch). So the package is checked from the outside in:

1. the central directory's entry count, read from the end record before
   ``zipfile`` builds an object per entry;
2. each entry's declared size, the total, and the compression ratio of any
   large entry (zip bomb), before inflating a byte;
3. every XML part inflated in bounded chunks, counting the real bytes (a
   declared size can lie), refusing any DOCTYPE/ENTITY (XML bomb: no part of
   a workbook ever needs a DTD) and measuring how far each sheet's cells
   reach (``app.spreadsheets.xml_parts``).
"""
from __future__ import annotations

import re
import struct
from array import array
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator

from app.spreadsheets.limits import Limits, WorkbookError, count, refuse
from app.spreadsheets.ods_checks import OdsTables
from app.spreadsheets.xml_parts import NOT_ANGLES, CellReach, SharedStrings, sheet_parts

__all__ = ["Package", "check_package"]

CHUNK = 1 << 20
# A text node this long without a tag in it is not a roster.
MAX_CARRY = 16 * CHUNK
ODS_MIMETYPES = (b"application/vnd.oasis.opendocument.spreadsheet",
                 b"application/vnd.oasis.opendocument.spreadsheet-template")
_EOCD = b"PK\x05\x06"


@dataclass
class Package:
    kind: str                                    # "xlsx" | "ods"
    merged: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)  # ODS, by sheet


def check_package(fh: BinaryIO, size: int, path: Path, limits: Limits) -> Package:
    entries = _entry_count(fh, size, path)
    if entries > limits.max_entries:
        raise refuse("workbook.zip_bomb", path, detail=f"{count(entries)} parts > {count(limits.max_entries)}")
    try:
        archive = zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise refuse("workbook.unreadable", path, detail=f"zip: {exc}") from exc
    with archive:
        infos = archive.infolist()
        _check_entries(infos, path, limits)
        kind = _package_kind(archive, {i.filename for i in infos}, path)
        return _scan_parts(archive, infos, kind, path, limits)


def _entry_count(fh: BinaryIO, size: int, path: Path) -> int:
    """Entries declared by the end-of-central-directory record (zip64 too).
    No end record means the end of the file is missing: cut short."""
    tail_len = min(size, 65_536 + 22)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        raise refuse("workbook.truncated", path)
    entries, cd_size, cd_offset = struct.unpack_from("<HII", tail, at + 10)
    if entries == 0xFFFF or cd_offset == 0xFFFFFFFF:
        locator = at - 20
        if locator < 0 or tail[locator:locator + 4] != b"PK\x06\x07":
            raise refuse("workbook.unreadable", path, detail="zip64 locator missing")
        (eocd64,) = struct.unpack_from("<Q", tail, locator + 8)
        fh.seek(min(eocd64, size))
        record = fh.read(56)
        if len(record) < 56 or record[:4] != b"PK\x06\x06":
            raise refuse("workbook.truncated", path)
        entries, cd_size, cd_offset = struct.unpack_from("<QQQ", record, 32)
    if cd_size > size:
        raise refuse("workbook.truncated", path)
    return entries


def _check_entries(infos: list[zipfile.ZipInfo], path: Path, limits: Limits) -> None:
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        # Two readers may pick different copies: the scanned one must be the read one. calamine finds a
        # part whatever the case of its name (xl/SharedStrings.xml for xl/sharedStrings.xml), so two names
        # differing only in case are two copies too.
        folded = name.lower()
        if folded in seen:
            raise refuse("workbook.unreadable", path, detail=f"zip: {name} twice")
        seen.add(folded)
        if info.flag_bits & 0x1:
            raise refuse("workbook.unreadable", path, detail=f"zip: {name} encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse("workbook.unreadable", path, detail=f"zip: {name} method {info.compress_type}")
        unpacked = info.file_size
        total += unpacked
        if unpacked > limits.ratio_floor and unpacked > limits.max_ratio * max(info.compress_size, 1):
            ratio = unpacked // max(info.compress_size, 1)
            raise refuse("workbook.zip_bomb", path,
                         detail=f"{name}: {count(info.compress_size)} B → {count(unpacked)} B, ×{count(ratio)}")
        if total > limits.max_unpacked:
            raise refuse("workbook.zip_bomb", path,
                         detail=f"{count(total)} B > {count(limits.max_unpacked)} B unpacked")


def _package_kind(archive: zipfile.ZipFile, names: set[str], path: Path) -> str:
    names = names | {n.lower() for n in names}  # calamine finds XL/Workbook.xml as xl/workbook.xml
    if "xl/workbook.bin" in names:
        raise refuse("workbook.not_spreadsheet", path, kind="Excel Binary (.xlsb)")
    if "xl/workbook.xml" in names:  # what calamine looks for, [Content_Types].xml or not
        return "xlsx"
    if "[Content_Types].xml" in names:
        for prefix, kind in (("word/", "Word (.docx)"), ("ppt/", "PowerPoint (.pptx)")):
            if any(n.startswith(prefix) for n in names):
                raise refuse("workbook.not_spreadsheet", path, kind=kind)
    if "mimetype" in names:
        try:
            with archive.open("mimetype") as fh:
                mimetype = fh.read(100).strip()
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise refuse("workbook.unreadable", path, detail=f"zip: {exc}") from exc
        if mimetype in ODS_MIMETYPES:
            return "ods"
        if mimetype.startswith(b"application/vnd.oasis.opendocument."):
            raise refuse("workbook.not_spreadsheet", path,
                         kind="OpenDocument " + mimetype.rsplit(b".", 1)[-1].decode("ascii", "replace"))
    raise refuse("workbook.not_spreadsheet", path, kind="ZIP")


def _scan_parts(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], kind: str, path: Path,
                limits: Limits) -> Package:
    package = Package(kind)
    reaches: list[tuple[str, CellReach]] = []
    strings: SharedStrings | None = None
    kept: dict[str, bytes] = {}  # the small parts that name the sheets
    budget = limits.max_unpacked
    for info in infos:
        if not _parsed(info.filename, kind):
            continue  # media and binaries: calamine does not read them; sizes were checked above
        reach = CellReach(skip=kind != "xlsx")  # calamine reads sheets only from a package with xl/workbook.xml
        sst: SharedStrings | None = None
        ods = OdsTables(path, limits) if info.filename == "content.xml" else None
        keep = info.filename in _SHEET_NAMES and info.file_size < CHUNK
        # the one calamine reads as the shared strings, whatever its root element or where it stands
        calamine_strings = kind == "xlsx" and info.filename.lower() == SHARED_STRINGS
        first = True
        for piece, loose in _checked_pieces(archive, info, path, min(info.file_size, budget)):
            if first:
                _check_encoding(piece, info.filename, path)
                sst = SharedStrings.of(piece)
                if sst is None and calamine_strings:
                    sst = SharedStrings(0)
                first = False
            _check_dtd(piece, info.filename, path, strict=ods is not None)
            if loose and ods is not None:
                _check_attribute_values(piece, info.filename, path)
            reach.feed(piece, loose)
            if sst is not None:
                sst.feed(piece)
            if ods is not None:
                ods.feed(piece)
            if keep:
                kept[info.filename] = kept.get(info.filename, b"") + piece
        budget -= info.file_size
        if ods is not None:
            package.merged = ods.finish()
        if reach.needs_exact:
            reach = _measure_again(archive, info, path, "exact", limits.max_cells)
        if reach.cells:
            reaches.append((info.filename, reach))
        if sst is not None:
            sst.check(path, info.filename)
            if calamine_strings:  # an <sst> in another part is not what calamine reads
                strings = sst
    names = sheet_parts(kept.get("xl/workbook.xml", b""), kept.get("xl/_rels/workbook.xml.rels", b""))
    by_name = {i.filename: i for i in infos}
    for i, (part, reach) in enumerate(reaches):
        reach.check(path, names.get(part, part), limits.max_cells)
        if reach.needs_refs:
            reach = _measure_again(archive, by_name[part], path, "refs", limits.max_cells)
            if reach.needs_exact:
                reach = _measure_again(archive, by_name[part], path, "exact", limits.max_cells)
            reach.check(path, names.get(part, part), limits.max_cells)
            reaches[i] = (part, reach)
    if strings is not None:
        _check_text(archive, infos, reaches, strings, path, limits)
    return package


_SHEET_NAMES = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
SHARED_STRINGS = "xl/sharedstrings.xml"  # lower case: calamine looks the name up ignoring case
# calamine reads a sheet wherever the workbook's relationship points, whatever
# the part's name, as long as the path it makes is in one of these folders (it
# refuses any other): so every part in them is checked as a sheet, not only
# those named .xml (a sheet named sheet1.bin once slipped past the checks),
# and in any case (it finds XL/Worksheets/SHEET1.BIN for xl/worksheets/sheet1.bin).
SHEET_FOLDERS = ("xl/worksheets/", "xl/chartsheets/", "xl/dialogsheets/")


def _parsed(name: str, kind: str) -> bool:
    """Whether the parser may read this part as XML."""
    name = name.lower()
    return name.endswith((".xml", ".rels")) or (kind == "xlsx" and name.startswith(SHEET_FOLDERS))


def _measure_again(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, mode: str,
                   max_cells: int) -> CellReach:
    """The slow ways stop as soon as the sheet is past the limit (a hostile part
    can be large); the corner then named is where the reading stopped."""
    reach = CellReach(mode=mode)
    for piece in _pieces(archive, info, path, info.file_size):
        reach.feed(piece)
        if reach.over(max_cells):
            break
    return reach


def _check_text(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], reaches: list[tuple[str, CellReach]],
                strings: SharedStrings, path: Path, limits: Limits) -> None:
    """calamine hands Python one copy of a shared string per cell that uses it:
    a long string used by many cells is an expansion bomb. First a bound from
    the longest string; only when that is too loose, the sum over the cells,
    where a cell not written the plain way (``<c r="A1" t="s"><v>12</v></c>``)
    counts as the longest string: calamine reads an index it cannot parse
    (`` 12``, ``+12``) as 0 and takes the last of several values."""
    by_name = {i.filename: i for i in infos}
    uses = sum(r.valued for _, r in reaches)  # every cell using a shared string holds a value
    if uses * strings.longest <= limits.max_text:
        return
    lengths = array("I")
    sst = SharedStrings(0, lengths=lengths)
    for piece in _pieces(archive, by_name[strings.part], path, by_name[strings.part].file_size):
        sst.feed(piece)
    sst.check(path, strings.part)
    bounds = sst.bounds()
    longest = max(bounds, default=0)
    total = 0
    for name, _ in reaches:
        carry = b""
        for piece in _pieces(archive, by_name[name], path, by_name[name].file_size):
            buf = carry + piece
            cut = _last_cell_start(buf)  # a cell and its value are read in the same piece
            carry = buf[cut:]
            total += _shared_text(buf[:cut], bounds, longest)
        total += _shared_text(carry, bounds, longest)
        if total > limits.max_text:
            raise refuse("workbook.too_much_text", path, size=f"{count(total)}+ B", limit=f"{count(limits.max_text)} B")


_ATTRS = rb"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_SHARED_INDEX = re.compile(rb"<(?:[^\s<>/:]+:)?c\s" + _ATTRS + rb"""?\bt\s*=\s*["']s["']""" + _ATTRS
                           + rb">\s*<(?:[^\s<>/:]+:)?v>(0|[1-9][0-9]{0,8})</(?:[^\s<>/:]+:)?v\s*>\s*</(?:[^\s<>/:]+:)?c\s*>")
_SHARED_TYPE = re.compile(rb"""\bt\s*=\s*["']s["']""")


def _last_cell_start(buf: bytes) -> int:
    at = max(buf.rfind(b"<c"), buf.rfind(b":c"))
    if at > 0 and buf[at] == 0x3A:  # a prefixed cell: back to its "<"
        at = buf.rfind(b"<", 0, at)
    return max(at, 0)


def _shared_text(xml: bytes, bounds: array, longest: int) -> int:
    n = len(bounds)
    plain = _SHARED_INDEX.findall(xml)
    others = len(_SHARED_TYPE.findall(xml)) - len(plain)
    return sum(bounds[i] for i in map(int, plain) if i < n) + max(others, 0) * longest


_TAG_QUOTED = re.compile(rb"<" + _ATTRS + rb">")


def _check_attribute_values(piece: bytes, part: str, path: Path) -> None:
    """A ">" inside an attribute value, which LibreOffice never writes: the
    ODS checks read a tag up to its first ">", the XML reader to its real end."""
    for m in _TAG_QUOTED.finditer(piece):
        if m.group().find(b">", 0, len(m.group()) - 1) >= 0:
            raise refuse("workbook.unreadable", path, detail=f"{part}: '>' inside an attribute value")


def _checked_pieces(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path,
                    limit: int) -> Iterator[tuple[bytes, bool]]:
    """``_pieces``, each with whether a ">" stands outside the end of a tag.
    A "<" inside a tag (in an attribute value, which XML forbids and the
    parser takes) is refused: a piece could end inside that tag and the
    checks would lose it, while calamine reads it whole."""
    for piece in _pieces(archive, info, path, limit):
        angles = piece.translate(None, NOT_ANGLES)
        if b"<<" in angles or angles.endswith(b"<"):
            _check_dtd(piece, info.filename, path)  # a DTD's own "<" is named as what it is
            raise refuse("workbook.unreadable", path, detail=f"{info.filename}: '<' inside a tag")
        yield piece, b">>" in angles or angles.startswith(b">")


def _pieces(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, limit: int) -> Iterator[bytes]:
    """The part inflated a chunk at a time, each piece ending before a ``<`` so
    that no tag is ever cut in two; more bytes than declared is a lie."""
    carry = b""
    seen = 0
    try:
        with archive.open(info) as fh:
            while True:
                chunk = fh.read(CHUNK)
                if not chunk:
                    break
                seen += len(chunk)
                if seen > limit:
                    detail = (f"{info.filename}: > {count(info.file_size)} B declared" if seen > info.file_size
                              else f"> {count(limit)} B unpacked")
                    raise refuse("workbook.zip_bomb", path, detail=detail)
                buf = carry + chunk
                cut = buf.rfind(b"<")
                if cut < 0:  # text only: nothing to cut
                    carry = b""
                    yield buf
                    continue
                carry = buf[cut:]
                if len(carry) > MAX_CARRY:
                    raise refuse("workbook.xml_bomb", path, part=info.filename, detail="an element over 16 MB")
                if cut:
                    yield buf[:cut]
    except WorkbookError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise refuse("workbook.unreadable", path, detail=f"{info.filename}: {exc}") from exc
    if carry:
        yield carry


def _check_encoding(piece: bytes, part: str, path: Path) -> None:
    """Excel and LibreOffice write UTF-8. A UTF-16 part would hide every
    pattern the checks look for, so it is refused rather than decoded."""
    if piece.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
        raise refuse("workbook.unreadable", path, detail=f"{part}: UTF-16 XML")


def _check_dtd(piece: bytes, part: str, path: Path, *, strict: bool = False) -> None:
    """No DTD (entities) anywhere. ``strict`` (an ODS content.xml): no comment
    or CDATA either, which LibreOffice never writes and which could hide the
    end of a table from these checks but not from calamine."""
    at = piece.find(b"!")  # rarer than "<": the search goes faster
    while at >= 0:
        if at and piece[at - 1] == 0x3C:
            word = piece[at + 1:at + 8].upper()
            if word.startswith((b"DOCTYPE", b"ENTITY")):
                raise refuse("workbook.xml_bomb", path, part=part, detail="<!" + word.decode("ascii", "replace"))
            if strict:
                raise refuse("workbook.unreadable", path, detail=f"{part}: <!{word[:2].decode('ascii', 'replace')}")
        at = piece.find(b"!", at + 1)
