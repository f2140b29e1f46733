"""Customer profile rules: what a valid profile is, and how it is written down."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from .errors import QT_TRANSLATE_NOOP, BadInput, DeskError
from .phone import normalise_thai_mobile


class Gender(StrEnum):
    UNSPECIFIED = "unspecified"
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class Channel(StrEnum):
    SMS = "sms"
    LINE = "line"
    EMAIL = "email"
    IN_APP = "in_app"
    CALL = "call"


class ConsentPurpose(StrEnum):
    """PDPA purposes a customer consents to one by one."""

    TREATMENT_RECORDS = "treatment_records"
    SKIN_SCAN_PHOTOS = "skin_scan_photos"
    MARKETING = "marketing"
    SHARE_WITH_BRANCHES = "share_with_branches"


CONSENT_LABELS = {
    ConsentPurpose.TREATMENT_RECORDS: QT_TRANSLATE_NOOP("consent", "Keep treatment records"),
    ConsentPurpose.SKIN_SCAN_PHOTOS: QT_TRANSLATE_NOOP("consent", "Skin scans and photos (sensitive data)"),
    ConsentPurpose.MARKETING: QT_TRANSLATE_NOOP("consent", "Marketing messages"),
    ConsentPurpose.SHARE_WITH_BRANCHES: QT_TRANSLATE_NOOP("consent", "Share profile with other branches"),
}



class AlreadyCheckedIn(DeskError):
    """The customer was checked in earlier the same clinic day; nothing was written.

    The counter asks whether to check them in again and, if the user says
    so, runs ``check_in`` again with ``again=True``.

    Attributes:
        checked_in_at: the earlier check-in (aware UTC), for the question.
    """

    def __init__(self, template: str, *, checked_in_at: datetime, **params: Any) -> None:
        self.checked_in_at = checked_in_at
        super().__init__(template, **params)


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# LINE ids: 4-20 of a-z 0-9 . - _ ; official accounts start with @.
_LINE_ID = re.compile(r"^@?[a-z0-9._-]{4,20}$")
NAME_MAX = 120
NOTES_MAX = 4000

# Fields that sync settles one by one (last writer wins per field).
PROFILE_FIELDS = (
    "name_th",
    "name_en",
    "nickname",
    "phone",
    "email",
    "line_id",
    "birthday",
    "gender",
    "skin_notes",
    "channels",
    "quiet_start",
    "quiet_end",
    "opted_out",
)


@dataclass(frozen=True)
class CustomerForm:
    """What staff type when they register or edit a customer (raw text)."""

    name_th: str = ""
    name_en: str = ""
    nickname: str = ""
    phone: str = ""
    email: str = ""
    line_id: str = ""
    birthday: date | None = None
    gender: Gender = Gender.UNSPECIFIED
    skin_notes: str = ""
    channels: tuple[Channel, ...] = (Channel.SMS, Channel.LINE)
    quiet_start: time | None = None
    quiet_end: time | None = None
    opted_out: bool = False

    def with_changes(self, **kw: Any) -> CustomerForm:
        """Return a copy with some fields replaced."""
        return replace(self, **kw)


@dataclass(frozen=True)
class CustomerProfile:
    """A validated, normalised profile: the values stored and synced."""

    name_th: str
    name_en: str
    nickname: str
    phone: str
    email: str
    line_id: str
    birthday: date | None
    gender: Gender
    skin_notes: str
    channels: tuple[Channel, ...] = field(default_factory=tuple)
    quiet_start: time | None = None
    quiet_end: time | None = None
    opted_out: bool = False

    def as_record(self) -> dict[str, Any]:
        """Return the profile as JSON-ready values (dates as ISO text)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (date, time)):
                value = value.isoformat(timespec="minutes") if isinstance(value, time) else value.isoformat()
            elif isinstance(value, tuple):
                value = [str(v) for v in value]
            elif isinstance(value, StrEnum):
                value = str(value)
            out[f.name] = value
        return out


def _clean(text: str) -> str:
    return " ".join(text.split())


def validate_customer(form: CustomerForm, today: date) -> CustomerProfile:
    """Return the normalised profile for ``form``.

    Args:
        form: what was typed.
        today: the clinic's date (Asia/Bangkok), for the birthday check.

    Raises:
        BadInput: naming the first field at fault: no name at all, a name
            too long, a phone that is not a Thai mobile, a malformed email or
            LINE id, a birthday in the future or before 1900, quiet hours
            given by half, notes too long.
    """
    name_th, name_en, nickname = _clean(form.name_th), _clean(form.name_en), _clean(form.nickname)
    if not name_th and not name_en:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Enter the customer's name in Thai or in English"),
            field="name_th",
        )
    for fname, value in (("name_th", name_th), ("name_en", name_en), ("nickname", nickname)):
        if len(value) > NAME_MAX:
            raise BadInput(
                QT_TRANSLATE_NOOP("errors", "A name may have at most {limit} characters"),
                field=fname,
                limit=NAME_MAX,
            )
    phone = normalise_thai_mobile(form.phone)
    email = form.email.strip().lower()
    if email and not _EMAIL.match(email):
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "{email} is not an email address"), field="email", email=email
        )
    line_id = form.line_id.strip().lower()
    if line_id and not _LINE_ID.match(line_id):
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "A LINE ID has 4 to 20 letters, digits, dots, dashes or underscores"),
            field="line_id",
        )
    if form.birthday is not None:
        if form.birthday > today:
            raise BadInput(
                QT_TRANSLATE_NOOP("errors", "The birthday cannot be in the future"), field="birthday"
            )
        if form.birthday.year < 1900:
            raise BadInput(
                QT_TRANSLATE_NOOP("errors", "Please check the birthday year"), field="birthday"
            )
    if (form.quiet_start is None) != (form.quiet_end is None):
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Quiet hours need both a start and an end"),
            field="quiet_start",
        )
    notes = form.skin_notes.strip()
    if len(notes) > NOTES_MAX:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "Skin notes may have at most {limit} characters"),
            field="skin_notes",
            limit=NOTES_MAX,
        )
    channels = tuple(dict.fromkeys(Channel(c) for c in form.channels))
    return CustomerProfile(
        name_th=name_th,
        name_en=name_en,
        nickname=nickname,
        phone=phone,
        email=email,
        line_id=line_id,
        birthday=form.birthday,
        gender=Gender(form.gender),
        skin_notes=notes,
        channels=channels,
        quiet_start=form.quiet_start,
        quiet_end=form.quiet_end,
        opted_out=form.opted_out,
    )


def in_quiet_hours(at: time, start: time | None, end: time | None) -> bool:
    """Return whether ``at`` falls in quiet hours (which may span midnight)."""
    if start is None or end is None or start == end:
        return False
    if start < end:
        return start <= at < end
    return at >= start or at < end
