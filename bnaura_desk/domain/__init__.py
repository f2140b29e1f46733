"""Pure business rules: no SQLAlchemy, no Qt, no I/O."""
