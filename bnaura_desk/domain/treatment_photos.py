"""Before/after photos of a treatment: what kinds there are and how many a task keeps (pure)."""

from __future__ import annotations

from enum import StrEnum

from .errors import QT_TRANSLATE_NOOP


class PhotoKind(StrEnum):
    """When a treatment photo was taken."""

    BEFORE = "before"
    AFTER = "after"


# The words a screen shows for each kind (context "tasks").
PHOTO_KIND_LABELS: dict[PhotoKind, str] = {
    PhotoKind.BEFORE: QT_TRANSLATE_NOOP("tasks", "Before"),
    PhotoKind.AFTER: QT_TRANSLATE_NOOP("tasks", "After"),
}

# A task keeps at most this many photos of each kind: enough for every angle
# of a face, few enough that a shared PC's disk and the upload stay small.
PHOTOS_PER_KIND = 12
