"""A branch's own price and availability of a catalog item."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from bnaura_desk.domain.catalog import ItemForm, ItemKind
from bnaura_desk.domain.changes import ChangeSet
from bnaura_desk.domain.errors import BadInput, NotFound, PermissionDenied
from bnaura_desk.domain.ids import derived_id, uuid7
from bnaura_desk.services import catalog
from bnaura_desk.services.context import ServiceContext
from bnaura_desk.store.models import AuditEntry, Branch, BranchPrice, OutboxOperation
from bnaura_desk.terminal import Terminal
from tests.conftest import Staffed


def _counts(t: Terminal) -> tuple[int, int, int]:
    return t.read(
        lambda s: tuple(
            s.execute(select(func.count()).select_from(m)).scalar_one() for m in (AuditEntry, OutboxOperation, BranchPrice)
        )
    )


def _other_branch(s: Staffed) -> str:
    """Add a second branch of the chain (as a pull would)."""
    branch_id = uuid7()

    def add(ctx: ServiceContext) -> ChangeSet:
        ctx.session.add(Branch(
            id=branch_id, chain_id=ctx.chain_id, name_th="สาขาทองหล่อ", branch_code="00001", created_at=ctx.now,
            updated_at=ctx.now, hlc=ctx.tick(), field_clocks={},
        ))
        return ctx.changes.build()

    s.terminal.run(add, actor=s.owner)
    return branch_id


def _item(s: Staffed, name: str = "เซรั่ม", price: int = 89_000) -> str:
    form = ItemForm(kind=ItemKind.PRODUCT, name_th=name, price_satang=price, sku=f"SKU-{price}")
    return str(s.terminal.run(catalog.create_item, form, actor=s.manager).result)


def test_a_branch_price_is_the_one_listed_and_charged_at_that_branch_only(staffed: Staffed) -> None:
    t = staffed.terminal
    serum, mask = _item(staffed), _item(staffed, "มาส์กหน้า", 45_000)
    here, there = t.device().branch_id, _other_branch(staffed)
    t.run(catalog.set_branch_price, serum, here, 79_000, True, actor=staffed.manager)
    t.run(catalog.set_branch_price, mask, there, None, False, actor=staffed.manager)

    assert t.read(catalog.price_at_branch, serum, here) == catalog.PriceHere(79_000, True, own_price=True)
    assert t.read(catalog.price_at_branch, serum, there) == catalog.PriceHere(89_000, True, own_price=False)
    assert t.read(catalog.price_at_branch, mask, there) == catalog.PriceHere(45_000, False, own_price=False)
    assert t.read(catalog.price_at_branch, mask, here) == catalog.PriceHere(45_000, True, own_price=False)
    listed = {r.name_th: (r.price_satang, r.available_here) for r in t.read(catalog.list_items)}
    assert listed == {"เซรั่ม": (79_000, True), "มาส์กหน้า": (45_000, True)}
    listed = {r.name_th: (r.price_satang, r.available_here) for r in t.read(catalog.list_items, branch_id=there)}
    assert listed == {"เซรั่ม": (89_000, True), "มาส์กหน้า": (45_000, False)}

    row_id = derived_id("branch_price", serum, here)
    ops = t.read(lambda s: list(s.scalars(select(OutboxOperation).where(OutboxOperation.type == "branch_price.set"))))
    assert ops[0].entity_id == row_id
    assert json.loads(ops[0].payload)["fields"] == {
        "item_id": serum, "branch_id": here, "price_satang": 79_000, "available": True,
    }
    # Setting it again writes nothing; back to the catalog's price.
    before = _counts(t)
    t.run(catalog.set_branch_price, serum, here, 79_000, True, actor=staffed.manager)
    assert _counts(t) == before
    t.run(catalog.set_branch_price, serum, here, None, True, actor=staffed.manager)
    assert t.read(catalog.price_at_branch, serum, here) == catalog.PriceHere(89_000, True, own_price=False)
    # An item off sale is off sale at every branch.
    t.run(catalog.set_item_active, serum, False, actor=staffed.manager)
    assert t.read(catalog.price_at_branch, serum, here).available is False


def test_setting_a_branch_price_is_checked(staffed: Staffed) -> None:
    t = staffed.terminal
    serum, here = _item(staffed), t.device().branch_id
    before = _counts(t)
    with pytest.raises(PermissionDenied):
        t.run(catalog.set_branch_price, serum, here, 1, True, actor=staffed.front_desk)
    with pytest.raises(BadInput, match="no branch"):
        t.run(catalog.set_branch_price, serum, uuid7(), 1, True, actor=staffed.manager)
    with pytest.raises(BadInput, match="negative"):
        t.run(catalog.set_branch_price, serum, here, -1, True, actor=staffed.manager)
    with pytest.raises(NotFound):
        t.run(catalog.set_branch_price, uuid7(), here, 1, True, actor=staffed.manager)
    assert _counts(t) == before
    with pytest.raises(NotFound):
        t.read(catalog.price_at_branch, uuid7(), here)
