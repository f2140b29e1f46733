"""Alembic migrations of the server database (separate from the terminal's)."""
