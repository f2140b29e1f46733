"""A seeded randomized simulation of three terminals of two branches of a chain, and its server.

``run_simulation(seed, steps, workdir)`` plays ``steps`` random steps from
``random.Random(seed)`` and then checks that sync converged. Everything is
real except the network and the passing of time:

- each terminal is a real SQLite file opened as a ``Terminal``, enrolled
  with the real server ``enroll`` (one-time code made by ``admin``), and
  changed only through the app's use cases (``services.customers``) by a
  signed-in staff member;
- the server is a real server database file (``server_engine``, migrated
  with ``schema.upgrade``), driven in-process by ``SimServer``, which does
  what the HTTP routes of ``sync.server.app`` do (authenticate the token, check
  the batch, ``push.push`` or ``pull.pull``, refusals as ``ErrorBody``) and
  hands the answer to the client's own error mapping (``http.error_for``);
- each terminal syncs with ``sync_once`` through a ``Link``, the transport
  it would get from ``SyncClient``; the link injects the faults;
- time is one simulated world clock (``FakeClock``, one millisecond per
  reading); the server reads it as is, each terminal with its own skew.

T0 and T1 are terminals of the chain's first branch, T2 of its second: the
customers, staff, consents and visits are the chain's and must converge on
all three; stock movements are each branch's and must reach exactly that
branch's terminals (and the exceptions about a terminal's own clock, its
branch's).

Random steps: register a customer, edit fields (often the same few fields
of the same few customers on several terminals), delete, consent given or
withdrawn, check-in, stock received or sold, the clinic's workflow (journeys, tasks, appointments,
and the same card, task or slot on two terminals at once: ``tests/sync/sim_journeys.py``), sync,
partition and heal a terminal, take the server
down and up, restart the server process (dispose the engine, reopen the
file), kill a terminal (close its ``Terminal`` at a request boundary and
open the file again) including right after the server applied its push (the
answer is lost), crash the server in the middle of a batch, commit local
changes while a request is in flight (the app runs sync beside the UI), move
time by milliseconds to days, and skew clocks by up to ``max_skew_s``.

Checked at the end, after healing everything and syncing until quiet:

1. every terminal's customers, staff, consents and visits equal each other
   and the server's records (entity, id, synced fields, deletion; for
   profiles the per-field clocks too);
2. every outbox operation has an outcome, the server keeps exactly one
   ``AppliedOperation`` per (device, seq), seq 1..N without a gap, with the
   same op id, hash and clock as the terminal's row and the same outcome;
3. ledger rows are neither lost nor doubled: the visits and consents of
   every node are exactly those whose use case committed, and its stock
   movements exactly those committed at its branch;
4. the workflow's own invariants (``Workflow.check``): journeys' stages,
   timelines and rejected moves, one task per stage entry, claims made
   twice, double bookings.

A run is deterministic for its seed (device and clinic ids, referral tags
and every choice come from the seeded generator; row ids made by the app
are random but never steer a choice), so a failure is replayed with the
command it prints. ``trace_digest`` of two runs of one seed is equal.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time as wall
import traceback
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from random import Random
from typing import Any

from sqlalchemy import Engine, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bnaura_desk.domain import field_clocks
from bnaura_desk.domain.catalog import ItemForm, ItemKind, StockReason
from bnaura_desk.domain.coupons import CartLine, CouponKind, CouponTerms, Refusal
from bnaura_desk.domain.customer import Channel, ConsentPurpose, CustomerForm, Gender
from bnaura_desk.domain.errors import DeskError
from bnaura_desk.domain.loyalty_program import award_id
from bnaura_desk.domain.payments import PaymentMethod, Tender
from bnaura_desk.domain.points import PointsSource
from bnaura_desk.domain.referral import ALPHABET, TAG_LENGTH
from bnaura_desk.domain.refunds import ReturnLine
from bnaura_desk.domain.roles import Role
from bnaura_desk.domain.synced import CUSTOMER, STAFF
from bnaura_desk.services import catalog as catalog_service
from bnaura_desk.services import counter, loyalty, refunds, shifts
from bnaura_desk.services import coupons as coupon_service
from bnaura_desk.services import customers as customer_service
from bnaura_desk.services import staff as staff_service
from bnaura_desk.services.context import SYSTEM, Actor
from bnaura_desk.services.setup import init_database
from bnaura_desk.services.sync_state import set_up_enrolled_device, sync_state
from bnaura_desk.store.engine import open_engine
from bnaura_desk.store.models import (
    CatalogItem,
    ConsentEvent,
    CouponUse,
    Customer,
    DeviceState,
    OutboxOperation,
    ParkedChange,
    PointsEntry,
    Refund,
    Sale,
    SaleLine,
    Staff,
    StockMovement,
    SyncExceptionRow,
    Visit,
)
from bnaura_desk.terminal import Terminal
from sync.client.engine import SyncReport, sync_once
from sync.client.http import ServerUnavailable, SyncError, error_for
from sync.protocol import (
    MAX_PULL,
    MAX_SKEW_MS,
    PROTOCOL_VERSION,
    EnrollRequest,
    ErrorBody,
    Operation,
    PullResponse,
    PushRequest,
    PushResponse,
)
from sync.server import admin
from sync.server.apply import ApplyRefused
from sync.server.auth import ApiError, authenticate, check_operations
from sync.server.coupons import USE_SCOPE
from sync.server.db import server_engine
from sync.server.enroll import enroll
from sync.server.models import AppliedOperation, Device, Record, RuleClaim, RuleMove, ServerChain, SyncException
from sync.server.pull import pull
from sync.server.push import push
from sync.server.schema import upgrade
from sync.server.scope import chain_sessions, for_device
from tests.conftest import FakeClock
from tests.sync import rule_entities as rules
from tests.sync.rule_entities import TEST_REGISTRY, TEST_RULES, TEST_STORAGE
from tests.sync.sim_journeys import DUMPED as WORKFLOW_DUMP
from tests.sync.sim_journeys import Workflow

START = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok
DEFAULT_STEPS = 150  # per seed in bench.soak; the test runs fewer (CI_STEPS)
# What tests/sync/test_simulation.py runs on every test run: seeds 1..CI_SEEDS of CI_STEPS steps. Kept
# small (the suite's time is bounded); ``python -m bench.soak --ci`` runs many more of the same shape.
CI_SEEDS = 20
CI_STEPS = 80
TERMINALS = 3
MAX_SKEW_S = 240.0  # ±4 minutes: below the server's bound (MAX_SKEW_MS, 5 minutes)
FINAL_ROUNDS = 8  # sync rounds at the end before "not quiet" is a failure

# The synced fields of each profile entity, as the terminal keeps them.
# Rule-governed operations (tests/sync/rule_entities.py): a few keys, so terminals collide.
RULE_TOKENS = ("COUPON-1", "COUPON-2", "COUPON-3", "COUPON-4")
RULE_ACCOUNTS = ("member-1", "member-2")
RULE_SUBJECTS = tuple(f"00000005-0000-7000-8000-{n:012x}" for n in range(3))
# Coupons of the chain (issued at set-up), by how many uses each allows.
COUPON_LIMITS = (1, 1, 1, 1, 2, 2, 3, 3)
COUPON_CART = [CartLine("sim-item", ItemKind.TREATMENT, 120_000)]
# What the dumps hold of the rule-governed entities.
RULE_DUMP = {"test_token_use": ("token", "sale"), "test_tally_entry": ("account", "delta"),
             "test_move": ("subject_id", "to"), "test_subject": ("title", "stage")}
CUSTOMER_FIELDS = tuple(f.name for f in CUSTOMER.fields)
STAFF_FIELDS = tuple(f.name for f in STAFF.fields)
# Ledger fields the server's record carries (the payload of the operation).
VISIT_FIELDS = ("customer_id", "at", "staff_id", "branch_id")
STOCK_FIELDS = ("item_id", "quantity", "reason")
# Dumped entities a terminal holds only of its own branch (or, for exceptions, partly).
BRANCH_ONLY_DUMP = ("stock", "sync_exception", *WORKFLOW_DUMP)
BRANCH_OF_NODE = (0, 0, 1)  # T0 and T1 at the first branch, T2 at the second
CONSENT_FIELDS = ("customer_id", "purpose", "granted", "note", "at", "recorded_by_id")


def replay_command(seed: int, steps: int, far_ahead: bool = False) -> str:
    """Return the command line that replays one seed."""
    return f"python -m bench.soak --seed {seed} --steps {steps}{' --far-ahead' if far_ahead else ''}"


# ---------------------------------------------------------------- time


class NodeClock:
    """A terminal's clock: the world's time plus this machine's skew.

    Every reading moves the world one millisecond on (``FakeClock``), so
    no two readings anywhere are the same instant. The skew may change
    (an NTP correction), so a terminal's clock can jump backwards.
    """

    def __init__(self, world: FakeClock, skew: timedelta) -> None:
        self.world = world
        self.skew = skew

    def __call__(self) -> datetime:
        return self.world() + self.skew


# ---------------------------------------------------------------- faults


class ClientKilled(Exception):
    """The terminal's process died here (not a ``SyncError``: nothing in sync_once handles it)."""


