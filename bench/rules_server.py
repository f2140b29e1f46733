"""A clinic server that also applies the rule-governed operation types of the tests.

Usage (what ``bench.drain --rule-share`` starts)::

    .venv/bin/python -m bench.rules_server --db URL --port N

The same application as ``bnaura server`` (``sync.server.app.create_app``),
with ``tests/sync/rule_entities.py``'s declarations and rules: single-use
tokens (a coupon's shape) and tallies with a floor (points' shape). No
production entity uses the rules yet, so a drain that measures them needs
these.
"""

from __future__ import annotations

import argparse

import uvicorn

from sync.server.app import create_app
from tests.sync.rule_entities import TEST_REGISTRY, TEST_RULES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="the (migrated) server database URL")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    app = create_app(args.db, registry=TEST_REGISTRY, rules=TEST_RULES)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
