"""The organization tree of a commune.

The Front committee is the root. Below it: the member organizations (Women's
Union, Farmers' Association, ...) and the residential areas (thôn, ấp, bản,
tổ dân phố). Each residential area has its Front work committee; each member
organization has a branch (chi hội, chi đoàn) in the areas.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from app import messages
from app.db import logged
from app.errors import Conflict, InvalidValue, NotFound
from app.db.storage import Store
from app.text.vietnamese import clean_text, fold, text_sort_key

FRONT_COMMITTEE = "front_committee"
MEMBER_ORG = "member_org"
RESIDENTIAL_AREA = "residential_area"
WORK_COMMITTEE = "work_committee"
BRANCH = "branch"
KINDS = (FRONT_COMMITTEE, MEMBER_ORG, RESIDENTIAL_AREA, WORK_COMMITTEE, BRANCH)

messages.register(
    {
        "organization.bad_parent": (
            "Không thể đặt {kind_name} dưới {parent_name}.",
            "A {kind_name} cannot be placed under {parent_name}.",
        ),
        "organization.duplicate": (
            "Đã có tổ chức tên \"{name}\" ở cùng cấp.",
            "There is already an organization named \"{name}\" at the same level.",
        ),
        "organization.unknown": (
            "Không tìm thấy tổ chức \"{value}\". Hãy dùng mã số, tên viết tắt hoặc tên đầy đủ.",
            "No organization \"{value}\". Use its number, short name or full name.",
        ),
        "organization.unknown_choices": (
            "Không tìm thấy tổ chức \"{value}\". Có thể dùng: {choices}.",
            "No organization \"{value}\". You can use: {choices}.",
        ),
        "organization.ambiguous": (
            "Có nhiều tổ chức khớp với \"{value}\": {names}. Hãy ghi rõ hơn.",
            "Several organizations match \"{value}\": {names}. Be more specific.",
        ),
        "not_found.organization": ("Không tìm thấy tổ chức số {id}.", "No organization #{id}."),
        "organization.bad_kind": ("Loại tổ chức không hợp lệ: {value}.", "Unknown organization kind: {value}."),
        "organization.area_required": (
            "Chi hội, chi đoàn phải thuộc một khu dân cư.",
            "A branch must belong to a residential area.",
        ),
    }
)
messages.register_fields({"name": ("Tên", "Name"), "organization": ("Tổ chức", "Organization")})

KIND_NAMES = {
    FRONT_COMMITTEE: ("Ủy ban MTTQ", "Front committee"),
    MEMBER_ORG: ("tổ chức thành viên", "member organization"),
    RESIDENTIAL_AREA: ("khu dân cư", "residential area"),
    WORK_COMMITTEE: ("Ban công tác Mặt trận", "Front work committee"),
    BRANCH: ("chi hội/chi đoàn", "branch"),
}

# Which kinds may sit under which.
_ALLOWED_PARENT = {
    MEMBER_ORG: {FRONT_COMMITTEE},
    RESIDENTIAL_AREA: {FRONT_COMMITTEE},
    WORK_COMMITTEE: {RESIDENTIAL_AREA},
    BRANCH: {MEMBER_ORG},
}


@dataclass(frozen=True)
class StandardOrg:
    code: str
    name: str
    short_name: str
    branch_name: str  # how its branch in a residential area is called
    positions: tuple[tuple[str, int], ...]
    branch_positions: tuple[tuple[str, int], ...]


# The socio-political organizations that work under the commune Front (2025).
STANDARD_MEMBER_ORGS = (
    StandardOrg(
        "women", "Hội Liên hiệp Phụ nữ", "Hội LHPN", "Chi hội Phụ nữ",
        (("Chủ tịch", 1), ("Phó Chủ tịch", 2)), (("Chi hội trưởng", 1), ("Chi hội phó", 1)),
    ),
    StandardOrg(
        "farmers", "Hội Nông dân", "Hội ND", "Chi hội Nông dân",
        (("Chủ tịch", 1), ("Phó Chủ tịch", 1)), (("Chi hội trưởng", 1), ("Chi hội phó", 1)),
    ),
    StandardOrg(
        "veterans", "Hội Cựu chiến binh", "Hội CCB", "Chi hội Cựu chiến binh",
        (("Chủ tịch", 1), ("Phó Chủ tịch", 1)), (("Chi hội trưởng", 1), ("Chi hội phó", 1)),
    ),
    StandardOrg(
        "youth", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TN", "Chi đoàn",
        (("Bí thư", 1), ("Phó Bí thư", 2)), (("Bí thư chi đoàn", 1), ("Phó Bí thư chi đoàn", 1)),
    ),
    StandardOrg(
        "trade_union", "Công đoàn", "Công đoàn", "Tổ Công đoàn",
        (("Chủ tịch", 1), ("Phó Chủ tịch", 1)), (("Tổ trưởng", 1),),
    ),
)
FRONT_POSITIONS = (("Chủ tịch", 1), ("Phó Chủ tịch", 6), ("Ủy viên Ban Thường trực", 3))
WORK_COMMITTEE_POSITIONS = (("Trưởng ban", 1), ("Phó Trưởng ban", 1), ("Ủy viên", 3))


@dataclass
class OrgNode:
    id: int
    kind: str
    name: str
    short_name: str | None
    code: str | None
    parent_id: int | None
    area_id: int | None
    active: bool
    children: list["OrgNode"] = field(default_factory=list)


def add_organization(
    store: Store,
    *,
    kind: str,
    name: str,
    parent_id: int | None,
    short_name: str | None = None,
    area_id: int | None = None,
    code: str | None = None,
) -> int:
    """Insert one organization, checking where it may sit in the tree."""
    if kind not in KINDS:
        raise InvalidValue("organization.bad_kind", field="kind", value=kind)
    name = clean_text(name)
    if not name:
        raise InvalidValue("required", field="name", value=name)
    parent = None
    if kind != FRONT_COMMITTEE:
        parent = logged.fetch(store, "organization", parent_id) if parent_id else None
        if parent is None or parent["kind"] not in _ALLOWED_PARENT[kind]:
            raise InvalidValue(
                "organization.bad_parent",
                field="parent",
                value=parent_id,
                kind_name=KIND_NAMES[kind][0],
                parent_name=parent["name"] if parent else "(không có)",
            )
    if kind == WORK_COMMITTEE:
        area_id = parent_id
    if kind == BRANCH:
        area = logged.fetch(store, "organization", area_id) if area_id else None
        if area is None or area["kind"] != RESIDENTIAL_AREA:
            raise InvalidValue("organization.area_required", field="area", value=area_id)
    if _name_taken(store, parent_id, name):
        raise Conflict("organization.duplicate", name=name)
    return logged.insert(
        store,
        "organization",
        {
            "kind": kind,
            "name": name,
            "short_name": clean_text(short_name) or None,
            "code": code,
            "parent_id": parent_id if kind != FRONT_COMMITTEE else None,
            "area_id": area_id,
            "active": 1,
            "sort_key": text_sort_key(name),
        },
    )


def _name_taken(store: Store, parent_id: int | None, name: str, except_id: int | None = None) -> bool:
    """Siblings may not share a name as people type it: "thôn đông" is "Thôn Đông"
    (areas are matched by folded name when a roster is imported)."""
    wanted = fold(name)
    siblings = store.conn.execute(
        "SELECT name FROM organization WHERE parent_id IS ? AND id IS NOT ?", (parent_id, except_id)
    )
    return any(fold(other) == wanted for (other,) in siblings)


def rename_organization(store: Store, org_id: int, name: str, short_name: str | None = None) -> None:
    org = logged.require(store, "organization", org_id)
    name = clean_text(name)
    if not name:
        raise InvalidValue("required", field="name", value=name)
    if _name_taken(store, org["parent_id"], name, except_id=org_id):
        raise Conflict("organization.duplicate", name=name)
    with store.transaction():
        logged.update(
            store,
            "organization",
            org_id,
            {"name": name, "short_name": clean_text(short_name) or None, "sort_key": text_sort_key(name)},
        )
        if org["kind"] == RESIDENTIAL_AREA:
            _rename_area_units(store, org_id, org["name"], name)
            # people are searched by the name of their area: refresh it
            from app.domain.people import reindex_area

            reindex_area(store, org_id)
    store.events.emit("organizations_changed")


def _rename_area_units(store: Store, area_id: int, old: str, new: str) -> None:
    """The area's work committee and branches were named after it ("Chi hội
    Phụ nữ Thôn 1"): those still ending in the old name follow the new one;
    a unit someone has renamed by hand is left alone."""
    units = store.conn.execute(
        "SELECT id, name FROM organization WHERE (parent_id = ? AND kind = ?) OR area_id = ?",
        (area_id, WORK_COMMITTEE, area_id),
    ).fetchall()
    for unit_id, unit_name in units:
        if unit_name.endswith(" " + old):
            renamed = unit_name[: -len(old)] + new
            logged.update(store, "organization", unit_id, {"name": renamed, "sort_key": text_sort_key(renamed)})


def get_organization(store: Store, org_id: int) -> dict:
    return logged.require(store, "organization", org_id)


def front_committee_id(store: Store) -> int:
    row = store.conn.execute(
        "SELECT id FROM organization WHERE kind = 'front_committee'"
    ).fetchone()
    if row is None:
        raise NotFound("not_found.organization", id="root")
    return row[0]


def by_code(store: Store, code: str) -> int | None:
    row = store.conn.execute("SELECT id FROM organization WHERE code = ?", (code,)).fetchone()
    return row[0] if row else None


def organization_tree(store: Store, *, include_inactive: bool = False) -> OrgNode:
    """The whole tree, children sorted the Vietnamese way (areas naturally)."""
    rows = store.conn.execute(
        "SELECT id, kind, name, short_name, code, parent_id, area_id, active FROM organization"
        + ("" if include_inactive else " WHERE active = 1")
        + " ORDER BY kind != 'member_org', sort_key"
    ).fetchall()
    nodes = {r[0]: OrgNode(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7])) for r in rows}
    root = None
    for node in nodes.values():
        if node.parent_id is None:
            root = node
        elif node.parent_id in nodes:
            nodes[node.parent_id].children.append(node)
    if root is None:
        raise NotFound("not_found.organization", id="root")
    return root


def residential_areas(store: Store, *, include_inactive: bool = False) -> list[dict]:
    rows = store.conn.execute(
        "SELECT id, name, short_name, active FROM organization WHERE kind = 'residential_area'"
        + ("" if include_inactive else " AND active = 1")
        + " ORDER BY sort_key"
    ).fetchall()
    return [{"id": r[0], "name": r[1], "short_name": r[2], "active": bool(r[3])} for r in rows]


# What people call the Front and its member organizations (folded: lower
# case, no accents), beside the names and short names the database holds.
CALLED = {
    "front": ("mttq", "ubmttq", "mat tran", "mat tran to quoc", "uy ban mat tran"),
    "women": ("lhpn", "hlhpn", "hoi lhpn", "hpn", "hoi phu nu", "phu nu", "hoi lien hiep phu nu"),
    "farmers": ("hnd", "hoi nd", "hoi nong dan", "nong dan"),
    "veterans": ("ccb", "hccb", "hoi ccb", "hoi cuu chien binh", "cuu chien binh"),
    "youth": ("doan", "dtn", "doan tn", "doan thanh nien", "thanh nien", "doan tncs", "tncs"),
    "trade_union": ("cd", "cong doan"),
}
_CODE_CALLED = {alias: code for code, aliases in CALLED.items() for alias in aliases}


def member_organizations(store: Store) -> list[dict]:
    """The commune-level member organizations a person can join (Hội LHPN,
    Hội Nông dân...), active ones, in the tree's order."""
    rows = store.conn.execute(
        "SELECT id, name, short_name FROM organization WHERE kind = 'member_org' AND active = 1 ORDER BY sort_key"
    ).fetchall()
    return [{"id": r[0], "name": r[1], "short_name": r[2]} for r in rows]


