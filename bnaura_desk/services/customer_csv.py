"""Customers to and from CSV files that Excel opens correctly.

Files are UTF-8 with a byte-order mark (without it Excel reads Thai as
Windows-874 mojibake), comma-separated, one customer per row, with the
columns of ``COLUMNS``. Import is all or nothing: every row is checked first
(``parse_customers_csv`` and ``phone_conflicts``), each problem is reported
with the row's physical line number, and ``import_customers`` registers the
good rows in one transaction, journaled like customers registered at the
counter.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.changes import ChangeSet
from ..domain.customer import Channel, ConsentPurpose, CustomerForm, Gender, validate_customer
from ..domain.errors import QT_TRANSLATE_NOOP, BadInput, DeskError, Translate
from ..domain.phone import display_phone
from ..domain.roles import Permission
from ..store.models import ConsentEvent, Customer
from .context import ServiceContext
from .customers import BANGKOK, phone_taken
from .customers_bulk import Registration, RegistrationRefused, register_customers

BOM = "\ufeff"

COLUMNS = (
    "referral_code",
    "name_th",
    "name_en",
    "nickname",
    "phone",
    "email",
    "line_id",
    "birthday",
    "gender",
    "channels",
    "quiet_start",
    "quiet_end",
    "opted_out",
    "consent_treatment_records",
    "consent_marketing",
    "skin_notes",
    "created_at",
)
# Made by this terminal, so an imported value would be wrong: read and dropped.
IGNORED_ON_IMPORT = frozenset({"referral_code", "created_at"})
# Only in ``export --include-deleted`` files; a filled-in row is refused on import.
DELETED_COLUMN = "deleted_at"
CONSENT_COLUMNS: dict[str, ConsentPurpose] = {
    "consent_treatment_records": ConsentPurpose.TREATMENT_RECORDS,
    "consent_marketing": ConsentPurpose.MARKETING,
}
KNOWN_COLUMNS = frozenset(COLUMNS) | {DELETED_COLUMN}

_YES = frozenset({"yes", "y", "true", "1", "ใช่"})
_NO = frozenset({"no", "n", "false", "0", "ไม่", "ไม่ใช่"})
# Excel and LibreOffice run a cell starting with one of these as a formula
# (CSV injection, OWASP). Such values are written with a leading apostrophe,
# which the importer takes off again.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_THAI_WORD = re.compile(r"[\u0e01-\u0e5b]{3,}")


def _identity(context: str, text: str) -> str:
    return text


# ---------------------------------------------------------------- export


def _excel_safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _latest_consents(session: Session) -> dict[tuple[str, str], bool]:
    # One pass over the consent ledger instead of one query per customer;
    # later events (by clock) overwrite earlier ones.
    rows = session.execute(
        select(ConsentEvent.customer_id, ConsentEvent.purpose, ConsentEvent.granted).order_by(
            ConsentEvent.hlc
        )
    )
    return {(customer_id, purpose): granted for customer_id, purpose, granted in rows}


def export_customers(session: Session, out: TextIO, *, include_deleted: bool = False) -> int:
    """Write every live customer to ``out`` as CSV; return how many were written.

    A read for ``Terminal.read``; it streams, so a big clinic does not sit
    in memory twice.

    Args:
        out: a text stream that encodes UTF-8, opened with ``newline=""``
            (the csv module writes Excel's CRLF itself). The BOM is written
            here, first.
        include_deleted: also write tombstoned customers, with an extra
            ``deleted_at`` column (such rows are refused by the importer).
    """
    consents = _latest_consents(session)
    query = select(Customer).order_by(Customer.created_at, Customer.id)
    if not include_deleted:
        query = query.where(Customer.deleted_at.is_(None))
    out.write(BOM)
    writer = csv.writer(out)
    writer.writerow([*COLUMNS, DELETED_COLUMN] if include_deleted else COLUMNS)
    count = 0
    for c in session.execute(query.execution_options(yield_per=500)).scalars():
        row = [
            c.referral_code,
            _excel_safe(c.name_th),
            _excel_safe(c.name_en),
            _excel_safe(c.nickname),
            display_phone(c.phone),
            _excel_safe(c.email),
            _excel_safe(c.line_id),
            c.birthday.isoformat() if c.birthday else "",
            c.gender,
            " ".join(c.channels),
            c.quiet_start.strftime("%H:%M") if c.quiet_start else "",
            c.quiet_end.strftime("%H:%M") if c.quiet_end else "",
            _yes_no(c.opted_out),
            *(_yes_no(consents.get((c.id, str(p)))) for p in CONSENT_COLUMNS.values()),
            _excel_safe(c.skin_notes),
            c.created_at.astimezone(BANGKOK).isoformat(timespec="seconds"),
        ]
        if include_deleted:
            row.append(
                c.deleted_at.astimezone(BANGKOK).isoformat(timespec="seconds")
                if c.deleted_at
                else ""
            )
        writer.writerow(row)
        count += 1
    return count


# ---------------------------------------------------------------- import: reading


class RowProblem(BadInput):
    """One bad row of an imported file: its line number and what is wrong.

    ``render`` translates the row's own error too, so ``line 4: ...`` reads
    in the user's language throughout.
    """

    def __init__(self, line: int, error: DeskError) -> None:
        self.line = line
        self.error = error
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "line {line}: {message}"),
            field=error.field,
            line=line,
            message=error.render(),
        )

    def render(self, translate: Translate = _identity) -> str:
        return translate(self.context, self.template).format(
            line=self.line, message=self.error.render(translate)
        )


@dataclass(frozen=True)
class ImportRow:
    """A row that passed every check that needs no database."""

    line: int
    form: CustomerForm
    consents: Mapping[ConsentPurpose, bool]
    phone: str  # E.164, for the duplicate checks


@dataclass(frozen=True)
class CsvImport:
    """A parsed file: its valid rows and the problems of the others.

    A row with a problem may also be in ``rows`` (a duplicate phone is
    found after the row itself passed); ``good_rows`` leaves those out.
    """

    rows: list[ImportRow]
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def good_rows(self) -> list[ImportRow]:
        bad = {p.line for p in self.problems}
        return [r for r in self.rows if r.line not in bad]

    @property
    def bad_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})

    def with_problems(self, extra: Iterable[RowProblem]) -> CsvImport:
        """Return a copy with more problems, kept in line order."""
        return CsvImport(self.rows, sorted([*self.problems, *extra], key=lambda p: p.line))


def _looks_like_thai_874(data: bytes) -> bool:
    """Return whether non-UTF-8 bytes read as Thai words in Windows-874.

    Every byte from 0xA1 up is a Thai character in that code page, so a
    Latin-1 "José" would pass a plain check; Thai text, unlike accented
    Latin letters, comes in runs of Thai characters.
    """
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        return False
    high = sum(1 for ch in text if ord(ch) > 0x7F)
    in_words = sum(len(m) for m in _THAI_WORD.findall(text))
    return high > 0 and in_words * 2 >= high


def decode_csv(data: bytes, source: str) -> str:
    """Return the text of a CSV file given as bytes (UTF-8, BOM optional).

    Raises:
        BadInput: not UTF-8, naming Thai Windows-874/TIS-620 when the bytes
            read as Thai in that code page (what Excel's plain "CSV" saves on
            a Thai Windows).
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if _looks_like_thai_874(data):
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} is not UTF-8 (it looks like Thai Windows-874/TIS-620); "
                "in Excel use Save As → CSV UTF-8",
            ),
            file=source,
        )
    raise BadInput(
        QT_TRANSLATE_NOOP("errors", "{file} is not UTF-8; in Excel use Save As → CSV UTF-8"),
        file=source,
    )


