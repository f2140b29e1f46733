"""Small widgets and helpers shared by the screens.

- ``PinField``, ``PinPad``: PIN entry (keyboard or touch).
- ``FieldError``: the inline, translated message under a field.
- ``format_date``, ``format_datetime``, ``format_time``: Buddhist-era dates in
  Thai, Gregorian in English, times in Asia/Bangkok.
"""

from .dates import format_date, format_datetime, format_time
from .field_error import FieldError
from .pin import PinField, PinPad

__all__ = ["FieldError", "PinField", "PinPad", "format_date", "format_datetime", "format_time"]
