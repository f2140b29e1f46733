"""Skin scans at the desk: record one, compare it with the previous, see what to suggest."""
