"""The ``bnaura`` command: set up a terminal, start the app, move customers, back up.

The composition root of BN-Aura Desk: the one place in ``bnaura_desk`` that
imports ``ui`` and ``sync``, each lazily inside the command that needs it,
so ``--help`` and every command but ``bnaura app`` run without Qt. It builds
a ``Terminal`` per command and runs use cases on it with the system actor
(whoever runs ``bnaura`` on the terminal owns its files).

One job per module:

- ``run``: ``main``, the dispatch and the map from errors to exit codes;
- ``parser``: the argparse parser of every command;
- ``console``: where output goes, and padding by display width;
- ``prompts``: questions asked on a terminal (name, PIN);
- ``common``: the ``--db`` path and the checks several commands share;
- one module per command group: ``init``, ``demo_init``, ``app``,
  ``customers``, ``backup``, ``sync_commands`` (``bnaura server`` is
  ``sync.server.cli``'s own parser).

Exit codes: 0 done; 1 a problem the user can act on (printed on stderr as
``bnaura: <message>``, translated, never a traceback); 2 a usage error
(argparse); 130 interrupted.
"""

from __future__ import annotations

from .run import main

__all__ = ["main"]
