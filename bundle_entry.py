"""The desktop bundle's entry point: ``bnaura`` as the installed console script runs it.

PyInstaller runs its entry script as ``__main__``, outside any package, so
the script must not be a module of ``bnaura_desk`` (a relative import there
fails at once); it only hands over to ``bnaura_desk.cli.main``.
"""

from __future__ import annotations

import multiprocessing

from bnaura_desk.cli import main

if __name__ == "__main__":
    # `bnaura server --workers N` starts uvicorn's worker processes through
    # multiprocessing, which re-runs this executable: let it take them over.
    multiprocessing.freeze_support()
    raise SystemExit(main())
