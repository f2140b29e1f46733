"""The clinic's workflow in the sync simulation: journeys, their moves, tasks and appointments.

``Workflow`` is the part of ``tests.sync.simulation.Simulation`` that plays
what sales staff, beauticians and managers do all day, offline on several
terminals, through the app's use cases (``services.journeys``,
``services.tasks``, ``services.appointments``):

- open a journey for a customer, move it along its stages (forward, to
  payment confirmed with a paid sale, to treatment scheduled with an
  appointment booked for it, into and out of treatment by a beautician,
  cancelled, moved back or reopened by a manager);
- move the same card on two terminals of one branch in one step (neither
  has seen the other's move): the server keeps one by clock;
- claim, start and complete tasks, a manager sends one back to the queue;
  two people claim the same task on two terminals in one step;
- book appointments from a small pool of slots, and the same beautician at
  the same time on two terminals in one step; cancel some.

Choices never depend on the values of ids the app makes (random): journeys
and appointments are picked in the order they were made, tasks by journey,
due time and rule. Trace lines name them ``j<n>`` and ``a<n>``.

``check`` returns what is wrong after the nodes converged (the rows
themselves are compared node by node through the simulation's dumps):

1. each journey's kept moves, folded in clock order through
   ``domain.journeys.legal_move``, give the stage and links every node
   shows, the same verdicts the server kept, and a state the table allows;
   every terminal's timeline of a journey is the server's;
2. every move the server rejected is an ``illegal_move`` exception naming
   its operation, every move made illegal later one naming it, and no other
   operation of the workflow was rejected (nothing else vanished);
3. one task per (rule, stage entry), on every node; every kept entry into a
   stage a rule watches has its task (counted per journey and rule: the
   entry key is the moving terminal's view of the state it left, see
   ``_check_tasks``);
4. every claim that found the task held by someone else raised
   ``task_claimed_twice`` for that operation, and no other claim did;
5. every two appointments holding a beautician or a room for overlapping
   times both stand and a ``double_booking`` names both.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bnaura_desk.domain import automation
from bnaura_desk.domain.appointments import HOLDS_TIME, OPEN, overlaps
from bnaura_desk.domain.automation import ACTIVE_STATUSES, DEFAULT_RULES, TaskStatus
from bnaura_desk.domain.dates import BANGKOK, bangkok_date
from bnaura_desk.domain.journeys import FLOW, INITIAL, JourneyState, Move, Stage, legal_move
from bnaura_desk.domain.journeys import OPEN as OPEN_STAGES
from bnaura_desk.domain.roles import Role
from bnaura_desk.services import appointments, journeys, rooms, tasks
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.services.refunds import paid_for
from bnaura_desk.store.models import Appointment, Journey, JourneyAction, OutboxOperation, Sale, Task
from sync.server.models import AppliedOperation, Record, RuleMove, SyncException

if TYPE_CHECKING:
    from tests.sync.simulation import Node, Simulation

# What the dumps hold of each workflow entity (server record field -> terminal column of the same name).
JOURNEY_FIELDS = ("customer_id", "branch_id", "owner_id", "beautician_id", "item_id", "title", "stage",
                  "stage_entered_at", "sale_id", "appointment_id")
ACTION_FIELDS = ("journey_id", "from_stage", "to_stage", "note", "sale_id", "appointment_id", "by_manager",
                 "approved_by", "at", "staff_id")
TASK_FIELDS = ("journey_id", "customer_id", "branch_id", "rule", "entry", "role", "assignee_id", "priority",
               "due_at", "status", "claimed_by", "started_at", "completed_at", "checklist", "notes")
APPOINTMENT_FIELDS = ("customer_id", "branch_id", "item_id", "beautician_id", "room_id", "starts_at", "ends_at",
                      "status", "journey_id", "note", "booked_by")
MOMENTS = frozenset({"stage_entered_at", "at", "due_at", "started_at", "completed_at", "starts_at", "ends_at"})
DUMPED = {"journey": JOURNEY_FIELDS, "journey_action": ACTION_FIELDS, "task": TASK_FIELDS,
          "appointment": APPOINTMENT_FIELDS}
MODELS = {"journey": Journey, "journey_action": JourneyAction, "task": Task, "appointment": Appointment}
WORKFLOW_OPS = ("journey.", "task.", "appointment.")

# The slots bookings are made in: few, so terminals working offline collide.
SLOT_TIMES = (time(10, 0), time(10, 30), time(11, 0), time(15, 0))
MAX_OPEN_JOURNEYS = 6  # per branch: few cards, so moves race
REASONS = ("ลูกค้าไม่สนใจ", "สแกนใหม่", "ลูกค้าขอเลื่อน")
WATCHED = {r.stage: r.key for r in DEFAULT_RULES}  # the stages the default rules make a task on


def moment_text(value: Any) -> str | None:
    """A moment as UTC ISO text (terminal columns and server JSON alike), or None."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def _value(name: str, value: Any) -> Any:
    return moment_text(value) if name in MOMENTS else value


