"""Completing a mentee: the criteria checklist, the refusal naming what is missing, the
override with a reason, the certificate (the training certificates' verification), the pair
completed, the hub space joined, and the page's query counts."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from momentum.core.models import AuditEntry, Notification
from momentum.mentoring.models import Application, ApplicationStatus, PairingStatus
from momentum.mentoring.selectors.alumni import completion_check
from momentum.mentoring.services.completion import complete_mentee
from momentum.mentoring.tests.factories import (
    meetings_for,
    pair_for,
    path_course,
    running_cohort,
)

pytestmark = pytest.mark.django_db


def _ready(pairing, *, meetings: int = 2):  # type: ignore[no-untyped-def]
    """The pair's mentee meets every criterion of a cohort requiring two meetings."""
    pairing.cohort.required_meetings = 2
    pairing.cohort.save()
    path_course(pairing.mentee, "completed")
    meetings_for(pairing, meetings, minutes=90)
    pairing.plan.reviewed_at = timezone.now()
    pairing.plan.save()
    return pairing.mentee


def test_the_check_names_every_missing_criterion(officer):
    pairing = pair_for(officer)
    pairing.cohort.required_meetings = 3
    pairing.cohort.save()
    meetings_for(pairing, 1)

    check = completion_check(Application.objects.get(pk=pairing.mentee_id))

    assert check.missing == [
        "No course has been assigned to her learning path.",
        "She has had 1 of the 3 meetings required.",
        "Her development plan has not been reviewed.",
    ]


def test_meetings_of_a_pair_ended_early_do_not_count(officer, staff):
    pairing = pair_for(officer)
    meetings_for(pairing, 4)
    pairing.status = PairingStatus.ENDED_EARLY
    pairing.save()

    assert completion_check(pairing.mentee).meetings == 0


def test_completion_is_refused_with_the_missing_criteria(officer, staff):
    pairing = pair_for(officer)
    _ready(pairing, meetings=1)
    path_course(pairing.mentee, "enrolled")

    with pytest.raises(ValidationError) as raised:
        complete_mentee(application=pairing.mentee, by=staff)

    assert raised.value.messages == [
        "Her learning path is not completed: 1 of 2 courses.",
        "She has had 1 of the 2 meetings required.",
    ]
    pairing.mentee.refresh_from_db()
    assert pairing.mentee.status == ApplicationStatus.ACCEPTED


def test_only_staff_complete(officer, focal_point):
    mentee = _ready(pair_for(officer))

    with pytest.raises(PermissionDenied):
        complete_mentee(application=mentee, by=focal_point)


def test_completing_makes_her_an_alumna_with_a_verifiable_certificate(client, officer, staff):
    pairing = pair_for(officer)
    mentee = _ready(pairing)

    certificate = complete_mentee(application=mentee, by=staff)

    mentee.refresh_from_db()
    pairing.refresh_from_db()
    assert mentee.status == ApplicationStatus.COMPLETED and mentee.completed_at is not None
    assert mentee.certificate == certificate and certificate.nomination is None
    assert pairing.status == PairingStatus.COMPLETED
    assert certificate.holder == officer and certificate.hours == 3  # two meetings of 90'
    assert certificate.title["en"].startswith("Mentoring and upskilling programme for women")
    assert pairing.cohort.name_en in certificate.title["en"]
    assert Notification.objects.filter(recipient=officer, kind="mentoring.completed").exists()
    assert AuditEntry.objects.filter(verb="mentoring.mentee_completed").exists()

    page = client.get(f"/en/verify/{certificate.code}/")

    content = page.content.decode()
    assert page.status_code == 200
    assert "This certificate was issued by the programme and is valid." in content
    assert "Leila Haddad" in content and "Mentoring and upskilling programme" in content


def test_the_certificate_pdf_is_rendered_by_the_training_machinery(officer, staff):
    from momentum.training.services.certificates import certificate_pdf_bytes

    certificate = complete_mentee(application=_ready(pair_for(officer)), by=staff)

    assert certificate_pdf_bytes(certificate).startswith(b"%PDF")


def test_staff_override_missing_criteria_with_a_reason(officer, staff):
    mentee = pair_for(officer).mentee

    complete_mentee(application=mentee, by=staff, override_reason="Completed abroad.")

    entry = AuditEntry.objects.get(verb="mentoring.mentee_completed")
    assert entry.details["override_reason"] == "Completed abroad."
    assert len(entry.details["missing"]) == 3


def test_completing_twice_is_refused(officer, staff):
    mentee = _ready(pair_for(officer))
    complete_mentee(application=mentee, by=staff)

    with pytest.raises(ValidationError, match="already completed"):
        complete_mentee(application=mentee, by=staff)


def test_completing_adds_her_to_the_cohorts_hub_space(officer, staff):
    from momentum.hub.models import Membership, MembershipStatus
    from momentum.hub.tests.factories import SpaceFactory

    pairing = pair_for(officer)
    pairing.cohort.hub_space = SpaceFactory()
    pairing.cohort.save()

    complete_mentee(application=_ready(pairing), by=staff)

    membership = Membership.objects.get(space=pairing.cohort.hub_space, user=officer)
    assert membership.status == MembershipStatus.ACTIVE and membership.joined_at is not None


def test_the_page_refuses_with_the_missing_criteria(client_for, officer, staff):
    pairing = pair_for(officer)

    response = client_for(staff).post(
        f"/en/mentoring/applications/{pairing.mentee_id}/complete/", follow=True
    )

    content = response.content.decode()
    assert "cannot be completed yet" in content
    assert "Her development plan has not been reviewed." in content


def test_the_checklist_page_completes_a_ready_mentee(client_for, officer, staff):
    mentee = _ready(pair_for(officer))
    client = client_for(staff)

    page = client.get(f"/en/mentoring/cohorts/{mentee.cohort_id}/completion/").content.decode()
    assert "1 ready to complete, 0 completed." in page

    client.post(f"/en/mentoring/applications/{mentee.pk}/complete/")

    mentee.refresh_from_db()
    assert mentee.status == ApplicationStatus.COMPLETED


@pytest.mark.parametrize("mentees", [1, 6])
def test_the_completion_page_takes_constant_queries(
    client_for, staff, jordan, django_assert_max_num_queries, mentees
):
    cohort = running_cohort(mentees={jordan: mentees}, pairs=True)
    for pairing in cohort.pairings.all():
        path_course(pairing.mentee, "completed")
        meetings_for(pairing, 2)
    client = client_for(staff)

    # session, user, roles, the cohort, the mentees, path items, nominations, pairings
    with django_assert_max_num_queries(9):
        response = client.get(f"/en/mentoring/cohorts/{cohort.pk}/completion/")
    assert response.content.decode().count("1 of 1 courses completed") == mentees
