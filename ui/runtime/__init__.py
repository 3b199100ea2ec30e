"""What the window runs on: the background runner and progress, errors shown to people, the
one-instance lock, the services beside the window (backups, the start-up check, sending) and the translations."""
