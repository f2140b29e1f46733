"""A stateful property test of the server's apply step.

1–5 terminals each write their own operations (register, edit and delete
customers, check in visits; on shared and own records; open and move
journeys, make and claim their tasks, the same card moved and the same task
claimed on several terminals; book, move, cancel appointments, the same
beautician or room booked twice; make proposals, add treatment photos,
record a line's performer on several terminals) and push them in
every way a flaky network and a crashing server produce: contiguous and
broken slices, reordered and repeated operations, resends of what was
applied, resends with another payload, batches split and merged, answers
lost after the server applied, the server killed mid-batch. After every
step the server must hold exactly operations 1..next_seq-1 of each device,
each applied once, and every record must equal a reference model computed
from the applied operations by the rules (per-field max HLC, tombstone
wins, ledger union, bounded clocks; one ``double_booking`` naming both
each time two appointments come to overlap); the clinic's change feed numbers its
changes 1, 2, 3, ... with no gap or duplicate.

A second test kills a real server process (SIGKILL) while it applies a
batch, then resends everything.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from bnaura_desk.domain import field_clocks
from bnaura_desk.domain.dates import BANGKOK
from bnaura_desk.domain.hlc import Hlc, tick
from bnaura_desk.domain.journeys import FLOW, INITIAL, JourneyState, Move, Stage, legal_move
from bnaura_desk.services.line_performance import line_performance_id
from sync.protocol import MAX_SKEW_MS, Operation
from sync.server.apply import ApplyRefused, ConflictingResend, SequenceGap

from .apply_support import (
    BASE_MS,
    BASE_NOW,
    Outbox,
    ServerDb,
    SqliteTemplate,
    create_server_db,
    derived_id,
    fast_tmp_dir,
    fixed_id,
    sqlite_url,
    with_payload,
)
from .rule_entities import NEXT, STAGES, TEST_REGISTRY, TEST_RULES

# Histories per run: the CI floor is 2,000 (the issue); override locally with
# BNAURA_APPLY_HISTORIES for a longer soak.
HISTORIES = int(os.environ.get("BNAURA_APPLY_HISTORIES", "2000"))
STEPS = int(os.environ.get("BNAURA_APPLY_STEPS", "6"))

SERVER_NOW = BASE_NOW + timedelta(minutes=10)  # the server's clock, fixed, so the model knows the bound
LIMIT_MS = int(SERVER_NOW.timestamp() * 1000) + MAX_SKEW_MS
SHARED_CUSTOMERS = [fixed_id(0xCA, i) for i in range(3)]
SHARED_VISITS = [fixed_id(0xF2, i) for i in range(2)]  # derived ids: two terminals make the same visit
FIELDS = ["name_th", "phone", "skin_notes"]
# Rule-governed operations (tests/sync/rule_entities.py): coupons-like tokens, a
# points-like tally, journey-like subjects whose moves replay in clock order.
TOKENS = ["T1", "T2", "T3"]
ACCOUNTS = ["m1", "m2"]
SUBJECTS = [fixed_id(0x5B, i) for i in range(2)]
# The clinic's workflow: journeys whose moves replay in clock order through the
# real table (domain.journeys), tasks made alike on several terminals (derived
# ids) and claimed by two people.
JOURNEYS = [fixed_id(0x70, i) for i in range(2)]
TASKS = [derived_id(f"task:{i}") for i in range(2)]
PEOPLE = [fixed_id(0x5F, i) for i in range(3)]
STAGES_OF_JOURNEYS = [str(s) for s in Stage]
BRANCH_RECORD = {"name_th": "สาขาทดสอบ"}  # a terminal's set-up pushes its branch (the journeys' parent)
# Appointments: two beauticians and two rooms booked for a treatment on a
# morning (10:00-12:00 starts) of two days, on a 30-minute grid, from several terminals offline,
# so the same beautician or room is often booked twice (DoubleBooking).
TREATMENT = fixed_id(0x1C, 0)
ROOMS = [fixed_id(0x80, i) for i in range(2)]
BEAUTICIANS = [fixed_id(0xBE, i) for i in range(2)]
APPOINTMENT_DAYS = ["2026-11-24", "2026-11-25"]
HOLDING = frozenset({"booked", "moved", "done"})  # the statuses that hold the beautician's and room's time
NOT_HOLDING = ["cancelled", "late_cancelled", "no_show"]
# Who performed a sale's line: one sale of two treatment lines (the same ledger rows made alike on
# every terminal that needs them), their performer recorded on several terminals (last writer wins).
SALE = fixed_id(0x5A, 0)
SALE_LINES = [fixed_id(0x5C, i) for i in range(2)]


MOVES = frozenset({"test_move.make", "journey.move"})


class Killed(BaseException):
    """The server process dies (not an error the server could catch)."""


# --- the reference model ----------------------------------------------------------------


@dataclass
class ModelRecord:
    entity: str
    data: dict[str, Any]
    clocks: dict[str, str]
    deleted: bool = False


@dataclass
class Model:
    """The server's state computed from the applied operations by the rules alone."""

    next_seq: dict[str, int] = field(default_factory=dict)
    outcomes: dict[tuple[str, int], tuple[str, str]] = field(default_factory=dict)
    records: dict[tuple[str, str], ModelRecord] = field(default_factory=dict)
    exceptions: dict[str, int] = field(default_factory=dict)
    conflicts: set[tuple[str, int]] = field(default_factory=set)
    last_clock: dict[str, str] = field(default_factory=dict)  # per device: the latest clock kept
    claims: dict[str, str] = field(default_factory=dict)  # token -> op id of its first claim
    balances: dict[str, int] = field(default_factory=dict)  # account -> balance
    moves: dict[str, list[tuple[str, Any, bool]]] = field(default_factory=dict)  # subject -> (clock, move, legal)
    double_bookings: dict[frozenset[str], int] = field(default_factory=dict)  # pair of appointments -> reports

    def report(self, kind: str) -> None:
        self.exceptions[kind] = self.exceptions.get(kind, 0) + 1

    def apply(self, op: Operation) -> tuple[str, str]:
        """Apply a new operation; return (outcome, reason)."""
        body = json.loads(op.payload)
        kind = op.type.split(".")[1]
        # An upsert (who performed a line) carries its fields only: made or merged alike.
        record = body.get("fields", {}) if op.type == "line_performance.record" else body.get("record", {})
        parents = (
            [("customer", record["customer_id"])] if kind == "check_in"
            else [("customer", record["customer_id"]), ("branch", record["branch_id"]),
                  ("catalog_item", record["item_id"]), ("room", record["room_id"])] if op.type == "appointment.book"
            else [("room", body["fields"]["room_id"])] if op.type == "appointment.move" and "room_id" in body["fields"]
            else [("branch", record["branch_id"])] if op.type == "room.create"
            else [("journey", record["journey_id"]), ("customer", record["customer_id"]),
                  ("branch", record["branch_id"])] if op.type == "proposal.make"
            else [("task", record["task_id"]), ("journey", record["journey_id"]), ("customer", record["customer_id"]),
                  ("branch", record["branch_id"])] if op.type == "treatment_photo.add"
            else [("branch", record["branch_id"])] if op.type == "sale.record"
            else [("sale", record["sale_id"]), ("catalog_item", record["item_id"])] if op.type == "sale_line.record"
            else [("branch", record["branch_id"]), ("sale", record["sale_id"]), ("sale_line", record["sale_line_id"])]
            if op.type == "line_performance.record"
            else [("test_subject", record["subject_id"])] if op.type == "test_move.make"
            else [("customer", record["customer_id"]), ("branch", record["branch_id"])] if op.type == "journey.open"
            else [("journey", record["journey_id"])] if op.type == "journey.move"
            else [("journey", record["journey_id"]), ("customer", record["customer_id"]),
                  ("branch", record["branch_id"])] if op.type == "task.create"
            else []
        )
        if any(parent not in self.records for parent in parents):
            # A visit of a customer (a move of a subject) the clinic does not
            # have can never apply: rejected before anything (its clock too) is kept.
            self.report("rejected_operation")
            return "rejected", "unknown_parent"
        stamp = Hlc.parse(op.hlc)
        clock = op.hlc if stamp.wall_ms <= LIMIT_MS else Hlc(LIMIT_MS, stamp.counter, stamp.node).encode()
        last = self.last_clock.get(op.device_id, "")
        if clock != op.hlc and clock <= last:
            # A bounded clock is ticked past the device's previous one, so its edits keep their order.
            clock = tick(Hlc.parse(last), LIMIT_MS, stamp.node).encode()
        if op.type in MOVES and not self._move_legal(op.type, record, clock):
            self.report("illegal_move")
            return "rejected", "illegal_move"
        self.last_clock[op.device_id] = max(last, clock)
        outcome, reason = ("applied", "") if clock == op.hlc else ("exception", "clock_ahead")
        if clock != op.hlc:
            self.report("clock_ahead")
        key = (op.entity, op.entity_id)
        rec = self.records.get(key)
        before = dict(rec.data) if rec is not None and op.entity == "appointment" else None
        if op.type.startswith("test_") or op.type == "journey.move":
            self._rule_op(op, record, clock)
        elif kind in ("register", "check_in", "create", "open", "book", "make", "add", "record"):
            fields = {f: v for f, v in record.items() if f != "id"}  # the id is the record's key
            if rec is None:
                self.records[key] = ModelRecord(op.entity, dict(fields), {f: clock for f in fields})
            elif kind not in ("check_in", "add", "record") or op.entity == "line_performance":  # a profile made again (another terminal, the same id): merged
                self._merge(rec, fields, clock)
        elif rec is None:
            self.report("unknown_record")
            outcome, reason = "rejected", "unknown_record"
        elif rec.deleted:
            if kind == "update":
                self.report("edit_lost_to_delete")
                outcome, reason = "exception", "tombstoned"
        elif kind == "update" or op.type.startswith(("task.", "appointment.", "proposal.")):
            if op.type == "task.claim":
                holder = rec.data.get("claimed_by")
                if rec.data.get("status") in ("claimed", "started") and isinstance(holder, str) \
                        and holder != body["fields"].get("claimed_by"):
                    self.report("task_claimed_twice")  # the claim found the task held by someone else
            self._merge(rec, body["fields"], clock)
        else:
            rec.deleted = True
        if op.entity == "appointment" and outcome != "rejected":
            self._double_bookings(op.entity_id, before)
        return outcome, reason

    # appointments: the double-booking rule (sync/server/appointments.py, docs/appointments.md)

    @staticmethod
    def _slot(data: dict[str, Any]) -> tuple[datetime, datetime, str]:
        start, end = datetime.fromisoformat(data["starts_at"]), datetime.fromisoformat(data["ends_at"])
        return start, end, start.astimezone(BANGKOK).date().isoformat()

    def _overlapping(self, appointment: str, data: dict[str, Any] | None) -> set[str]:
        """The other appointments ``data`` (one appointment's fields) overlaps.

        Two appointments overlap when both hold their time (booked, moved,
        done), share the beautician or the room, and their half-open slots
        of one Bangkok day (the rule keeps time per resource and day)
        intersect: touching slots do not overlap.
        """
        if data is None or data.get("status") not in HOLDING:
            return set()
        start, end, day = self._slot(data)
        found = set()
        for (entity, other), rec in self.records.items():
            theirs = rec.data
            if entity != "appointment" or other == appointment or theirs.get("status") not in HOLDING:
                continue
            if theirs["beautician_id"] != data["beautician_id"] and theirs["room_id"] != data["room_id"]:
                continue
            s, e, d = self._slot(theirs)
            if d == day and start < e and s < end:
                found.add(other)
        return found

    def _double_bookings(self, appointment: str, before: dict[str, Any] | None) -> None:
        """One ``double_booking`` when the operation made ``appointment`` overlap others it did not overlap.

        Both appointments stand (the records are merged as any profile's);
        a pair is reported once when it comes to overlap (a booking, a move
        onto booked time, a cancelled appointment holding its time again by
        a later clock), never again while it stays so (a move within the
        overlap, a status or note changed, a stale operation).
        """
        now = self._overlapping(appointment, self.records[("appointment", appointment)].data)
        new = now - self._overlapping(appointment, before)
        if new:
            self.report("double_booking")
            for other in new:
                pair = frozenset((appointment, other))
                self.double_bookings[pair] = self.double_bookings.get(pair, 0) + 1

    def booked_time(self) -> set[tuple[str, str, str, str, str, bool]]:
        """The rule's state: (scope, resource#day, appointment, starts, ends, holds) of each appointment."""
        rows = set()
        for (entity, appointment), rec in self.records.items():
            if entity == "appointment":
                d = rec.data
                _, _, day = self._slot(d)
                holds = d["status"] in HOLDING
                for scope, resource in (("appt_beautician", d["beautician_id"]), ("appt_room", d["room_id"])):
                    rows.add((scope, f"{resource}#{day}", appointment, d["starts_at"], d["ends_at"], holds))
        return rows

    # the rules, as the tests declare them (rule_entities.py)

    @staticmethod
    def _fold(subject: str, moves: list[tuple[str, Any, bool]]) -> tuple[Any, str, list[bool]]:
        """Fold a subject's moves in clock order: its state, the last legal move's clock, each move's verdict."""
        state: Any = INITIAL if subject in JOURNEYS else "open"
        last, legal = "", []
        for clock, move, _ in moves:
            if subject in JOURNEYS:
                verdict = legal_move(state, Move.from_json(move))  # type: ignore[arg-type]
                ok, after = verdict.legal, verdict.state
            else:
                ok, after = move in NEXT[state], move
            legal.append(ok)
            if ok:
                state, last = after, clock
        return state, last, legal

    @staticmethod
    def _subject_and_move(op_type: str, record: dict[str, Any]) -> tuple[str, Any]:
        if op_type == "journey.move":
            move = Move(Stage(record["from_stage"]), Stage(record["to_stage"]), str(record["at"]), None, None,
                        bool(str(record.get("note") or "").strip()), bool(record.get("by_manager")))
            return record["journey_id"], move.as_json()
        return record["subject_id"], record["to"]

    def _move_legal(self, op_type: str, record: dict[str, Any], clock: str) -> bool:
        subject, move = self._subject_and_move(op_type, record)
        moves = self.moves.get(subject, [])
        if any(c == clock for c, _, _ in moves):
            return False
        placed = sorted([*moves, (clock, move, True)], key=lambda m: m[0])
        _, _, legal = self._fold(subject, placed)
        return legal[[c for c, _, _ in placed].index(clock)]

    def _rule_op(self, op: Operation, record: dict[str, Any], clock: str) -> None:
        key = (op.entity, op.entity_id)
        fields = {f: v for f, v in record.items() if f != "id"}
        if op.type == "test_subject.open":
            rec = self.records.get(key)
            if rec is None:
                self.records[key] = ModelRecord(op.entity, dict(fields), {f: clock for f in fields})
            else:
                self._merge(rec, fields, clock)
            return
        if key not in self.records:  # ledger rows: a union of ids
            self.records[key] = ModelRecord(op.entity, dict(fields), {f: clock for f in fields})
        if op.type == "test_token.use":
            if record["token"] in self.claims:
                self.report("claim_conflict")
            else:
                self.claims[record["token"]] = op.op_id
        elif op.type == "test_tally.add":
            balance = self.balances.get(record["account"], 0) + record["delta"]
            self.balances[record["account"]] = balance
            if record["delta"] < 0 and balance < 0:
                self.report("below_floor")
        else:
            subject, move = self._subject_and_move(op.type, record)
            before = self.moves.get(subject, [])
            placed = sorted([*before, (clock, move, True)], key=lambda m: m[0])
            state, last, legal = self._fold(subject, placed)
            for (c, _, was), now_legal in zip(placed, legal, strict=True):
                if c != clock and was and not now_legal:
                    self.report("illegal_move")  # made illegal by this late move
            self.moves[subject] = [(c, m, ok) for (c, m, _), ok in zip(placed, legal, strict=True)]
            if op.type == "journey.move":
                # Only the replay writes a journey's stage and links, stamped with its last legal move's clock.
                rec = self.records[("journey", subject)]
                assert isinstance(state, JourneyState) and state.consistent(), state  # what the table allows
                derived = {"stage": str(state.stage), "stage_entered_at": state.entered_at,
                           "sale_id": state.sale_id, "appointment_id": state.appointment_id}
                rec.data.update(derived)
                rec.clocks.update({f: last for f in derived})
            else:
                rec = self.records[("test_subject", subject)]
                rec.data["stage"], rec.clocks["stage"] = state, last

    @staticmethod
    def _merge(rec: ModelRecord, fields: dict[str, Any], clock: str) -> None:
        for f, v in fields.items():
            if clock > rec.clocks.get(f, ""):
                rec.data[f], rec.clocks[f] = v, clock


