"""The central clinic server: storage, the apply step, the HTTP API."""