def find_organization(store: Store, text: str) -> int:
    """Resolve what a person typed for ``--org``: a number, a code, a short
    name or a name, or what people call it (LHPN, HND, CCB, Đoàn, ĐTN,
    Công đoàn...), with or without diacritics. An unknown name is refused
    with the commune's organizations to choose from."""
    raw = clean_text(text)
    if raw.isdigit():
        if logged.fetch(store, "organization", int(raw)):
            return int(raw)
        raise InvalidValue("organization.unknown", field="organization", value=raw)
    wanted = fold(raw)
    rows = store.conn.execute("SELECT id, name, short_name, code, kind FROM organization ORDER BY sort_key").fetchall()
    called = _CODE_CALLED.get(wanted)
    if called is not None:
        found = [r[0] for r in rows if r[3] == called]
        if found:
            return found[0]
    exact = [r for r in rows if wanted in {fold(r[1]), fold(r[2] or ""), (r[3] or "")}]
    if len(exact) == 1:
        return exact[0][0]
    candidates = exact or [r for r in rows if wanted in fold(r[1])]
    if len(candidates) == 1:
        return candidates[0][0]
    if not candidates:
        choices = "; ".join(f"{r[2]} ({r[1]})" if r[2] and r[2] != r[1] else r[1] for r in rows
                            if r[4] in ("front_committee", "member_org"))
        raise InvalidValue("organization.unknown_choices", field="organization", value=raw, choices=choices)
    names = ", ".join(r[1] for r in candidates[:5])
    raise InvalidValue("organization.ambiguous", field="organization", value=raw, names=names)