class Workflow:
    """Journeys, tasks and appointments of the simulation (see the module)."""

    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        self.journeys: list[str] = []  # opened, in order
        self.appointments: list[str] = []  # booked, in order
        self.people: dict[str, Actor] = {}  # staff id -> the actor signing in as them
        self.sales: list[Actor] = []
        self.beauticians: list[Actor] = []
        self.races: Counter[str] = Counter()

    # ------------------------------------------------------------ set-up

    def set_up(self) -> None:
        """Two sales staff and two beauticians of the chain; two rooms at the first branch, one at the second."""
        maker = self.sim.nodes[0].terminal
        for name, role, pin, group in (("sales A", Role.SALES, "5937", self.sales),
                                       ("sales B", Role.SALES, "8642", self.sales),
                                       ("beautician A", Role.BEAUTICIAN, "7153", self.beauticians),
                                       ("beautician B", Role.BEAUTICIAN, "2864", self.beauticians)):
            staff_id = maker.run(staff_service.create_staff, name, role, pin, actor=SYSTEM).result
            group.append(Actor(staff_id, name, role))
        for actor in (*self.sim.actors, *self.sales, *self.beauticians):
            self.people[str(actor.staff_id)] = actor
        for node, names in ((self.sim.nodes[0], ("ห้อง 1", "ห้อง 2")), (self.sim.nodes[2], ("ห้อง 3",))):
            for name in names:
                node.terminal.run(rooms.create_room, name, actor=SYSTEM)

    @property
    def manager(self) -> Actor:
        return self.sim.actors[0]

    # ------------------------------------------------------------ what a node holds

    def _label(self, journey_id: str) -> str:
        return f"j{self.journeys.index(journey_id)}" if journey_id in self.journeys else "j?"

    def _a_label(self, appointment_id: str | None) -> str:
        return f"a{self.appointments.index(appointment_id)}" if appointment_id in self.appointments else "a?"

    def _held_journeys(self, node: Node) -> list[Journey]:
        """The journeys of the node's branch it holds, in the order they were opened."""
        rows = node.terminal.read(lambda s: {j.id: j for j in s.scalars(select(Journey))})
        return [rows[j] for j in self.journeys if j in rows]

    def _held_tasks(self, node: Node, *, active: bool = True) -> list[Task]:
        order = {j: i for i, j in enumerate(self.journeys)}
        rows = node.terminal.read(lambda s: list(s.scalars(select(Task))))
        rows = [t for t in rows if not active or t.status in ACTIVE_STATUSES]
        return sorted(rows, key=lambda t: (order.get(t.journey_id, -1), t.due_at, t.rule))

    def _open_appointments(self, node: Node) -> list[Appointment]:
        rows = node.terminal.read(lambda s: {a.id: a for a in s.scalars(select(Appointment))})
        return [rows[a] for a in self.appointments if a in rows and rows[a].status in OPEN]

    # ------------------------------------------------------------ actions

    def act(self, node: Node) -> None:
        """One thing of the workflow on ``node``."""
        rng = self.sim.rng
        what = rng.choices(("open", "move", "race move", "task", "race claim", "book", "race book", "cancel"),
                           (2, 6, 1.5, 3, 1, 1.5, 1, 0.5))[0]
        if what == "open":
            self.open(node)
        elif what == "move":
            self.move(node)
        elif what == "race move":
            self.race_move()
        elif what == "task":
            self.task(node)
        elif what == "race claim":
            self.race_claim()
        elif what == "book":
            self.book(node)
        elif what == "race book":
            self.race_book()
        else:
            self.cancel_appointment(node)

    def open(self, node: Node) -> None:
        held = [j for j in self._held_journeys(node) if j.stage in OPEN_STAGES]
        live = self.sim._live_customers(node)
        if len(held) >= MAX_OPEN_JOURNEYS or not live:
            return self.move(node)
        customer_id = self.sim.rng.choice(live)
        # Opened by a salesperson (who owns it) or by the system (nobody owns it: its tasks wait in sales' queue).
        actor = self.sim.rng.choice([*self.sales, SYSTEM])
        journey_id = self.sim._attempt(node, "journey open", journeys.open_journey, customer_id,
                                       item_id=self.sim.treatment, title="ฝ้า กระ", actor=actor)
        if journey_id is not None:
            self.journeys.append(journey_id)
        self.sim.note(f"{node.name} open {self._label(journey_id) if journey_id else 'journey'} "
                      f"for {self.sim._label(customer_id)} -> {journey_id is not None}")
        return None

    def move(self, node: Node, journey: Journey | None = None) -> None:
        """Move a journey the node holds: mostly forward, sometimes cancelled, back or reopened."""
        if journey is None:
            held = self._held_journeys(node)
            if not held:
                return self.open(node) if self.sim._live_customers(node) else None
            journey = self.sim.rng.choice(held)
        stage = Stage(journey.stage)
        label = self._label(journey.id)
        r = self.sim.rng.random()
        if stage in OPEN_STAGES and r < 0.12:
            self._move(node, journey, Stage.CANCELLED, self.sim.rng.choice(self.sales), self.sim.rng.choice(REASONS))
        elif r < 0.2 or stage not in OPEN_STAGES:
            # A manager moves it back or reopens it (the table refuses what needs a link it lacks).
            earlier = [s for s in FLOW[:-1] if stage not in OPEN_STAGES or FLOW.index(s) < FLOW.index(stage)]
            if earlier:
                self._move(node, journey, self.sim.rng.choice(earlier), self.manager, self.sim.rng.choice(REASONS))
        else:
            to = FLOW[FLOW.index(stage) + 1]
            if to is Stage.PAYMENT_CONFIRMED:
                sale_id = self._paid_sale(node, journey)
                if sale_id is None:
                    self.sim.note(f"{node.name} move {label}: no paid sale")
                    return None
                self._move(node, journey, to, self._seller(journey), sale_id=sale_id)
            elif to is Stage.TREATMENT_SCHEDULED:
                beautician = self.sim.rng.choice(self.beauticians)
                appointment_id = self._book(node, journey.customer_id, beautician, journey.id)
                if appointment_id is not None:
                    self._move(node, journey, to, self._seller(journey), appointment_id=appointment_id,
                               beautician_id=beautician.staff_id)
            elif to in (Stage.IN_TREATMENT, Stage.TREATMENT_COMPLETED):
                self._move(node, journey, to, self.people.get(str(journey.beautician_id), self.beauticians[0]))
            else:
                self._move(node, journey, to, self._seller(journey))
        return None

    def _seller(self, journey: Journey) -> Actor:
        owner = self.people.get(str(journey.owner_id))
        return owner if owner is not None and owner.role is Role.SALES else self.sales[0]

    def _move(self, node: Node, journey: Journey, to: Stage, actor: Actor, note: str = "", **links: Any) -> bool:
        moved = self.sim._attempt(node, "journey move", journeys.move_journey, journey.id, to, note, actor=actor,
                                  **links)
        self.sim.note(f"{node.name} move {self._label(journey.id)} {journey.stage} -> {to} by {actor.name}"
                      f"{' ' + self._a_label(links.get('appointment_id')) if 'appointment_id' in links else ''}"
                      f" -> {moved is not None}")
        return moved is not None

    def _paid_sale(self, node: Node, journey: Journey) -> str | None:
        """A sale of the journey's customer with money paid that the node holds, or a new one."""
        def find(s: Session) -> str | None:
            held = set(s.scalars(select(Sale.id).where(Sale.customer_id == journey.customer_id)))
            for sale_id, _ in self.sim.sales:  # in the order they were made
                if sale_id in held and paid_for(s, sale_id) > 0:
                    return sale_id
            return None

        return node.terminal.read(find) or self.sim.sell(node, journey.customer_id)

    def race_move(self) -> None:
        """The same card moved on the first branch's two terminals in one step (neither saw the other's move)."""
        a, b = self.sim.nodes[0], self.sim.nodes[1]
        there = {j.id: j for j in self._held_journeys(b)}
        both = [(j, there[j.id]) for j in self._held_journeys(a) if j.id in there and j.stage == there[j.id].stage]
        if not both:
            return self.move(a)
        mine, theirs = self.sim.rng.choice(both)
        self.races["move"] += 1
        self.sim.counts["race move"] += 1
        self.sim.note(f"race move {self._label(mine.id)} at {mine.stage}:")
        self.move(a, mine)
        self.move(b, theirs)
        return None

    def _claimers(self, task: Task) -> list[Actor]:
        """Who may claim ``task`` at the desk: its assignee or anyone of its role when unassigned, or a manager."""
        if task.assignee_id is not None:
            mine = [self.people[task.assignee_id]] if task.assignee_id in self.people else []
        else:
            mine = self.sales if task.role == Role.SALES else self.beauticians
        return [*mine, self.manager]

    def task(self, node: Node) -> None:
        """Claim, start or complete a task the node holds; now and then a manager sends one back to the queue."""
        held = self._held_tasks(node)
        if not held:
            return self.move(node)
        task = self.sim.rng.choice(held)
        label = f"task {task.rule} of {self._label(task.journey_id)}"
        if self.sim.rng.random() < 0.1:
            self.sim._attempt(node, "task reassign", tasks.reassign_task, task.id, None, actor=self.manager)
            self.sim.note(f"{node.name} {label}: back to the queue")
        elif task.status == TaskStatus.OPEN:
            actor = self.sim.rng.choice(self._claimers(task))
            done = self.sim._attempt(node, "task claim", tasks.claim_task, task.id, actor=actor)
            self.sim.note(f"{node.name} {label}: claimed by {actor.name} -> {done is not None}")
        else:
            actor = self.people.get(str(task.claimed_by), self.manager)
            use_case, what = ((tasks.start_task, "task start") if task.status == TaskStatus.CLAIMED
                              and self.sim.rng.random() < 0.6 else (tasks.complete_task, "task complete"))
            done = self.sim._attempt(node, what, use_case, task.id, actor=actor)
            self.sim.note(f"{node.name} {label}: {what} by {actor.name} -> {done is not None}")
        return None

    def race_claim(self) -> None:
        """The same open task claimed by two people on the first branch's two terminals in one step."""
        a, b = self.sim.nodes[0], self.sim.nodes[1]
        there = {t.id: t for t in self._held_tasks(b)}
        both = [t for t in self._held_tasks(a)
                if t.status == TaskStatus.OPEN and t.id in there and there[t.id].status == TaskStatus.OPEN]
        if not both:
            return self.task(a)
        task = self.sim.rng.choice(both)
        claimers = self._claimers(task)
        if len(claimers) < 2:
            return self.task(a)
        first, second = self.sim.rng.sample(claimers, 2)
        self.races["claim"] += 1
        self.sim.counts["race claim"] += 1
        label = f"task {task.rule} of {self._label(task.journey_id)}"
        for node, actor in ((a, first), (b, second)):
            done = self.sim._attempt(node, "task claim", tasks.claim_task, task.id, actor=actor)
            self.sim.note(f"race {node.name} {label}: claimed by {actor.name} -> {done is not None}")
        return None

    def _slot(self) -> datetime:
        """A start from the pool: tomorrow or the day after (Bangkok), at one of a few times."""
        day = bangkok_date(self.sim.world.now) + timedelta(days=self.sim.rng.choice((1, 2)))
        return datetime.combine(day, self.sim.rng.choice(SLOT_TIMES), tzinfo=BANGKOK)

    def _room(self, node: Node) -> str | None:
        held = node.terminal.read(lambda s: [r.id for r in rooms.list_rooms(s, node.branch_id)])
        return self.sim.rng.choice(held) if held else None

    def _book(self, node: Node, customer_id: str, beautician: Actor, journey_id: str | None = None,
              starts_at: datetime | None = None) -> str | None:
        room = self._room(node)
        if room is None:
            return None
        start = starts_at or self._slot()
        booking = appointments.Booking(customer_id, self.sim.treatment, str(beautician.staff_id), room, start,
                                       journey_id=journey_id)
        booked = self.sim._attempt(node, "appointment book", appointments.book, booking,
                                   actor=self.sim.rng.choice([self.manager, *self.sales]))
        if booked is not None:
            self.appointments.append(booked)
        self.sim.note(f"{node.name} book {self._a_label(booked)} {beautician.name} {start.isoformat()}"
                      f"{' for ' + self._label(journey_id) if journey_id else ''} -> {booked is not None}")
        return str(booked) if booked is not None else None

    def book(self, node: Node) -> None:
        live = self.sim._live_customers(node)
        if not live:
            return
        self._book(node, self.sim.rng.choice(live), self.sim.rng.choice(self.beauticians))
        return

    def race_book(self) -> None:
        """The same beautician at the same time booked on the first branch's two terminals in one step."""
        a, b = self.sim.nodes[0], self.sim.nodes[1]
        live = [c for c in self.sim._live_customers(a) if c in set(self.sim._live_customers(b))]
        if not live:
            return
        beautician, start = self.sim.rng.choice(self.beauticians), self._slot()
        self.races["book"] += 1
        self.sim.counts["race book"] += 1
        self.sim.note("race book:")
        for node in (a, b):
            self._book(node, self.sim.rng.choice(live), beautician, starts_at=start)
        return

    def cancel_appointment(self, node: Node) -> None:
        held = self._open_appointments(node)
        if not held:
            return self.book(node)
        row = self.sim.rng.choice(held)
        done = self.sim._attempt(node, "appointment cancel", appointments.cancel, row.id, "sim", actor=self.manager)
        self.sim.note(f"{node.name} cancel {self._a_label(row.id)} -> {done}")
        return None

    # ------------------------------------------------------------ dumps

    @staticmethod
    def server_rows(record: Record) -> dict[str, Any]:
        """One server record of a workflow entity as the dumps compare it."""
        names = DUMPED[record.entity]
        row = {f: _value(f, record.data.get(f)) for f in names}
        if record.entity == "journey" and row["stage"] is None:
            row["stage"] = str(Stage.LEAD_CREATED)  # written by the server's replay only, after the first move
        return row

    @staticmethod
    def terminal_rows(s: Session, rejected: set[str]) -> dict[str, dict[str, Any]]:
        """The node's workflow rows as the dumps compare them (its own moves the server rejected left out)."""
        dump: dict[str, dict[str, Any]] = {}
        for entity, model in MODELS.items():
            rows = {str(getattr(row, "id")): row for row in s.scalars(select(model))}  # noqa: B009 - models differ
            dump[entity] = {row_id: {f: _value(f, getattr(row, f)) for f in DUMPED[entity]}
                            for row_id, row in rows.items() if row_id not in rejected}
        return dump

    # ------------------------------------------------------------ checks

    def check(self) -> list[str]:
        """Return what is wrong with the workflow once the nodes converged (see the module)."""
        sim = self.sim
        with sim.server.sessions() as s:
            records = {e: {r.id: r for r in s.scalars(select(Record).where(
                Record.chain_id == sim.clinic_id, Record.entity == e))} for e in DUMPED}
            moves = list(s.scalars(select(RuleMove).where(RuleMove.chain_id == sim.clinic_id,
                                                          RuleMove.scope == "journey")
                                   .order_by(RuleMove.subject, RuleMove.hlc)))
            raised = list(s.scalars(select(SyncException).where(SyncException.chain_id == sim.clinic_id)))
            applied = list(s.scalars(select(AppliedOperation).where(AppliedOperation.chain_id == sim.clinic_id)))
        outboxes = {
            node.device_id: node.terminal.read(lambda s: {
                r.seq: r for r in s.scalars(select(OutboxOperation).where(
                    OutboxOperation.type.startswith("journey.") | OutboxOperation.type.startswith("task.")
                    | OutboxOperation.type.startswith("appointment.")))})
            for node in sim.nodes
        }
        problems = self._check_journeys(records, moves, raised, applied)
        problems += self._check_tasks(records, moves, raised, applied, outboxes)
        problems += self._check_bookings(records, raised)
        return problems

    def _check_journeys(self, records: dict[str, dict[str, Record]], moves: list[RuleMove],
                        raised: list[SyncException], applied: list[AppliedOperation]) -> list[str]:
        problems: list[str] = []
        by_journey: dict[str, list[RuleMove]] = {}
        for m in moves:
            by_journey.setdefault(m.subject, []).append(m)
        made_illegal = {e.detail.get("made_illegal", {}).get("entity_id") for e in raised if e.kind == "illegal_move"}
        rejected_reported = {(e.device_id, e.seq) for e in raised if e.kind == "illegal_move"}
        actions = records["journey_action"]
        for journey_id, record in records["journey"].items():
            label = self._label(journey_id)
            state, verdicts = INITIAL, []
            for m in by_journey.get(journey_id, []):
                move = Move.from_json(m.move)
                verdict = legal_move(state, move) if move is not None else None
                ok = verdict is not None and verdict.legal
                verdicts.append((m.entity_id, not ok))
                if ok:
                    state = verdict.state  # type: ignore[union-attr]
                if ok != m.legal:
                    problems.append(f"journey {label}: the server keeps move {m.entity_id} as legal={m.legal}, "
                                    f"its replay says {ok}")
                if not ok and m.entity_id not in made_illegal:
                    problems.append(f"journey {label}: move {m.entity_id} made illegal with no illegal_move reported")
                if m.entity_id not in actions:
                    problems.append(f"journey {label}: move {m.entity_id} kept by the rule but not as a record")
            if not state.consistent():
                problems.append(f"journey {label}: its moves reach {state}, which the table forbids")
            data = record.data
            shown = (data.get("stage", str(Stage.LEAD_CREATED)), moment_text(data.get("stage_entered_at")),
                     data.get("sale_id"), data.get("appointment_id"))
            if shown != (str(state.stage), moment_text(state.entered_at), state.sale_id, state.appointment_id):
                problems.append(f"journey {label}: the server shows {shown}, its moves give {state}")
            kept = [a for a, r in actions.items() if r.data.get("journey_id") == journey_id]
            if sorted(kept) != sorted(i for i, _ in verdicts):
                problems.append(f"journey {label}: {len(kept)} actions, the rule kept {len(verdicts)}")
            for node in self.sim.nodes:
                if node.branch_id != record.branch_id:
                    continue
                problems += self._check_timeline(node, journey_id, verdicts)
        # Every move the server rejected is reported; nothing else of the workflow was rejected.
        for a in applied:
            if a.outcome != "rejected" or not a.type.startswith(WORKFLOW_OPS):
                continue
            if a.type == "journey.move" and a.reason == "illegal_move":
                if (a.device_id, a.seq) not in rejected_reported:
                    problems.append(f"server: rejected move {a.device_id}#{a.seq} has no illegal_move exception")
            else:
                problems.append(f"server: {a.type} {a.device_id}#{a.seq} rejected ({a.reason}): it vanished")
        return problems

    def _check_timeline(self, node: Node, journey_id: str, verdicts: list[tuple[str, bool]]) -> list[str]:
        def read(s: Session) -> tuple[list[tuple[str, bool]], JourneyState | None]:
            rejected = set(s.scalars(select(OutboxOperation.entity_id).where(
                OutboxOperation.type == "journey.move", OutboxOperation.outcome == "rejected")))
            row = s.get(Journey, journey_id)
            if row is None:
                return [], None
            timeline = [(e.id, e.rejected) for e in journeys.journey_timeline(s, journey_id) if e.id not in rejected]
            entered = row.stage_entered_at.isoformat() if row.stage_entered_at else None
            return timeline, JourneyState(Stage(row.stage), entered, row.sale_id, row.appointment_id)

        timeline, state = node.terminal.read(read)
        label = self._label(journey_id)
        problems: list[str] = []
        if state is None:
            return [f"{node.name}: journey {label} missing"]
        if timeline != verdicts:
            problems.append(f"{node.name}: journey {label} timeline {timeline}, the server's {verdicts}")
        if not state.consistent():
            problems.append(f"{node.name}: journey {label} at {state}, which the table forbids")
        return problems

    def _check_tasks(self, records: dict[str, dict[str, Record]], moves: list[RuleMove],
                     raised: list[SyncException], applied: list[AppliedOperation],
                     outboxes: dict[str, dict[int, OutboxOperation]]) -> list[str]:
        problems: list[str] = []
        server_tasks = records["task"]
        entries = Counter((r.data.get("rule"), r.data.get("entry")) for r in server_tasks.values())
        problems += [f"server: {n} tasks for rule {k[0]} of one entry" for k, n in entries.items() if n > 1]
        for task_id, record in server_tasks.items():
            if automation.task_id(str(record.data.get("rule")), str(record.data.get("entry"))) != task_id:
                problems.append(f"server: task {task_id} is not the one of its rule and entry")
        for node in self.sim.nodes:
            held = node.terminal.read(lambda s: Counter((t.rule, t.entry) for t in s.scalars(select(Task))))
            problems += [f"{node.name}: {n} tasks for rule {k[0]} of one entry" for k, n in held.items() if n > 1]
        # Every kept entry into a watched stage has its task, made by the terminal that moved the card.
        # Its entry key is that terminal's view of the state it left: when the terminal reached that
        # stage by a move of its own that lost to another by clock, the key is not the one the server's
        # fold would give (the task stands all the same), so tasks are counted per journey and rule.
        entered: Counter[tuple[str, str]] = Counter()
        for m in moves:
            move = Move.from_json(m.move)
            if move is not None and m.legal and move.to_stage in WATCHED:
                entered[(m.subject, WATCHED[move.to_stage])] += 1
        made = Counter((str(r.data.get("journey_id")), str(r.data.get("rule"))) for r in server_tasks.values())
        for (journey_id, rule), n in sorted(entered.items()):
            if made[(journey_id, rule)] < n:
                problems.append(f"journey {self._label(journey_id)}: entered {n} times where {rule} makes a "
                                f"task, {made[(journey_id, rule)]} such tasks")
        exact = 0  # how many kept entries have the task keyed as the server's fold keys it (coverage)
        state_before: dict[str, JourneyState] = {}
        for m in moves:
            move = Move.from_json(m.move)
            if move is None or not m.legal:
                continue
            before = state_before.get(m.subject, INITIAL)
            verdict = legal_move(before, move)
            if not verdict.legal:
                continue
            state_before[m.subject] = verdict.state
            if move.to_stage in WATCHED:
                since = datetime.fromisoformat(before.entered_at) if before.entered_at else None
                key = automation.entry_key(m.subject, before.stage, since, move.to_stage)
                exact += automation.task_id(WATCHED[move.to_stage], key) in server_tasks
        self.sim.counts["kept entries with their task keyed alike"] += exact
        self.sim.counts["kept entries into a watched stage"] += sum(entered.values())
        problems += self._check_claims(raised, applied, outboxes)
        return problems

    def _check_claims(self, raised: list[SyncException], applied: list[AppliedOperation],
                      outboxes: dict[str, dict[int, OutboxOperation]]) -> list[str]:
        """Replay the tasks' operations in the order the server applied them: which claims found the task held.

        A task's fields settle by clock (the latest clock wins each field);
        a claim (not a resend) that arrives while the task shows someone
        else holding it (claimed or started) must raise ``task_claimed_twice``.
        """
        problems: list[str] = []
        fields: dict[str, dict[str, tuple[str, Any]]] = {}  # task -> field -> (clock, value)
        expected: set[tuple[str, int]] = set()
        for a in sorted(applied, key=lambda a: (a.applied_at, a.seq)):
            if not a.type.startswith("task.") or a.outcome == "rejected":
                continue
            row = outboxes.get(a.device_id, {}).get(a.seq)
            if row is None:
                problems.append(f"server: task operation {a.device_id}#{a.seq} is on no terminal")
                continue
            body = json.loads(row.payload)
            written = body.get("record") or body.get("fields") or {}
            task = fields.setdefault(a.entity_id, {})
            if a.type == "task.claim":
                status, holder = task.get("status", ("", None))[1], task.get("claimed_by", ("", None))[1]
                if status in (TaskStatus.CLAIMED, TaskStatus.STARTED) and holder is not None \
                        and holder != written.get("claimed_by"):
                    expected.add((a.device_id, a.seq))
            for name, value in written.items():
                if name not in task or a.hlc > task[name][0]:
                    task[name] = (a.hlc, value)
        got = {(str(e.device_id), int(e.seq or 0)) for e in raised if e.kind == "task_claimed_twice"}
        if got != expected:
            problems.append(f"server: task_claimed_twice raised for {sorted(got)}, expected for {sorted(expected)}")
        return problems

    def _check_bookings(self, records: dict[str, dict[str, Record]], raised: list[SyncException]) -> list[str]:
        """Two appointments holding one beautician or room at overlapping times: both stand, one report names both."""
        problems: list[str] = []
        named = [{a.get("appointment_id") for a in e.detail.get("appointments", [])}
                 for e in raised if e.kind == "double_booking"]
        holding = sorted((r.id, r.data) for r in records["appointment"].values()
                         if r.data.get("status") in {str(s) for s in HOLDS_TIME} and r.deleted_at is None)
        for i, (x, a) in enumerate(holding):
            for y, b in holding[i + 1:]:
                if a["beautician_id"] != b["beautician_id"] and a["room_id"] != b["room_id"]:
                    continue
                if not overlaps(datetime.fromisoformat(a["starts_at"]), datetime.fromisoformat(a["ends_at"]),
                                datetime.fromisoformat(b["starts_at"]), datetime.fromisoformat(b["ends_at"])):
                    continue
                self.sim.counts["double bookings kept"] += 1
                if not any({x, y} <= ids for ids in named):
                    problems.append(f"server: {self._a_label(x)} and {self._a_label(y)} overlap; "
                                    f"no double_booking names both")
        return problems
