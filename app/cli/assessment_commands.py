"""``privacy assessment --out FILE.xlsx``: the impact-assessment draft (hồ sơ
đánh giá tác động xử lý dữ liệu cá nhân) made from what the database holds
(``app.reports.privacy_assessment``), for the commune to complete and sign.

The ``privacy`` command itself is made elsewhere; it adds this subcommand with
``add_assessment_arguments`` and the common options (``--db``, ``--lang``,
``--json``), and the command line calls ``cmd_privacy_assessment(args, out)``
with ``args.database`` and ``args.clock`` set, as for every command.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from app import messages
from app.cli.output import print_json
from app.cli.parsing import Say
from app.db.storage import open_store

__all__ = ["add_assessment_arguments", "cmd_privacy_assessment"]

messages.register(
    {
        "cli.assessment.done": (
            "Đã lập bản nháp hồ sơ đánh giá tác động xử lý dữ liệu cá nhân của {commune}: {path}\n"
            "  {people} người trong danh sách; có số CCCD: {citizen_id}, số điện thoại: {phone}; dữ liệu nhạy "
            "cảm — dân tộc: {ethnicity}, tôn giáo: {religion}.\n"
            "  Hãy mở tệp, điền các dòng “……”, rồi in và ký.",
            "Wrote the draft personal data processing impact assessment of {commune}: {path}\n"
            "  {people} people on the roster; with a citizen ID: {citizen_id}, a phone number: {phone}; "
            "sensitive data — ethnicity: {ethnicity}, religion: {religion}.\n"
            "  Open the file, fill in the “……” lines, then print and sign it.",
        ),
        "cli.assessment.demo": (
            "  Đây là dữ liệu mẫu (demo): bản nháp mang dấu DỮ LIỆU MẪU.",
            "  This is the demo commune: the draft carries the DEMO DATA mark.",
        ),
    }
)


def add_assessment_arguments(parser: argparse.ArgumentParser, say: Say) -> None:
    """The options of ``privacy assessment`` (the caller adds the common ones)."""
    parser.add_argument("--out", required=True, type=Path, metavar=say("TỆP.xlsx", "FILE.xlsx"), help=say(
        "tệp Excel sẽ ghi: bản nháp hồ sơ đánh giá tác động xử lý dữ liệu cá nhân (Luật 91/2025/QH15, "
        "Nghị định 356/2025/NĐ-CP), lập từ dữ liệu đang lưu, để xã điền các chỗ trống và ký",
        "the Excel file to write: the draft personal data processing impact assessment (Law 91/2025/QH15, "
        "Decree 356/2025/ND-CP) made from the data held, for the commune to complete and sign"))
    parser.set_defaults(handler=cmd_privacy_assessment)


def cmd_privacy_assessment(args: argparse.Namespace, out: TextIO) -> int:
    from app.reports.privacy_assessment import write_assessment
    from app.reports.privacy_assessment_facts import assessment_facts

    with open_store(args.database, clock=args.clock) as store:
        facts = assessment_facts(store)
        path = write_assessment(store, args.out, facts=facts)
    p = facts.people
    if getattr(args, "json", False):
        print_json(out, {
            "path": str(path), "commune_code": facts.commune_code, "demo": facts.demo, "people": p.total,
            "with_citizen_id": p.citizen_id, "with_phone": p.phone, "with_birth_date": p.birth_date,
            "with_ethnicity": p.ethnicity, "with_religion": p.religion, "backups": facts.backups,
            "reports_sent": facts.reports_sent,
            "registers": {"consent": facts.consent.counts, "legal_basis": facts.legal_basis.counts,
                          "data_request": facts.data_request.counts, "data_incident": facts.data_incident.counts},
        })
        return 0
    lang = getattr(args, "lang", None)
    print(messages.text("cli.assessment.done", lang, commune=facts.commune_name, path=path, people=p.total,
                        citizen_id=p.citizen_id, phone=p.phone, ethnicity=p.ethnicity, religion=p.religion),
          file=out)
    if facts.demo:
        print(messages.text("cli.assessment.demo", lang), file=out)
    return 0
