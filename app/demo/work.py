"""The demo commune's work: recurring duties with the tasks they made, and a
large pile of ad-hoc tasks in every state (part of ``app.demo.builder``).

Duties go through the domain functions (``add_duty``, ``generate_tasks``,
``set_status``) so they behave like real ones; the ad-hoc tasks, most of the
rows, go in with one bulk insert and one change-log entry. Draws come from the
build's one ``random.Random`` in a fixed order: the order is part of the
demo's definition.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from app.demo import names as N
from app.demo.state import Weighted
from app.domain.duties import add_duty, generate_tasks
from app.domain.standard_duties import STANDARD_DUTIES
from app.domain.organizations import STANDARD_MEMBER_ORGS
from app.domain.tasks import set_status
from app.text.vietnamese import clean_text

from app.demo.state import Builder

__all__ = ["add_duties", "add_tasks"]


def _lower_unit(name: str) -> str:
    """"Xã Tân Hòa" -> "xã Tân Hòa", "Tỉnh Cao Bằng" -> "tỉnh Cao Bằng": how a
    unit is named inside a sentence."""
    for prefix in ("Xã ", "Phường ", "Đặc khu ", "Tỉnh ", "Thành phố "):
        if name.startswith(prefix):
            return prefix.lower() + name[len(prefix):]
    return name


def _bare_unit(name: str) -> str:
    for prefix in ("Tỉnh ", "Thành phố "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


# "{plan_no}/KH-MTTQ-BTT" in a task title: the document the task comes from.
_CITED_NUMBER = re.compile(r"\{plan_no\}(/[A-ZĐ-]+)")


# (due in the past, the draw that picks the state): done on time, done late,
# cancelled, overdue; then in progress and to do, due ahead.
def _still_open_share(days_late: int) -> float:
    """Of the tasks left open past their due date, how many are still open after
    this many days: a commune is behind by weeks, rarely by a year."""
    return 1.0 if days_late <= 60 else 0.4 if days_late <= 120 else 0.05


_SCENARIOS = ((True, 0.1), (True, 0.6), (True, 0.78), (True, 0.9), (False, 0.3), (False, 0.9))


# -- duties ----------------------------------------------------------------------


def add_duties(b: Builder) -> None:
    """Stage "duties": the recurring duties, owned by the commune cadres the
    appointments stage named, and a year of the tasks they made."""
    rng = b.rng
    store = b.store
    b.report("duties", 0, len(STANDARD_DUTIES))
    province = _lower_unit(b.info.province_name)
    fallback = b.roles.get("front_chair")
    for duty in STANDARD_DUTIES:
        title, detail, org_code, cadence, due_day, due_month, lead_days, priority = duty
        org_id = b.org_ids.get(org_code)
        if org_id is None:
            continue
        person = b.roles.get(N.DUTY_OWNERS[title], fallback)
        add_duty(
            store,
            {
                "title": title,
                "detail": detail.format(province=province) if detail else None,
                "organization_id": org_id,
                "owner_id": b.p.ids[person] if person is not None else None,
                "cadence": cadence,
                "due_day": due_day,
                "due_month": due_month,
                "lead_days": lead_days,
                "priority": priority,
                "starts_on": b.today - timedelta(days=365 + rng.randint(0, 30)),
            },
        )
    created = generate_tasks(store)
    # A year of recurring work: mostly done, some late, a few left undone.
    today = b.today
    for task_id, due_text in store.conn.execute(
        f"SELECT id, due_on FROM task WHERE id IN ({','.join(map(str, created)) or 'NULL'})"
        " ORDER BY id"
    ).fetchall():
        due = date.fromisoformat(due_text)
        r = rng.random()
        if due < today:
            if r < 0.72:
                early = due - timedelta(days=rng.randint(0, 4))
                set_status(store, task_id, "done", completed_on=early)
            elif r < 0.9 or rng.random() > _still_open_share((today - due).days):
                late = min(due + timedelta(days=rng.randint(1, 12)), today)
                set_status(store, task_id, "done", completed_on=late)
            elif r < 0.95:
                set_status(store, task_id, "in_progress")
            # else: still todo, overdue
        elif r < 0.35:
            set_status(store, task_id, "in_progress")
    b.duty_tasks = len(created)
    b.report("duties", len(STANDARD_DUTIES), len(STANDARD_DUTIES))


# -- ad-hoc tasks ----------------------------------------------------------------


def add_tasks(b: Builder) -> None:
    """Stage "tasks": about one ad-hoc task per five people (the duties' tasks
    count towards it), most citing the document they come from, each with a
    lead and often supporters among the cadres."""
    rng = b.rng
    store = b.store
    conn = store.conn
    p = b.p
    today = b.today
    target = max(150, b.n_people // 5)
    count = max(target - b.duty_tasks, target // 2)
    b.report("tasks", 0, count)

    # Who gets the work: cadres, unevenly. The standing committee carries
    # the most; a few people carry far more than their share.
    cadres = sorted(b.held)
    level_weight = {4: 14.0, 3: 10.0, 2: 3.0, 1: 1.0}
    global_pick = Weighted(
        [(i, level_weight[b.cadre_level[i]] * min(8.0, rng.paretovariate(1.3)))
         for i in cadres]
    )
    org_pick: dict[int, Weighted] = {}
    for org_id in sorted(b.org_holders):
        holders = b.org_holders[org_id]
        org_pick[org_id] = Weighted(
            [(i, level_weight[b.cadre_level[i]]) for i in holders]
        )

    front = b.org_ids["front"]
    member_codes = [c for c in ("women", "farmers", "veterans", "youth", "trade_union")
                    if c in b.org_ids]
    member_weights = {"women": 8, "farmers": 6, "veterans": 4, "youth": 5, "trade_union": 2}
    org_choice = Weighted(
        [(("front", None), 50.0)]
        + [(("member", c), member_weights[c]) for c in member_codes]
        + [(("area", None), 25.0)]
    )
    templates = Weighted(N.TASK_TEMPLATES)
    issuers = Weighted([((name, forms), w) for name, forms, w in N.ISSUERS])
    priorities = Weighted([("normal", 70), ("high", 18), ("urgent", 5), ("low", 7)])
    support_counts = Weighted([(0, 45), (1, 35), (2, 20)])
    province = _lower_unit(clean_text(b.info.province_name))
    commune = _lower_unit(clean_text(b.info.name))  # the list has double spaces
    bare = _bare_unit(b.info.province_name)
    youth_body = ("Thành đoàn " if b.info.province_name.startswith("Thành phố") else
                  "Tỉnh đoàn ") + bare
    short_names = {std.code: std.short_name for std in STANDARD_MEMBER_ORGS}
    branch_names = {
        code: [f"{std.branch_name} {area}" for area in b.area_names]
        for std in STANDARD_MEMBER_ORGS for code in [std.code] if code in b.branches
    }
    branch_codes = sorted(branch_names)
    details = [
        "Báo cáo kết quả về Ban Thường trực trước hạn.",
        "Phối hợp với các tổ chức thành viên và Ban công tác Mặt trận các khu dân cư.",
        "Có biểu mẫu kèm theo; gửi bản mềm qua hộp thư điện tử.",
        "Đề nghị các đồng chí được phân công chủ động triển khai.",
    ]
    n_areas = len(b.area_ids)
    n_people = len(p.ids)

    base = conn.execute("SELECT coalesce(max(id), 0) FROM task").fetchone()[0]
    task_rows: list[tuple] = []
    assignee_rows: list[tuple] = []
    step = max(1, count // 4)
    for n in range(count):
        task_id = base + n + 1
        kind, code = org_choice.pick(rng)
        k = rng.randrange(n_areas)
        if kind == "front":
            org_id = front
            branch_code = branch_codes[rng.randrange(len(branch_codes))]
        elif kind == "member":
            org_id = b.org_ids[code]
            branch_code = code
        else:
            org_id = b.committees[k]
            branch_code = branch_codes[rng.randrange(len(branch_codes))]
        org_short = short_names.get(code or branch_code, "Hội LHPN")
        someone = rng.randrange(n_people)
        due = today + timedelta(days=rng.randint(-365, 90))
        # The first tasks show every state at least once, however small the demo.
        scenario = _SCENARIOS[n] if n < len(_SCENARIOS) else None
        if scenario is not None and scenario[0] != (due < today):
            shift = rng.randint(-50, -5) if scenario[0] else rng.randint(0, 60)
            due = today + timedelta(days=shift)
        year = due.year
        context = {
            "year": year,
            "next_year": year + 1,
            "term_end": year + 6,
            "area": b.area_names[k],
            "branch": branch_names[branch_code][k],
            "org": org_short,
            "person": ("bà " if p.female[someone] else "ông ") + p.names[someone],
            "plan_no": rng.randint(5, 420),
            "nth": rng.randint(2, 12),
            "topic": N.TOPICS[rng.randrange(len(N.TOPICS))],
            "program": N.PROGRAMS[rng.randrange(len(N.PROGRAMS))],
            "draft": N.DRAFTS[rng.randrange(len(N.DRAFTS))],
            "occasion": N.OCCASIONS[rng.randrange(len(N.OCCASIONS))],
            "campaign": N.CAMPAIGNS[rng.randrange(len(N.CAMPAIGNS))],
            "model": N.MODELS[rng.randrange(len(N.MODELS))],
            "disaster": N.DISASTERS[rng.randrange(len(N.DISASTERS))],
        }
        for key in ("topic", "program", "draft"):
            context[key] = context[key].format(**context)
        template = templates.pick(rng)
        title = template.format(**context)

        cited = _CITED_NUMBER.search(template)
        if cited or rng.random() < 0.85:
            if cited:
                # The title names the plan: the plan is the source document.
                issuer, forms = N.ISSUERS[0][0], ["{n}" + cited.group(1)]
                number_no = context["plan_no"]
            elif kind == "member" and rng.random() < 0.5:
                issuer, forms = N.ORG_ISSUERS[code]
                number_no = rng.randint(1, 450)
            else:
                issuer, forms = issuers.pick(rng)
                number_no = rng.randint(1, 450)
            issuer = issuer.format(province=province, commune=commune, youth_body=youth_body)
            number = forms[rng.randrange(len(forms))].format(n=number_no)
            source = due - timedelta(days=rng.randint(7, 60))
            if source > today:
                source = today - timedelta(days=rng.randint(0, 14))
            source_date = source.isoformat()
        else:
            issuer = number = source_date = None
            source = due - timedelta(days=30)
        detail = None
        if rng.random() < 0.4:
            if number:
                detail = (f"Thực hiện văn bản số {number} ngày "
                          f"{source.day:02d}/{source.month:02d}/{source.year} của {issuer}.")
            else:
                detail = details[rng.randrange(len(details))]

        r = rng.random() if scenario is None else scenario[1]
        completed = None
        if due < today:
            if r < 0.55:
                status = "done"
                slack = max(0, min(10, (due - source).days))
                completed = due - timedelta(days=rng.randint(0, slack))
            elif r < 0.75:
                status = "done"
                completed = min(due + timedelta(days=rng.randint(1, 40)), today)
            elif r < 0.80:
                status = "cancelled"
            elif scenario is None and rng.random() > _still_open_share((today - due).days):
                # old work gets finished, late, more often than it is forgotten
                status = "done"
                completed = min(due + timedelta(days=rng.randint(1, 40)), today)
            else:
                status = "in_progress" if rng.random() < 0.6 else "todo"
        else:
            if r < 0.12:
                status = "done"
                low = min(max(source, today - timedelta(days=20)), today)
                completed = low + timedelta(days=rng.randint(0, (today - low).days))
            elif r < 0.16:
                status = "cancelled"
            elif r < 0.55:
                status = "in_progress"
            else:
                status = "todo"
        task_rows.append((
            task_id, title, detail, org_id, number, source_date, issuer,
            due.isoformat(), priorities.pick(rng), status,
            completed.isoformat() if completed else None, b.now, b.now,
        ))

        holders = org_pick.get(org_id)
        lead = holders.pick(rng) if holders and rng.random() < 0.7 else global_pick.pick(rng)
        assignee_rows.append((task_id, p.ids[lead], "lead"))
        team = [lead]
        for _ in range(support_counts.pick(rng)):
            for _attempt in range(8):
                other = global_pick.pick(rng)
                if other not in team:
                    team.append(other)
                    assignee_rows.append((task_id, p.ids[other], "support"))
                    break
        if n and n % step == 0:
            b.report("tasks", n, count)

    conn.executemany(
        "INSERT INTO task (id, title, detail, organization_id, source_number, source_date,"
        " source_issuer, due_on, priority, status, completed_on, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        task_rows,
    )
    conn.executemany(
        "INSERT INTO task_assignee (task_id, person_id, role) VALUES (?, ?, ?)", assignee_rows
    )
    store.log("bulk", "task", None, None,
              {"count": len(task_rows), "assignees": len(assignee_rows)}, note="demo")
    b.report("tasks", count, count)
