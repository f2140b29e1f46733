"""The terminal's side of sync: push the outbox, pull the clinic's changes.

- ``outbox``: outbox rows as protocol operations, and their outcomes.
- ``local_apply``: pulled changes into the terminal's tables (no outbox, no audit).
- ``http``: ``SyncClient``, the HTTP calls and their typed errors.
- ``engine``: ``sync_once``, one round of push then pull.
- ``enroll``: joining a clinic server with a one-time code.

Database work and network I/O are kept apart (the engine alternates them),
so the app can run the I/O on its event loop and the database work on its
one writer.
"""
