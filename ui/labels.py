"""Translated names for the core's enumerations (channels, directions, statuses).

The core stores plain English values; the operator reads these. One table per
enumeration, so a new member shows up as its raw value rather than crashing.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.models import Channel, Direction, InteractionStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def channel_label(channel: str) -> str:
    names = {
        Channel.CALL.value: _t("Call"),
        Channel.TELEGRAM.value: _t("Telegram"),
        Channel.WHATSAPP.value: _t("WhatsApp"),
        Channel.VIBER.value: _t("Viber"),
        Channel.EMAIL.value: _t("Email"),
        Channel.WEBFORM.value: _t("Web form"),
        Channel.CALLBACK.value: _t("Callback request"),
        Channel.NOTE.value: _t("Note"),
    }
    return names.get(channel, channel)


def direction_label(direction: str) -> str:
    names = {
        Direction.INBOUND.value: _t("incoming"),
        Direction.OUTBOUND.value: _t("outgoing"),
        Direction.INTERNAL.value: _t("internal"),
    }
    return names.get(direction, direction)


def status_label(status: str) -> str:
    names = {
        InteractionStatus.RINGING.value: _t("ringing"),
        InteractionStatus.DIALING.value: _t("dialling"),
        InteractionStatus.ANSWERED.value: _t("answered"),
        InteractionStatus.MISSED.value: _t("missed"),
        InteractionStatus.REJECTED.value: _t("rejected"),
        InteractionStatus.BUSY.value: _t("busy"),
        InteractionStatus.NO_ANSWER.value: _t("no answer"),
        InteractionStatus.FAILED.value: _t("failed"),
        InteractionStatus.QUEUED.value: _t("queued"),
        InteractionStatus.SENT.value: _t("sent"),
        InteractionStatus.DELIVERED.value: _t("delivered"),
        InteractionStatus.READ.value: _t("read"),
        InteractionStatus.RECEIVED.value: _t("received"),
        InteractionStatus.DONE.value: _t("done"),
    }
    return names.get(status, status)


def local_time(moment: datetime) -> str:
    """A stored UTC time in the operator's zone, day first (as RU/UA/EU write it)."""
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")
