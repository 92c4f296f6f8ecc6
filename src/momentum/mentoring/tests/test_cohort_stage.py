"""Staff move a cohort from one stage to the next, one service per transition; an illegal
move is refused with a clear message."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry
from momentum.mentoring.models import CohortStatus
from momentum.mentoring.services import cohorts as services
from momentum.mentoring.tests.factories import CohortFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("service", "before", "after"),
    [
        (services.open_applications, CohortStatus.DRAFT, CohortStatus.OPEN),
        (services.start_selection, CohortStatus.OPEN, CohortStatus.SELECTION),
        (services.start_matching, CohortStatus.SELECTION, CohortStatus.MATCHING),
        (services.start_running, CohortStatus.MATCHING, CohortStatus.RUNNING),
        (services.complete_cohort, CohortStatus.RUNNING, CohortStatus.COMPLETED),
    ],
)
def test_each_transition_moves_one_stage_and_is_audited(staff, service, before, after):
    cohort = CohortFactory(status=before)

    moved = service(cohort=cohort, by=staff)

    assert moved.status == after
    assert moved.version == cohort.version + 1
    entry = AuditEntry.objects.get(verb=f"cohort.{after}")
    assert entry.details == {"before": before, "after": after}


@pytest.mark.parametrize(
    ("service", "status", "message"),
    [
        (
            services.start_selection,
            CohortStatus.DRAFT,
            "Selection can only start for a cohort open for applications. "
            "This cohort is “Being prepared”.",
        ),
        (
            services.open_applications,
            CohortStatus.RUNNING,
            "Applications can only be opened for a cohort being prepared. "
            "This cohort is “In progress”.",
        ),
        (
            services.complete_cohort,
            CohortStatus.OPEN,
            "Only a cohort in progress can be completed. This cohort is “Open for applications”.",
        ),
    ],
)
def test_an_illegal_transition_is_refused(staff, service, status, message):
    cohort = CohortFactory(status=status)

    with pytest.raises(ValidationError) as refusal:
        service(cohort=cohort, by=staff)

    assert refusal.value.messages == [message]
    cohort.refresh_from_db()
    assert cohort.status == status


def test_applications_open_only_with_a_scoring_criterion(staff):
    cohort = CohortFactory(status=CohortStatus.DRAFT, criteria=[])

    with pytest.raises(ValidationError) as refusal:
        services.open_applications(cohort=cohort, by=staff)

    assert refusal.value.messages == [
        "Add at least one scoring criterion before opening applications."
    ]


def test_applications_open_only_with_places(staff):
    cohort = CohortFactory(status=CohortStatus.DRAFT, places={})

    with pytest.raises(ValidationError):
        services.open_applications(cohort=cohort, by=staff)


def test_only_staff_move_a_cohort(focal_point):
    cohort = CohortFactory(status=CohortStatus.OPEN)

    with pytest.raises(PermissionDenied):
        services.start_selection(cohort=cohort, by=focal_point)


def test_the_page_button_moves_the_cohort(client_for, staff):
    cohort = CohortFactory(status=CohortStatus.OPEN)

    response = client_for(staff).post(
        f"/en/mentoring/cohorts/{cohort.pk}/stage/", {"to": "selection"}, follow=True
    )

    cohort.refresh_from_db()
    assert cohort.status == CohortStatus.SELECTION
    assert "The cohort is now at the “Selection” stage." in response.content.decode()


def test_the_page_reports_an_illegal_move(client_for, staff):
    cohort = CohortFactory(status=CohortStatus.OPEN)

    response = client_for(staff).post(
        f"/en/mentoring/cohorts/{cohort.pk}/stage/", {"to": "completed"}, follow=True
    )

    cohort.refresh_from_db()
    assert cohort.status == CohortStatus.OPEN
    [message] = [str(each) for each in response.context["messages"]]
    assert message.startswith("Only a cohort in progress can be completed.")


def test_starting_selection_calls_the_panel_to_score(staff, trainer):
    from momentum.core.models import Notification

    cohort = CohortFactory(status=CohortStatus.OPEN)
    cohort.panel.add(trainer)  # a panel member whose roles give her no mentoring menu

    services.start_selection(cohort=cohort, by=staff)

    notification = Notification.objects.get(recipient=trainer)
    assert notification.kind.startswith("mentoring.")
    assert notification.url == f"/mentoring/cohorts/{cohort.pk}/panel/"
