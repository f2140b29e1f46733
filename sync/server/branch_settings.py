"""The server's rule for a branch's own value of a chain setting (``branch_setting.set``).

A branch may keep its own value of a setting only while the chain lists
the key in its ``per_branch_settings`` setting (``bnaura_desk.domain.settings``).
A terminal checks this before it writes; the server checks it again when
the operation applies, against the chain's setting as the batch has it
then, because a terminal cannot be trusted and the key may have been
unmarked by another terminal meanwhile. Refused operations are kept as
``rejected`` and reported, like every other refusal:

- ``malformed_operation``: the id is not ``derived_id("branch_setting",
  branch_id, key)`` (so two terminals of a branch setting the same key
  make the same row; ``checks`` refuses it, from the declaration's
  ``derived_from``);
- ``foreign_record``: it sets another branch's value;
- ``chain_only_setting``: the chain has not marked the key per-branch.
"""

from __future__ import annotations

from dataclasses import dataclass

from bnaura_desk.domain.settings import PER_BRANCH_KEY

from .checks import Checked, Rejection
from .rules import Proposed, RuleContext, RuleRun


@dataclass(frozen=True)
class PerBranchSetting:
    """Refuse a branch's value of a setting the chain keeps chain-wide (see the module)."""

    operation_types: frozenset[str] = frozenset({"branch_setting.set"})

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        return _PerBranchRun(ctx)


class _PerBranchRun:
    def __init__(self, ctx: RuleContext) -> None:
        self.ctx = ctx

    def check(self, p: Proposed) -> None:
        # ``checks`` refused an id not derived from the operation's branch
        # and key (``Entity.derived_from``): both are given, the id is theirs.
        branch_id, key = p.fields.get("branch_id"), p.fields.get("key")
        if not isinstance(branch_id, str) or not isinstance(key, str):
            raise Rejection("malformed_operation", "a branch_setting names its branch and key")
        if branch_id != self.ctx.branch_id:
            raise Rejection("foreign_record", "a terminal may only set its own branch's settings")
        marked = (self.ctx.record_data("setting", PER_BRANCH_KEY) or {}).get("value")
        if not isinstance(marked, list) or key not in marked:
            raise Rejection(
                "chain_only_setting", f"the chain keeps the setting {key!r} the same at every branch", key=key
            )

    def settle(self, p: Proposed) -> None:
        return None

    def write(self) -> None:
        return None
