"""The server's rule for appointments: a beautician or room booked twice for the same time.

A desk refuses a booking that overlaps another it knows
(``bnaura_desk.services.appointments``), but two terminals of a branch
working offline cannot see each other's. Both bookings stand (each
customer was told a time) and the later to arrive raises
``double_booking`` naming both appointments (customer, treatment,
beautician, room, time, terminal), so a manager moves one of them.

State, in indexed rows: ``rule_moves`` with scope ``appt_beautician`` or
``appt_room`` and subject ``<beautician or room id>#<Bangkok day>`` (an
appointment lies within one day's opening hours), one row per appointment
of that day, keyed by the appointment's id (in the ``hlc`` column: the key
that is unique within a subject; the clock is not needed, the row follows
the appointment's record), its interval in ``move`` and whether it holds
the time (booked, moved or done) in ``legal``. Booking, moving and changing
the status of an appointment read the rows of the days involved (exact
keys, never a scan) and update them; a move to another day leaves the old
day's row.

Overlap is ``domain.appointments.overlaps``, the terminal's own check. An
operation seen again (a resend) changes nothing. A pair is reported once,
when it comes to overlap: an operation on an appointment that already
overlapped another before it (a move within the overlap, marked done, a
note, a stale move that lost by clock) raises nothing more about that
pair; one that frees the time and a later one that takes it again report
it anew.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, insert, select, update

from bnaura_desk.domain.appointments import HOLDS_TIME, overlaps
from bnaura_desk.domain.dates import BANGKOK

from .checks import Checked
from .models import RuleMove
from .rules import Proposed, RuleContext, RuleRun

BEAUTICIAN_SCOPE = "appt_beautician"
ROOM_SCOPE = "appt_room"
_OPERATIONS = frozenset({"appointment.book", "appointment.move", "appointment.set_status"})
_HOLDING = frozenset(str(s) for s in HOLDS_TIME)

Key = tuple[str, str]  # (scope, subject)


def _placement(data: Mapping[str, Any] | None) -> dict[Key, dict[str, Any]]:
    """Return the rows an appointment's record puts in the rule's state: (scope, subject) -> entry."""
    if not data:
        return {}
    starts, ends = data.get("starts_at"), data.get("ends_at")
    beautician, room = data.get("beautician_id"), data.get("room_id")
    if not all(isinstance(v, str) for v in (starts, ends, beautician, room)):
        return {}
    try:
        day = datetime.fromisoformat(str(starts)).astimezone(BANGKOK).date().isoformat()
    except ValueError:
        return {}
    entry = {"starts_at": starts, "ends_at": ends, "holds": data.get("status") in _HOLDING}
    return {(BEAUTICIAN_SCOPE, f"{beautician}#{day}"): entry, (ROOM_SCOPE, f"{room}#{day}"): entry}


@dataclass(frozen=True)
class DoubleBooking:
    """Keep each beautician's and room's booked time per day; report an overlap (see the module)."""

    operation_types: frozenset[str] = _OPERATIONS

    def start(self, ctx: RuleContext, batch: list[Checked]) -> RuleRun:
        return _BookingRun(ctx, batch)


@dataclass
class _Row:
    entry: dict[str, Any]
    reference: dict[str, Any]
    in_db: bool  # the database holds this row (as of the last write)
    dirty: bool = False  # to be written
    gone: bool = False  # the appointment left this day or resource


class _BookingRun:
    def __init__(self, ctx: RuleContext, batch: list[Checked]) -> None:
        self.ctx = ctx
        # (scope, subject) -> appointment id -> row
        self.days: dict[Key, dict[str, _Row]] = {}
        wanted: set[Key] = set()
        for c in batch:
            before = ctx.record_data("appointment", c.entity_id)
            wanted.update(_placement(before))
            wanted.update(_placement({**(before or {}), **c.fields}))
        self._load(wanted)

    def _load(self, keys: set[Key]) -> None:
        missing = sorted(k for k in keys if k not in self.days)
        for key in missing:
            self.days[key] = {}
        for scope in (BEAUTICIAN_SCOPE, ROOM_SCOPE):
            subjects = [subject for sc, subject in missing if sc == scope]
            for chunk in self.ctx.chunks(subjects):
                for row in self.ctx.session.scalars(select(RuleMove).where(
                        RuleMove.chain_id == self.ctx.chain_id, RuleMove.scope == scope, RuleMove.subject.in_(chunk))):
                    self.days[(scope, row.subject)][row.hlc] = _Row(
                        dict(row.move), {"device_id": row.device_id, "seq": row.seq, "op_id": row.op_id,
                                         "entity_id": row.entity_id}, in_db=True)

    def check(self, p: Proposed) -> None:
        return None

    def settle(self, p: Proposed) -> None:
        if not p.fresh:
            return
        appointment_id = p.checked.entity_id
        placed = _placement(self.ctx.record_data("appointment", appointment_id))
        self._load(set(placed))
        reference = {k: v for k, v in p.reference().items() if k != "hlc"}
        # The appointments it overlapped before this operation were reported then (or still are).
        already = self._overlapped(appointment_id, {
            key: rows[appointment_id].entry for key, rows in self.days.items()
            if appointment_id in rows and not rows[appointment_id].gone})
        # Leave the days and resources it no longer occupies.
        for key, rows in self.days.items():
            row = rows.get(appointment_id)
            if row is not None and key not in placed:
                row.gone = True
        conflicts: list[dict[str, Any]] = []
        for key, entry in placed.items():
            rows = self.days[key]
            row = rows.get(appointment_id)
            if row is None:
                rows[appointment_id] = _Row(dict(entry), reference, in_db=False, dirty=True)
            elif row.gone or row.entry != entry:
                row.entry, row.reference, row.gone, row.dirty = dict(entry), reference, False, True
            if not entry["holds"]:
                continue
            start, end = datetime.fromisoformat(entry["starts_at"]), datetime.fromisoformat(entry["ends_at"])
            for other_id, other in sorted(rows.items(), key=lambda kv: (str(kv[1].entry["starts_at"]), kv[0])):
                if other_id == appointment_id or other_id in already or other.gone or not other.entry.get("holds"):
                    continue
                if overlaps(start, end, datetime.fromisoformat(other.entry["starts_at"]),
                            datetime.fromisoformat(other.entry["ends_at"])):
                    conflicts.append({"resource": "beautician" if key[0] == BEAUTICIAN_SCOPE else "room",
                                      "resource_id": key[1].split("#")[0], "appointment_id": other_id,
                                      "kept_by": other.reference})
        if conflicts:
            others = list(dict.fromkeys(c["appointment_id"] for c in conflicts))
            self.ctx.raise_exception(
                p.op, "double_booking", appointment_id=appointment_id, conflicts=conflicts,
                booked_again_by=reference,
                appointments=[self._describe(a) for a in (*others, appointment_id)],
            )

    def _overlapped(self, appointment_id: str, placed: Mapping[Key, Mapping[str, Any]]) -> set[str]:
        """Return the appointments that the entries ``placed`` (of ``appointment_id``) overlap, as the state is."""
        found: set[str] = set()
        for key, entry in placed.items():
            if not entry.get("holds"):
                continue
            start, end = datetime.fromisoformat(entry["starts_at"]), datetime.fromisoformat(entry["ends_at"])
            for other_id, other in self.days.get(key, {}).items():
                if other_id == appointment_id or other.gone or not other.entry.get("holds"):
                    continue
                if overlaps(start, end, datetime.fromisoformat(other.entry["starts_at"]),
                            datetime.fromisoformat(other.entry["ends_at"])):
                    found.add(other_id)
        return found

    def _describe(self, appointment_id: str) -> dict[str, Any]:
        """Return what a manager needs to know of one appointment: whom, what, with whom, where, when."""
        data = self.ctx.record_data("appointment", appointment_id) or {}
        customer = self.ctx.record_data("customer", str(data.get("customer_id"))) or {}
        return {
            "appointment_id": appointment_id, "customer_id": data.get("customer_id"),
            "customer_name": customer.get("name_th") or customer.get("name_en") or "",
            "item_id": data.get("item_id"), "beautician_id": data.get("beautician_id"),
            "room_id": data.get("room_id"), "starts_at": data.get("starts_at"), "ends_at": data.get("ends_at"),
            "booked_by": data.get("booked_by"),
        }

    def write(self) -> None:
        new: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        gone: list[tuple[str, str, str]] = []
        for (scope, subject), rows in self.days.items():
            for appointment_id, row in list(rows.items()):
                key = {"chain_id": self.ctx.chain_id, "scope": scope, "subject": subject, "hlc": appointment_id}
                ref = row.reference
                values = {"device_id": ref["device_id"], "seq": ref["seq"], "op_id": ref["op_id"],
                          "entity_id": appointment_id, "move": row.entry, "legal": bool(row.entry.get("holds"))}
                if row.gone:
                    if row.in_db:
                        gone.append((scope, subject, appointment_id))
                    del rows[appointment_id]
                    continue
                if row.dirty:
                    (changed if row.in_db else new).append({**key, **values})
                row.in_db, row.dirty = True, False
        if new:
            self.ctx.session.execute(insert(RuleMove), new)
        if changed:
            self.ctx.session.execute(update(RuleMove), changed)
        for scope, subject, appointment_id in gone:
            self.ctx.session.execute(delete(RuleMove).where(and_(
                RuleMove.chain_id == self.ctx.chain_id, RuleMove.scope == scope, RuleMove.subject == subject,
                RuleMove.hlc == appointment_id)))