class Fault:
    """What goes wrong with a terminal's next request of one kind (armed by a step)."""

    LOST_PUSH_ANSWER = "lost-push-answer"  # the server applied the batch; the answer never came
    KILL_AFTER_PUSH = "kill-after-push"  # the server applied the batch; the terminal died
    SERVER_CRASH_MID_BATCH = "server-crash-mid-batch"  # the server applied part of the batch, then died
    LOST_PULL_ANSWER = "lost-pull-answer"
    KILL_AFTER_PULL = "kill-after-pull"  # the page was read on the server; the terminal died

    PUSH = (LOST_PUSH_ANSWER, KILL_AFTER_PUSH, SERVER_CRASH_MID_BATCH)
    PULL = (LOST_PULL_ANSWER, KILL_AFTER_PULL)


def unavailable() -> ServerUnavailable:
    """The client's error for a connection failure, a time-out or a 5xx."""
    error = error_for(503, None)
    assert isinstance(error, ServerUnavailable)
    return error


# ---------------------------------------------------------------- the server


class SimServer:
    """The clinic server process over a real server database file.

    ``restart`` disposes the engine and opens the file again, as a new
    process would (migrating first, like ``bnaura server``). While ``up``
    is false every request fails as unreachable.
    """

    def __init__(self, path: Path, clock: FakeClock) -> None:
        self.path = path
        self.clock = clock
        self.up = True
        self.restarts = 0
        self.engine: Engine
        self.sessions: sessionmaker[Session]
        self._open()

    def _open(self) -> None:
        self.engine = server_engine(f"sqlite:///{self.path}")
        upgrade(self.engine)
        self.sessions = chain_sessions(self.engine)

    def restart(self) -> None:
        self.engine.dispose()
        self._open()
        self.restarts += 1

    def close(self) -> None:
        self.engine.dispose()

    # --- what the routes of sync.server.app do, without HTTP -------------------------

    def _device(self, token: str) -> Device:
        with self.sessions() as session:
            device = authenticate(session, token, self.clock())
            session.commit()
            return device

    def push(self, token: str, device_id: str, operations: list[Operation]) -> PushResponse:
        """``POST /v1/push``: apply the batch; refusals raise the client's typed error."""
        with _as_http():
            device = self._device(token)
            if device_id != device.id:
                raise ApiError(403, "foreign_device", "The push names another device than this token's")
            with for_device(self.sessions, device.token_sha256)() as session:
                check_operations(session, device, operations)
            request = PushRequest(protocol=PROTOCOL_VERSION, device_id=device_id, operations=operations)
            return push(  # type: ignore[arg-type]
                for_device(self.sessions, device.token_sha256), device.id, request, self.clock,
                registry=TEST_REGISTRY, rules=TEST_RULES,
            )

    def pull(self, token: str, after: int, limit: int) -> PullResponse:
        """``GET /v1/pull``: the clinic's changes after ``after``."""
        with _as_http():
            device = self._device(token)
            with for_device(self.sessions, device.token_sha256)() as session:
                return pull(session, device.chain_id, device.branch_id, after, min(max(limit, 1), MAX_PULL))


class _as_http:
    """Turn the server's refusals into what the client makes of the HTTP answer.

    The same mapping as the app's exception handlers: ``ApiError`` and
    ``ApplyRefused`` are their status and ``ErrorBody``; a write conflict or
    a database failure is a 503.
    """

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, _tb: object) -> None:
        # Returns None: an exception is never swallowed, only replaced.
        if isinstance(error, (ApiError, ApplyRefused)):
            body = ErrorBody(code=error.code, message=error.message, detail=error.detail)
            raise error_for(error.status, body) from None
        if isinstance(error, (IntegrityError, OperationalError)):
            raise unavailable() from None


# ---------------------------------------------------------------- terminals


@dataclass
class Node:
    """One terminal: its file, clock, token and the state of its network."""

    name: str
    path: Path
    clock: NodeClock
    device_id: str
    token: str
    terminal: Terminal
    branch_id: str = ""
    partitioned: bool = False
    fault: str | None = None  # armed for its next request of that kind
    kills: int = 0
    last_synced_at: datetime = START  # world time of its last complete round
    longest_offline: timedelta = timedelta(0)

    def reopen(self) -> None:
        """The process died: drop the open database and start again from the file."""
        self.terminal.close()
        self.terminal = open_terminal(self.path, self.clock)
        self.kills += 1


def open_terminal(path: Path, clock: NodeClock) -> Terminal:
    """Open a terminal that also journals the rule-governed operation types of the tests."""
    terminal = Terminal.open(path, clock=clock)
    terminal.synced = TEST_REGISTRY
    return terminal


class Link:
    """A terminal's transport (``sync.client.engine.Transport``) to the in-process server.

    It fails like a network: partitioned terminal or server down →
    ``ServerUnavailable`` before the server sees anything; an armed fault
    loses the answer, kills the terminal after the server acted, or crashes
    the server in the middle of a batch. ``interleave`` runs a local use
    case while the request is in flight (the app's UI commits beside sync).
    """

    def __init__(self, sim: Simulation, node: Node) -> None:
        self.sim = sim
        self.node = node

    def _reachable(self) -> None:
        if self.node.partitioned or not self.sim.server.up:
            raise unavailable()

    def push(self, device_id: str, operations: list[Operation]) -> PushResponse:
        self._reachable()
        self.sim.maybe_interleave(self.node, "push")
        fault = self.node.fault if self.node.fault in Fault.PUSH else None
        if fault is not None:
            self.node.fault = None
            self.sim.counts[f"fault {fault}"] += 1
        if fault == Fault.SERVER_CRASH_MID_BATCH:
            applied = self.sim.rng.randrange(len(operations))  # 0..n-1 of them, then the crash
            if applied:
                self.sim.server.push(self.node.token, device_id, operations[:applied])
            self.sim.server.restart()
            self.sim.note(f"  server crashed after {applied} of {len(operations)} operations")
            raise unavailable()
        response = self.sim.server.push(self.node.token, device_id, operations)
        self.sim.maybe_interleave(self.node, "push answer")
        if fault == Fault.LOST_PUSH_ANSWER:
            raise unavailable()
        if fault == Fault.KILL_AFTER_PUSH:
            raise ClientKilled(fault)
        return response

    def pull(self, after: int, limit: int) -> PullResponse:
        self._reachable()
        self.sim.maybe_interleave(self.node, "pull")
        fault = self.node.fault if self.node.fault in Fault.PULL else None
        if fault is not None:
            self.node.fault = None
            self.sim.counts[f"fault {fault}"] += 1
        response = self.sim.server.pull(self.node.token, after, limit)
        # After the server read the page and before the terminal applies it:
        # a local edit here is newer than what the page says.
        self.sim.maybe_interleave(self.node, "pull answer")
        if fault == Fault.LOST_PULL_ANSWER:
            raise unavailable()
        if fault == Fault.KILL_AFTER_PULL:
            raise ClientKilled(fault)
        return response


# ---------------------------------------------------------------- the result


@dataclass
class SimulationResult:
    """What one seed did and whether every node ended with the same data.

    ``failure`` is empty when the run converged; otherwise it names the
    seed, the command that replays it, what differed and the last steps.
    """

    seed: int
    steps: int
    far_ahead: bool = False
    failure: str = ""
    counts: Counter[str] = field(default_factory=Counter)
    operations: int = 0  # outbox operations written on all terminals
    simulated: timedelta = timedelta(0)
    longest_offline: timedelta = timedelta(0)
    final_rounds: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process's CPU time for the seed (steady on a loaded machine, unlike ``seconds``)
    trace_digest: str = ""

    @property
    def ok(self) -> bool:
        return not self.failure

    @property
    def replay(self) -> str:
        return replay_command(self.seed, self.steps, self.far_ahead)

    def check(self) -> None:
        """Raise ``AssertionError`` with the failure message when the run did not converge."""
        if self.failure:
            raise AssertionError(self.failure)


