"""The PySide6 desktop client. Talks to ``app`` only through its public functions."""
