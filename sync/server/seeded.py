"""Records the server writes itself: a chain's name, a new branch's name and number.

Terminals learn every branch of their chain (to show where a customer
registered and where a visit happened) and their chain's name from the
change feed, like any synced row. These records are written by the
owner's commands (``bnaura server chains add``, ``branches add``), with
the zero clock: what the server seeds is a default, and whatever a
branch's terminal later writes to its own profile (``branch.create`` /
``branch.update``, with the names in Thai and English, the TIN, the
address) wins field by field.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bnaura_desk.domain.hlc import Hlc
from bnaura_desk.domain.synced import REGISTRY

from .models import ChangeEntry, Record, ServerChain

ZERO_CLOCK = Hlc(0, 0, "server").encode()


def seed_record(session: Session, chain: ServerChain, entity: str, entity_id: str, data: dict[str, Any],
                now: datetime) -> bool:
    """Put a chain-wide record in ``chain``'s feed unless it exists; return whether it was written.

    Only a declared entity's record is written: a terminal parks what it
    does not know, and a manager would see it as a problem. The caller
    holds (or is the only writer of) the chain row and commits.
    """
    if REGISTRY.entity(entity) is None or session.get(Record, (chain.id, entity, entity_id)) is not None:
        return False
    chain.last_cursor += 1
    session.add(Record(
        chain_id=chain.id, entity=entity, id=entity_id, data=data, field_clocks={}, hlc=ZERO_CLOCK,
        deleted_at=None, updated_at=now, cursor=chain.last_cursor, branch_id=None,
    ))
    session.add(ChangeEntry(chain_id=chain.id, cursor=chain.last_cursor, entity=entity, entity_id=entity_id,
                            branch_id=None))
    session.flush()
    return True
