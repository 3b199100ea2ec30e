"""The "Chức vụ" column of a roster: each value a post in the person's branch.

A roster of the Women's Union says who leads each chi hội: "Chi hội trưởng",
"CHT", "P. Chi hội trưởng", "Tổ trưởng", "Ủy viên BCH"; a Youth Union roster
says "Bí thư chi đoàn", "PBT"; anyone may also sit on the Front work
committee of their area: "Trưởng ban công tác Mặt trận", "UV BCTMT". A
value becomes an appointment in the unit the roster is about:

- the branch (chi hội, chi đoàn, tổ công đoàn) of the organization being
  imported into, in the person's residential area (or that branch itself when
  the import is into one branch);
- the area's Front work committee, for a value that names the Front ("Mặt
  trận", "BCTMT"), or any value when the import is into the Front committee;

A cell may hold several roles ("Chi hội trưởng, Tổ trưởng", "... kiêm ...").
"Hội viên", "Đoàn viên" and a dash mean no post. A value that names no post
this unit has, or could be one of several ("Trưởng", "Phó"), is a problem of
its row and column like any other. A post the unit lacks is created when
the file is written, with the usual rank and seats (and, for posts that come
in numbers such as "Ủy viên" or "Tổ trưởng", as many seats as the file fills).

``RoleIndex`` resolves the cells while the rows are checked; ``SeatBook``
counts who holds what (stored holders and earlier rows of the file) when the
plan is decided, so a post is never filled twice by the same person nor past
its seats.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from app import messages
from app.db.storage import Store
from app.domain.organizations import (
    BRANCH,
    FRONT_COMMITTEE,
    MEMBER_ORG,
    RESIDENTIAL_AREA,
    STANDARD_MEMBER_ORGS,
    WORK_COMMITTEE,
    WORK_COMMITTEE_POSITIONS,
)
from app.spreadsheets.cells import shown_value
from app.text.vietnamese import clean_text, fold

messages.register(
    {
        "import.role_unknown": (
            "{field_name} “{value}” không phải chức vụ của {unit_kind}; hãy ghi một trong: {choices} "
            "(hoặc để trống).",
            "{field_name} “{value}” is not a post of {unit_kind_en}; write one of: {choices} (or leave it empty).",
        ),
        "import.role_ambiguous": (
            "{field_name} “{value}” chưa rõ: có thể là {choices}; hãy ghi rõ.",
            "{field_name} “{value}” is unclear: it could be {choices}; write it in full.",
        ),
        "import.role_no_org": (
            "{field_name} “{value}” là chức vụ của chi hội, chi đoàn nào? Hãy chọn tổ chức mà những người "
            "này sinh hoạt (dòng lệnh: --org), hoặc bỏ cột này.",
            "{field_name} “{value}”: a post in which organization's branch? Choose the organization these "
            "people are members of (command line: --org), or leave the column out.",
        ),
        "import.role_no_area": (
            "{field_name} “{value}”: chưa biết người này ở khu dân cư nào nên không biết chi hội; hãy ghi khu dân cư.",
            "{field_name} “{value}”: the person's residential area is not given, so the branch is unknown; "
            "write the residential area.",
        ),
        "import.role_no_branch": (
            "{field_name} “{value}”: {area} chưa có chi hội, chi đoàn của {organization}.",
            "{field_name} “{value}”: {area} has no branch of {organization}.",
        ),
        "import.role_full": (
            "{field_name} “{title}” của {unit} chỉ có {seats} suất và đã có người giữ: {holders}.",
            "{field_name} “{title}” of {unit} has {seats} seat(s), already held by: {holders_en}.",
        ),
        "import.role_inactive": (
            "{field_name} “{value}”: chức danh “{title}” của {unit} đã thôi dùng; hãy dùng lại chức danh đó "
            "rồi nhập lại, hoặc để trống ô này.",
            "{field_name} “{value}”: the post “{title}” of {unit} is no longer in use; bring it back and import "
            "again, or leave the cell empty.",
        ),
        "import.appointments_made": ("Đã bổ nhiệm {count} chức vụ.", "Appointed to {count} post(s)."),
        "import.appointments_to_make": ("Sẽ bổ nhiệm {count} chức vụ.", "Would appoint to {count} post(s)."),
    }
)
messages.register_fields(
    {
        "role": ("Chức vụ", "Post"),
        "appointed_on": ("Ngày bổ nhiệm", "Date appointed"),
    }
)


@dataclass(frozen=True)
class Title:
    """A post as the import knows it: the title stored, its rank and usual seats."""

    name: str
    rank: int
    seats: int
    grows: bool = False  # comes in numbers: created with as many seats as the file fills


_MEMBER = Title("Ủy viên", 30, 3, True)
_MEMBER_SPELLINGS = ("uy vien", "uy vien ban chap hanh", "thanh vien ban chap hanh")

# Which words mean which post, by the kind of unit; folded, after the
# abbreviations below are spelled out and the unit's own name is cut off the end.
_HOI = "hoi"
_YOUTH = "youth"
_UNION = "trade_union"
_FRONT = "front"
_VOCABULARY: dict[str, tuple[tuple[Title, tuple[str, ...]], ...]] = {
    _HOI: (
        (Title("Chi hội trưởng", 10, 1), ("chi hoi truong", "truong chi hoi")),
        (Title("Chi hội phó", 20, 1), ("chi hoi pho", "pho chi hoi truong", "pho chi hoi", "chi hoi truong pho")),
        (_MEMBER, _MEMBER_SPELLINGS),
        (Title("Tổ trưởng", 40, 1, True), ("to truong",)),
        (Title("Tổ phó", 50, 1, True), ("to pho", "pho to truong")),
    ),
    _YOUTH: (
        (Title("Bí thư chi đoàn", 10, 1), ("bi thu", "chi doan truong")),
        (Title("Phó Bí thư chi đoàn", 20, 1), ("pho bi thu", "chi doan pho")),
        (_MEMBER, _MEMBER_SPELLINGS),
    ),
    _UNION: (
        (Title("Tổ trưởng", 10, 1), ("to truong",)),
        (Title("Tổ phó", 20, 1), ("to pho", "pho to truong")),
        (_MEMBER, _MEMBER_SPELLINGS),
    ),
    _FRONT: (
        (Title("Trưởng ban", 10, 1), ("truong ban", "truong")),
        (Title("Phó Trưởng ban", 20, 1), ("pho truong ban", "pho ban", "pho truong", "pho")),
        (_MEMBER, _MEMBER_SPELLINGS),
    ),
}
_LOOKUP = {
    kind: {spelling: title for title, spellings in entries for spelling in (fold(title.name), *spellings)}
    for kind, entries in _VOCABULARY.items()
}
# Too short to say which post: a few words, and the posts they could be.
_AMBIGUOUS: dict[str, dict[str, tuple[str, ...]]] = {
    _HOI: {"truong": ("Chi hội trưởng", "Tổ trưởng"), "pho": ("Chi hội phó", "Tổ phó")},
    _YOUTH: {"truong": ("Bí thư chi đoàn", "Tổ trưởng"), "pho": ("Phó Bí thư chi đoàn",)},
    _UNION: {"truong": ("Tổ trưởng",), "pho": ("Tổ phó",)},
}
_FRONT_WORDS = {"truong ban": "Trưởng ban công tác Mặt trận", "pho truong ban": "Phó Trưởng ban công tác Mặt trận",
                "pho ban": "Phó Trưởng ban công tác Mặt trận"}
# A member, not a post.
_NO_POST = frozenset({"hoi vien", "doan vien", "thanh vien", "hv", "dv", "khong", "k", "x", "0"})
_ABBREVIATIONS = {
    "uv": "uy vien", "uvbch": "uy vien ban chap hanh", "bch": "ban chap hanh", "cht": "chi hoi truong",
    "chp": "chi hoi pho", "bt": "bi thu", "pbt": "pho bi thu", "btcd": "bi thu chi doan",
    "pbtcd": "pho bi thu chi doan", "ptb": "pho truong ban", "p": "pho", "ctmt": "cong tac mat tran",
    "bctmt": "ban cong tac mat tran", "mttq": "mat tran", "ubmttq": "mat tran", "tdp": "to dan pho",
}
# Naming the Front anywhere in the value: the area's Front work committee.
_FRONT_NAMED = re.compile(r"\s*\b(?:ban\s+)?(?:cong\s+tac\s+)?mat\s+tran(?:\s+to\s+quoc)?(?:\s+viet\s+nam)?\b\s*")
# The unit's own name after the post: "Bí thư chi đoàn", "Ủy viên BCH chi hội Phụ nữ".
_UNIT_SUFFIX = re.compile(
    r"\s+(?:chi\s+hoi(?:\s+(?:phu\s+nu|nong\s+dan|cuu\s+chien\s+binh|ccb))?|chi\s+doan(?:\s+thanh\s+nien)?"
    r"|to\s+cong\s+doan|cong\s+doan|to\s+hoi|to\s+phu\s+nu|phu\s+nu|nong\s+dan|cuu\s+chien\s+binh|ccb|hoi"
    r"|thon\s+\S+|to\s+dan\s+pho\s+\S+)$"
)
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_SPLIT = re.compile(r"[,;/+&\n]+")
_JOINING = frozenset({"kiem", "va"})

_UNIT_KINDS = {
    _HOI: ("chi hội", "a branch (chi hội)"), _YOUTH: ("chi đoàn", "a youth branch (chi đoàn)"),
    _UNION: ("tổ công đoàn", "a trade union group"), _FRONT: ("Ban công tác Mặt trận", "a Front work committee"),
}


@dataclass(slots=True)
class PlannedRole:
    """One post a row appoints its person to."""

    unit: Any          # organization id, or ("new", placeholder area id, member org id or None) for a new area
    unit_name: str
    title: str         # as stored
    position_id: int | None  # None: the post is created when written (or comes with the new area)
    seats: int
    rank: int
    grows: bool        # a post to create, with as many seats as the file fills
    start_on: str      # ISO
    column: str
    value: str         # the part of the cell that says it

    @property
    def key(self) -> tuple:
        return (self.unit, fold(self.title))

    def shown(self) -> str:
        return f"{self.title} — {self.unit_name}"


def _parts(cell: Any) -> list[str]:
    """The roles of one cell, as written: split at , ; / + and at "kiêm", "và"."""
    text = clean_text(shown_value(cell))
    parts: list[str] = []
    for piece in _SPLIT.split(text):
        words: list[str] = []
        for word in piece.split():
            if fold(word) in _JOINING:
                if words:
                    parts.append(" ".join(words))
                words = []
            else:
                words.append(word)
        if words:
            parts.append(" ".join(words))
    return parts


def _normal(part: str) -> tuple[list[str], bool]:
    """(the post's words, folded and spelled out: as written, then without
    the unit's name at the end, step by step; whether the value names the Front)."""
    words = _NOT_WORD.sub(" ", fold(part)).split()
    text = " ".join(_ABBREVIATIONS.get(w, w) for w in words)
    front = False
    found = _FRONT_NAMED.search(text)
    if found is not None:
        front = True
        text = " ".join((text[:found.start()] + " " + text[found.end():]).split())
    candidates = [text] if text else []
    for _ in range(3):
        cut = _UNIT_SUFFIX.sub("", text)
        if cut == text or not cut:
            break
        text = cut
        candidates.append(text)
    return candidates, front


class RoleIndex:
    """The posts a roster's "Chức vụ" cells can name, for the organization
    being imported into (``org_id``; None: only Front posts can be placed)."""

    def __init__(self, store: Store, org_id: int | None, *, today: str) -> None:
        conn = store.conn
        self.today = today
        self.org_id = org_id
        self.kind: str | None = None     # vocabulary of a bare post word
        self.fixed_unit: int | None = None   # an import into one branch or one work committee
        self.member_org: int | None = None   # an import into a member organization: its branch per area
        self.member_code: str | None = None
        self.org_name = ""
        names = {i: n for i, n in conn.execute("SELECT id, name FROM organization")}
        self.names = names
        self.branch_of: dict[int, int] = {}
        self.committee_of = {
            a: i for i, a in conn.execute("SELECT id, parent_id FROM organization WHERE kind = ? AND active = 1",
                                          (WORK_COMMITTEE,))
        }
        if org_id is not None:
            kind, code, parent_id, area_id, name = conn.execute(
                "SELECT kind, code, parent_id, area_id, name FROM organization WHERE id = ?", (org_id,)
            ).fetchone()
            self.org_name = name
            if kind == MEMBER_ORG:
                self.member_org, self.member_code = org_id, code
                self.kind = _kind_of_code(code)
                self.branch_of = {
                    a: i for a, i in conn.execute(
                        "SELECT area_id, id FROM organization WHERE kind = ? AND parent_id = ? AND active = 1",
                        (BRANCH, org_id),
                    )
                }
            elif kind == BRANCH:
                parent_code = conn.execute("SELECT code FROM organization WHERE id = ?", (parent_id,)).fetchone()
                self.kind = _kind_of_code(parent_code[0] if parent_code else None)
                self.fixed_unit = org_id
            elif kind == WORK_COMMITTEE:
                self.kind, self.fixed_unit = _FRONT, org_id
            elif kind == RESIDENTIAL_AREA:
                self.kind, self.fixed_unit = _FRONT, self.committee_of.get(org_id)
            elif kind == FRONT_COMMITTEE:
                self.kind = _FRONT
        self.positions: dict[int, dict[str, tuple[int, str, int]]] = {}
        self.retired: set[tuple[int, str]] = set()  # (unit, folded title) of posts no longer in use
        for pid, unit, title, seats, active in conn.execute(
            "SELECT p.id, p.organization_id, p.title, p.seats, p.active FROM position p JOIN organization o"
            " ON o.id = p.organization_id WHERE o.kind IN (?, ?)", (BRANCH, WORK_COMMITTEE)
        ):
            if active:
                self.positions.setdefault(unit, {})[fold(title)] = (pid, title, seats)
            else:
                self.retired.add((unit, fold(title)))
        self._cache: dict[tuple, tuple] = {}
        self.new_areas: dict[int, str] = {}  # placeholder -> name: set by the caller (AreaIndex.new_areas)
        self.holders: dict[int, list[tuple[int, str, str | None]]] = {}

    # -- one cell ---------------------------------------------------------------------

    def resolve(self, cell: Any, area_id: int | None, start_on: str, column: str
                ) -> tuple[list[PlannedRole], list[tuple[str, dict]]]:
        """The posts a cell names for a person living in ``area_id`` (a
        placeholder < 0 for an area the import adds), and the problems."""
        key = (cell, area_id, start_on, column)
        try:
            return self._cache[key]
        except KeyError:
            pass
        except TypeError:
            return self._resolve(cell, area_id, start_on, column)
        found = self._cache[key] = self._resolve(cell, area_id, start_on, column)
        return found

    def _resolve(self, cell: Any, area_id: int | None, start_on: str, column: str
                 ) -> tuple[list[PlannedRole], list[tuple[str, dict]]]:
        roles: list[PlannedRole] = []
        problems: list[tuple[str, dict]] = []
        for part in _parts(cell):
            candidates, front = _normal(part)
            if not candidates or any(c in _NO_POST for c in candidates):
                continue
            kind = _FRONT if front else self.kind
            if kind is None:
                problems.append(("import.role_no_org", {"value": part}))
                continue
            unit, unit_name, problem = self._unit(kind, area_id, part)
            if problem is not None:
                problems.append(problem)
                continue
            stored = self._stored_posts(unit, kind)
            vocabulary = _LOOKUP[kind]
            title = next((vocabulary[c] for c in candidates if c in vocabulary), None)
            if title is None:
                own = next((stored[c] for c in candidates if c in stored), None)
                if own is not None:  # a post the commune added itself ("Thủ quỹ")
                    pid, name, seats = own
                    roles.append(PlannedRole(unit, unit_name, name, pid, seats, 100, False, start_on, column, part))
                else:
                    problems.append(self._not_a_post(kind, candidates, part, stored))
                continue
            post = stored.get(fold(title.name))
            if post is not None:
                pid, name, seats = post
                roles.append(PlannedRole(unit, unit_name, name, pid, seats, title.rank, False, start_on, column, part))
            elif (unit, fold(title.name)) in self.retired:  # a post of that name cannot be added again
                problems.append(("import.role_inactive", {"value": part, "title": title.name, "unit": unit_name}))
            else:
                roles.append(PlannedRole(unit, unit_name, title.name, None, title.seats, title.rank, title.grows,
                                         start_on, column, part))
        return roles, problems

    def _not_a_post(self, kind: str, candidates: list[str], part: str, stored: dict) -> tuple[str, dict]:
        choices = None
        for text in candidates:
            choices = _AMBIGUOUS.get(kind, {}).get(text)
            if choices is None and kind != _FRONT and text in _FRONT_WORDS:
                choices = (_FRONT_WORDS[text],)
            if choices is not None:
                break
        if choices is not None:
            return "import.role_ambiguous", {"value": part, "choices": ", ".join(f"“{c}”" for c in choices)}
        known = [t.name for t, _ in _VOCABULARY[kind]]
        known += [name for _pid, name, _s in stored.values() if name not in known]
        vi, en = _UNIT_KINDS[kind]
        return "import.role_unknown", {"value": part, "choices": ", ".join(f"“{c}”" for c in known),
                                       "unit_kind": vi, "unit_kind_en": en}

    def _unit(self, kind: str, area_id: int | None, part: str) -> tuple[Any, str, tuple[str, dict] | None]:
        """(unit, its name, None) or (None, "", problem) for a post of ``kind``."""
        if kind == _FRONT:
            if self.fixed_unit is not None and self.kind == _FRONT:
                return self.fixed_unit, self.names.get(self.fixed_unit, ""), None
            if area_id is None:
                return None, "", ("import.role_no_area", {"value": part})
            if area_id < 0:
                name = f"Ban công tác Mặt trận {self.new_areas.get(area_id, '')}"
                return ("new", area_id, None), name, None
            unit = self.committee_of.get(area_id)
            if unit is None:
                return None, "", ("import.role_no_branch", {
                    "value": part, "area": self.names.get(area_id, ""), "organization": "Ban công tác Mặt trận"})
            return unit, self.names.get(unit, ""), None
        if self.fixed_unit is not None:
            return self.fixed_unit, self.names.get(self.fixed_unit, ""), None
        if area_id is None:
            return None, "", ("import.role_no_area", {"value": part})
        if area_id < 0:
            standard = next((s for s in STANDARD_MEMBER_ORGS if s.code == self.member_code), None)
            if standard is None:
                return None, "", ("import.role_no_branch", {
                    "value": part, "area": self.new_areas.get(area_id, ""), "organization": self.org_name})
            name = f"{standard.branch_name} {self.new_areas.get(area_id, '')}"
            return ("new", area_id, self.member_org), name, None
        unit = self.branch_of.get(area_id)
        if unit is None:
            return None, "", ("import.role_no_branch", {
                "value": part, "area": self.names.get(area_id, ""), "organization": self.org_name})
        return unit, self.names.get(unit, ""), None

    def _stored_posts(self, unit: Any, kind: str) -> dict[str, tuple[int | None, str, int]]:
        if not isinstance(unit, tuple):
            return self.positions.get(unit, {})
        # a new area's unit: the posts it is created with (app.domain.organizations)
        if unit[2] is None:
            usual = WORK_COMMITTEE_POSITIONS
        else:
            usual = next(s.branch_positions for s in STANDARD_MEMBER_ORGS if s.code == self.member_code)
        return {fold(title): (None, title, seats) for title, seats in usual}

    # -- who holds what ---------------------------------------------------------------

    def load_holders(self, store: Store, roles: Iterable[PlannedRole]) -> None:
        """The stored holders of the posts these roles name, still in office
        on or after the earliest start (one query)."""
        ids = sorted({r.position_id for r in roles if r.position_id is not None})
        self.holders = {}
        if not ids:
            return
        start = min(r.start_on for r in roles)
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            rows = store.conn.execute(
                "SELECT a.position_id, a.person_id, p.full_name, a.end_on FROM appointment a"
                " JOIN person p ON p.id = a.person_id"
                f" WHERE a.position_id IN ({','.join('?' for _ in part)}) AND (a.end_on IS NULL OR a.end_on >= ?)"
                " ORDER BY a.start_on, a.id",
                (*part, start),
            )
            for position_id, person_id, name, end_on in rows:
                self.holders.setdefault(position_id, []).append((person_id, name, end_on))


def _kind_of_code(code: str | None) -> str:
    if code == "youth":
        return _YOUTH
    if code == "trade_union":
        return _UNION
    if code == "front":
        return _FRONT
    return _HOI


class SeatBook:
    """Who holds each post while a plan is decided: the stored holders, then
    each row written, in the file's order."""

    def __init__(self, index: RoleIndex) -> None:
        self._index = index
        self._seats: dict[tuple, list[tuple[Any, str, str]]] = {}  # key -> (identity, name vi, name en)

    def _slot(self, role: PlannedRole) -> list[tuple[Any, str, str]]:
        key = role.key
        slot = self._seats.get(key)
        if slot is None:
            slot = self._seats[key] = []
            for person_id, name, end_on in self._index.holders.get(role.position_id, ()):
                if end_on is None or end_on >= role.start_on:
                    slot.append((("person", person_id), name, name))
        return slot

    def fit(self, identity: Any, name: str, row: int, roles: list[PlannedRole]
            ) -> tuple[list[PlannedRole], list[tuple[PlannedRole, dict]]]:
        """The roles to appoint this person to (those not held already), or
        the full posts, with who holds them. Nothing is taken unless all fit."""
        appoint: list[PlannedRole] = []
        full: list[tuple[PlannedRole, dict]] = []
        pending: dict[tuple, int] = {}
        for role in roles:
            slot = self._slot(role)
            if any(holder == identity for holder, _vi, _en in slot) or role.key in pending:
                continue  # already holds it: not appointed twice
            if not role.grows and len(slot) >= role.seats:
                full.append((role, {
                    "title": role.title, "unit": role.unit_name, "seats": role.seats,
                    "holders": ", ".join(vi for _i, vi, _en in slot),
                    "holders_en": ", ".join(en for _i, _vi, en in slot),
                }))
                continue
            pending[role.key] = 1
            appoint.append(role)
        if full:
            return [], full
        for role in appoint:
            self._slot(role).append((identity, f"{name} (dòng {row})", f"{name} (row {row})"))
        return appoint, []

    def filled(self, role: PlannedRole) -> int:
        """How many hold the post once the plan is written: the seats a post
        that grows is created with."""
        return len(self._seats.get(role.key, ()))