def _unescape(value: str) -> str:
    value = value.strip()
    if value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def _parse_bool(value: str, column: str) -> bool | None:
    low = value.lower()
    if not low:
        return None
    if low in _YES:
        return True
    if low in _NO:
        return False
    raise BadInput(
        QT_TRANSLATE_NOOP("errors", "{value} in {column} is not yes or no"),
        field=column,
        value=value,
        column=column,
    )


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def _parse_date(value: str) -> date | None:
    """Read a birthday as ISO ``yyyy-mm-dd`` or, as Excel re-saves it, ``d/m/yyyy``.

    A Thai Excel writes Buddhist-era years (2569 for 2026): a year after
    2400 is taken as one and has 543 subtracted.
    """
    if not value:
        return None
    if m := _ISO_DATE.fullmatch(value):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _DMY_DATE.fullmatch(value):
        d, mo, y = (int(g) for g in m.groups())
    else:
        y = mo = d = 0
    if y > 2400:
        y -= 543
    try:
        return date(y, mo, d)
    except ValueError:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "{value} is not a date; write it as yyyy-mm-dd"),
            field="birthday",
            value=value,
        ) from None


def _parse_time(value: str, column: str) -> time | None:
    if not value:
        return None
    m = re.fullmatch(r"(\d{1,2})[:.](\d{2})(?::\d{2})?", value)
    try:
        if m is None:
            raise ValueError(value)
        return time(int(m.group(1)), int(m.group(2)))
    except ValueError:
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors", "{value} in {column} is not a time of day; write it as hh:mm"
            ),
            field=column,
            value=value,
            column=column,
        ) from None


