"""Reads for meetings, minutes and motions, for those who see the board's business."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from momentum.governance.models import (
    PRESENT_STATUSES,
    AgendaItem,
    Attendance,
    Meeting,
    Minutes,
    Motion,
    Vote,
)
from momentum.governance.rules import sees_board_business


def _check(user: Any) -> None:
    if not sees_board_business(user):
        raise PermissionDenied


def meetings_for(user: Any) -> QuerySet[Meeting]:
    _check(user)
    return (
        Meeting.objects.visible_to(user)
        .select_related("minutes")
        .annotate(
            present=Count("attendances", filter=Q(attendances__status__in=PRESENT_STATUSES)),
            invited=Count("attendances"),
        )
        .order_by("-starts_at")
    )


def get_meeting_for(user: Any, pk: int) -> Meeting:
    _check(user)
    return get_object_or_404(
        Meeting.objects.visible_to(user).prefetch_related(
            Prefetch(
                "agenda",
                queryset=AgendaItem.objects.select_related("motion").prefetch_related("documents"),
            ),
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related(
                    "country", "member__user", "proxy__user", "proxy__country"
                ),
            ),
            Prefetch(
                "agenda__motion__votes",
                queryset=Vote.objects.select_related("country", "cast_by"),
            ),
            "documents",
        ),
        pk=pk,
    )


def get_minutes_for(user: Any, meeting_pk: int) -> Minutes:
    _check(user)
    return get_object_or_404(
        Minutes.objects.select_related("meeting", "approved_at_meeting").prefetch_related(
            "versions__written_by", "comments__author"
        ),
        meeting_id=meeting_pk,
    )


def get_motion_for(user: Any, pk: int) -> Motion:
    _check(user)
    return get_object_or_404(Motion.objects.select_related("agenda_item__meeting"), pk=pk)


def decisions_for(user: Any) -> QuerySet[Motion]:
    _check(user)
    return Motion.objects.select_related("agenda_item__meeting").order_by(
        "-agenda_item__meeting__starts_at", "agenda_item__position"
    )