class Diverged(AssertionError):
    """A final check failed; the message says what differed."""


# ---------------------------------------------------------------- value pools

THAI_FIRST = ["สมหญิง", "มาลี", "วันดี", "กมล", "ปรียา", "สุดา", "อรุณี", "นภา", "พิมพ์", "ศิริ"]
THAI_LAST = ["ใจดี", "สุขใจ", "รักษ์ไทย", "ทองคำ", "ศรีสุข", "แสงดาว"]
EN_NAMES = ["", "Somying", "Malee", "Wandee", "Kamon", "Preeya", "Suda"]
NICKNAMES = ["", "Nok", "Pim", "Fon", "Aom", "Mint", "Ploy", "Bee"]
NOTES = ["", "oily T-zone", "sensitive skin", "acne scars", "melasma", "likes mint scent", "ผิวแพ้ง่าย"]
QUIET = [(None, None), (time(21, 0), time(8, 0)), (time(22, 30), time(7, 0))]
# Edited most: several terminals writing the same field of the same customer.
HOT_FIELDS = ["nickname", "phone", "skin_notes", "name_en"]
COLD_FIELDS = ["name_th", "email", "line_id", "birthday", "gender", "channels", "quiet", "opted_out"]
PHONE_POOL = 40  # small enough that two terminals sometimes take the same number offline


def _uuid7_from(rng: Random, at: datetime) -> str:
    """A well-formed UUIDv7 drawn from the seeded generator (device and clinic ids)."""
    ms = int(at.timestamp() * 1000)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rng.getrandbits(12) << 64 | 0b10 << 62 | rng.getrandbits(62)
    return str(uuid.UUID(int=value))


# ---------------------------------------------------------------- the simulation


