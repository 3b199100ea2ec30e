"""What leaves as Excel: the province report, member lists, the change log, and the
province's consolidation of the communes' reports.

Modules: change_log_export, consolidation, consolidation_workbook, figures, member_list, province_report, report_file,
weekly_week, weekly_summary, weekly_sheet (the weekly summary for "Mặt trận số"), privacy_assessment_facts and
privacy_assessment (the personal data impact-assessment draft).

The public API is the table below, name -> module: what the window and the command line
use. Each name loads its module on first use (``app.lazy``), so importing the package is free.
"""
from app.lazy import lazy_api

_API = {
    "export_changes": "change_log_export",
    "consolidate": "consolidation", "Consolidation": "consolidation",
    "write_summary": "consolidation_workbook",
    "export_members": "member_list", "RosterExport": "member_list",
    "export_report": "province_report", "ReportExport": "province_report",
    "Week": "weekly_week", "parse_week": "weekly_week", "week_of": "weekly_week",
    "weekly_figures": "weekly_summary", "WeeklyFigures": "weekly_summary", "WeeklyRow": "weekly_summary",
    "write_weekly_summary": "weekly_sheet", "WeeklySheet": "weekly_sheet",
    "assessment_facts": "privacy_assessment_facts", "AssessmentFacts": "privacy_assessment_facts",
    "write_assessment": "privacy_assessment",
}
__all__ = sorted(_API)
__getattr__ = lazy_api(__name__, _API)
