"""How an import's problems are said on the command line: the same problem of
the same column in many rows as one line, with its count and its rows."""
from __future__ import annotations

from app import messages


def row_list(rows: list[int], shown: int = 6) -> str:
    """"2, 3, 5, … 301": the first few and the last of many rows."""
    words = [str(r) for r in rows[:shown]]
    if len(rows) > shown:
        words += ["…", str(rows[-1])] if len(rows) > shown + 1 else [str(rows[-1])]
    return ", ".join(words)


def grouped_problems(problems: list, lang: str) -> list[str]:
    """One line per problem, except that the same problem of the same column
    in many rows (300 rows naming an area the commune lacks) is one line
    with its count and rows, where the first of them was."""
    groups: dict[tuple[str, str], list] = {}
    for problem in problems:
        key = (problem.column, problem.reason(lang) + "|" + ("" if problem.value is None else str(problem.value)))
        groups.setdefault(key, []).append(problem)
    lines = []
    for (column, _reason), same in groups.items():
        if len(same) == 1 or not column:
            lines.extend(p.message(lang) for p in same)
            continue
        first = same[0]
        reason = first.reason(lang)
        shown = "" if first.value is None else str(first.value)
        if shown and shown not in reason:
            reason = f"{reason} {messages.text('import.cell_value', lang, value=shown)}"
        lines.append(messages.text("cli.import.same_problem", lang, count=len(same),
                                   rows=row_list([p.row for p in same]), column=column, reason=reason))
    return lines