class Simulation:
    """One seeded run: setup, random steps, settling, checks."""

    def __init__(
        self,
        seed: int,
        workdir: Path,
        *,
        steps: int = DEFAULT_STEPS,
        max_skew_s: float = MAX_SKEW_S,
        far_ahead: bool = False,
        interleave: float = 0.12,
    ) -> None:
        self.seed = seed
        self.steps = steps
        self.rng = Random(seed)
        self.workdir = workdir
        self.max_skew_s = max_skew_s
        self.far_ahead = far_ahead
        self.interleave_p = interleave
        self.interleaving = False  # no interleave inside an interleaved action
        self.world = FakeClock(START)
        self.trace: list[str] = []
        self.counts: Counter[str] = Counter()
        self.phones = [f"0{self.rng.choice('689')}{self.rng.randrange(10**8):08d}" for _ in range(PHONE_POOL)]
        # What committed, in the order it did: the truth the nodes are checked against.
        self.customers: list[str] = []  # registration order; never steered by id values
        self.customer_index: dict[str, int] = {}
        self.visits: list[str] = []
        self.consents: list[str] = []
        self.stock: dict[str, list[str]] = {}  # branch id -> movements committed there
        self.coupons: list[tuple[str, str, int]] = []  # (id, code, usage limit)
        self.coupon_uses: list[str] = []
        self.points_entries: list[str] = []  # a manager's adjustments (each made once, on one terminal)
        self.sales: list[tuple[str, str]] = []  # (sale id, branch id) of each checkout committed
        self.refunds: list[str] = []  # refunds committed
        workdir.mkdir(parents=True, exist_ok=True)
        self.server = SimServer(workdir / "server.sqlite", self.world)
        self.clinic_id = _uuid7_from(self.rng, START)
        self.nodes: list[Node] = []
        self.actors: list[Actor] = []
        self.workflow = Workflow(self)  # journeys, tasks, appointments (tests/sync/sim_journeys.py)

    # ------------------------------------------------------------ bookkeeping

    def note(self, line: str) -> None:
        self.trace.append(line)

    def _label(self, customer_id: str) -> str:
        """The customer's name in the trace: ``c<n>``, n-th registered (ids differ per replay)."""
        return f"c{self.customer_index.get(customer_id, -1)}"

    def _id_label(self, row_id: str) -> str:
        index = self.customer_index.get(row_id)
        return row_id if index is None else f"{row_id} (c{index})"

    # ------------------------------------------------------------ setup

    def set_up(self) -> None:
        """The owner adds the clinic on the server; three empty terminals join it.

        Each terminal is enrolled with a one-time code through the server's
        real ``enroll`` and set up as ``join_clinic`` does, with a device id
        from the seed (so clock ties between devices break the same way on
        every replay) and a distinct referral tag (the design draws one per
        device and relies on them differing).
        """
        with self.server.sessions() as s:
            admin.add_clinic(s, "คลินิกจำลอง", self.world(), self.clinic_id)
            second = admin.add_branch(s, self.clinic_id, "สาขาจำลองสอง", self.world(),
                                      _uuid7_from(self.rng, START))
            s.commit()
        self.branch_ids = [self.clinic_id, second.id]
        tags: list[str] = []
        while len(tags) < TERMINALS:
            tag = "".join(self.rng.choice(ALPHABET) for _ in range(TAG_LENGTH))
            if tag not in tags:
                tags.append(tag)
        for i in range(TERMINALS):
            name = f"T{i}"
            skew = self._new_skew()
            clock = NodeClock(self.world, skew)
            device_id = _uuid7_from(self.rng, START)
            with self.server.sessions() as s:
                _, code = admin.new_enrollment_code(s, self.branch_ids[BRANCH_OF_NODE[i]], self.world())
                s.commit()
            answer = enroll(
                self.server.sessions,
                EnrollRequest(protocol=PROTOCOL_VERSION, code=code.code, device_id=device_id, device_name=name),
                "10.0.0.1",
                self.world,
            )
            path = self.workdir / f"{name}.sqlite"
            init_database(path)
            db = open_engine(path)
            rules.create_tables(db.engine)
            try:
                with Session(db.engine) as s:
                    set_up_enrolled_device(
                        s, device_id=device_id, chain_id=answer.chain_id, chain_name=answer.chain_name,
                        branch_id=answer.branch_id, branch_name=answer.branch_name, branch_no=answer.branch_no,
                        device_name=name, server_url="sim:", token=answer.token, now=clock(),
                    )
                    s.execute(update(DeviceState).values(referral_tag=tags[i]))
                    s.commit()
            finally:
                db.close()
            node = Node(name, path, clock, device_id, answer.token, open_terminal(path, clock), answer.branch_id)
            self.nodes.append(node)
            self.note(f"setup {name} skew {skew.total_seconds():+.3f}s")
        # Staff, made on two terminals and synced to all before the day starts:
        # every later change is made by a signed-in person, so the outbox
        # carries actor ids and the ledgers staff ids.
        for node, role, pin in ((self.nodes[0], Role.MANAGER, "3691"), (self.nodes[1], Role.FRONT_DESK, "4826")):
            name = f"{role.value} of {node.name}"
            staff_id = node.terminal.run(staff_service.create_staff, name, role, pin, actor=SYSTEM).result
            self.actors.append(Actor(staff_id, name, role))
        # A product of the chain's catalog, whose stock each branch counts.
        self.product = self.nodes[0].terminal.run(
            catalog_service.create_item, ItemForm(kind=ItemKind.PRODUCT, name_th="เซรั่มจำลอง", sku="SIM-1",
                                                  price_satang=59_000), actor=SYSTEM).result
        # A treatment the counters sell (two at a time) and refund.
        self.treatment = self.nodes[0].terminal.run(
            catalog_service.create_item, ItemForm(kind=ItemKind.TREATMENT, name_th="ทรีตเมนต์จำลอง",
                                                  price_satang=120_000, duration_minutes=30), actor=SYSTEM).result
        for limit in COUPON_LIMITS:
            issued = self.nodes[0].terminal.run(
                coupon_service.issue_coupon, CouponTerms(CouponKind.PERCENT, percent=10, usage_limit=limit),
                actor=SYSTEM).result
            self.coupons.append((issued.id, issued.code, limit))
        self.workflow.set_up()
        for _ in range(2):
            for node in self.nodes:
                self._sync(node, quiet=True)

    def _new_skew(self) -> timedelta:
        if self.far_ahead and self.rng.random() < 0.15:
            # Beyond the server's bound: its clocks are bounded and reported.
            return timedelta(milliseconds=self.rng.uniform(MAX_SKEW_MS + 1000, 4 * MAX_SKEW_MS))
        return timedelta(seconds=self.rng.uniform(-self.max_skew_s, self.max_skew_s))

    # ------------------------------------------------------------ local actions

    def _actor(self, *, delete: bool = False, stock: bool = False) -> Actor:
        if delete or stock:
            return self.actors[0]  # only the manager may delete or move stock
        return self.rng.choice(self.actors)

    def _live_customers(self, node: Node) -> list[str]:
        live = set(
            node.terminal.read(lambda s: list(s.scalars(select(Customer.id).where(Customer.deleted_at.is_(None)))))
        )
        # In registration order: the choice never depends on the ids' values.
        return [c for c in self.customers if c in live]

    def _attempt(self, node: Node, what: str, use_case: Callable[..., Any], *args: Any, actor: Actor,
                 **kwargs: Any) -> Any:
        """Run a use case; a refusal by the app's rules (duplicate phone...) is a normal outcome."""
        try:
            result = node.terminal.run(use_case, *args, actor=actor, **kwargs).result
        except DeskError as refusal:
            self.counts[f"refused {what}"] += 1
            self.note(f"{node.name} {what}: refused ({type(refusal).__name__})")
            return None
        self.counts[what] += 1
        return result

    def register(self, node: Node) -> None:
        form = CustomerForm(
            name_th=f"{self.rng.choice(THAI_FIRST)} {self.rng.choice(THAI_LAST)}",
            name_en=self.rng.choice(EN_NAMES),
            nickname=self.rng.choice(NICKNAMES),
            phone=self.rng.choice(self.phones),
        )
        consents: dict[ConsentPurpose, bool] = {}
        if self.rng.random() < 0.3:
            consents = {ConsentPurpose.TREATMENT_RECORDS: True, ConsentPurpose.MARKETING: self.rng.random() < 0.5}
        actor = self._actor()
        try:
            changes = node.terminal.run(customer_service.register_customer, form, consents, actor=actor)
        except DeskError as refusal:
            self.counts["refused register"] += 1
            self.note(f"{node.name} register: refused ({type(refusal).__name__})")
            return
        customer_id = changes.result
        self.customer_index[customer_id] = len(self.customers)
        self.customers.append(customer_id)
        # Consents given at registration are ledger rows too.
        made = node.terminal.read(
            lambda s: list(s.scalars(select(ConsentEvent.id).where(ConsentEvent.customer_id == customer_id)))
        )
        self.consents.extend(sorted(made))
        self.counts["register"] += 1
        self.note(f"{node.name} register {self._label(customer_id)} consents {len(made)}")

    def _field_change(self, form: CustomerForm, name: str) -> dict[str, Any]:
        rng = self.rng
        if name == "nickname":
            return {"nickname": rng.choice(NICKNAMES)}
        if name == "phone":
            return {"phone": rng.choice(self.phones)}
        if name == "skin_notes":
            return {"skin_notes": rng.choice(NOTES)}
        if name == "name_en":
            return {"name_en": rng.choice(EN_NAMES) or ("" if form.name_th else "Guest")}
        if name == "name_th":
            return {"name_th": f"{rng.choice(THAI_FIRST)} {rng.choice(THAI_LAST)}"}
        if name == "email":
            return {"email": rng.choice(["", f"c{rng.randrange(50)}@example.com"])}
        if name == "line_id":
            return {"line_id": rng.choice(["", f"line.{rng.randrange(1000):04d}"])}
        if name == "birthday":
            return {"birthday": rng.choice([None, date(rng.randrange(1960, 2006), rng.randrange(1, 13), rng.randrange(1, 29))])}
        if name == "gender":
            return {"gender": rng.choice(list(Gender))}
        if name == "channels":
            return {"channels": tuple(rng.sample(list(Channel), rng.randrange(0, 4)))}
        if name == "quiet":
            start, end = rng.choice(QUIET)
            return {"quiet_start": start, "quiet_end": end}
        return {"opted_out": rng.random() < 0.5}

    def edit(self, node: Node) -> None:
        live = self._live_customers(node)
        if not live:
            return self.register(node)
        # Most edits go to the first few customers, so terminals collide.
        customer_id = self.rng.choice(live[:4]) if self.rng.random() < 0.6 else self.rng.choice(live)
        form = node.terminal.read(customer_service.get_customer, customer_id).form
        changes: dict[str, Any] = {}
        for _ in range(self.rng.choice((1, 1, 2, 3))):
            pool = HOT_FIELDS if self.rng.random() < 0.7 else COLD_FIELDS
            changes.update(self._field_change(form, self.rng.choice(pool)))
        self._attempt(node, "edit", customer_service.update_customer, customer_id, form.with_changes(**changes), actor=self._actor())
        self.note(f"{node.name} edit {self._label(customer_id)} {sorted(changes)}")

    def delete(self, node: Node) -> None:
        live = self._live_customers(node)
        if len(live) < 3:
            return self.register(node)
        customer_id = self.rng.choice(live)
        self._attempt(node, "delete", customer_service.delete_customer, customer_id, actor=self._actor(delete=True))
        self.note(f"{node.name} delete {self._label(customer_id)}")

    def consent(self, node: Node) -> None:
        live = self._live_customers(node)
        if not live:
            return self.register(node)
        customer_id = self.rng.choice(live)
        purpose = self.rng.choice(list(ConsentPurpose))
        granted = self.rng.random() < 0.5
        event_id = self._attempt(
            node, "consent", customer_service.record_consent, customer_id, purpose, granted, actor=self._actor()
        )
        if event_id is not None:
            self.consents.append(event_id)
        self.note(f"{node.name} consent {self._label(customer_id)} {purpose.value} {granted} -> {event_id is not None}")

    def check_in(self, node: Node) -> None:
        live = self._live_customers(node)
        if not live:
            return self.register(node)
        customer_id = self.rng.choice(live)
        visit_id = self._attempt(node, "check-in", customer_service.check_in, customer_id, actor=self._actor())
        if visit_id is not None:
            self.visits.append(visit_id)
        self.note(f"{node.name} check-in {self._label(customer_id)}")

    def stock_move(self, node: Node) -> None:
        """Stock received at this branch, or sold from it (refused when it would go below zero)."""
        here = node.terminal.read(lambda s: s.get(CatalogItem, self.product) is not None)
        if not here:
            return self.register(node)
        if self.rng.random() < 0.5:
            quantity, reason = self.rng.randint(1, 12), StockReason.RECEIVED
        else:
            quantity, reason = -self.rng.randint(1, 4), StockReason.SOLD
        movement = self._attempt(node, "stock", catalog_service.move_stock, self.product, quantity, reason,
                                 actor=self._actor(stock=True))
        if movement is not None:
            self.stock.setdefault(node.branch_id, []).append(movement)
        self.note(f"{node.name} stock {quantity:+d} -> {movement is not None}")

    def rule_action(self, node: Node) -> None:
        """An operation a server rule settles: a token used, a tally moved, a subject opened or moved."""
        what = self.rng.choices(("use", "tally", "open", "move", "coupon"), (2, 2, 1, 3, 2))[0]
        if what == "coupon":
            index = self.rng.randrange(len(self.coupons))
            used = self._attempt(node, "coupon use", coupon_service.record_coupon_use, self.coupons[index][1],
                                 COUPON_CART, actor=self._actor())
            if used is not None:
                self.coupon_uses.append(used.use_id)
            self.note(f"{node.name} use coupon {index} -> {used is not None}")
        elif what == "use":
            token = self.rng.choice(RULE_TOKENS)
            self._attempt(node, "token use", rules.use_token, token, actor=self._actor())
            self.note(f"{node.name} use token {token}")
        elif what == "tally":
            account, delta = self.rng.choice(RULE_ACCOUNTS), self.rng.randint(-300, 400)
            self._attempt(node, "tally", rules.add_to_tally, account, delta, actor=self._actor())
            self.note(f"{node.name} tally {account} {delta:+d}")
        else:
            subject = RULE_SUBJECTS[self.rng.randrange(len(RULE_SUBJECTS))]
            here = node.terminal.read(lambda s: s.get(rules.Subject, subject) is not None)
            if what == "open" or not here:  # a card is moved where it is seen
                self._attempt(node, "open subject", rules.open_subject, subject, actor=self._actor())
                self.note(f"{node.name} open subject {subject[-4:]}")
            else:
                to = self.rng.choice(rules.STAGES[1:])
                self._attempt(node, "move subject", rules.move_subject, subject, to, actor=self._actor())
                self.note(f"{node.name} move subject {subject[-4:]} to {to}")

    def loyalty_action(self, node: Node) -> None:
        """Points earned or spent by hand (a manager), a review, or the daily jobs run on this terminal."""
        live = self._live_customers(node)
        if not live:
            return self.register(node)
        customer_id = self.rng.choice(live)
        what = self.rng.choices(("earn", "spend", "review", "daily"), (3, 4, 1, 2))[0]
        manager = self.actors[0]
        if what == "earn":
            amount = self.rng.randint(1, 400)
            entry = self._attempt(node, "points earn", loyalty.adjust_points, customer_id, amount, "sim", actor=manager)
            if entry is not None:
                self.points_entries.append(entry)
            self.note(f"{node.name} points {self._label(customer_id)} +{amount}")
        elif what == "spend":
            # What a terminal offers to spend is what its own fold shows; two
            # terminals may spend the same points offline (both stand).
            balance = node.terminal.read(loyalty.points_summary, customer_id, node.clock()).balance
            if balance <= 0:
                self.note(f"{node.name} points {self._label(customer_id)}: nothing to spend ({balance})")
                return None
            amount = self.rng.randint(1, balance)
            entry = self._attempt(node, "points spend", loyalty.adjust_points, customer_id, -amount, "sim",
                                  actor=manager)
            if entry is not None:
                self.points_entries.append(entry)
            self.note(f"{node.name} points {self._label(customer_id)} -{amount}")
        elif what == "review":
            self._attempt(node, "review", loyalty.record_review, customer_id, actor=self._actor())
            self.note(f"{node.name} review {self._label(customer_id)}")
        else:
            report = self._attempt(node, "daily loyalty jobs", loyalty.run_daily_jobs, actor=manager)
            self.note(f"{node.name} daily loyalty jobs {report}")
        return None

    def counter_action(self, node: Node) -> None:
        """A sale of two treatments paid by transfer (the shift opened first), or a refund of one of the branch's.

        A refund gives back one treatment or all that is left, at the
        branch that sold it, on whichever of its terminals holds the sale:
        two terminals offline may give back the same sale twice (both stand,
        the server reports it).
        """
        manager = self.actors[0]
        held = set(node.terminal.read(lambda s: list(s.scalars(select(Sale.id)))))
        ours = [sale_id for sale_id, branch_id in self.sales if branch_id == node.branch_id and sale_id in held]
        if ours and self.rng.random() < 0.4:
            sale_id = self.rng.choice(ours)
            # Its line may not be here yet (a pull page can end between a sale and its lines).
            line = node.terminal.read(lambda s: s.scalars(select(SaleLine.id).where(SaleLine.sale_id == sale_id)).first())
            lines = None if line is None or self.rng.random() < 0.5 else [ReturnLine(line, 1)]
            done = self._attempt(node, "refund", refunds.refund_sale, sale_id, lines, PaymentMethod.TRANSFER, "sim",
                                 actor=manager)
            if done is not None:
                self.refunds.append(done.refund_id)
            self.note(f"{node.name} refund {'all' if lines is None else 'one'} of sale {self.sales_index(sale_id)} "
                      f"-> {done.amount_satang if done is not None else None}")
            return
        if node.terminal.read(shifts.open_shift_of, node.device_id) is None:
            self._attempt(node, "open shift", shifts.open_shift, 100_000, actor=manager)
        live = self._live_customers(node)
        customer_id = self.rng.choice(live) if live and self.rng.random() < 0.7 else None
        self._checkout(node, customer_id)

    def sell(self, node: Node, customer_id: str) -> str | None:
        """Sell the treatment to ``customer_id`` on ``node`` (opening its shift first); return the sale's id."""
        if node.terminal.read(shifts.open_shift_of, node.device_id) is None:
            self._attempt(node, "open shift", shifts.open_shift, 100_000, actor=self.actors[0])
        return self._checkout(node, customer_id)

    def _checkout(self, node: Node, customer_id: str | None) -> str | None:
        """Two treatments paid in full by transfer; return the sale's id (None: refused)."""
        order_lines = (counter.OrderLine(self.treatment, quantity=2),)
        try:
            due = node.terminal.read(counter.quote, counter.Order(order_lines, (), customer_id=customer_id),
                                     node.clock()).priced.total_satang
        except DeskError:
            due = 1  # the member was deleted meanwhile: checkout refuses it below
        tender = Tender(PaymentMethod.TRANSFER, due, reference="SIM")
        done = self._attempt(node, "sale", counter.checkout,
                             counter.Order(order_lines, (tender,), customer_id=customer_id), actor=self._actor())
        if done is not None:
            self.sales.append((done.sale_id, node.branch_id))
        who = self._label(customer_id) if customer_id else "walk-in"
        self.note(f"{node.name} sale to {who} -> {done.total_satang if done is not None else None}")
        return str(done.sale_id) if done is not None else None

    def sales_index(self, sale_id: str) -> int:
        """The sale's place among the sales committed (its label in the trace: ids differ per replay)."""
        return next(i for i, (s, _) in enumerate(self.sales) if s == sale_id)

    def local_action(self, node: Node) -> None:
        """One thing staff do at the counter."""
        action = self.rng.choices(
            (self.register, self.edit, self.delete, self.consent, self.check_in, self.rule_action, self.stock_move,
             self.loyalty_action, self.counter_action, self.workflow.act),
            (3, 6, 1, 2, 3, 6, 2, 4, 4, 12),
        )[0]
        action(node)

    def maybe_interleave(self, node: Node, moment: str) -> None:
        """Sometimes commit a local change while a request is in flight (UI beside sync)."""
        if self.interleaving or self.rng.random() >= self.interleave_p:
            return
        self.interleaving = True
        try:
            self.note(f"  during {moment}:")
            self.counts["interleaved"] += 1
            self.local_action(node)
        finally:
            self.interleaving = False

    # ------------------------------------------------------------ sync and faults

    def _sync(self, node: Node, *, quiet: bool = False, batch: int = 200, page: int = MAX_PULL) -> SyncReport | None:
        """One ``sync_once``; an unreachable server or a kill is an expected outcome."""
        link = Link(self, node)
        try:
            report = sync_once(node.terminal, link, batch=batch, page=page, storage=TEST_STORAGE)  # type: ignore[arg-type]
        except ServerUnavailable:
            self.counts["sync unavailable"] += 1
            if not quiet:
                self.note(f"{node.name} sync: unavailable")
            return None
        except ClientKilled as killed:
            self.counts[f"killed {killed}"] += 1
            self.note(f"{node.name} sync: killed ({killed}); reopened")
            node.reopen()
            return None
        except SyncError as refusal:
            # Every other refusal means the protocol went wrong: stop here.
            raise Diverged(f"{node.name}: sync refused unexpectedly: {type(refusal).__name__}: {refusal.render()}") from refusal
        finally:
            node.fault = None
        gone = self.world.now - node.last_synced_at
        node.longest_offline = max(node.longest_offline, gone)
        node.last_synced_at = self.world.now
        self.counts["sync"] += 1
        self.counts["ops answered"] += report.pushed
        self.counts["ops answered as duplicate"] += report.duplicates
        self.counts["ops with exception"] += report.exceptions
        self.counts["changes pulled"] += report.pulled
        if not quiet:
            self.note(
                f"{node.name} sync batch {batch} page {page}: pushed {report.pushed} "
                f"(dup {report.duplicates}, exc {report.exceptions}, rej {report.rejected}) pulled {report.pulled}"
            )
        return report

    def sync(self, node: Node) -> None:
        # Small batches and pages as often as big ones: paging is where order breaks.
        batch = self.rng.choice((1, 2, 3, 5, 200))
        page = self.rng.choice((1, 2, 3, 7, MAX_PULL))
        self._sync(node, batch=batch, page=page)

    def sync_with_fault(self, node: Node) -> None:
        """Sync with a fault armed for its first push (or pull, when there is nothing to push)."""
        pending = node.terminal.read(
            lambda s: s.scalar(select(OutboxOperation.seq).where(OutboxOperation.outcome.is_(None)).limit(1))
        )
        node.fault = self.rng.choice(Fault.PUSH if pending is not None else Fault.PULL)
        self.note(f"{node.name} arm {node.fault}")
        self.sync(node)

    def partition(self, node: Node) -> None:
        node.partitioned = not node.partitioned
        self.counts["partition" if node.partitioned else "heal"] += 1
        self.note(f"{node.name} {'partitioned' if node.partitioned else 'healed'}")

    def server_down_or_up(self) -> None:
        self.server.up = not self.server.up
        if self.server.up:
            self.server.restart()  # the process comes back: a new engine on the same file
        self.counts["server up" if self.server.up else "server down"] += 1
        self.note(f"server {'up' if self.server.up else 'down'}")

    def restart_server(self) -> None:
        self.server.restart()
        self.counts["server restart"] += 1
        self.note("server restart")

    def kill(self, node: Node) -> None:
        node.reopen()
        self.counts["kill idle"] += 1
        self.note(f"{node.name} killed while idle; reopened")

    def reskew(self, node: Node) -> None:
        node.clock.skew = self._new_skew()
        self.counts["reskew"] += 1
        self.note(f"{node.name} skew {node.clock.skew.total_seconds():+.3f}s")

    def advance(self) -> None:
        r = self.rng.random()
        if r < 0.75:
            seconds = self.rng.uniform(0.001, 90)
        elif r < 0.95:
            seconds = self.rng.uniform(90, 6 * 3600)
        else:
            seconds = self.rng.uniform(6 * 3600, 3 * 86400)  # an outage of up to days
        self.world.advance(seconds=seconds)
        self.note(f"time +{seconds:.3f}s")

    def step(self) -> None:
        """One random step on a random terminal (or on the server, or on time)."""
        node = self.rng.choice(self.nodes)
        # An outage or a partition starts now and then and lasts a few steps
        # (during which time may jump by days); a healed network is the rule.
        actions: list[tuple[Callable[[], None], float]] = [
            (lambda: self.local_action(node), 40),
            (lambda: self.sync(node), 22),
            (lambda: self.sync_with_fault(node), 8),
            (lambda: self.partition(node), 10 if node.partitioned else 2.5),
            (self.server_down_or_up, 12 if not self.server.up else 1),
            (self.restart_server, 1.5),
            (lambda: self.kill(node), 1.5),
            (lambda: self.reskew(node), 2),
            (self.advance, 12),
        ]
        action = self.rng.choices([a for a, _ in actions], [w for _, w in actions])[0]
        action()

    # ------------------------------------------------------------ settle and check

    def settle(self) -> int:
        """Heal everything and sync every terminal until a whole round moves nothing.

        Returns the rounds it took.

        Raises:
            Diverged: still moving after ``FINAL_ROUNDS`` rounds, or a round
                could not reach the server.
        """
        self.server.up = True
        self.server.restart()
        for node in self.nodes:
            node.partitioned = False
            node.fault = None
        self.interleave_p = 0.0
        self.note("settle: all healed")
        for rounds in range(1, FINAL_ROUNDS + 1):
            self.world.advance(seconds=1)
            moved = 0
            for node in self.nodes:
                report = self._sync(node)
                if report is None:
                    raise Diverged(f"{node.name}: a sync with everything healed did not complete")
                moved += report.pushed + report.pulled
            if moved == 0:
                return rounds
        raise Diverged(f"still not quiet after {FINAL_ROUNDS} sync rounds with everything healed")

    def run(self) -> None:
        self.set_up()
        for i in range(self.steps):
            self.note(f"step {i}")
            self.step()

    def check(self) -> list[str]:
        """Return every difference found (empty when all nodes agree)."""
        problems: list[str] = []
        for node in self.nodes:
            server = self._server_dump(node.branch_id)
            local = self._terminal_dump(node)
            for entity in server:
                problems += _compare(entity, "server", server[entity], node.name, local[entity], self._id_label)
        first = self._terminal_dump(self.nodes[0], local_columns=True)
        for node in self.nodes[1:]:
            other = self._terminal_dump(node, local_columns=True)
            for entity in first:
                if entity in BRANCH_ONLY_DUMP and node.branch_id != self.nodes[0].branch_id:
                    continue  # each branch's own (compared with the server's above)
                problems += _compare(
                    entity, self.nodes[0].name, first[entity], node.name, other[entity], self._id_label
                )
        problems += self._check_operations()
        problems += self._check_ledgers(self._server_dump(self.nodes[0].branch_id))
        problems += self._check_stock()
        problems += self._check_coupons()
        problems += self._check_points()
        problems += self._check_counter()
        problems += self.workflow.check()
        return problems

    def _check_counter(self) -> list[str]:
        """Every sale and refund committed once everywhere, numbers without gap or twin, refunds beyond paid reported.

        Sales and refunds are chain-wide: every terminal holds all of them.
        Each terminal's receipt and credit note numbers run 1, 2, 3... with
        no gap and no number twice (the number's branch and terminal prefix
        keeps them apart across the chain). A sale given back beyond what
        was paid (two terminals offline) has a ``refund_beyond_paid``
        naming it on the server; one within what was paid has none.
        """
        problems: list[str] = []
        with self.server.sessions() as s:
            records = {entity: {r.id: r.data for r in s.scalars(select(Record).where(
                Record.chain_id == self.clinic_id, Record.entity == entity))} for entity in ("sale", "payment", "refund")}
            beyond = Counter(e.detail.get("sale_id") for e in s.scalars(select(SyncException).where(
                SyncException.chain_id == self.clinic_id, SyncException.kind == "refund_beyond_paid")))
        committed_sales = sorted(sale_id for sale_id, _ in self.sales)
        if sorted(records["sale"]) != committed_sales or sorted(records["refund"]) != sorted(self.refunds):
            problems.append(f"server: {len(records['sale'])} sales and {len(records['refund'])} refunds, "
                            f"{len(committed_sales)} and {len(self.refunds)} committed")
        for entity in ("sale", "refund"):
            series: dict[str, list[int]] = {}
            for data in records[entity].values():
                series.setdefault(str(data["number"]).rsplit("-", 1)[0], []).append(int(data["seq"]))
            for prefix, seqs in series.items():
                if sorted(seqs) != list(range(1, len(seqs) + 1)):
                    problems.append(f"server: {entity} numbers {prefix} run {sorted(seqs)}")
        paid, refunded = Counter[str](), Counter[str]()
        for data in records["payment"].values():
            paid[data["sale_id"]] += data["amount_satang"]
        for data in records["refund"].values():
            refunded[data["sale_id"]] += data["amount_satang"]
        for index, (sale_id, _) in enumerate(self.sales):
            over = refunded[sale_id] > paid[sale_id]
            if over != (beyond[sale_id] > 0):
                problems.append(f"server: sale {index} paid {paid[sale_id]}, refunded {refunded[sale_id]}, "
                                f"reported beyond paid {beyond[sale_id]} times")
        for node in self.nodes:
            held = node.terminal.read(lambda s: (sorted(s.scalars(select(Sale.id))), sorted(s.scalars(select(Refund.id)))))
            if held != (committed_sales, sorted(self.refunds)):
                problems.append(f"{node.name}: {len(held[0])} sales and {len(held[1])} refunds, "
                                f"{len(committed_sales)} and {len(self.refunds)} committed")
        return problems

    def _check_coupons(self) -> list[str]:
        """Every coupon use committed stands everywhere; the server's slots and reports match its limits.

        A coupon used U times, limit N: the server holds min(U, N) slots and
        raised max(0, U - N) ``claim_conflict``s; every terminal shows it
        used once U reaches N.
        """
        problems: list[str] = []
        committed = sorted(self.coupon_uses)
        with self.server.sessions() as s:
            uses = list(s.scalars(select(Record).where(Record.chain_id == self.clinic_id,
                                                       Record.entity == "coupon_use")))
            slots = Counter(c.key.rpartition("#")[0] for c in s.scalars(select(RuleClaim).where(
                RuleClaim.chain_id == self.clinic_id, RuleClaim.scope == USE_SCOPE)))
            reported = Counter(e.detail.get("coupon_id") for e in s.scalars(select(SyncException).where(
                SyncException.chain_id == self.clinic_id, SyncException.kind == "claim_conflict"))
                if e.detail.get("scope") == USE_SCOPE)
        if sorted(r.id for r in uses) != committed:
            problems.append(f"server: {len(uses)} coupon uses, {len(committed)} committed")
        counted = Counter(r.data.get("coupon_id") for r in uses)
        for index, (coupon_id, code, limit) in enumerate(self.coupons):
            n = counted[coupon_id]
            if (slots[coupon_id], reported[coupon_id]) != (min(n, limit), max(0, n - limit)):
                problems.append(f"server: coupon {index} used {n} times (limit {limit}) holds {slots[coupon_id]} "
                                f"slots and reported {reported[coupon_id]} conflicts")
            expected = Refusal.USED if n >= limit else None
            for node in self.nodes:
                shown = node.terminal.read(coupon_service.check_coupon_code, code, self.world()).refusal
                if shown is not expected:
                    problems.append(f"{node.name}: coupon {index} shows {shown}, {n} uses of {limit}")
        for node in self.nodes:
            held = sorted(node.terminal.read(lambda s: list(s.scalars(select(CouponUse.id)))))
            if held != committed:
                problems.append(f"{node.name}: {len(held)} coupon uses, {len(committed)} committed")
        return problems

    def _check_points(self) -> list[str]:
        """No point doubled or lost: the same entries everywhere, each counted once, the same balances and tiers."""
        problems: list[str] = []
        with self.server.sessions() as s:
            on_server = sorted(s.scalars(select(Record.id).where(Record.chain_id == self.clinic_id,
                                                                 Record.entity == "points")))
            ledger = sorted(s.scalars(select(Record.id).where(Record.chain_id == self.clinic_id,
                                                              Record.entity.in_(("points", "points_expiry")))))
            counted = sorted(s.scalars(select(RuleMove.entity_id).where(
                RuleMove.chain_id == self.clinic_id, RuleMove.scope == "points")))
        if counted != ledger:
            problems.append(f"server: {len(ledger)} points entries and expiries, its balance rule counted {len(counted)}")
        if not set(self.points_entries) <= set(on_server) or len(set(self.points_entries)) != len(self.points_entries):
            problems.append(f"server: adjustments lost or doubled ({_diff(sorted(self.points_entries), on_server)})")
        welcomes = {award_id(PointsSource.WELCOME, c) for c in self.customers}
        if not welcomes <= set(on_server):
            problems.append(f"server: {len(welcomes - set(on_server))} registrations without their welcome points")
        at = self.world()
        seen: dict[str, dict[str, tuple[int, str, int]]] = {}
        for node in self.nodes:
            held = sorted(node.terminal.read(lambda s: list(s.scalars(select(PointsEntry.id)))))
            if held != on_server:
                problems.append(f"{node.name}: {len(held)} points entries, the server {len(on_server)}")
            seen[node.name] = {
                c: (x.balance, x.tier.key, x.statement.lifetime_earned)
                for c in self.customers
                for x in [node.terminal.read(loyalty.points_summary, c, at)]
            }
        first = self.nodes[0].name
        for name, summaries in seen.items():
            for c, summary in summaries.items():
                if summary != seen[first][c]:
                    problems.append(f"{name}: {self._label(c)} balance, tier, lifetime {summary}; {first} {seen[first][c]}")
        return problems

    def _check_stock(self) -> list[str]:
        """Each terminal holds exactly the stock movements committed at its branch, the server all of them."""
        problems: list[str] = []
        with self.server.sessions() as s:
            on_server = {(r.branch_id, r.id) for r in s.scalars(
                select(Record).where(Record.chain_id == self.clinic_id, Record.entity == "stock"))}
        committed = {(branch, m) for branch, ids in self.stock.items() for m in ids}
        if on_server != committed:
            problems.append(f"server: stock {len(on_server)} movements, {len(committed)} committed")
        for node in self.nodes:
            held = sorted(node.terminal.read(lambda s: list(s.scalars(select(StockMovement.id)))))
            if held != sorted(self.stock.get(node.branch_id, [])):
                problems.append(f"{node.name}: {len(held)} stock movements, "
                                f"{len(self.stock.get(node.branch_id, []))} committed at its branch")
        return problems

    def _server_dump(self, branch_id: str) -> dict[str, dict[str, Any]]:
        """The server's records of the chain a terminal of ``branch_id`` may see, in the terminal dump's shape."""
        with self.server.sessions() as s:
            records = list(s.scalars(select(Record).where(
                Record.chain_id == self.clinic_id, or_(Record.branch_id.is_(None), Record.branch_id == branch_id)
            )))
        dump: dict[str, dict[str, Any]] = {
            "customer": {}, "staff": {}, "visit": {}, "consent": {}, "sync_exception": {}, "stock": {},
            **{entity: {} for entity in RULE_DUMP}, **{entity: {} for entity in WORKFLOW_DUMP},
        }
        for r in records:
            if r.entity in WORKFLOW_DUMP:
                dump[r.entity][r.id] = Workflow.server_rows(r)
            elif r.entity in RULE_DUMP:
                # A subject's stage is written by the server's rule only; "open" until its first move.
                dump[r.entity][r.id] = {f: r.data.get(f, "open" if f == "stage" else None) for f in RULE_DUMP[r.entity]}
            elif r.entity == "sync_exception":
                # Every exception the server raised reaches every terminal's Exceptions screen.
                dump[r.entity][r.id] = {
                    "kind": r.data["kind"], "entity": r.data["entity"], "entity_id": r.data["entity_id"],
                    "device_id": r.data["device_id"], "seq": r.data["seq"], "resolved": bool(r.data["resolved_at"]),
                }
            elif r.entity in ("customer", "staff"):
                names = CUSTOMER_FIELDS if r.entity == "customer" else STAFF_FIELDS
                dump[r.entity][r.id] = {
                    "data": {f: r.data.get(f) for f in names},
                    "clocks": {f: field_clocks.clock_of(r.field_clocks, r.hlc, f) if f in r.data else None
                               for f in names},
                    "deleted": r.deleted_at is not None,
                }
            elif r.entity in ("visit", "consent"):
                names = VISIT_FIELDS if r.entity == "visit" else CONSENT_FIELDS
                row = {f: r.data.get(f) for f in names}
                row["at"] = _utc_text(row["at"])
                dump[r.entity][r.id] = {**row, "deleted": r.deleted_at is not None}
            elif r.entity == "stock":
                dump["stock"][r.id] = {f: r.data.get(f) for f in STOCK_FIELDS}
        return dump

    def _terminal_dump(self, node: Node, *, local_columns: bool = False) -> dict[str, dict[str, Any]]:
        """A terminal's customers, staff, visits and consents as comparable values.

        ``local_columns`` adds what a terminal derives rather than receives
        (a visit's device, from the clock's node): compared between
        terminals only, the server has no such field.
        """

        def read(s: Session) -> dict[str, dict[str, Any]]:
            dump: dict[str, dict[str, Any]] = {
                "customer": {}, "staff": {}, "visit": {}, "consent": {}, "sync_exception": {}, "stock": {},
                **{entity: {} for entity in RULE_DUMP},
            }
            for m in s.scalars(select(StockMovement)):
                dump["stock"][m.id] = {"item_id": m.item_id, "quantity": m.quantity, "reason": m.reason}
            # A move the server rejected (illegal at its place) stays only in its own terminal's history.
            rejected = set(s.scalars(select(OutboxOperation.entity_id).where(
                OutboxOperation.type.in_(("test_move.make", "journey.move")), OutboxOperation.outcome == "rejected"
            )))
            dump.update(Workflow.terminal_rows(s, rejected))
            for model, entity in ((rules.TokenUse, "test_token_use"), (rules.TallyEntry, "test_tally_entry"),
                                  (rules.Move, "test_move"), (rules.Subject, "test_subject")):
                for row in s.scalars(select(model)):
                    if row.id not in rejected:
                        dump[entity][row.id] = {f: getattr(row, f) for f in RULE_DUMP[entity]}
            for e in s.scalars(select(SyncExceptionRow)):
                dump["sync_exception"][e.id] = {
                    "kind": e.kind, "entity": e.entity, "entity_id": e.entity_id, "device_id": e.device_id,
                    "seq": e.seq, "resolved": e.resolved_at is not None,
                }
            for model, entity, names in ((Customer, "customer", CUSTOMER_FIELDS), (Staff, "staff", STAFF_FIELDS)):
                for row in s.scalars(select(model)):
                    dump[entity][row.id] = {
                        "data": {f: _json_value(getattr(row, f)) for f in names},
                        "clocks": {f: field_clocks.clock_of(row.field_clocks or {}, row.hlc, f) for f in names},
                        "deleted": row.deleted_at is not None,
                    }
            for v in s.scalars(select(Visit)):
                dump["visit"][v.id] = {
                    "customer_id": v.customer_id, "at": _utc_text(v.checked_in_at), "staff_id": v.staff_id,
                    "branch_id": v.branch_id, "deleted": False,
                }
                if local_columns:
                    dump["visit"][v.id]["device_id"] = v.device_id
            for c in s.scalars(select(ConsentEvent)):
                dump["consent"][c.id] = {
                    "customer_id": c.customer_id, "purpose": c.purpose, "granted": c.granted, "note": c.note,
                    "at": _utc_text(c.at), "recorded_by_id": c.recorded_by_id, "deleted": False,
                }
            return dump

        return node.terminal.read(read)

    def _check_operations(self) -> list[str]:
        """Every operation has an outcome; the server kept each (device, seq) once, gapless, identical."""
        problems: list[str] = []
        with self.server.sessions() as s:
            applied = list(s.scalars(select(AppliedOperation).order_by(AppliedOperation.device_id, AppliedOperation.seq)))
            devices = {d.id: d.next_seq for d in s.scalars(select(Device))}
        by_device: dict[str, list[AppliedOperation]] = {}
        for a in applied:
            by_device.setdefault(a.device_id, []).append(a)
        for node in self.nodes:
            rows = node.terminal.read(
                lambda s: list(s.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)))
            )
            last_seq = node.terminal.device().last_seq
            kept = by_device.get(node.device_id, [])
            if [r.seq for r in rows] != list(range(1, last_seq + 1)):
                problems.append(f"{node.name}: outbox seqs are not 1..{last_seq}")
            if [a.seq for a in kept] != list(range(1, last_seq + 1)):
                problems.append(
                    f"{node.name}: server applied seqs {_ranges([a.seq for a in kept])}, expected 1..{last_seq}"
                )
            if devices.get(node.device_id) != last_seq + 1:
                problems.append(f"{node.name}: server expects seq {devices.get(node.device_id)}, terminal is at {last_seq}")
            server_ops = {a.seq: a for a in kept}
            for r in rows:
                if r.outcome is None:
                    problems.append(f"{node.name}: operation {r.seq} ({r.type}) has no outcome")
                a = server_ops.get(r.seq)
                if a is None:
                    continue
                if (a.op_id, a.payload_sha256, a.hlc, a.type, a.entity_id) != (
                    r.op_id, r.payload_sha256, r.hlc, r.type, r.entity_id
                ):
                    problems.append(f"{node.name}: server's operation {r.seq} is not the terminal's")
                if r.outcome is not None and r.outcome != a.outcome:
                    problems.append(f"{node.name}: operation {r.seq} outcome {r.outcome!r} here, {a.outcome!r} on the server")
        return problems

    def _check_ledgers(self, server: dict[str, dict[str, Any]]) -> list[str]:
        """Visits and consents are exactly those committed, once each, on every node."""
        problems: list[str] = []
        expected = {"visit": sorted(self.visits), "consent": sorted(self.consents), "customer": sorted(self.customers)}
        if len(set(self.visits)) != len(self.visits) or len(set(self.consents)) != len(self.consents):
            problems.append("a committed ledger id was handed out twice")
        for entity, ids in expected.items():
            if sorted(server[entity]) != ids:
                problems.append(f"server: {len(server[entity])} {entity} rows, {len(ids)} committed ({_diff(ids, server[entity])})")
        for node in self.nodes:
            counts = node.terminal.read(
                lambda s: {
                    "visit": sorted(s.scalars(select(Visit.id))),
                    "consent": sorted(s.scalars(select(ConsentEvent.id))),
                    "customer": sorted(s.scalars(select(Customer.id))),
                    "parked": len(list(s.scalars(select(ParkedChange.entity_id)))),
                    "cursor": (sync_state(s).pull_cursor if sync_state(s) else -1),  # type: ignore[union-attr]
                }
            )
            for entity, ids in expected.items():
                if counts[entity] != ids:
                    problems.append(f"{node.name}: {len(counts[entity])} {entity} rows, {len(ids)} committed ({_diff(ids, counts[entity])})")
            if counts["parked"]:
                problems.append(f"{node.name}: {counts['parked']} pulled changes still wait for a parent")
            with self.server.sessions() as s:
                head = s.get(ServerChain, self.clinic_id).last_cursor  # type: ignore[union-attr]
            if counts["cursor"] != head:
                problems.append(f"{node.name}: pull cursor {counts['cursor']}, server head {head}")
        return problems

    def server_exceptions(self) -> Counter[str]:
        """How many conflicts of each kind the server reported to managers (coverage)."""
        with self.server.sessions() as s:
            kinds = list(s.scalars(select(SyncException.kind).where(SyncException.chain_id == self.clinic_id)))
        return Counter(f"server exception {k}" for k in kinds)

    def close(self) -> None:
        for node in self.nodes:
            node.terminal.close()
        self.server.close()


