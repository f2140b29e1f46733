"""Checking one pushed operation against the declarations before it may apply.

The server trusts no terminal. Every operation is checked against
``bnaura_desk.domain.synced`` before it changes anything: its type is
declared and targets its declared entity, its id has the entity's shape,
its clock is well formed and the device's own, its payload has the shape
its effect needs, and every field is declared, writable by this operation
and of its declared type (bounded in size and depth). A record that creates
a row gives every required field.

A check that fails is a ``Rejection``: the operation can never apply (its
payload was hashed as written, so resending cannot mend it), so the apply
step keeps it as ``rejected`` with the machine-readable ``reason`` and a
manager sees an exception. An operation type this server does not know is
different: a newer terminal may send it, and it waits (``UnknownOperation``)
until the server is updated.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from bnaura_desk.domain.errors import BadInput
from bnaura_desk.domain.hlc import Hlc
from bnaura_desk.domain.ids import derived_id
from bnaura_desk.domain.synced import Effect, Entity, OperationType, Registry, Shape, Writer, values_problem

from ..protocol import Operation

# A setting's id is its name: plain lower-case words.
_KEY = re.compile(r"^[a-z][a-z0-9_.]{0,79}$", re.ASCII)
# An id of any other entity: a canonical UUID.
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.ASCII)


class Rejection(Exception):
    """The operation can never apply: kept as ``rejected`` with ``reason`` (machine-readable).

    ``kind`` is the kind of exception managers see about it.
    """

    def __init__(self, reason: str, message: str, *, kind: str = "rejected_operation", **detail: Any) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.kind = kind
        self.detail = detail


class UnknownType(Exception):
    """An operation type this server does not declare (a newer terminal's): it waits."""


class NewerFormat(Exception):
    """A payload format newer than this server's: it waits until the server is updated."""


@dataclass(frozen=True)
class Checked:
    """A pushed operation that passed every check: what it does, to which row."""

    op: Operation
    entity: Entity
    type: OperationType
    entity_id: str
    fields: dict[str, Any]

    @property
    def effect(self) -> Effect:
        return self.type.effect


def parse_payload(payload: str) -> Any:
    """Return the JSON value of ``payload``.

    Raises:
        Rejection: it is not JSON, or it holds text that is not Unicode (a
            lone surrogate escape such as ``"\\ud800"``), or it nests deeper
            than any declared field allows (checked without recursion).
    """
    # A terminal's canonical JSON writes text as is (ensure_ascii=False), so
    # only a broken client escapes surrogates: the full check runs only then.
    try:
        body = json.loads(payload)
    except (ValueError, RecursionError) as error:
        raise Rejection("malformed_payload", f"the payload is not JSON ({type(error).__name__})") from None
    if "\\ud" in payload.lower():
        try:
            json.dumps(body, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise Rejection("malformed_payload", "the payload holds text that is not valid Unicode") from None
    return body


# Operation types terminals wrote before an entity was renamed, and the
# entity they named: such operations may still wait in an outbox (hashed
# as written), so they are read as today's, not refused. A clinic became a
# branch of its chain (issue 10).
LEGACY_TYPES = {"clinic.create": "branch.create"}
LEGACY_ENTITIES = {"branch": "clinic"}


def check(registry: Registry, op: Operation) -> Checked:
    """Check ``op`` (from an authenticated device of its clinic) against ``registry``.

    Raises:
        UnknownType: its type is not declared here (kept pending).
        NewerFormat: its payload format is newer than this server's (kept pending).
        Rejection: anything else that is wrong with it.
    """
    declared = registry.operation(LEGACY_TYPES.get(op.type, op.type))
    if declared is None:
        raise UnknownType(op.type)
    entity, op_type = declared
    body = parse_payload(op.payload)
    payload_format = body.get("format") if isinstance(body, dict) else None
    if isinstance(payload_format, int) and not isinstance(payload_format, bool) and payload_format > 1:
        raise NewerFormat(op.type)
    if payload_format != 1:
        raise Rejection("malformed_payload", "the payload has no format 1")
    assert isinstance(body, dict)
    entity_id = op.entity_id
    if op.type == "setting.set" and op.entity == "clinic":
        entity_id, body = _legacy_setting(op, body)
    elif op.type in LEGACY_TYPES and op.entity == LEGACY_ENTITIES.get(entity.name):
        pass  # written before the entity was renamed, waiting in an outbox (hashed as written)
    elif op.entity != entity.name:
        raise Rejection(
            "wrong_entity", f"{op.type} changes {entity.name} records, not {op.entity}", entity=entity.name
        )
    _check_id(entity, entity_id)
    _check_clock(op)
    fields = _fields(entity, op_type, body, entity_id)
    if entity.shape is Shape.DERIVED or entity.derived_from:
        # A row whose id is derived from its fields (a derived fact, a
        # branch's own setting or price): every operation names them.
        cause = [str(fields.get(f, "")) for f in entity.derived_from]
        if entity_id != derived_id(entity.name, *cause):
            raise Rejection("malformed_operation", f"a {entity.name} id must be derived from its cause")
    return Checked(op, entity, op_type, entity_id, fields)


def _legacy_setting(op: Operation, body: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Read a ``setting.set`` as terminals wrote it before settings were declared.

    It named the clinic and carried ``key`` and ``value``; today it names
    the setting and carries ``fields``. Such operations may still wait in
    an outbox (hashed as written), so they are read, not refused.
    """
    if op.entity_id != op.clinic_id:
        raise Rejection("foreign_record", "a setting.set names its own clinic")
    key = body.get("key")
    if not isinstance(key, str) or set(body) != {"format", "key", "value"}:
        raise Rejection("malformed_operation", "setting.set needs key and value")
    return key, {"format": 1, "fields": {"value": body["value"]}}


def _check_id(entity: Entity, entity_id: str) -> None:
    pattern = _KEY if entity.key_column != "id" else _UUID
    if not pattern.match(entity_id):
        raise Rejection("malformed_operation", f"{entity_id[:80]!r} is not a {entity.name} id")


def _check_clock(op: Operation) -> None:
    try:
        stamp = Hlc.parse(op.hlc)
    except BadInput:
        raise Rejection("malformed_operation", "the clock is not a clock (WWWWWWWWWWWWW.CCCCC.device)") from None
    if stamp.node != op.device_id:
        # The node breaks ties between equal times: a device may only stamp its own.
        raise Rejection("malformed_operation", "the clock names another device")


def _fields(entity: Entity, op_type: OperationType, body: dict[str, Any], entity_id: str) -> dict[str, Any]:
    """Return the fields ``body`` writes, each checked; raise ``Rejection`` for any problem."""
    effect = op_type.effect
    if effect is Effect.DELETE:
        if set(body) - {"format"}:
            raise Rejection("malformed_operation", f"{op_type.name} carries no record or fields")
        return {}
    if effect in (Effect.CREATE, Effect.APPEND):
        if entity.writer is Writer.SERVER:
            raise Rejection("wrong_entity", f"only the server creates {entity.name} records")
        values = body.get("record")
        what = "record"
    else:
        values = body.get("fields")
        what = "fields"
    if set(body) - {"format", what}:
        raise Rejection("malformed_operation", f"{op_type.name} carries {what} only")
    if not isinstance(values, dict) or (what == "fields" and not values):
        raise Rejection("malformed_operation", f"{op_type.name} needs {what}")
    values = dict(values)
    # A record may name its own id; it must be the operation's.
    if effect in (Effect.CREATE, Effect.APPEND) and "id" in values and values.pop("id") != entity_id:
        raise Rejection("malformed_operation", "the record's id is not the operation's", field="id")
    found = values_problem(entity, op_type, values)
    if found is not None:
        raise Rejection("invalid_record", found.message, field=found.field[:80], problem=found.problem)
    return values
