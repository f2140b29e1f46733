"""Benchmarks, run on demand (not part of pytest); see README.md."""
