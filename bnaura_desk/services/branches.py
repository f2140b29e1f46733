"""This terminal's branch: its profile as printed on tax documents, and the chain's branch names."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.branch import parse_branch_number
from ..domain.changes import ChangeSet, Kind
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, NotFound
from ..domain.roles import Permission
from ..store.models import Branch, Chain, DeviceState
from .context import ServiceContext, stamp_written

# Longest value of each text field (as the synced declaration allows).
_LIMITS = {"name_th": 200, "name_en": 200, "tax_id": 13, "address": 2000, "phone": 20}


@dataclass(frozen=True)
class Whereabouts:
    """The chain and branch this terminal works at, as the status bar names them."""

    chain_name: str
    branch_name_th: str
    branch_name_en: str
    branch_no: str
    branch_count: int


def whereabouts(session: Session) -> Whereabouts:
    """Return the names of this terminal's chain and branch, and how many branches the chain has."""
    device = session.execute(select(DeviceState)).scalar_one()
    chain = session.get(Chain, device.chain_id)
    branch = session.get(Branch, device.branch_id)
    count = len(session.scalars(select(Branch.id).where(Branch.deleted_at.is_(None))).all())
    return Whereabouts(
        chain_name=chain.name if chain else "",
        branch_name_th=branch.name_th if branch else "",
        branch_name_en=branch.name_en if branch else "",
        branch_no=branch.branch_code if branch else "",
        branch_count=count,
    )


def update_branch(
    ctx: ServiceContext,
    *,
    name_th: str | None = None,
    name_en: str | None = None,
    tax_id: str | None = None,
    branch_no: str | None = None,
    address: str | None = None,
    phone: str | None = None,
) -> ChangeSet:
    """Change this terminal's branch profile (only what is given); journaled as ``branch.update``.

    Raises:
        PermissionDenied: the actor may not change the clinic's settings (the owner may).
        BadInput: an empty Thai name, a value too long, a tax id that is not
            13 digits, or a branch number that is not up to five digits;
            nothing is written.
    """
    ctx.require(Permission.CLINIC_SETTINGS)
    branch = ctx.session.get(Branch, ctx.branch_id)
    if branch is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This branch is not known on this terminal yet"))
    wanted: dict[str, object] = {}
    for name, value in (("name_th", name_th), ("name_en", name_en), ("tax_id", tax_id),
                        ("address", address), ("phone", phone)):
        if value is None:
            continue
        value = value.strip()
        if len(value) > _LIMITS[name]:
            raise BadInput(
                QT_TRANSLATE_NOOP("errors", "At most {limit} characters"), field=name, limit=_LIMITS[name]
            )
        wanted[name] = value
    if "name_th" in wanted and not wanted["name_th"]:
        raise BadInput(QT_TRANSLATE_NOOP("errors", "Enter the branch's Thai name"), field="name_th")
    if wanted.get("tax_id") and not (str(wanted["tax_id"]).isascii() and str(wanted["tax_id"]).isdigit()
                                     and len(str(wanted["tax_id"])) == 13):
        raise BadInput(QT_TRANSLATE_NOOP("errors", "A tax id is 13 digits"), field="tax_id")
    if branch_no is not None:
        wanted["branch_code"] = parse_branch_number(branch_no)
    changed = {k: v for k, v in wanted.items() if getattr(branch, k) != v}
    if not changed:
        return ctx.changes.build(result=branch.id)
    before = {k: getattr(branch, k) for k in changed}
    stamp = ctx.tick()
    for k, v in changed.items():
        setattr(branch, k, v)
    stamp_written(branch, changed, stamp, ctx.now)
    ctx.journal(
        action="branch.update",
        entity=Kind.BRANCH,
        entity_id=branch.id,
        before=before,
        after=changed,
        payload={"fields": changed},
        hlc=stamp,
    )
    return ctx.changes.build(result=branch.id)
