"""What the loyalty program's tabs share: reading the chain's program, an error line under a widget."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from bnaura_desk.domain.achievements import Definition
from bnaura_desk.domain.loyalty_program import LoyaltyProgram
from bnaura_desk.domain.rewards import Reward
from bnaura_desk.services.achievements import achievement_definitions
from bnaura_desk.services.points_ledger import loyalty_program
from bnaura_desk.services.rewards import rewards_catalog
from bnaura_desk.store.models import DeviceState

from ..widgets import FieldError


@dataclass(frozen=True)
class ProgramState:
    """The chain's loyalty program as the manager's screen shows it."""

    program: LoyaltyProgram
    rewards: list[Reward]
    achievements: tuple[Definition, ...]


def read_program_state(session: Session) -> ProgramState:
    """Read this terminal's chain's program, rewards catalog and achievement definitions, in one read."""
    chain_id = session.execute(select(DeviceState.chain_id)).scalar_one()
    return ProgramState(loyalty_program(session, chain_id), rewards_catalog(session),
                        achievement_definitions(session, chain_id))


def with_error(parent: QWidget, widget: QWidget, error: FieldError) -> QWidget:
    """Return ``widget`` with ``error`` (hidden until shown) right under it."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(error)
    return box