def _parse_gender(value: str) -> Gender:
    try:
        return Gender(value.lower() or Gender.UNSPECIFIED)
    except ValueError:
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors", "{value} is not a gender (female, male, other or unspecified)"
            ),
            field="gender",
            value=value,
        ) from None


def _parse_channels(value: str) -> tuple[Channel, ...]:
    out: list[Channel] = []
    for word in re.split(r"[\s,;]+", value.lower()):
        if not word:
            continue
        try:
            out.append(Channel(word))
        except ValueError:
            raise BadInput(
                QT_TRANSLATE_NOOP(
                    "errors", "{value} is not a contact channel (sms, line, email, in_app or call)"
                ),
                field="channels",
                value=word,
            ) from None
    return tuple(out)


def _read_header(cells: list[str], source: str) -> list[str]:
    names = [_unescape(c).lower() for c in cells]
    unknown = [n for n in names if n and n not in KNOWN_COLUMNS]
    if unknown:
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors", "{file} has unknown columns: {columns}; the columns are: {known}"
            ),
            file=source,
            columns=", ".join(unknown),
            known=", ".join(COLUMNS),
        )
    seen: set[str] = set()
    for n in names:
        if n and n in seen:
            raise BadInput(
                QT_TRANSLATE_NOOP("errors", "{file} has the column {column} twice"),
                file=source,
                column=n,
            )
        seen.add(n)
    if "phone" not in seen or not seen & {"name_th", "name_en"}:
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors", "{file} needs a phone column and a name_th or name_en column"
            ),
            file=source,
        )
    return names


def _row_to_import(values: Mapping[str, str], line: int, today: date) -> ImportRow:
    """Check one row; raise ``BadInput`` naming its first problem."""
    if values.get(DELETED_COLUMN):
        raise BadInput(
            QT_TRANSLATE_NOOP(
                "errors", "This customer was deleted; remove the row or clear deleted_at"
            ),
            field=DELETED_COLUMN,
        )
    kwargs: dict[str, object] = {
        name: values[name]
        for name in ("name_th", "name_en", "nickname", "phone", "email", "line_id", "skin_notes")
        if name in values
    }
    kwargs["birthday"] = _parse_date(values.get("birthday", ""))
    kwargs["gender"] = _parse_gender(values.get("gender", ""))
    # No channels column: the registration default. A blank cell: no channels
    # (that is what the export writes for such a customer).
    if "channels" in values:
        kwargs["channels"] = _parse_channels(values["channels"])
    kwargs["quiet_start"] = _parse_time(values.get("quiet_start", ""), "quiet_start")
    kwargs["quiet_end"] = _parse_time(values.get("quiet_end", ""), "quiet_end")
    kwargs["opted_out"] = bool(_parse_bool(values.get("opted_out", ""), "opted_out"))
    consents: dict[ConsentPurpose, bool] = {}
    for column, purpose in CONSENT_COLUMNS.items():
        granted = _parse_bool(values.get(column, ""), column)
        if granted is not None:
            consents[purpose] = granted
    form = CustomerForm(**kwargs)  # type: ignore[arg-type]
    profile = validate_customer(form, today)
    return ImportRow(line=line, form=form, consents=consents, phone=profile.phone)


def _sniff_delimiter(text: str) -> str:
    # Excel saves with the list separator of the Windows region: a comma in
    # Thailand, a semicolon in much of Europe. The header line decides.
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count) if first else ","


