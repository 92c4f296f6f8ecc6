"""Reads of mentors' profiles: staff's list with its filters, one profile, a mentor's current
mentees, and the short list of available mentors an applicant may choose from.

A mentor's *places left* are her capacity less her current pairs (active or proposed, in every
cohort), counted by the database so a list of mentors costs the same few queries however long.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import (
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from momentum.mentoring.models import MentorKind, MentorProfile, Pairing, PairingStatus

# The pairs that take one of a mentor's places.
CURRENT_PAIR_STATUSES = (PairingStatus.PROPOSED, PairingStatus.ACTIVE)


def current_pairs_count() -> Coalesce:
    """An expression: the mentor's current pairs (active or proposed) across all cohorts."""
    counted = (
        Pairing.objects.filter(mentor=OuterRef("pk"), status__in=CURRENT_PAIR_STATUSES)
        .order_by()
        .values("mentor")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_places_left(mentors: QuerySet[MentorProfile]) -> QuerySet[MentorProfile]:
    """Annotate ``current_mentees`` and ``places_left`` (capacity less current pairs)."""
    return mentors.annotate(current_mentees=current_pairs_count()).annotate(
        places_left=ExpressionWrapper(
            F("capacity") - F("current_mentees"), output_field=IntegerField()
        )
    )


def _is_available_now() -> Q:
    return Q(is_available=True) & (
        Q(available_until__isnull=True) | Q(available_until__gte=timezone.localdate())
    )


@dataclass(frozen=True)
class MentorFilters:
    kind: str = ""
    language: str = ""
    expertise: int | None = None
    availability: str = ""  # "available", "unavailable" or "" for both
    with_places_left: bool = False


def mentors_for(user: Any, filters: MentorFilters | None = None) -> QuerySet[MentorProfile]:
    """Staff's list of mentors, filtered, with their places left and what the list shows."""
    if not user.has_perm("mentoring.manage_mentors"):
        raise PermissionDenied
    filters = filters or MentorFilters()
    mentors = with_places_left(MentorProfile.objects.all())
    if filters.kind in MentorKind.values:
        mentors = mentors.filter(kind=filters.kind)
    if filters.language:
        # The languages are a short JSON list of codes: matched as a quoted code, which works
        # on SQLite and PostgreSQL alike.
        mentors = mentors.filter(languages__icontains=f'"{filters.language}"')
    if filters.expertise is not None:
        mentors = mentors.filter(expertise=filters.expertise)
    if filters.availability == "available":
        mentors = mentors.filter(_is_available_now())
    elif filters.availability == "unavailable":
        mentors = mentors.exclude(_is_available_now())
    if filters.with_places_left:
        mentors = mentors.filter(Q(places_left__gt=0))
    return (
        mentors.select_related("user", "agency", "country")
        .prefetch_related("expertise")
        .order_by("user__family_name", "user__given_name", "pk")
    )


def get_mentor_for(user: Any, pk: int, *, write: bool = False) -> MentorProfile:
    """The mentor profile ``pk`` if ``user`` may see it (404 otherwise), and change it when
    ``write`` (403 otherwise)."""
    mentor = (
        with_places_left(MentorProfile.objects.all())
        .select_related("user", "agency", "country")
        .prefetch_related("expertise", "work_areas")
        .filter(pk=pk)
        .first()
    )
    if mentor is None or not user.has_perm("mentoring.view_mentor", mentor):
        raise Http404
    if write and not user.has_perm("mentoring.change_mentor", mentor):
        raise PermissionDenied
    return mentor


def own_mentor_profile(user: Any) -> MentorProfile | None:
    return MentorProfile.objects.filter(user=user).first()


def current_mentees(mentor: MentorProfile) -> QuerySet[Pairing]:
    """The mentor's current pairs (active and proposed), with the mentees' names and cohort.

    Show them only to staff and the mentor herself (``mentoring.view_mentor``)."""
    return (
        Pairing.objects.filter(mentor=mentor, status__in=CURRENT_PAIR_STATUSES)
        .select_related("cohort", "mentee__applicant__user", "mentee__country")
        .order_by("cohort__starts_on", "mentee__applicant__user__family_name", "pk")
    )


def available_mentors() -> QuerySet[MentorProfile]:
    """The mentors an applicant may name as her preference: available now, with a place left.

    For the application form only, which shows the minimum (name, kind, expertise,
    languages): never the capacity, agency or the names of current mentees.
    """
    return (
        with_places_left(MentorProfile.objects.filter(_is_available_now()))
        .filter(Q(places_left__gt=0))
        .select_related("user")
        .prefetch_related(Prefetch("expertise"))
        .only(
            "pk",
            "kind",
            "languages",
            "capacity",
            "user__given_name",
            "user__family_name",
            "user__given_name_ar",
            "user__family_name_ar",
            "user__email",
        )
        .order_by("user__family_name", "user__given_name", "pk")
    )