def _json_value(value: Any) -> Any:
    """A terminal column value as the synced JSON value (what the server stores)."""
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _utc_text(value: Any) -> str | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def _ranges(seqs: list[int]) -> str:
    if not seqs:
        return "none"
    dupes = [s for s, n in Counter(seqs).items() if n > 1]
    return f"{seqs[0]}..{seqs[-1]} ({len(seqs)} rows{', doubled ' + str(dupes) if dupes else ''})"


def _diff(expected: list[str], found: Any) -> str:
    exp, got = Counter(expected), Counter(found)
    missing, extra = exp - got, got - exp
    return f"missing {sorted(missing)[:3]}, unexpected {sorted(extra)[:3]}"


def _compare(
    entity: str, a_name: str, a: dict[str, Any], b_name: str, b: dict[str, Any], label: Callable[[str], str]
) -> list[str]:
    """Return one line per row that differs between two dumps of ``entity``."""
    problems: list[str] = []
    for key in sorted(set(a) | set(b)):
        if key not in a or key not in b:
            where = a_name if key in a else b_name
            problems.append(f"{entity} {label(key)}: only on {where}")
        elif a[key] != b[key]:
            problems.append(f"{entity} {label(key)}: {_differences(a_name, a[key], b_name, b[key])}")
    return problems


