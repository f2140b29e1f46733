"""The declarations of the synced entities hold together, and the documents follow them."""

from __future__ import annotations

import pytest

from bnaura_desk.domain import field_types as t
from bnaura_desk.domain.changes import Kind
from bnaura_desk.domain.synced import REGISTRY, Effect, Entity, Field, OperationType, Registry, Shape
from sync import operations_doc
from sync.client.local_apply import terminal_models
from sync.server.rules import server_rules


def test_every_declared_entity_has_its_terminal_table_with_a_column_per_field() -> None:
    models = terminal_models()
    assert set(models) == {e.name for e in REGISTRY.entities}
    for entity in REGISTRY.entities:
        columns = set(models[entity.name].__table__.columns.keys())
        assert {f.column_name for f in entity.fields} <= columns, entity.name
        assert {entity.key_column, "hlc"} <= columns, entity.name
        if entity.shape is Shape.PROFILE and entity.key_column == "id":
            assert {"field_clocks", "created_at", "updated_at"} <= columns, entity.name


def test_every_entity_announces_kinds_screens_listen_to() -> None:
    for entity in REGISTRY.entities:
        for kind in entity.change_kinds:
            Kind(kind)  # a ChangeSet kind the bus carries


def test_parents_are_applied_first() -> None:
    order = REGISTRY.apply_order()
    assert sorted(order) == sorted(e.name for e in REGISTRY.entities)
    for entity in REGISTRY.entities:
        for parent in entity.depends_on:
            assert order.index(parent) < order.index(entity.name), (parent, entity.name)


def test_declarations_that_do_not_hold_together_are_refused() -> None:
    note = Field("note", t.Text(10))
    with pytest.raises(ValueError, match="declared twice"):
        Registry((*REGISTRY.entities, REGISTRY.entities[0]))
    with pytest.raises(ValueError, match="undeclared fields"):
        Registry((Entity("x", Shape.PROFILE, "xs", (note,), (OperationType("x.edit", Effect.UPDATE, frozenset({"nope"})),)),))
    with pytest.raises(ValueError, match="undeclared entities"):
        Registry((Entity("x", Shape.LEDGER, "xs", (Field("y_id", t.Id("y")),), (OperationType("x.add", Effect.APPEND),)),))


def test_the_server_rules_govern_declared_operation_types() -> None:
    for rule in server_rules():
        assert rule.operation_types <= REGISTRY.operation_types


def test_the_operation_table_of_the_docs_is_the_declarations() -> None:
    text = operations_doc.DOC.read_text(encoding="utf-8")
    assert operations_doc.START in text and operations_doc.END in text
    assert operations_doc.rewritten(text) == text, "docs/sync-operations.md is stale: run python -m sync.operations_doc"
    for op in REGISTRY.operation_types:
        assert f"`{op}`" in text
