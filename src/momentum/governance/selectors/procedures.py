"""Reads for written procedures."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from momentum.governance.models import ProcedureAnswer, WrittenProcedure
from momentum.governance.rules import sees_board_business


def procedures_for(user: Any) -> QuerySet[WrittenProcedure]:
    if not sees_board_business(user):
        raise PermissionDenied
    return WrittenProcedure.objects.visible_to(user).annotate(answer_count=Count("answers"))


def get_procedure_for(user: Any, pk: int) -> WrittenProcedure:
    if not sees_board_business(user):
        raise PermissionDenied
    return get_object_or_404(
        WrittenProcedure.objects.visible_to(user)
        .select_related("minutes__meeting", "created_by")
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=ProcedureAnswer.objects.select_related("country", "answered_by"),
            )
        ),
        pk=pk,
    )
