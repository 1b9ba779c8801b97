"""Translated names for the core's enumerations (channels, directions, statuses).

The core stores plain English values; the operator reads these. One table per
enumeration, so a new member shows up as its raw value rather than crashing.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.enums import Channel, ContactKind, Direction, InteractionStatus


def channel_label(channel: str) -> str:
    names = {
        Channel.CALL.value: QCoreApplication.translate("Labels", "Call"),
        Channel.TELEGRAM.value: QCoreApplication.translate("Labels", "Telegram"),
        Channel.WHATSAPP.value: QCoreApplication.translate("Labels", "WhatsApp"),
        Channel.VIBER.value: QCoreApplication.translate("Labels", "Viber"),
        Channel.EMAIL.value: QCoreApplication.translate("Labels", "Email"),
        Channel.WEBFORM.value: QCoreApplication.translate("Labels", "Web form"),
        Channel.CALLBACK.value: QCoreApplication.translate("Labels", "Callback request"),
        Channel.NOTE.value: QCoreApplication.translate("Labels", "Note"),
    }
    return names.get(channel, channel)


def direction_label(direction: str) -> str:
    names = {
        Direction.INBOUND.value: QCoreApplication.translate("Labels", "incoming"),
        Direction.OUTBOUND.value: QCoreApplication.translate("Labels", "outgoing"),
        Direction.INTERNAL.value: QCoreApplication.translate("Labels", "internal"),
    }
    return names.get(direction, direction)


def status_label(status: str) -> str:
    names = {
        InteractionStatus.RINGING.value: QCoreApplication.translate("Labels", "ringing"),
        InteractionStatus.DIALING.value: QCoreApplication.translate("Labels", "dialling"),
        InteractionStatus.ANSWERED.value: QCoreApplication.translate("Labels", "answered"),
        InteractionStatus.MISSED.value: QCoreApplication.translate("Labels", "missed"),
        InteractionStatus.REJECTED.value: QCoreApplication.translate("Labels", "rejected"),
        InteractionStatus.BUSY.value: QCoreApplication.translate("Labels", "busy"),
        InteractionStatus.NO_ANSWER.value: QCoreApplication.translate("Labels", "no answer"),
        InteractionStatus.FAILED.value: QCoreApplication.translate("Labels", "failed"),
        InteractionStatus.FORWARDED.value: QCoreApplication.translate("Labels", "forwarded"),
        InteractionStatus.QUEUED.value: QCoreApplication.translate("Labels", "queued"),
        InteractionStatus.SENDING.value: QCoreApplication.translate("Labels", "sending"),
        InteractionStatus.UNCERTAIN.value: QCoreApplication.translate(
            "Labels", "may not have been sent"
        ),
        InteractionStatus.SENT.value: QCoreApplication.translate("Labels", "sent"),
        InteractionStatus.DELIVERED.value: QCoreApplication.translate("Labels", "delivered"),
        InteractionStatus.READ.value: QCoreApplication.translate("Labels", "read"),
        InteractionStatus.RECEIVED.value: QCoreApplication.translate("Labels", "received"),
        InteractionStatus.DONE.value: QCoreApplication.translate("Labels", "done"),
    }
    return names.get(status, status)


def contact_kind_label(kind: str) -> str:
    names = {
        ContactKind.PHONE.value: QCoreApplication.translate("Labels", "phone"),
        ContactKind.EMAIL.value: QCoreApplication.translate("Labels", "email"),
        ContactKind.TELEGRAM.value: QCoreApplication.translate("Labels", "Telegram"),
        ContactKind.WHATSAPP.value: QCoreApplication.translate("Labels", "WhatsApp"),
        ContactKind.VIBER.value: QCoreApplication.translate("Labels", "Viber"),
        ContactKind.SIP.value: QCoreApplication.translate("Labels", "SIP"),
    }
    return names.get(kind, kind)


def local_time(moment: datetime) -> str:
    """A stored UTC time in the operator's zone, day first (as RU/UA/EU write it)."""
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")
