"""Front Desk core: storage, domain, Vietnamese text, reports, sync. Never imports Qt."""

__version__ = "0.1.0"
