"""Sync between terminals and the clinic server.

- ``sync.protocol``: the request and response shapes both sides share.
- ``sync.server``: the FastAPI server and its exactly-once apply step.
- ``sync.client``: pushing a terminal's outbox and pulling the clinic's changes.
"""
