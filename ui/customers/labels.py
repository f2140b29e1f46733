"""Translated names of customer enums (gender, channels, consent purposes)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bnaura_desk.domain.customer import CONSENT_LABELS, Channel, ConsentPurpose, Gender

_CONTEXT = "CustomerLabels"

GENDER_LABELS = {
    Gender.UNSPECIFIED: QT_TRANSLATE_NOOP("CustomerLabels", "Not specified"),
    Gender.FEMALE: QT_TRANSLATE_NOOP("CustomerLabels", "Female"),
    Gender.MALE: QT_TRANSLATE_NOOP("CustomerLabels", "Male"),
    Gender.OTHER: QT_TRANSLATE_NOOP("CustomerLabels", "Other"),
}

CHANNEL_LABELS = {
    Channel.SMS: QT_TRANSLATE_NOOP("CustomerLabels", "SMS"),
    Channel.LINE: QT_TRANSLATE_NOOP("CustomerLabels", "LINE"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("CustomerLabels", "Email"),
    Channel.IN_APP: QT_TRANSLATE_NOOP("CustomerLabels", "In-app"),
    Channel.CALL: QT_TRANSLATE_NOOP("CustomerLabels", "Phone call"),
}


def gender_label(gender: Gender) -> str:
    return QCoreApplication.translate(_CONTEXT, str(GENDER_LABELS[gender]))


def channel_label(channel: Channel) -> str:
    return QCoreApplication.translate(_CONTEXT, str(CHANNEL_LABELS[channel]))


def consent_label(purpose: ConsentPurpose) -> str:
    """Return the purpose's label (domain text, translated in context ``consent``)."""
    return QCoreApplication.translate("consent", CONSENT_LABELS[purpose])
