"""What the Exceptions screen says about one exception, in the user's language.

Records are named as people know them (the customer's, item's or staff
member's name, also once deleted), terminals by their names, and the
server's machine-readable kinds and reasons by translated sentences; a code
this version does not know shows the server's own message instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

# The Qt-free marker (returns ``str``; lupdate knows it by name): PySide6's
# own is typed as returning ``object``.
from bnaura_desk.domain.dates import BANGKOK
from bnaura_desk.domain.errors import QT_TRANSLATE_NOOP, BadInput
from bnaura_desk.domain.hlc import Hlc
from bnaura_desk.services.sync_exceptions import (
    EXCEPTION_KIND_EXPLANATIONS,
    EXCEPTION_KIND_LABELS,
    FIELD_PROBLEMS,
    PARKED_REASON_LABELS,
    REJECTION_REASONS,
    ParkedProblemView,
    SyncExceptionView,
)

from ..i18n import current_language
from ..widgets.dates import format_datetime

# What the screen calls the synced records and their fields (context
# "sync_fields"); a name missing here is shown as the protocol has it.
ENTITY_LABELS: dict[str, str] = {
    "customer": QT_TRANSLATE_NOOP("sync_fields", "Customer"),
    "catalog_item": QT_TRANSLATE_NOOP("sync_fields", "Catalog item"),
    "staff": QT_TRANSLATE_NOOP("sync_fields", "Staff member"),
    "clinic": QT_TRANSLATE_NOOP("sync_fields", "Clinic profile"),  # exceptions raised before branches
    "branch": QT_TRANSLATE_NOOP("sync_fields", "Branch profile"),
    "chain": QT_TRANSLATE_NOOP("sync_fields", "Chain profile"),
    "consent": QT_TRANSLATE_NOOP("sync_fields", "Consent"),
    "visit": QT_TRANSLATE_NOOP("sync_fields", "Visit"),
    "stock": QT_TRANSLATE_NOOP("sync_fields", "Stock movement"),
    "sync_exception": QT_TRANSLATE_NOOP("sync_fields", "Exception"),
    "points": QT_TRANSLATE_NOOP("sync_fields", "Points"),
    "points_expiry": QT_TRANSLATE_NOOP("sync_fields", "Points expiry"),
    "tier_change": QT_TRANSLATE_NOOP("sync_fields", "Tier change"),
    "referral": QT_TRANSLATE_NOOP("sync_fields", "Referral"),
    "achievement_unlock": QT_TRANSLATE_NOOP("sync_fields", "Achievement"),
    "coupon": QT_TRANSLATE_NOOP("sync_fields", "Coupon"),
    "coupon_use": QT_TRANSLATE_NOOP("sync_fields", "Coupon use"),
    "reward": QT_TRANSLATE_NOOP("sync_fields", "Reward"),
    "shift": QT_TRANSLATE_NOOP("sync_fields", "Shift"),
    "sale": QT_TRANSLATE_NOOP("sync_fields", "Sale"),
    "sale_line": QT_TRANSLATE_NOOP("sync_fields", "Sale line"),
    "payment": QT_TRANSLATE_NOOP("sync_fields", "Payment"),
    "refund": QT_TRANSLATE_NOOP("sync_fields", "Refund"),
    "course_credit": QT_TRANSLATE_NOOP("sync_fields", "Course sessions"),
    "cash_movement": QT_TRANSLATE_NOOP("sync_fields", "Cash in/out"),
    "tax_invoice": QT_TRANSLATE_NOOP("sync_fields", "Full tax invoice"),
    "journey": QT_TRANSLATE_NOOP("sync_fields", "Journey"),
    "journey_action": QT_TRANSLATE_NOOP("sync_fields", "Journey move"),
    "room": QT_TRANSLATE_NOOP("sync_fields", "Room"),
    "appointment": QT_TRANSLATE_NOOP("sync_fields", "Appointment"),
    "task": QT_TRANSLATE_NOOP("sync_fields", "Task"),
    "proposal": QT_TRANSLATE_NOOP("sync_fields", "Proposal"),
    "treatment_consent": QT_TRANSLATE_NOOP("sync_fields", "Signed consent form"),
}
# Records named after the customer or item they belong to ("Consent of ...").
_BELONGING = frozenset({"consent", "visit", "stock", "points", "points_expiry", "tier_change", "referral",
                        "achievement_unlock", "coupon_use", "journey", "journey_action", "appointment",
                        "task", "proposal", "treatment_consent"})
FIELD_LABELS: dict[str, str] = {
    # customers
    "name_th": QT_TRANSLATE_NOOP("sync_fields", "Thai name"),
    "name_en": QT_TRANSLATE_NOOP("sync_fields", "English name"),
    "nickname": QT_TRANSLATE_NOOP("sync_fields", "nickname"),
    "phone": QT_TRANSLATE_NOOP("sync_fields", "phone"),
    "email": QT_TRANSLATE_NOOP("sync_fields", "email"),
    "line_id": QT_TRANSLATE_NOOP("sync_fields", "LINE ID"),
    "birthday": QT_TRANSLATE_NOOP("sync_fields", "birthday"),
    "gender": QT_TRANSLATE_NOOP("sync_fields", "gender"),
    "skin_notes": QT_TRANSLATE_NOOP("sync_fields", "skin notes"),
    "channels": QT_TRANSLATE_NOOP("sync_fields", "contact channels"),
    "quiet_start": QT_TRANSLATE_NOOP("sync_fields", "quiet hours start"),
    "quiet_end": QT_TRANSLATE_NOOP("sync_fields", "quiet hours end"),
    "opted_out": QT_TRANSLATE_NOOP("sync_fields", "opted out of messages"),
    # catalog
    "price_satang": QT_TRANSLATE_NOOP("sync_fields", "price"),
    "vat_exempt": QT_TRANSLATE_NOOP("sync_fields", "VAT exempt"),
    "active": QT_TRANSLATE_NOOP("sync_fields", "active"),
    "duration_minutes": QT_TRANSLATE_NOOP("sync_fields", "duration"),
    "protocol_steps": QT_TRANSLATE_NOOP("sync_fields", "protocol steps"),
    "sku": QT_TRANSLATE_NOOP("sync_fields", "SKU"),
    "barcode": QT_TRANSLATE_NOOP("sync_fields", "barcode"),
    "package_treatment_id": QT_TRANSLATE_NOOP("sync_fields", "package treatment"),
    "package_sessions": QT_TRANSLATE_NOOP("sync_fields", "package sessions"),
    # ledgers (points, awards)
    "points": QT_TRANSLATE_NOOP("sync_fields", "points"),
    "reason": QT_TRANSLATE_NOOP("sync_fields", "reason"),
    "source": QT_TRANSLATE_NOOP("sync_fields", "source"),
    # staff
    "display_name": QT_TRANSLATE_NOOP("sync_fields", "name"),
    "role": QT_TRANSLATE_NOOP("sync_fields", "role"),
}


def _label(table: Mapping[str, str], name: str, context: str = "sync_fields") -> str:
    source = table.get(name)
    return QCoreApplication.translate(context, source) if source else name


def kind_label(kind: str) -> str:
    """Return the translated name of an exception kind (the code itself when unknown)."""
    return _label(EXCEPTION_KIND_LABELS, kind, "sync_exceptions")


def reason_text(code: str, detail: Mapping[str, Any]) -> str:
    """Return why the server rejected or refused an operation, in the user's language.

    Args:
        code: the machine-readable reason (``malformed_payload``, ``invalid_record``...).
        detail: what came with it; ``invalid_record`` names ``field`` and ``problem``.

    Return:
        The translated sentence; for a code this version does not know, the
        server's ``message`` (its own words), else the code itself.
    """
    source = REJECTION_REASONS.get(code)
    if source is None:
        message = detail.get("message")
        return str(message) if message else code
    text = QCoreApplication.translate("sync_reasons", source)
    if code == "invalid_record":
        problem = str(detail.get("problem", ""))
        return text.format(
            field=_label(FIELD_LABELS, str(detail.get("field", ""))),
            problem=_label(FIELD_PROBLEMS, problem, "sync_reasons"),
        ).strip()
    return text


class Named(Protocol):
    """A row that names a record: an exception, or a pulled change kept back."""

    @property
    def entity(self) -> str: ...
    @property
    def entity_id(self) -> str: ...
    @property
    def subject_th(self) -> str: ...
    @property
    def subject_en(self) -> str: ...
    @property
    def subject_deleted(self) -> bool: ...


def subject(r: Named) -> str:
    """Return the record an exception is about, as people call it.

    "Customer สมหญิง ใจดี", "Consent of สมหญิง ใจดี", "... (deleted)"; the
    record's short id only when this terminal does not have it at all.
    """
    entity = _label(ENTITY_LABELS, r.entity)
    english = current_language() == "en"
    name = (r.subject_en or r.subject_th) if english else (r.subject_th or r.subject_en)
    if not name:
        return f"{entity} {r.entity_id[-8:]}"
    if r.subject_deleted:
        name = QCoreApplication.translate("ExceptionsScreen", "{name} (deleted)").format(name=name)
    template = QCoreApplication.translate("ExceptionsScreen", "{entity} of {name}") if r.entity in _BELONGING else QCoreApplication.translate("ExceptionsScreen", "{entity} {name}")
    return template.format(entity=entity, name=name)


def _clock(value: object) -> str:
    """Return a hybrid-logical-clock value as its date and time in Bangkok (the text itself if malformed)."""
    try:
        return format_datetime(datetime.fromtimestamp(Hlc.parse(str(value)).wall_ms / 1000, UTC))
    except (BadInput, ValueError, OverflowError, OSError):
        return str(value)


def _appointment(a: Mapping[str, Any]) -> str:
    """Return one appointment of a ``double_booking`` as "customer, start–end" (Bangkok time)."""
    try:
        start, end = datetime.fromisoformat(str(a.get("starts_at"))), datetime.fromisoformat(str(a.get("ends_at")))
    except ValueError:
        return str(a.get("customer_name") or "")
    return QCoreApplication.translate("ExceptionsScreen", "{customer} {start}–{end}").format(
        customer=a.get("customer_name") or "", start=format_datetime(start), end=f"{end.astimezone(BANGKOK):%H:%M}")


def what_happened(r: SyncExceptionView) -> str:
    """Return the "What happened" text of an exception: its record and what became of the change."""
    detail = r.detail
    about = subject(r)
    if r.kind in ("edit_lost_to_delete", "unknown_record") and detail.get("fields"):
        fields = ", ".join(_label(FIELD_LABELS, str(f)) for f in detail["fields"])
        return QCoreApplication.translate("ExceptionsScreen", "{subject}: lost fields {fields}").format(subject=about, fields=fields)
    if r.kind == "ledger_row_differs" and isinstance(detail.get("kept"), dict) and isinstance(detail.get("refused"), dict):
        kept, refused = detail["kept"], detail["refused"]
        changes = ", ".join(
            QCoreApplication.translate("ExceptionsScreen", "{field} {kept} (not {refused})").format(
                field=_label(FIELD_LABELS, str(f)), kept=kept.get(f, ""), refused=refused.get(f, ""))
            for f in detail.get("fields", sorted(kept))
        )
        return QCoreApplication.translate("ExceptionsScreen", "{subject}: kept {changes}").format(
            subject=about, changes=changes)
    if r.kind == "double_booking" and isinstance(detail.get("appointments"), list):
        booked = "; ".join(_appointment(a) for a in detail["appointments"] if isinstance(a, dict))
        return QCoreApplication.translate(
            "ExceptionsScreen", "{subject}: booked twice offline, both stand ({appointments}); move one of them"
        ).format(subject=about, appointments=booked)
    if r.kind == "clock_ahead":
        return QCoreApplication.translate("ExceptionsScreen", "{subject}: clock {sent} kept as {kept}").format(
            subject=about, sent=_clock(detail.get("sent", "")), kept=_clock(detail.get("kept", ""))
        )
    reason = detail.get("reason")
    if isinstance(reason, str) and reason in REJECTION_REASONS:
        why = reason_text(reason, detail)
    elif r.kind in EXCEPTION_KIND_EXPLANATIONS:
        # A rule's rejection (illegal_move) is explained by its kind; the
        # server's own words stay in the tooltip.
        why = QCoreApplication.translate("sync_exceptions", EXCEPTION_KIND_EXPLANATIONS[r.kind])
    elif isinstance(reason, str) and reason:
        why = reason_text(reason, detail)  # the server's message for a code this version does not know
    else:
        why = str(detail.get("message") or "")
    return QCoreApplication.translate("ExceptionsScreen", "{subject}: {why}").format(subject=about, why=why) if why else about


def terminal_label(r: SyncExceptionView) -> str:
    """Return the terminal whose operation raised the exception.

    Its name when this terminal knows it (its own, or ``device_name`` in the
    server's detail), else a short label from its id ("Terminal …3f2a").
    """
    if not r.device_id:
        return ""
    name = r.device_name or QCoreApplication.translate("ExceptionsScreen", "Terminal …{tag}").format(tag=r.device_id[-4:])
    return QCoreApplication.translate("ExceptionsScreen", "{name} (this terminal)").format(name=name) if r.this_terminal else name


def tooltip(r: SyncExceptionView) -> str | None:
    """Return the exception's raw detail and operation, for whoever must dig deeper."""
    lines = [f"{k}: {v}" for k, v in r.detail.items()]
    if r.device_id:
        lines.append(QCoreApplication.translate("ExceptionsScreen", "terminal {device}, operation #{seq}").format(device=r.device_id, seq=r.seq or "-"))
    return "\n".join(lines) or None


def parked_text(p: ParkedProblemView) -> str:
    """Return one pulled change kept back: what kind of problem, which record, the terminal's words."""
    kind = _label(PARKED_REASON_LABELS, p.reason, "sync_exceptions")
    return QCoreApplication.translate("ExceptionsScreen", "{kind}: {subject} ({problem})").format(
        kind=kind, subject=subject(p), problem=p.problem
    ) if p.problem else QCoreApplication.translate("ExceptionsScreen", "{kind}: {subject}").format(
        kind=kind, subject=subject(p)
    )
