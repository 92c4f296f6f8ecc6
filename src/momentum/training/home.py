"""What waits for each person in training, on their home page (core.home's registry).

Each role's steps cost one query at most (an officer's, a focal point's, staff's, a trainer's),
and each links only to a page the person may open.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from momentum.core.home import NextStep, register
from momentum.people.models import Role
from momentum.training.models import (
    Certificate,
    EvaluationKind,
    EvaluationReceipt,
    Nomination,
    NominationStatus,
    SeatQuota,
    Session,
    SessionStatus,
    TestAttempt,
    TestKind,
)
from momentum.training.services.assessments import participation_refusal
from momentum.training.services.evaluations import survey_open

# How long a decision or a new certificate stays on the home page.
RECENT = timedelta(days=30)
# The officer's participations looked at: the latest ones are those that can still wait for her.
PARTICIPATIONS_SHOWN = 20
_AFTER_CONFIRMATION = [
    SessionStatus.CONFIRMED,
    SessionStatus.RUNNING,
    SessionStatus.COMPLETED,
    SessionStatus.CLOSED,
]


def _title(session: Session) -> str:
    return str(session.course.title)


def officer_steps(user: Any) -> list[NextStep]:
    """Tests open, evaluations waiting, new certificates and recent decisions: one query."""
    recent = timezone.now() - RECENT
    nominations = (
        Nomination.objects.filter(officer__user=user)
        .filter(
            Q(status=NominationStatus.SELECTED, session__status__in=_AFTER_CONFIRMATION)
            | Q(decided_at__gte=recent)
        )
        .select_related("session__course")
        .annotate(
            has_pre=Exists(
                TestAttempt.objects.filter(nomination=OuterRef("pk"), kind=TestKind.PRE)
            ),
            has_post=Exists(
                TestAttempt.objects.filter(nomination=OuterRef("pk"), kind=TestKind.POST)
            ),
            has_end=Exists(
                EvaluationReceipt.objects.filter(
                    nomination=OuterRef("pk"), kind=EvaluationKind.END_OF_SESSION
                )
            ),
            has_follow_up=Exists(
                EvaluationReceipt.objects.filter(
                    nomination=OuterRef("pk"), kind=EvaluationKind.FOLLOW_UP
                )
            ),
            new_certificate=Subquery(
                Certificate.objects.filter(
                    nomination=OuterRef("pk"),
                    revoked_at__isnull=True,
                    issued_on__gte=recent.date(),
                ).values("pk")[:1]
            ),
        )
        .order_by("-session__starts_on", "-pk")[:PARTICIPATIONS_SHOWN]
    )
    steps: list[NextStep] = []
    for nomination in nominations:
        session = nomination.session
        course = _title(session)
        for kind, done in (
            (TestKind.PRE, nomination.has_pre),
            (TestKind.POST, nomination.has_post),
        ):
            if not done and not participation_refusal(nomination, kind):
                text = (
                    _("Take the pre-test of %(course)s.")
                    if kind == TestKind.PRE
                    else _("Take the post-test of %(course)s.")
                ) % {"course": course}
                url = reverse("training:take_test", args=[nomination.pk, kind])
                steps.append(NextStep(text, url, priority=10, app="training"))
        if nomination.status == NominationStatus.SELECTED:
            if not nomination.has_end and survey_open(session, EvaluationKind.END_OF_SESSION):
                steps.append(
                    NextStep(
                        _("Evaluate %(course)s: a few questions, answered anonymously.")
                        % {"course": course},
                        reverse("training:evaluate", args=[session.pk]),
                        priority=20,
                        app="training",
                    )
                )
            if not nomination.has_follow_up and survey_open(session, EvaluationKind.FOLLOW_UP):
                steps.append(
                    NextStep(
                        _("Tell us how you use what you learned in %(course)s.")
                        % {"course": course},
                        reverse("training:follow_up", args=[session.pk]),
                        priority=30,
                        app="training",
                    )
                )
        if nomination.new_certificate:
            steps.append(
                NextStep(
                    _("Your certificate for %(course)s is ready to download.") % {"course": course},
                    reverse("training:my_certificate", args=[session.pk]),
                    priority=40,
                    app="training",
                )
            )
        if nomination.decided_at and nomination.decided_at >= recent:
            steps.append(_decision_step(nomination, course))
    return steps


def _decision_step(nomination: Nomination, course: str) -> NextStep:
    if nomination.status == NominationStatus.SELECTED:
        text = _("You were selected for %(course)s.")
    elif nomination.status == NominationStatus.WAITLISTED:
        text = _("You are on the waiting list for %(course)s.")
    else:
        text = _("You were not selected for %(course)s this time.")
    return NextStep(
        text % {"course": course},
        reverse("training:my_nominations"),
        priority=50,
        app="training",
    )


def _focal_point_steps(user: Any) -> list[NextStep]:
    """Sessions open for nomination in which her countries still have seats: one query."""
    countries = user.countries_for(Role.FOCAL_POINT)
    if not countries:
        return []
    active = Q(
        session__nominations__status__in=[NominationStatus.NOMINATED, NominationStatus.SELECTED],
        session__nominations__country=F("country_id"),
    )
    open_sessions = (
        SeatQuota.objects.filter(
            country_id__in=countries,
            session__status=SessionStatus.OPEN,
            session__nomination_deadline__gt=timezone.now(),
        )
        .annotate(put_forward=Count("session__nominations", filter=active))
        .filter(seats__gt=F("put_forward"))
        .values("session_id")
        .distinct()
        .count()
    )
    if not open_sessions:
        return []
    text = ngettext(
        "%(count)s session is open for nominations, with seats left for your country.",
        "%(count)s sessions are open for nominations, with seats left for your country.",
        open_sessions,
    ) % {"count": open_sessions}
    url = reverse("training:sessions") + f"?status={SessionStatus.OPEN}&when=upcoming"
    return [NextStep(text, url, count=open_sessions, priority=20, app="training")]


def _staff_steps(user: Any) -> list[NextStep]:
    """Sessions in selection with nominations still undecided: one query."""
    waiting = (
        Session.objects.filter(status=SessionStatus.SELECTION)
        .annotate(
            undecided=Count("nominations", filter=Q(nominations__status=NominationStatus.NOMINATED))
        )
        .filter(undecided__gt=0)
        .select_related("course")
        .order_by("starts_on", "pk")[:5]
    )
    return [
        NextStep(
            ngettext(
                "%(count)s nomination waits for your decision in %(course)s.",
                "%(count)s nominations wait for your decision in %(course)s.",
                session.undecided,
            )
            % {"count": session.undecided, "course": _title(session)},
            reverse("training:selection_board", args=[session.pk]),
            count=session.undecided,
            priority=10,
            app="training",
        )
        for session in waiting
    ]


def _trainer_steps(user: Any) -> list[NextStep]:
    """Today's attendance in the sessions she teaches, and her sessions of the week: one query."""
    today = timezone.localdate()
    sessions = (
        Session.objects.filter(trainers=user)
        .filter(
            Q(status=SessionStatus.RUNNING, starts_on__lte=today, ends_on__gte=today)
            | Q(
                status=SessionStatus.CONFIRMED,
                starts_on__gte=today,
                starts_on__lte=today + timedelta(days=7),
            )
        )
        .select_related("course")
        .order_by("starts_on", "pk")[:10]
    )
    steps = []
    for session in sessions:
        if session.status == SessionStatus.RUNNING:
            steps.append(
                NextStep(
                    _("Take today's attendance in %(course)s.") % {"course": _title(session)},
                    reverse("training:attendance", args=[session.pk]),
                    priority=5,
                    app="training",
                )
            )
        else:
            steps.append(
                NextStep(
                    _("%(course)s starts on %(day)s: check its participants and tests.")
                    % {
                        "course": _title(session),
                        "day": date_format(session.starts_on),
                    },
                    reverse("training:session", args=[session.pk]),
                    priority=30,
                    app="training",
                )
            )
    return steps


@register
def training_steps(user: Any) -> list[NextStep]:
    steps: list[NextStep] = []
    if user.has_role(Role.OFFICER):
        steps += officer_steps(user)
    if user.is_programme_staff:
        steps += _staff_steps(user)
    elif user.countries_for(Role.FOCAL_POINT):
        steps += _focal_point_steps(user)
    if Role.TRAINER in user.roles:
        steps += _trainer_steps(user)
    return steps
