"""The operation table of ``docs/sync-operations.md``, written from the declarations.

``python -m sync.operations_doc`` rewrites the part of the document between
its two markers from ``bnaura_desk.domain.synced``; a test fails when the
document and the declarations disagree, so the table is never stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bnaura_desk.domain import field_types as t
from bnaura_desk.domain.synced import REGISTRY, Entity, Field, Registry

DOC = Path(__file__).resolve().parents[1] / "docs" / "sync-operations.md"
START = "<!-- operations:start (python -m sync.operations_doc) -->"
END = "<!-- operations:end -->"


def _type(field: Field) -> str:
    kind = field.type
    if isinstance(kind, t.Text):
        text = f"text ≤ {kind.max_length}"
    elif isinstance(kind, t.Choice):
        text = " / ".join(sorted(kind.values))
    elif isinstance(kind, t.Integer):
        text = "integer"
    elif isinstance(kind, t.Boolean):
        text = "boolean"
    elif isinstance(kind, t.Id):
        text = f"id of {kind.entity}" if kind.entity else "id"
    elif isinstance(kind, t.IsoDate):
        text = "date"
    elif isinstance(kind, t.ClockTime):
        text = "time of day"
    elif isinstance(kind, t.Moment):
        text = "time with zone"
    elif isinstance(kind, t.ListOf) and isinstance(kind.item, t.Record):
        text = "list of {" + ", ".join(name for name, _ in kind.item.fields) + "}"
    elif isinstance(kind, t.ListOf):
        text = "list"
    elif isinstance(kind, t.Sha256):
        text = "SHA-256 of an image file (hex)"
    elif isinstance(kind, t.BranchNumber):
        text = "five digits (00000: head office)"
    elif isinstance(kind, t.Json):
        text = "JSON"
    elif isinstance(kind, t.Sha256):
        text = "SHA-256 of a file (64 hex digits)"
    else:
        # A new field type says here how the docs name it; never a wrong guess.
        raise TypeError(f"the operations doc does not know the field type {type(kind).__name__}")
    marks = [m for m, on in (("required", field.required), ("null allowed", field.nullable),
                             ("derived by a server rule", field.derived)) if on]
    return text + (f" ({', '.join(marks)})" if marks else "")


def _entity(entity: Entity) -> list[str]:
    parents = ", ".join(sorted(entity.depends_on)) or "none"
    lines = [
        f"### `{entity.name}`",
        "",
        (f"{entity.shape.value}, table `{entity.table}`, scope {entity.scope.value}, created by the "
         f"{entity.writer.value}; applied after: {parents}."),
        "",
    ]
    if entity.operations:
        lines += ["| operation | effect | may write |", "| --- | --- | --- |"]
    else:  # written by the server only: terminals receive its rows and journal nothing
        lines.append("No operation: only the server writes it; terminals receive its rows.")
    for op in entity.operations:
        writable = sorted(entity.writable(op))
        fields = "every field" if op.fields is None and len(writable) == len(entity.fields) else ", ".join(writable)
        lines.append(f"| `{op.name}` | {op.effect.value} | {fields or 'nothing'} |")
    lines += ["", "| field | type |", "| --- | --- |"]
    lines += [f"| `{f.name}` | {_type(f)} |" for f in entity.fields]
    return [*lines, ""]


def render(registry: Registry = REGISTRY) -> str:
    """Return the generated part of the document (between the markers)."""
    lines = [START, "", "Generated from `bnaura_desk/domain/synced.py`; do not edit by hand.", ""]
    for entity in registry.entities:
        lines += _entity(entity)
    return "\n".join([*lines, END])


def rewritten(text: str, registry: Registry = REGISTRY) -> str:
    """Return ``text`` with its generated part replaced by ``render()``."""
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    return before + render(registry) + after


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    if START not in text or END not in text:
        print(f"{DOC} has no {START} ... {END} markers", file=sys.stderr)
        return 1
    DOC.write_text(rewritten(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
