"""Sync between terminals and the clinic server (issue 4).

The terminal side already writes every change to its outbox in the format
described in docs/sync-operations.md; this package will hold the protocol
models, the client and the FastAPI server.
"""