# --- a server that dies ------------------------------------------------------------------


class KillingSessions:
    """Sessions of which the first dies at its ``die_at``-th statement, or else at its commit.

    A push applies its batch in one transaction: the server dying anywhere
    before the commit (while reading, while writing one table of several,
    at the commit itself) must leave nothing of the batch, and dying just
    after the commit must leave all of it.
    """

    def __init__(self, sessions: Any, die_at: int, after_commit: bool) -> None:
        self.sessions, self.die_at, self.after_commit, self.opened = sessions, die_at, after_commit, 0

    def __call__(self) -> Any:
        session = self.sessions()
        self.opened += 1
        if self.opened == 1:
            commit, execute = session.commit, session.execute
            statements = 0

            def dying_execute(*args: Any, **kw: Any) -> Any:
                nonlocal statements
                statements += 1
                if not self.after_commit and statements == self.die_at:
                    raise Killed
                return execute(*args, **kw)

            def dying_commit() -> None:
                if self.after_commit:
                    commit()
                raise Killed

            session.execute = dying_execute  # type: ignore[method-assign]
            session.commit = dying_commit  # type: ignore[method-assign]
        return session


# --- the machine -------------------------------------------------------------------------

_template: SqliteTemplate | None = None
_histories = 0
_stats: dict[str, int] = {}


