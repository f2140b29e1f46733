"""BN-Aura Desk: domain, persistence and use cases. Never imports Qt."""

__version__ = "0.1.0"
