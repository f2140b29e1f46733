"""``python -m bnaura_desk.cli``: the same as the ``bnaura`` console script."""

from __future__ import annotations

from .run import main

if __name__ == "__main__":
    raise SystemExit(main())