def _count(what: str, n: int = 1) -> None:
    _stats[what] = _stats.get(what, 0) + n


def customer_fields(rng: random.Random, at_least_one: bool) -> dict[str, Any]:
    chosen = rng.sample(FIELDS, rng.randint(1 if at_least_one else 0, len(FIELDS)))
    return {f: rng.choice(["นิด", "น้อย", "Ann"]) if f == "name_th" else rng.choice(["ก", "ข", "ค", ""]) for f in chosen}


class ApplyMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        assert _template is not None
        self.db: ServerDb = _template.fresh()
        self.db.registry, self.db.rules = TEST_REGISTRY, TEST_RULES
        self.model = Model()
        self.outboxes: list[Outbox] = []
        self.own_customers: dict[str, list[str]] = {}
        self.made: dict[str, set[tuple[str, str]]] = {}  # device -> workflow rows it wrote
        self.visits = 0
        self.reader: sqlite3.Connection | None = None

    # set-up

    @initialize(n=st.integers(1, 5), offsets=st.lists(st.integers(-3000, 3000), min_size=5, max_size=5), data=st.data())
    def devices(self, n: int, offsets: list[int], data: st.DataObject) -> None:
        """1–5 terminals with clocks a few seconds apart, each with some offline work."""
        for i in range(n):
            dev = self.db.device_ids[i]
            self.outboxes.append(Outbox(dev, self.db.clinic_id, BASE_MS + offsets[i]))
            self.model.next_seq[dev] = 1
            self.own_customers[dev] = []
        for box in self.outboxes:
            box.op("branch.create", "branch", self.db.clinic_id, {"record": BRANCH_RECORD})
            self._write(box, data, data.draw(st.integers(0, 6), label="writes"))

    def teardown(self) -> None:
        global _histories
        if self.outboxes:  # an example Hypothesis abandoned before set-up is no history
            _histories += 1
        _count("operations applied", sum(n - 1 for n in self.model.next_seq.values()))
        _count("operations written", sum(len(b.ops) for b in self.outboxes))
        _count(f"devices={len(self.outboxes)}")
        for kind, n in self.model.exceptions.items():
            _count(f"exception {kind}", n)
        for entity, _ in self.model.records:
            if entity in ("appointment", "proposal", "treatment_photo", "line_performance"):
                _count(f"{entity} records")
        if self.reader is not None:
            self.reader.close()
        SqliteTemplate.remove(self.db)

    # the terminals write

    @rule(i=st.integers(0, 4), data=st.data())
    def write(self, i: int, data: st.DataObject) -> None:
        """A terminal works offline: 1–6 new operations in its outbox."""
        self._write(self._box(i), data, data.draw(st.integers(1, 6), label="writes"))

    def _write(self, box: Outbox, data: st.DataObject, count: int) -> None:
        # One draw seeds the whole burst of work: drawing every field through
        # Hypothesis costs more than applying the operations does.
        if count == 0:
            return
        rng = random.Random(data.draw(st.integers(0, 2**32 - 1), label="work"))
        own = self.own_customers[box.device]
        for _ in range(count):
            advance = rng.randint(0, 1500)
            known = SHARED_CUSTOMERS + own
            action = rng.choice([
                "register", "register_shared", "update", "update", "delete", "visit", "visit_shared",
                "claim", "tally", "open", "move", "move", "workflow", "workflow", "workflow", "appointment",
                "appointment",
            ])
            if action == "workflow":  # a fifth of the work: the histories are not much longer than before
                action = rng.choice(["journey_open", "journey_move", "journey_move", "task_create",
                                     "task_claim", "task_claim", "task_claim", "task_release", "journey_plan"])
                if action == "journey_plan":  # a proposal made or its status set, a treatment photo added
                    action = rng.choice(["journey_proposal", "journey_proposal_status", "task_photo", "line_performer"])
                if action == "line_performer":
                    self._performer(box, rng, advance)
                    continue
            if action == "register":
                c = fixed_id(0xCB, len(box.ops) * 10 + self.db.device_ids.index(box.device))
                own.append(c)
                box.register(c, customer_fields(rng, at_least_one=False), advance_ms=advance)
            elif action == "register_shared":
                box.register(rng.choice(SHARED_CUSTOMERS), customer_fields(rng, at_least_one=False), advance_ms=advance)
            elif action == "update":
                box.update(rng.choice(known), customer_fields(rng, at_least_one=True), advance_ms=advance)
            elif action == "delete":
                box.delete(rng.choice(known), advance_ms=advance)
            elif action == "claim":
                box.op("test_token.use", "test_token_use", derived_id(f"use:{box.device}:{len(box.ops)}"),
                       {"record": {"token": rng.choice(TOKENS), "sale": "S"}}, advance_ms=advance)
            elif action == "tally":
                box.op("test_tally.add", "test_tally_entry", derived_id(f"tally:{box.device}:{len(box.ops)}"),
                       {"record": {"account": rng.choice(ACCOUNTS), "delta": rng.randint(-300, 300)}}, advance_ms=advance)
            elif action == "open":
                box.op("test_subject.open", "test_subject", rng.choice(SUBJECTS), {"record": {"title": "s"}},
                       advance_ms=advance)
            elif action == "move":
                box.op("test_move.make", "test_move", derived_id(f"move:{box.device}:{len(box.ops)}"),
                       {"record": {"subject_id": rng.choice(SUBJECTS), "to": rng.choice(STAGES)}},
                       advance_ms=advance)
            elif action.startswith(("journey_", "task_")):
                self._workflow(box, rng, action, advance)
            elif action == "appointment":
                self._appointment(box, rng, advance)
            elif action == "visit_shared":
                v = rng.choice(SHARED_VISITS)
                box.check_in(v, {"customer_id": SHARED_CUSTOMERS[0], "at": "2026-11-23T10:00:00+07:00"}, advance_ms=advance)
            else:
                self.visits += 1
                v = derived_id(f"visit:{box.device}:{self.visits}")
                box.check_in(v, {"customer_id": rng.choice(known), "at": "2026-11-23T10:00:00+07:00"}, advance_ms=advance)

    def _has(self, box: Outbox, entity: str, entity_id: str) -> bool:
        """Whether the terminal has the row: it wrote it, or (as if pulled) the server has it."""
        return (entity, entity_id) in self.made.setdefault(box.device, set()) or (entity, entity_id) in self.model.records

    def _workflow(self, box: Outbox, rng: random.Random, action: str, advance: int) -> None:
        """A journey opened or moved, a task made, claimed or sent back to the queue (as terminals journal them).

        A terminal works on what it has: a journey of a customer it has, a
        task of a journey it has; it makes them first when it has not.
        """
        made = self.made.setdefault(box.device, set())
        journey, task = rng.choice(JOURNEYS), rng.choice(TASKS)
        journey_of_task = JOURNEYS[TASKS.index(task) % len(JOURNEYS)]

        def open_journey(j: str) -> None:
            if not self._has(box, "customer", SHARED_CUSTOMERS[0]):
                made.add(("customer", SHARED_CUSTOMERS[0]))
                box.register(SHARED_CUSTOMERS[0], customer_fields(rng, at_least_one=False), advance_ms=advance)
            made.add(("journey", j))
            box.op("journey.open", "journey", j, {"record": {
                "customer_id": SHARED_CUSTOMERS[0], "branch_id": self.db.clinic_id, "owner_id": rng.choice(PEOPLE),
                "beautician_id": None, "item_id": None, "title": rng.choice(["ฝ้า", "สิว"]), "note": ""}},
                advance_ms=advance)

        def make_task(t: str) -> None:
            if not self._has(box, "journey", journey_of_task):
                open_journey(journey_of_task)
            made.add(("task", t))
            box.op("task.create", "task", t, {"record": {
                "journey_id": journey_of_task, "customer_id": SHARED_CUSTOMERS[0], "branch_id": self.db.clinic_id,
                "rule": "send_proposal", "entry": t, "title_th": "ส่งข้อเสนอ", "title_en": "", "role": "sales",
                "assignee_id": None, "priority": 2, "due_at": "2026-11-24T10:00:00+07:00", "status": "open",
                "claimed_by": None, "started_at": None, "completed_at": None, "checklist": [], "notes": ""}},
                advance_ms=advance)

        if action == "journey_open":
            open_journey(journey)
        elif action.startswith("journey_proposal"):
            proposals = sorted({p for e, p in made if e == "proposal"}
                               | {p for e, p in self.model.records if e == "proposal"})
            if action == "journey_proposal" or not proposals:
                if not self._has(box, "journey", journey):
                    open_journey(journey)
                proposal = derived_id(f"proposal:{box.device}:{len(box.ops)}")
                made.add(("proposal", proposal))
                box.op("proposal.make", "proposal", proposal, {"record": {
                    "journey_id": journey, "customer_id": SHARED_CUSTOMERS[0], "branch_id": self.db.clinic_id,
                    "lines": [{"item_id": TREATMENT, "quantity": 1, "price_satang": 150_000}],
                    "total_satang": 150_000, "note": "", "status": "draft", "staff_id": rng.choice(PEOPLE)}},
                    advance_ms=advance)
            else:  # sent, superseded or accepted on several terminals: the later clock's status stands
                box.op("proposal.set_status", "proposal", rng.choice(proposals), {"fields": {
                    "status": rng.choice(["sent", "accepted", "superseded"])}}, advance_ms=advance)
        elif action == "journey_move":
            if not self._has(box, "journey", journey):
                open_journey(journey)
            # Mostly from where the server has it now and one stage on (a legal move, unless another
            # terminal's comes first by clock); sometimes anything (the table refuses most of it).
            seen = self.model.records.get(("journey", journey))
            stage = Stage(seen.data.get("stage", "lead_created")) if seen is not None else Stage.LEAD_CREATED
            if rng.random() < 0.3:
                stage = Stage(rng.choice(STAGES_OF_JOURNEYS))
            if rng.random() < 0.6 and stage in FLOW[:-1]:
                to = FLOW[FLOW.index(stage) + 1]
            else:
                to = Stage(rng.choice(STAGES_OF_JOURNEYS))
            at = datetime.fromtimestamp((box.wall_ms + advance) / 1000, UTC).isoformat()
            box.op("journey.move", "journey_action", derived_id(f"jmove:{box.device}:{len(box.ops)}"), {"record": {
                "journey_id": journey, "from_stage": str(stage), "to_stage": str(to),
                "note": rng.choice(["", "", "ลูกค้าขอ"]), "sale_id": None, "appointment_id": None,
                "by_manager": rng.random() < 0.5, "approved_by": None, "at": at, "staff_id": rng.choice(PEOPLE)}},
                advance_ms=advance)
        elif action == "task_create":
            make_task(task)  # again when it has it: another terminal making the same entry's task
        else:
            if not self._has(box, "task", task):
                make_task(task)
            if action == "task_photo":  # a fact: a ledger row of its own, kept once (union of ids)
                photo = derived_id(f"photo:{box.device}:{len(box.ops)}")
                box.op("treatment_photo.add", "treatment_photo", photo, {"record": {
                    "task_id": task, "journey_id": journey_of_task, "customer_id": SHARED_CUSTOMERS[0],
                    "branch_id": self.db.clinic_id, "sha256": "ab" * 32, "kind": rng.choice(["before", "after"]),
                    "taken_at": "2026-11-24T11:00:00+07:00", "staff_id": rng.choice(PEOPLE)}}, advance_ms=advance)
            elif action == "task_claim":
                person = rng.choice(PEOPLE)
                box.op("task.claim", "task", task, {"fields": {
                    "status": "claimed", "claimed_by": person, "assignee_id": person}}, advance_ms=advance)
            else:
                box.op("task.reassign", "task", task, {"fields": {
                    "assignee_id": None, "claimed_by": None, "status": "open"}}, advance_ms=advance)

    def _performer(self, box: Outbox, rng: random.Random, advance: int) -> None:
        """Who performed one of the sale's lines: the same line's record on several terminals, the later clock's wins."""
        made = self.made.setdefault(box.device, set())
        line = rng.choice(SALE_LINES)
        needed = [
            ("catalog_item", TREATMENT, "catalog.create", {"kind": "treatment", "name_th": "ทรีตเมนต์หน้าใส",
                                                           "price_satang": 150_000, "duration_minutes": 60}),
            ("sale", SALE, "sale.record", {"branch_id": self.db.clinic_id, "number": "S-1", "seq": 1,
                                           "at": "2026-11-24T10:00:00+07:00", "subtotal_satang": 300_000,
                                           "total_satang": 300_000}),
            ("sale_line", line, "sale_line.record", {
                "sale_id": SALE, "line_no": SALE_LINES.index(line) + 1, "item_id": TREATMENT, "kind": "treatment",
                "name_th": "ทรีตเมนต์หน้าใส", "quantity": 1, "unit_price_satang": 150_000,
                "original_satang": 150_000, "net_satang": 150_000, "vat_code": "exempt"}),
        ]
        for entity, entity_id, type_, record in needed:
            if not self._has(box, entity, entity_id):
                made.add((entity, entity_id))
                box.op(type_, entity, entity_id, {"record": record}, advance_ms=advance)
        box.op("line_performance.record", "line_performance", line_performance_id(line), {"fields": {
            "branch_id": self.db.clinic_id, "sale_id": SALE, "sale_line_id": line, "staff_id": rng.choice(PEOPLE),
            "task_id": None, "performed_at": "2026-11-24T11:00:00+07:00"}}, advance_ms=advance)

    def _appointment(self, box: Outbox, rng: random.Random, advance: int) -> None:
        """An appointment booked, moved, cancelled, marked a no-show or done (as the day view journals them).

        Slots are drawn on a short morning, with no look at what is booked:
        terminals offline cannot see each other's bookings, so the same
        beautician or room is often booked (or moved onto) twice. A terminal
        books for a customer, treatment and room it has, making them first.
        """
        made = self.made.setdefault(box.device, set())
        known = sorted({a for e, a in made if e == "appointment"}
                       | {a for e, a in self.model.records if e == "appointment"})
        what = rng.choice(["book", "book", "move", "status"]) if known else "book"

        def ensure(entity: str, entity_id: str, type_: str, record: dict[str, Any]) -> None:
            if not self._has(box, entity, entity_id):
                made.add((entity, entity_id))
                box.op(type_, entity, entity_id, {"record": record}, advance_ms=advance)

        def slot() -> dict[str, Any]:
            room = rng.choice(ROOMS)
            ensure("room", room, "room.create", {"branch_id": self.db.clinic_id, "name": "ห้อง", "active": True})
            day = rng.choices(APPOINTMENT_DAYS, weights=[4, 1])[0]  # another day: a move away frees the time
            start = datetime.fromisoformat(f"{day}T10:00:00+07:00") + timedelta(minutes=30 * rng.randint(0, 3))
            end = start + timedelta(minutes=rng.choice([30, 60, 90]))
            return {"beautician_id": rng.choice(BEAUTICIANS), "room_id": room,
                    "starts_at": start.isoformat(), "ends_at": end.isoformat()}

        if what == "book":
            if not self._has(box, "customer", SHARED_CUSTOMERS[0]):
                made.add(("customer", SHARED_CUSTOMERS[0]))
                box.register(SHARED_CUSTOMERS[0], customer_fields(rng, at_least_one=False), advance_ms=advance)
            ensure("catalog_item", TREATMENT, "catalog.create", {
                "kind": "treatment", "name_th": "ทรีตเมนต์หน้าใส", "price_satang": 150_000, "duration_minutes": 60})
            appointment = derived_id(f"appt:{box.device}:{len(box.ops)}")
            made.add(("appointment", appointment))
            box.op("appointment.book", "appointment", appointment, {"record": {
                "customer_id": SHARED_CUSTOMERS[0], "branch_id": self.db.clinic_id, "item_id": TREATMENT,
                **slot(), "status": "booked", "journey_id": None, "note": "", "booked_by": rng.choice(PEOPLE)}},
                advance_ms=advance)
        elif what == "move":
            appointment = rng.choice(known)
            box.op("appointment.move", "appointment", appointment, {"fields": {**slot(), "status": "moved"}},
                   advance_ms=advance)
        else:  # cancelled (late or not), a no-show, done, or a note only: a status and a note
            status = rng.choice([*NOT_HOLDING, "done", "moved"])
            box.op("appointment.set_status", "appointment", rng.choice(known), {"fields": {
                "status": status, "note": rng.choice(["", "ลูกค้าโทรมา"])}}, advance_ms=advance)

    @rule(i=st.integers(0, 4))
    def clock_jumps_far_ahead(self, i: int) -> None:
        """The terminal's clock is set an hour ahead; every later operation of it is bounded."""
        self.outboxes[i % len(self.outboxes)].wall_ms += 3_600_000

    # the network and the server

    def _push(self, box: Outbox, batch: list[Operation], check: bool = True) -> None:
        """Push ``batch``; compare the answer (or refusal) with the model's."""
        dev = box.device
        expected: list[tuple[int, str, str]] = []
        refusal: tuple[type[ApplyRefused], dict[str, Any]] | None = None
        for op in batch:
            kept = self.model.outcomes.get((dev, op.seq))
            if kept is not None:
                if op != box.ops[op.seq - 1]:
                    refusal = (ConflictingResend, {"seq": op.seq})
                    self.model.conflicts.add((dev, op.seq))
                    break
                expected.append((op.seq, "duplicate", kept[0]))
            elif op.seq != self.model.next_seq[dev]:
                refusal = (SequenceGap, {"expected": self.model.next_seq[dev], "got": op.seq})
                break
            else:
                outcome, reason = self.model.outcomes[(dev, op.seq)] = self.model.apply(op)
                self.model.next_seq[dev] += 1
                expected.append((op.seq, outcome, reason))
        _count("pushes")
        _count(f"refused {refusal[0].__name__}" if refusal else "answered")
        if refusal is None:
            response = self.db.push(dev, batch, now=lambda: SERVER_NOW)
            if check:
                assert [(r.seq, r.outcome, r.reason) for r in response.results] == expected
                assert response.next_seq == self.model.next_seq[dev]
            return
        with pytest.raises(refusal[0]) as refused:
            self.db.push(dev, batch, now=lambda: SERVER_NOW)
        if check:
            for k, v in refusal[1].items():
                assert refused.value.detail[k] == v, (k, refused.value.detail)
            assert [(r["seq"], r["outcome"], r["reason"]) for r in refused.value.detail["results"]] == expected

    def _push_killed(self, box: Outbox, batch: list[Operation], sessions: KillingSessions) -> None:
        """Push ``batch`` (all new, in order) to a server that dies while applying it, then restart it.

        One transaction per batch: the model applies all of it when the
        server died just after its commit, none of it otherwise.
        """
        from sync.protocol import PROTOCOL_VERSION, PushRequest
        from sync.server.push import push

        dev = box.device
        if sessions.after_commit:
            for op in batch:
                self.model.outcomes[(dev, op.seq)] = self.model.apply(op)
                self.model.next_seq[dev] += 1
        _count("pushes")
        _count("kills")
        request = PushRequest(protocol=PROTOCOL_VERSION, device_id=dev, operations=batch)
        with pytest.raises(Killed):
            push(sessions, dev, request, lambda: SERVER_NOW, registry=TEST_REGISTRY, rules=TEST_RULES)
        self.db.restart()

    def _box(self, i: int) -> Outbox:
        return self.outboxes[i % len(self.outboxes)]

    def _has_ops(self) -> bool:
        return any(box.ops for box in self.outboxes)

    @precondition(_has_ops)
    @rule(i=st.integers(0, 4), data=st.data())
    def push_slice(self, i: int, data: st.DataObject) -> None:
        """A contiguous slice: from the expected seq (normal), from before it (overlap) or after it (gap)."""
        box = self._box(i)
        self._write(box, data, data.draw(st.integers(0, 2), label="more_writes"))
        if not box.ops:
            return
        n = len(box.ops)
        expected = self.model.next_seq[box.device]
        start = data.draw(st.one_of(st.just(min(expected, n)), st.integers(1, n)), label="start")
        length = data.draw(st.integers(1, 5), label="length")
        self._push(box, box.ops[start - 1 : start - 1 + length])

    @precondition(_has_ops)
    @rule(i=st.integers(0, 4), data=st.data())
    def push_scrambled(self, i: int, data: st.DataObject) -> None:
        """Any operations of the outbox in any order, some repeated: reordered and duplicated."""
        box = self._box(i)
        self._write(box, data, data.draw(st.integers(0, 2), label="more_writes"))
        if not box.ops:
            return
        seqs = data.draw(st.lists(st.integers(1, len(box.ops)), min_size=1, max_size=6), label="seqs")
        self._push(box, [box.ops[s - 1] for s in seqs])

    @precondition(_has_ops)
    @rule(i=st.integers(0, 4), data=st.data())
    def push_split_then_merged(self, i: int, data: st.DataObject) -> None:
        """What is pending goes in chunks; then everything from an earlier seq goes again in one batch."""
        box = self._box(i)
        self._write(box, data, data.draw(st.integers(0, 2), label="more_writes"))
        first = self.model.next_seq[box.device]
        pending = box.ops[first - 1 :]
        cuts = sorted(data.draw(st.lists(st.integers(0, len(pending)), max_size=3), label="cuts"))
        for lo, hi in zip([0, *cuts], [*cuts, len(pending)]):
            if hi > lo:
                self._push(box, pending[lo:hi])
        if box.ops:
            again_from = data.draw(st.integers(max(1, first - 6), len(box.ops)), label="merged_from")
            self._push(box, box.ops[again_from - 1 : again_from + 5])

    @precondition(_has_ops)
    @rule(i=st.integers(0, 4), data=st.data())
    def response_lost(self, i: int, data: st.DataObject) -> None:
        """The server applies the batch, the answer never arrives, the terminal resends it."""
        box = self._box(i)
        self._write(box, data, data.draw(st.integers(0, 2), label="more_writes"))
        start = min(self.model.next_seq[box.device], len(box.ops))
        if start < 1:
            return
        batch = box.ops[start - 1 : start - 1 + data.draw(st.integers(1, 4), label="length")]
        self._push(box, batch, check=False)
        self._push(box, batch)

    @precondition(lambda self: any(self.model.next_seq[b.device] > 1 for b in self.outboxes))
    @rule(i=st.integers(0, 4), data=st.data())
    def resend_with_another_payload(self, i: int, data: st.DataObject) -> None:
        """An applied (device, seq) comes back as another operation: 409, nothing changes."""
        box = self._box(i)
        self._write(box, data, data.draw(st.integers(0, 2), label="more_writes"))
        applied = self.model.next_seq[box.device] - 1
        if applied < 1:
            return
        seq = data.draw(st.integers(1, applied), label="seq")
        op = box.ops[seq - 1]
        how = data.draw(st.sampled_from(["payload", "entity_id", "hlc"]), label="how")
        if how == "payload":
            body = json.loads(op.payload)
            body.pop("format")
            body["tampered"] = True
            other = with_payload(op, body)
        elif how == "entity_id":
            other = op.model_copy(update={"entity_id": fixed_id(0xEE, seq)})
        else:
            other = op.model_copy(update={"hlc": Hlc(Hlc.parse(op.hlc).wall_ms + 1, 0, box.device).encode()})
        before = box.ops[max(0, seq - 3) : seq - 1]
        self._push(box, [*before, other, *box.ops[seq : seq + 2]])

    @precondition(_has_ops)
    @rule(i=st.integers(0, 4), data=st.data(), after_commit=st.booleans())
    def server_killed_mid_batch(self, i: int, data: st.DataObject, after_commit: bool) -> None:
        """The server dies while applying the batch (at one of its statements, or just after its commit) and restarts."""
        box = self._box(i)
        self._write(box, data, data.draw(st.integers(0, 2), label="more_writes"))
        start = self.model.next_seq[box.device]
        batch = box.ops[start - 1 : start - 1 + data.draw(st.integers(1, 4), label="length")]
        if not batch:
            return
        # A push reads in three or four statements and writes in up to six:
        # beyond the last one the server dies at the commit.
        die_at = data.draw(st.integers(1, 12), label="die_at_statement")
        self._push_killed(box, batch, KillingSessions(self.db.sessions, die_at, after_commit))

    @rule(i=st.integers(0, 4))
    def resend_the_latest(self, i: int) -> None:
        """A terminal that lost its outcomes resends its latest operations (up to five)."""
        box = self._box(i)
        if box.ops:
            self._push(box, box.ops[-5:])

    # what must hold after every step

    @invariant()
    def server_matches_model(self) -> None:
        if self.reader is None:  # what another process sees: only committed transactions
            self.reader = sqlite3.connect(self.db.url.removeprefix("sqlite:///"), isolation_level=None)
        self._check(self.reader)

    def _check(self, con: sqlite3.Connection) -> None:
        for box in self.outboxes:
            dev = box.device
            rows = con.execute(
                "SELECT seq, payload_sha256, op_id, outcome, reason FROM applied_operations WHERE device_id=? ORDER BY seq", (dev,)
            ).fetchall()
            owed = self.model.next_seq[dev]
            assert [r[0] for r in rows] == list(range(1, owed)), "each applied once, in order, no gap"
            assert con.execute("SELECT next_seq FROM devices WHERE id=?", (dev,)).fetchone()[0] == owed
            for seq, sha, op_id, outcome, reason in rows:
                op = box.ops[seq - 1]
                assert (sha, op_id) == (op.payload_sha256, op.op_id)
                assert (outcome, reason) == self.model.outcomes[(dev, seq)]
        records = {
            (e, i): (json.loads(d), json.loads(c), h, deleted is not None, cur)
            for e, i, d, c, h, deleted, cur in con.execute(
                "SELECT entity, id, data, field_clocks, hlc, deleted_at, cursor FROM records"
            )
        }
        # Exceptions the apply step raised travel in the feed as records of their own.
        raised = {i for (e, i) in records if e == "sync_exception"}
        assert raised == {
            i for (i,) in con.execute("SELECT id FROM sync_exceptions WHERE kind != 'seq_conflict'")
        }, "every raised exception is in the feed"
        assert {k for k in records if k[0] != "sync_exception"} == set(self.model.records)
        for key, rec in self.model.records.items():
            data, clocks, hlc, deleted, _ = records[key]
            assert deleted == rec.deleted, key
            if not rec.deleted:
                assert data == rec.data, key
                assert field_clocks.expand(clocks, hlc, data) == rec.clocks, key
                assert hlc == max(rec.clocks.values()), key
        cursors = [c for (c,) in con.execute("SELECT cursor FROM changes ORDER BY cursor")]
        last = con.execute("SELECT last_cursor FROM chains").fetchone()[0]
        assert cursors == list(range(1, last + 1)), "the change feed has no gap and no duplicate"
        latest = {(e, i): c for c, e, i in con.execute("SELECT cursor, entity, entity_id FROM changes ORDER BY cursor")}
        assert latest == {k: v[4] for k, v in records.items()}
        # The rules' own state, in their indexed tables, is the model's.
        assert dict(con.execute("SELECT key, op_id FROM rule_claims")) == self.model.claims
        assert dict(con.execute("SELECT key, balance FROM rule_tallies")) == self.model.balances
        moves: dict[str, list[tuple[str, Any, bool]]] = {}
        for subject, clock, move, legal in con.execute(
            "SELECT subject, hlc, move, legal FROM rule_moves WHERE scope IN ('test_subject', 'journey') "
            "ORDER BY subject, hlc"
        ):
            moves.setdefault(subject, []).append((clock, json.loads(move), bool(legal)))
        assert moves == {s: sorted(m, key=lambda x: x[0]) for s, m in self.model.moves.items() if m}
        # Appointments: each beautician's and room's time per day is the records' (the rule's rows follow
        # them), and each pair of appointments that came to overlap is named by exactly one report.
        assert set(con.execute(
            "SELECT scope, subject, hlc, json_extract(move, '$.starts_at'), json_extract(move, '$.ends_at'), legal "
            "FROM rule_moves WHERE scope IN ('appt_beautician', 'appt_room')"
        )) == self.model.booked_time()
        pairs: dict[frozenset[str], int] = {}
        for (detail,) in con.execute("SELECT detail FROM sync_exceptions WHERE kind = 'double_booking'"):
            report = json.loads(detail)
            named = [a["appointment_id"] for a in report["appointments"]]
            others = {c["appointment_id"] for c in report["conflicts"]}
            assert sorted(named) == sorted({report["appointment_id"], *others}), report
            for other in others:
                pair = frozenset((report["appointment_id"], other))
                pairs[pair] = pairs.get(pair, 0) + 1
        assert pairs == self.model.double_bookings
        kinds = dict(con.execute("SELECT kind, count(*) FROM sync_exceptions GROUP BY kind").fetchall())
        assert kinds.pop("seq_conflict", 0) == len(self.model.conflicts)
        assert kinds == self.model.exceptions