def parse_customers_csv(text: str, *, today: date, source: str) -> CsvImport:
    """Check every row of a customer CSV without touching the database.

    Args:
        text: the decoded file (see ``decode_csv``).
        today: the clinic's date, for the birthday check.
        source: the file's name, for messages.

    Return:
        The valid rows and one problem per bad row, each with the physical
        line number where the row starts (the header is line 1; a quoted
        value spanning lines counts every line). Blank rows are skipped. Two
        rows with the same phone are both reported.

    Raises:
        BadInput: the file as a whole is unusable: empty, unknown or
            repeated columns, no phone or name column, or broken quoting.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    rows: list[ImportRow] = []
    problems: list[RowProblem] = []
    try:
        header: list[str] | None = None
        while header is None:
            cells = next(reader, None)
            if cells is None:
                raise BadInput(QT_TRANSLATE_NOOP("errors", "{file} is empty"), file=source)
            if any(c.strip() for c in cells):
                header = _read_header(cells, source)
        last = reader.line_num
        for cells in reader:
            line, last = last + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            try:
                if len(cells) > len(header):
                    extra = cells[len(header) :]
                    if any(c.strip() for c in extra):
                        raise BadInput(
                            QT_TRANSLATE_NOOP(
                                "errors",
                                "This row has {count} values but the header has {columns} columns",
                            ),
                            count=len(cells),
                            columns=len(header),
                        )
                values: dict[str, str] = {}
                for name, cell in zip(header, cells):
                    if not name:
                        if cell.strip():
                            raise BadInput(
                                QT_TRANSLATE_NOOP(
                                    "errors", "{value} is in a column without a name"
                                ),
                                value=cell.strip(),
                            )
                        continue
                    if name not in IGNORED_ON_IMPORT:
                        values[name] = _unescape(cell)
                for name in header:  # short rows: Excel drops trailing empty cells
                    if name and name not in IGNORED_ON_IMPORT:
                        values.setdefault(name, "")
                rows.append(_row_to_import(values, line, today))
            except BadInput as err:
                problems.append(RowProblem(line, err))
    except csv.Error as err:
        raise BadInput(
            QT_TRANSLATE_NOOP("errors", "{file} line {line} cannot be read as CSV: {error}"),
            file=source,
            line=reader.line_num,
            error=str(err),
        ) from None
    return CsvImport(rows, problems).with_problems(_duplicates_in_file(rows))


def _duplicates_in_file(rows: Sequence[ImportRow]) -> list[RowProblem]:
    by_phone: dict[str, list[int]] = defaultdict(list)
    for r in rows:
        by_phone[r.phone].append(r.line)
    out: list[RowProblem] = []
    for phone, lines in by_phone.items():
        if len(lines) < 2:
            continue
        for line in lines:
            others = ", ".join(str(x) for x in lines if x != line)
            out.append(
                RowProblem(
                    line,
                    BadInput(
                        QT_TRANSLATE_NOOP("errors", "{phone} is also on line {lines}"),
                        field="phone",
                        phone=display_phone(phone),
                        lines=others,
                    ),
                )
            )
    return out


def phone_conflicts(session: Session, rows: Sequence[ImportRow]) -> list[RowProblem]:
    """Return a problem for each row whose phone a live customer already has.

    A read for ``Terminal.read``, run before ``import_customers`` so every
    such row is reported at once, not only the first.
    """
    by_phone = {r.phone: r for r in rows}
    out: list[RowProblem] = []
    phones = list(by_phone)
    for start in range(0, len(phones), 500):  # well under SQLite's bound-parameter limit
        hits = session.execute(
            select(Customer.id, Customer.phone, Customer.name_th, Customer.name_en).where(
                Customer.phone.in_(phones[start : start + 500]), Customer.deleted_at.is_(None)
            )
        )
        for hit in hits:
            out.append(
                RowProblem(
                    by_phone[hit.phone].line,
                    phone_taken(hit.id, hit.phone, hit.name_th or hit.name_en),
                )
            )
    return out


# ---------------------------------------------------------------- import: writing


def import_customers(ctx: ServiceContext, rows: Sequence[ImportRow]) -> ChangeSet:
    """Register every row as a new customer with its consents; all or none.

    Each customer is registered exactly as at the counter (referral code,
    search terms, audit entry and outbox operation, consent events), by
    ``register_customers``, which writes a large file a table at a time.
    Result is the new ids, in row order.

    Raises:
        PermissionDenied: the actor may not import customers.
        RowProblem: a row failed (e.g. a phone registered since it was
            checked); nothing is imported.
    """
    ctx.require(Permission.CUSTOMER_IMPORT_EXPORT)
    try:
        changes = register_customers(ctx, [Registration(row.form, row.consents) for row in rows])
    except RegistrationRefused as refused:
        raise RowProblem(rows[refused.row - 1].line, refused.error) from refused
    return changes
