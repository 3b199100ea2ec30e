"""The commune's own data: organizations, people, positions and appointments, recurring
duties, tasks and workload; the Front's own work (petitions, fund entries, cases and their
period figures); the change log, erasure on request, search, and a new commune's database.

Modules: bulk_people, cases, change_log, change_names, change_texts, change_words, commune, consent, data_requests, duties, erasure, follow_up, front_work, fund, incident_letter, incidents, me, organizations, people, people_list, petitions, positions, privacy_clocks, privacy_erasure, privacy_overview, privacy_words, registers, search, sensitive, standard_duties, tasks, workload.

The public API is the table below, name -> module: what the window and the command line
use. Each name loads its module on first use (``app.lazy``), so importing the package is free.
"""
from app.lazy import lazy_api

_API = {
    "actors": "change_log", "ChangeEntry": "change_log", "ChangeFilter": "change_log",
    "count_changes": "change_log", "list_changes": "change_log", "PAGE": "change_log", "tables": "change_log",
    "ChangeInWords": "change_words", "ChangeWords": "change_words", "changes_in_words": "change_words",
    "FieldChange": "change_words",
    "create_commune_database": "commune", "get_commune": "commune", "is_demo": "commune", "move_demo_aside": "commune",
    "add_duty": "duties", "CADENCES": "duties", "check_duty": "duties", "DutyView": "duties",
    "generate_tasks": "duties", "get_duty": "duties", "list_duties": "duties", "period_label": "duties",
    "set_active": "duties", "update_duty": "duties",
    "add_standard_duties": "standard_duties", "missing_standard_duties": "standard_duties",
    "erase_person": "erasure",
    "my_person_id": "me", "set_my_person": "me",
    "add_residential_area": "organizations", "find_organization": "organizations", "member_organizations": "organizations",
    "front_committee_id": "organizations", "get_organization": "organizations",
    "organization_tree": "organizations", "OrgNode": "organizations", "rename_organization": "organizations",
    "residential_areas": "organizations",
    "add_person": "people", "describe_notes": "people", "get_person": "people", "join_organization": "people", "join_in_area": "people",
    "leave_organization": "people", "memberships_of": "people", "update_person": "people",
    "roster_ids": "people_list", "roster_rows": "people_list", "RosterRow": "people_list",
    "add_position": "positions", "appoint": "positions", "appointments_of": "positions",
    "concurrent_holders": "positions", "ConcurrentHolder": "positions", "end_appointment": "positions",
    "get_position": "positions", "Holder": "positions", "positions_of": "positions",
    "PositionView": "positions", "set_seats": "positions", "vacancies": "positions",
    "count_matches": "search", "PersonHit": "search", "search_people": "search",
    "get_task": "tasks", "list_tasks": "tasks", "OPEN_STATUSES": "tasks", "PRIORITIES": "tasks",
    "save_task": "tasks", "set_statuses": "tasks", "task_ids": "tasks", "task_organizations": "tasks",
    "TaskFilter": "tasks", "TaskView": "tasks",
    "add_petition": "petitions", "answer_petition": "petitions", "close_petition": "petitions",
    "count_petitions": "petitions", "delete_petition": "petitions", "forward_petition": "petitions",
    "get_petition": "petitions", "list_petitions": "petitions", "petitions_by_ids": "petitions", "petition_figures": "petitions",
    "petition_ids": "petitions", "PetitionFilter": "petitions", "PetitionView": "petitions",
    "update_petition": "petitions",
    "add_fund_entry": "fund", "fund_balance": "fund", "balance_on": "fund", "count_fund_entries": "fund",
    "delete_fund_entry": "fund", "fund_entries_by_ids": "fund", "fund_entry_ids": "fund", "fund_figures": "fund", "fund_figures_to_date": "fund", "FundBalance": "fund",
    "FundEntryView": "fund", "FundFilter": "fund", "FundSaved": "fund", "get_fund_entry": "fund",
    "list_fund_entries": "fund", "record_receipt": "fund", "record_spending": "fund", "update_fund_entry": "fund",
    "add_case": "cases", "case_figures": "cases", "case_ids": "cases", "cases_by_ids": "cases", "CaseFilter": "cases", "CaseView": "cases",
    "close_case": "cases", "count_cases": "cases", "delete_case": "cases", "get_case": "cases",
    "list_cases": "cases", "reopen_case": "cases", "update_case": "cases",
    "follow_up_values": "follow_up", "save_follow_up": "follow_up",
    "INDICATORS": "front_work", "register_figures": "front_work",
    "MEDIATION_OUTCOMES": "cases", "OTHER_OUTCOMES": "cases", "WORDS": "registers",
    "cli_word": "registers", "find_area": "registers", "Notice": "registers", "parse_word": "registers",
    "word_label": "registers",
    # personal data (Law 91/2025/QH15, Decree 356/2025/NĐ-CP)
    "ConsentView": "consent", "consent_evidence": "consent", "end_legal_basis": "consent", "Evidence": "consent",
    "EVIDENCE_LIMIT": "consent", "legal_bases_of": "consent", "LegalBasisView": "consent",
    "list_consents": "consent", "read_evidence": "consent", "record_consent": "consent",
    "record_legal_basis": "consent", "withdraw_consent": "consent",
    "has_basis": "sensitive", "log_sensitive_export": "sensitive", "log_sensitive_view": "sensitive",
    "people_with_basis": "sensitive", "SENSITIVE_FIELDS": "sensitive", "sensitive_view_allowed": "sensitive",
    "check_purpose": "sensitive",
    "acknowledge_request": "data_requests", "add_request": "data_requests", "complete_request": "data_requests",
    "get_request": "data_requests", "list_requests": "data_requests", "RequestView": "data_requests", "extend_request": "data_requests",
    "close_incident": "incidents", "get_incident": "incidents", "IncidentView": "incidents",
    "list_incidents": "incidents", "mark_notified": "incidents", "record_incident": "incidents",
    "update_measures": "incidents",
    "notification_letter": "incident_letter", "write_notification_letter": "incident_letter",
    "NOTIFY_HOURS": "privacy_clocks", "REQUEST_CLOCKS": "privacy_clocks", "request_due": "privacy_clocks",
    "notify_by": "privacy_clocks", "RequestDue": "privacy_clocks",
    "overview_privacy": "privacy_overview", "PrivacyOverview": "privacy_overview",
    "parse_privacy_word": "privacy_words", "PRIVACY_WORDS": "privacy_words", "privacy_word": "privacy_words",
    "load_of": "workload", "OVERLOAD_OPEN_TASKS": "workload", "overview": "workload", "PersonLoad": "workload",
}
__all__ = sorted(_API)
__getattr__ = lazy_api(__name__, _API)