def add_positions(store: Store, org_id: int, positions: tuple[tuple[str, int], ...]) -> list[int]:
    from app.domain.positions import add_position

    return [
        add_position(store, org_id, title, seats=seats, rank=rank * 10)
        for rank, (title, seats) in enumerate(positions, start=1)
    ]


def add_residential_area(store: Store, name: str, *, short_name: str | None = None) -> int:
    """A residential area with its Front work committee and the branches of
    each standard member organization, each with its usual positions."""
    with store.transaction():
        root = front_committee_id(store)
        area_id = add_organization(
            store, kind=RESIDENTIAL_AREA, name=name, parent_id=root, short_name=short_name
        )
        area_name = clean_text(name)
        committee = add_organization(
            store, kind=WORK_COMMITTEE, name=f"Ban công tác Mặt trận {area_name}", parent_id=area_id
        )
        add_positions(store, committee, WORK_COMMITTEE_POSITIONS)
        for std in STANDARD_MEMBER_ORGS:
            org_id = by_code(store, std.code)
            if org_id is None:
                continue
            branch = add_organization(
                store,
                kind=BRANCH,
                name=f"{std.branch_name} {area_name}",
                parent_id=org_id,
                area_id=area_id,
            )
            add_positions(store, branch, std.branch_positions)
    store.events.emit("organizations_changed")
    return area_id


def add_standard_structure(store: Store, commune_name: str) -> int:
    """The Front committee and the standard member organizations, with their
    positions; called once when a commune database is created."""
    root = add_organization(
        store,
        kind=FRONT_COMMITTEE,
        name=f"Ủy ban MTTQ Việt Nam {commune_name}",
        short_name="UBMTTQ",
        parent_id=None,
        code="front",
    )
    add_positions(store, root, FRONT_POSITIONS)
    for std in STANDARD_MEMBER_ORGS:
        org_id = add_organization(
            store,
            kind=MEMBER_ORG,
            name=std.name,
            short_name=std.short_name,
            parent_id=root,
            code=std.code,
        )
        add_positions(store, org_id, std.positions)
    return root


def branch_of(store: Store, member_org_id: int, area_id: int) -> int | None:
    row = store.conn.execute(
        "SELECT id FROM organization WHERE kind = 'branch' AND parent_id = ? AND area_id = ?",
        (member_org_id, area_id),
    ).fetchone()
    return row[0] if row else None
