"""Reads of certificates, transcripts and exports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404

from momentum.people.models import Profile
from momentum.training.completion import Progress, progress_for
from momentum.training.models import (
    Certificate,
    Nomination,
)


def get_certificate_for(user: Any, pk: int) -> Certificate:
    """A certificate the user may open (its holder, staff, the holder's focal point), or 404:
    nobody else learns that it exists."""
    certificate = (
        Certificate.objects.select_related("holder__profile", "nomination__session")
        .filter(pk=pk)
        .first()
    )
    if certificate is None or not user.has_perm("training.view_certificate", certificate):
        raise Http404
    return certificate


def certificate_by_code(code: str) -> Certificate | None:
    """The certificate a verification code names, for the public page (only what it shows)."""
    if not code:
        return None
    return (
        Certificate.objects.only(
            "code",
            "holder_name",
            "holder_name_ar",
            "title",
            "starts_on",
            "ends_on",
            "hours",
            "issued_on",
            "expires_on",
            "revoked_at",
            "nomination_id",  # none for a programme's certificate (mentoring)
        )
        .filter(code=code)
        .first()
    )


def get_transcript_profile_for(user: Any, pk: int) -> Profile:
    """The officer whose transcript the user may see, or 404."""
    profile = Profile.objects.select_related("user", "country", "agency").filter(pk=pk).first()
    if profile is None or not user.has_perm("training.view_transcript", profile):
        raise Http404
    return profile


@dataclass(frozen=True)
class TranscriptLine:
    nomination: Nomination
    progress: Progress

    @property
    def certificate(self) -> Certificate | None:
        return getattr(self.nomination, "certificate", None)


def _participations(profile: Profile) -> QuerySet[Nomination]:
    return (
        Nomination.objects.filter(officer=profile)
        .select_related("session__course", "certificate")
        .order_by("-session__starts_on", "-pk")
    )


def _lines(nominations: list[Nomination]) -> list[TranscriptLine]:
    progress = progress_for(nominations)
    return [TranscriptLine(nomination, progress[nomination.pk]) for nomination in nominations]


def transcript(profile: Profile) -> list[TranscriptLine]:
    """Every participation of the officer, the latest first, with attendance, scores,
    completion and certificate. Five queries, whatever the number of participations."""
    return _lines(list(_participations(profile)))


def transcript_page(profile: Profile, number: Any, *, per_page: int = 25) -> Page:
    """One page of the transcript (the latest participations first): its ``object_list`` holds
    the page's lines. Six queries, whatever the number of participations."""
    page = Paginator(_participations(profile), per_page).get_page(number)
    page.object_list = _lines(list(page.object_list))  # type: ignore[assignment]
    return page


def certified_officers(course_ids: list[int]) -> list[Profile]:
    """Officers holding a certificate (not revoked) of any of these courses, for the field
    exercise's teams; one query, with their user and country."""
    from django.db.models import Exists, OuterRef

    certified = Certificate.objects.filter(
        holder_id=OuterRef("user_id"),
        revoked_at__isnull=True,
        nomination__session__course_id__in=course_ids,
    )
    return list(
        Profile.objects.filter(Exists(certified))
        .select_related("user", "country")
        .order_by("country__code", "user__family_name", "pk")
    )
