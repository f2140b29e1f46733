"""Child process for the kill-9 test: runs customer use cases until it is killed.

Two ways to start it:

``python tests/crash_child.py DB SEED``
    Open the terminal database ``DB``, print ``ready <pid>`` and run random
    service calls (register, update, check-in, consent, delete) forever.

``python tests/crash_child.py --bulk DB SEED``
    Open ``DB``, print ``ready <pid>`` and register customers in batches of
    ``BULK`` (``register_customers``, one transaction each) forever.

``python tests/crash_child.py --serve``
    A fork server: import everything once, print ``serving``, then for each
    line ``DB SEED`` read from stdin fork a fresh child process doing the
    above, and print ``dead <pid> <status>`` when that child has died. Each
    child is still a real process killed by a real SIGKILL; forking saves
    the ~0.7 s import of a fresh interpreter per kill.

Nothing else is printed: the parent learns only that a child is running.
"""

from __future__ import annotations

import os
import random
import sys
import traceback
from collections.abc import Callable
from datetime import date, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from bnaura_desk.domain.customer import ConsentPurpose, CustomerForm, Gender
from bnaura_desk.domain.errors import DeskError
from bnaura_desk.services import customers as svc
from bnaura_desk.services.context import SYSTEM
from bnaura_desk.services.customers_bulk import Registration, register_customers
from bnaura_desk.store.models import Customer
from bnaura_desk.terminal import Terminal

FIRST_TH = ["สมหญิง", "สมชาย", "มาลี", "วิภา", "ณัฐ", "ปิยะ", "กมล", "อรุณ"]
LAST_TH = ["ใจดี", "สุขสันต์", "มีสุข", "รุ่งเรือง", "ศรีสุข"]
FIRST_EN = ["Somying", "Somchai", "Malee", "Wipa", "Nat", "Piya", "Kamol", "Arun"]


def _say(text: str) -> None:
    os.write(1, (text + "\n").encode())  # unbuffered: safe across fork


def _random_form(rng: random.Random) -> CustomerForm:
    i = rng.randrange(len(FIRST_TH))
    return CustomerForm(
        name_th=f"{FIRST_TH[i]} {rng.choice(LAST_TH)}",
        name_en=FIRST_EN[i] if rng.random() < 0.7 else "",
        nickname=rng.choice(["", "หญิง", "เล็ก", "Ann", "บี"]),
        phone=f"0{rng.choice('689')}{rng.randrange(10**8):08d}",
        birthday=date(rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.5 else None,
        gender=rng.choice(list(Gender)),
    )


def _edit(form: CustomerForm, rng: random.Random) -> CustomerForm:
    field = rng.choice(["nickname", "email", "name_en", "phone", "quiet", "birthday", "skin_notes", "opted_out"])
    if field == "nickname":
        return form.with_changes(nickname=rng.choice(["ยิ้ม", "แพร", "Bee", "ต้น", ""]))
    if field == "email":
        return form.with_changes(email=f"c{rng.randrange(10**6)}@example.com")
    if field == "name_en":
        return form.with_changes(name_en=rng.choice(FIRST_EN) + " " + rng.choice(["A", "B", "C"]))
    if field == "phone":
        return form.with_changes(phone=f"09{rng.randrange(10**8):08d}")
    if field == "quiet":
        return form.with_changes(quiet_start=time(rng.randint(19, 23)), quiet_end=time(rng.randint(6, 9)))
    if field == "birthday":
        return form.with_changes(birthday=date(rng.randint(1950, 2005), rng.randint(1, 12), 1))
    if field == "skin_notes":
        return form.with_changes(skin_notes=rng.choice(["ผิวมัน", "dry", "แพ้ง่าย", "acne scars"]) * rng.randint(1, 40))
    return form.with_changes(opted_out=not form.opted_out)


def run(db: str, seed: int) -> None:
    """Open ``db`` and run random service calls until killed."""
    rng = random.Random(seed)
    terminal = Terminal.open(Path(db))
    live: list[str] = terminal.read(
        lambda s: list(s.execute(select(Customer.id).where(Customer.deleted_at.is_(None))).scalars())
    )
    _say(f"ready {os.getpid()}")
    while True:
        roll = rng.random()
        try:
            if not live or roll < 0.35:
                consents = {p: rng.random() < 0.5 for p in rng.sample(list(ConsentPurpose), rng.randint(0, 2))}
                live.append(terminal.run(svc.register_customer, _random_form(rng), consents, actor=SYSTEM).result)
            elif roll < 0.6:
                cid = rng.choice(live)
                form = terminal.read(svc.get_customer, cid).form
                terminal.run(svc.update_customer, cid, _edit(form, rng), actor=SYSTEM)
            elif roll < 0.8:
                terminal.run(svc.check_in, rng.choice(live), actor=SYSTEM)
            elif roll < 0.95:
                purpose = rng.choice(list(ConsentPurpose))
                terminal.run(svc.record_consent, rng.choice(live), purpose, rng.random() < 0.6, actor=SYSTEM)
            else:
                cid = live.pop(rng.randrange(len(live)))
                terminal.run(svc.delete_customer, cid, actor=SYSTEM)
        except DeskError:  # a random duplicate phone: refused, nothing written
            pass


BULK = 500


def run_bulk(db: str, seed: int) -> None:
    """Open ``db`` and register batches of ``BULK`` random customers until killed."""
    rng = random.Random(seed)
    terminal = Terminal.open(Path(db))
    _say(f"ready {os.getpid()}")
    while True:
        batch = [
            Registration(
                _random_form(rng),
                {p: rng.random() < 0.5 for p in rng.sample(list(ConsentPurpose), rng.randint(0, 2))},
                check_in=rng.random() < 0.3,
            )
            for _ in range(BULK)
        ]
        try:
            terminal.run(register_customers, batch, actor=SYSTEM)
        except DeskError:  # a random phone taken already: the batch is refused, nothing written
            pass


def serve(child: Callable[[list[str]], None]) -> None:
    """Fork one child per request line, running ``child(words of the line)``; report each child's death.

    Also the fork server of ``tests/checkout_child.py``.
    """
    _say("serving")
    for line in sys.stdin:
        words = line.split()
        pid = os.fork()
        if pid == 0:
            try:
                child(words)
            except BaseException:  # noqa: BLE001 - reported to the parent, which fails the test
                traceback.print_exc()
            os._exit(3)  # only reached if the child's work failed: the parent sees it
        _, status = os.waitpid(pid, 0)
        _say(f"dead {pid} {status}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve(lambda words: run(words[0], int(words[1])))
    elif sys.argv[1] == "--bulk":
        run_bulk(sys.argv[2], int(sys.argv[3]))
    else:
        run(sys.argv[1], int(sys.argv[2]))
