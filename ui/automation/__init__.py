"""The automation rules a manager edits (``rules_dialog``)."""