def _differences(a_name: str, a: dict[str, Any], b_name: str, b: dict[str, Any]) -> str:
    """Name only what differs between two dumps of one row (``data.phone``, ``deleted``...)."""
    out: list[str] = []
    for key in sorted(set(a) | set(b)):
        x, y = a.get(key), b.get(key)
        if isinstance(x, dict) and isinstance(y, dict):
            out += [
                f"{key}.{f} {a_name} {_short(x.get(f))} != {b_name} {_short(y.get(f))}"
                for f in sorted(set(x) | set(y))
                if x.get(f) != y.get(f)
            ]
        elif x != y:
            out.append(f"{key} {a_name} {_short(x)} != {b_name} {_short(y)}")
    return "; ".join(out)


def _short(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def run_simulation(
    seed: int,
    steps: int = DEFAULT_STEPS,
    workdir: Path | None = None,
    *,
    far_ahead: bool = False,
    max_skew_s: float = MAX_SKEW_S,
) -> SimulationResult:
    """Play one seed and check convergence; never raises for a divergence.

    Args:
        seed: the seed of every random choice.
        steps: random steps before the final settling.
        workdir: a folder of its own for the databases (created; left in
            place, with ``trace.txt``, for a look after a failure).
        far_ahead: also give terminals clocks more than five minutes ahead
            (bounded by the server; off by default, see the report).

    Returns:
        The result; ``failure`` holds the seed, the replay command, what
        differed (or the exception) and the last steps when it failed.
    """
    if workdir is None:
        workdir = Path(tempfile.mkdtemp(prefix=f"bnaura-sim-{seed}-"))
    started, cpu_started = wall.perf_counter(), wall.process_time()
    result = SimulationResult(seed, steps, far_ahead)
    sim = Simulation(seed, workdir, steps=steps, far_ahead=far_ahead, max_skew_s=max_skew_s)
    problems: list[str] = []
    try:
        sim.run()
        result.final_rounds = sim.settle()
        problems = sim.check()
        sim.counts.update(sim.server_exceptions())
    except Diverged as diverged:
        problems = [str(diverged)]
    except Exception:  # noqa: BLE001 - a crash of the code under test is a failure of this seed
        problems = ["crashed:\n" + traceback.format_exc()]
    finally:
        try:
            operations = sum(n.terminal.device().last_seq for n in sim.nodes)
        except Exception:  # noqa: BLE001 - a node may be closed after a crash
            operations = 0
        sim.close()
    (workdir / "trace.txt").write_text("\n".join(sim.trace) + "\n", encoding="utf-8")
    result.counts = sim.counts
    result.operations = operations
    result.simulated = sim.world.now - START
    result.longest_offline = max((n.longest_offline for n in sim.nodes), default=timedelta(0))
    result.seconds = wall.perf_counter() - started
    result.cpu_seconds = wall.process_time() - cpu_started
    result.trace_digest = hashlib.sha256("\n".join(sim.trace).encode()).hexdigest()[:16]
    if problems:
        shown = problems[:15] + ([f"... and {len(problems) - 15} more"] if len(problems) > 15 else [])
        result.failure = "\n".join(
            [
                f"sync simulation seed {seed} did not converge ({steps} steps)",
                f"replay: {result.replay}",
                f"databases and full trace: {workdir}",
                *(f"  {p}" for p in shown),
                "last steps:",
                *(f"  {line}" for line in sim.trace[-25:]),
            ]
        )
    return result
