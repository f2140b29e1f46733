"""Refusals of a push request as a whole (a 4xx): nothing of the refused operation is applied."""

from __future__ import annotations

from typing import Any


class ApplyRefused(Exception):
    """The request is refused from this operation on; nothing of it is applied (a 4xx)."""

    status = 400
    code = "bad_operation"

    def __init__(self, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class ConflictingResend(ApplyRefused):
    status = 409
    code = "seq_conflict"


class SequenceGap(ApplyRefused):
    status = 409
    code = "seq_gap"


class ForeignClinic(ApplyRefused):
    status = 403
    code = "foreign_clinic"


class UnknownOperation(ApplyRefused):
    status = 422
    code = "unknown_operation"