def run_share(examples: int, steps: int) -> tuple[int, dict[str, int], str | None]:
    """Run ``examples`` histories in this process; return (histories, stats, failure or None)."""
    global _template, _histories
    folder = fast_tmp_dir(Path(os.environ.get("TMPDIR", "/tmp")) / f"bnaura-apply-{os.getpid()}")
    _template, _histories = SqliteTemplate(folder, n_devices=5), 0
    _stats.clear()
    try:
        run_state_machine_as_test(
            ApplyMachine,
            settings=settings(
                max_examples=examples, stateful_step_count=steps, deadline=None,
                # Fresh histories on every run, in every worker (a CI profile would
                # otherwise make the workers replay the same ones).
                derandomize=False,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            ),
        )
        return _histories, dict(_stats), None
    except BaseException:  # noqa: BLE001 - handed to the parent, which fails with it
        return _histories, dict(_stats), traceback.format_exc()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_every_history_applies_each_operation_exactly_once() -> None:
    """HISTORIES histories shared by one worker process per core."""
    workers = max(1, min(int(os.environ.get("BNAURA_APPLY_WORKERS", os.cpu_count() or 1)), 8))
    share = -(-HISTORIES // workers)
    started = time.monotonic()
    if workers == 1:
        outcomes = [run_share(share, STEPS)]
    else:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            outcomes = list(pool.map(run_share, [share] * workers, [STEPS] * workers))
    stats: dict[str, int] = {}
    for _, part, _ in outcomes:
        for k, v in part.items():
            stats[k] = stats.get(k, 0) + v
    histories = sum(n for n, _, _ in outcomes)
    print(f"\n{histories} histories ({workers} workers, {STEPS} steps) in {time.monotonic() - started:.1f} s: {sorted(stats.items())}")
    failures = [f for _, _, f in outcomes if f]
    assert not failures, failures[0]
    assert histories >= HISTORIES
    # The rules were in play: every kind of report they make was made (and checked against the model).
    for kind in ("claim_conflict", "below_floor", "illegal_move", "task_claimed_twice", "double_booking"):
        assert stats.get(f"exception {kind}", 0) > 0, kind


# --- a real kill -9 ----------------------------------------------------------------------

CHILD = r"""
import sys
sys.path.insert(0, {root!r})
from tests.sync.test_apply_state_machine import child_push
child_push({url!r}, {count})
"""


def kill_ops(device: str, count: int) -> list[Operation]:
    box = Outbox(device)
    ops: list[Operation] = []
    for n in range(count):
        c = fixed_id(0xCC, n // 3)
        ops.append(box.register(c, {"name_th": f"ลูกค้า {n}"}) if n % 3 == 0 else box.update(c, {"phone": str(n)}))
    return ops


def child_push(url: str, count: int) -> None:
    """Run in a child process: push ``count`` operations one batch at a time until killed."""
    db = ServerDb(url, *_open(url))
    dev = db.device_ids[0]
    ops = kill_ops(dev, count)
    print("ready", flush=True)
    for start in range(0, count, 25):
        db.push(dev, ops[start : start + 25], now=lambda: SERVER_NOW)


def _open(url: str) -> tuple[Any, Any, str, list[str]]:
    from sync.server.db import server_engine, session_factory

    from .apply_support import CLINIC_ID, device_id

    engine = server_engine(url)
    return engine, session_factory(engine), CLINIC_ID, [device_id(1)]


def test_a_server_killed_with_sigkill_mid_batch_loses_nothing_and_applies_nothing_twice(tmp_path: Path) -> None:
    # A multiple of 3 (register, update, update). A push of 25 takes a few
    # milliseconds, so the whole run lasts seconds and kills at 0.1-0.9 s land in it.
    count = 7500
    url = sqlite_url(tmp_path / "server.sqlite")
    db = create_server_db(url, 1)
    dev = db.device_ids[0]
    root = str(Path(__file__).resolve().parents[2])
    applied_after_kills: list[int] = []
    for delay in (0.1, 0.3, 0.6, 0.9):
        child = subprocess.Popen([sys.executable, "-c", CHILD.format(root=root, url=url, count=count)], stdout=subprocess.PIPE, cwd=root)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        db.restart()
        with db.sessions() as s:
            from .apply_support import applied_seqs, next_seq

            seqs = applied_seqs(s, dev)
            assert seqs == list(range(1, next_seq(s, dev)))
            applied_after_kills.append(len(seqs))
    ops = kill_ops(dev, count)
    for start in range(0, count, 100):  # the terminal resends everything
        db.push(dev, ops[start : start + 100], now=lambda: SERVER_NOW)
    with db.sessions() as s:
        from .apply_support import applied_seqs, check_change_feed, record

        assert applied_seqs(s, dev) == list(range(1, count + 1))
        for n in range(0, count, 3):
            row = record(s, "customer", fixed_id(0xCC, n // 3))
            assert row is not None and row.data["phone"] == str(n + 2) and row.data["name_th"] == f"ลูกค้า {n}"
        check_change_feed(s)
    db.close()
    assert any(0 < n < count for n in applied_after_kills), f"no kill landed mid-run: {applied_after_kills}"
