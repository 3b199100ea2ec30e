"""The pages of the main window, one module each (Ctrl+1…9): overview, people, organizations and positions, tasks, recurring duties, reports, sending, backups, the change log."""
