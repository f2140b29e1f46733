"""Errors a user can act on.

Every message is an English template that the UI translates through Qt
(context ``errors``) and the CLI prints as is (or from the Thai ``.ts``
source). ``bnaura_desk`` never imports Qt, so templates are marked with a
local ``QT_TRANSLATE_NOOP`` that ``pyside6-lupdate`` recognises by name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; return it unchanged."""
    return text


Translate = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


class DeskError(Exception):
    """Base of every error shown to a user.

    Args:
        template: English message with ``{name}`` placeholders, marked with
            ``QT_TRANSLATE_NOOP("errors", ...)``.
        field: the form field at fault, if any (the UI puts the message there).
        params: values for the placeholders.
    """

    context = "errors"

    def __init__(self, template: str, *, field: str | None = None, **params: Any) -> None:
        self.template = template
        self.field = field
        self.params = params
        super().__init__(self.render())

    def render(self, translate: Translate = _identity) -> str:
        """Return the message, translated by ``translate(context, template)``."""
        return translate(self.context, self.template).format(**self.params)


class BadInput(DeskError):
    """The user typed something the rules refuse; nothing was changed."""


class NotFound(DeskError):
    """The thing asked for does not exist (or was deleted)."""


class PermissionDenied(DeskError):
    """The signed-in staff member may not do this without a manager's override."""


class WrongPin(DeskError):
    """A PIN did not match."""


class AccountLocked(DeskError):
    """Too many wrong PINs: the account is locked for a while."""


class DuplicatePhone(BadInput):
    """Another live customer already has this phone number."""

    def __init__(self, template: str, *, existing_customer_id: str, **params: Any) -> None:
        self.existing_customer_id = existing_customer_id
        super().__init__(template, field="phone", **params)


class DatabaseProblem(DeskError):
    """The database file cannot be used (not SQLite, too new, in use)."""
