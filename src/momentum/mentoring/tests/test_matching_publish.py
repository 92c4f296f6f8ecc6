"""Publishing the proposed pairs: each becomes active with its development plan and check-ins,
both sides are told in-app and by e-mail, and no pair is published twice."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from momentum.core.models import AuditEntry, Notification
from momentum.mentoring.models import CheckIn, DevelopmentPlan, Pairing, PairingStatus
from momentum.mentoring.services import matching as services
from momentum.mentoring.tests.factories import MentorProfileFactory, matching_cohort, mentee

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposed(staff, jordan, morocco):  # type: ignore[no-untyped-def]
    cohort = matching_cohort()
    mentee(cohort, jordan)
    mentee(cohort, morocco)
    MentorProfileFactory(capacity=1)
    MentorProfileFactory(capacity=1)
    services.propose_matches(cohort=cohort, by=staff)
    return cohort


def test_publishing_makes_every_proposed_pair_active(staff, proposed):
    published = services.publish_matches(cohort=proposed, by=staff)

    pairs = list(Pairing.objects.filter(cohort=proposed))
    assert len(published) == len(pairs) == 2
    assert {p.status for p in pairs} == {PairingStatus.ACTIVE}
    assert all(p.published_at is not None and p.published_by_id == staff.pk for p in pairs)
    assert DevelopmentPlan.objects.filter(pairing__in=pairs).count() == 2
    assert AuditEntry.objects.filter(verb="mentoring.pair_published").count() == 2


def test_both_sides_are_told_in_app_and_by_email(
    staff, proposed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.publish_matches(cohort=proposed, by=staff)

    for pairing in Pairing.objects.filter(cohort=proposed).select_related(
        "mentee__applicant__user", "mentor__user"
    ):
        mentee_note = Notification.objects.get(recipient=pairing.mentee.applicant.user)
        mentor_note = Notification.objects.get(recipient=pairing.mentor.user)
        assert mentee_note.kind == mentor_note.kind == "mentoring.pair_published"
        assert pairing.mentor.user.display_name() in mentee_note.message["en"]
        assert pairing.mentee.applicant.user.display_name() in mentor_note.message["en"]
        assert mentee_note.url == f"/mentoring/pairs/{pairing.pk}/"
    # The e-mails leave after the commit.
    assert callbacks


def test_check_ins_are_scheduled_for_both_sides(staff, proposed):
    services.publish_matches(cohort=proposed, by=staff)

    for pairing in Pairing.objects.filter(cohort=proposed).select_related(
        "mentee__applicant", "mentor"
    ):
        respondents = set(
            CheckIn.objects.filter(pairing=pairing).values_list("respondent_id", flat=True)
        )
        assert respondents == {pairing.mentee.applicant.user_id, pairing.mentor.user_id}


def test_publishing_twice_publishes_nothing_more(staff, proposed):
    services.publish_matches(cohort=proposed, by=staff)

    with pytest.raises(ValidationError) as refused:
        services.publish_matches(cohort=proposed, by=staff)

    assert refused.value.messages == ["There is no proposed pair to publish."]
    assert Notification.objects.count() == 4


def test_a_pair_published_meanwhile_is_not_published_again(staff, proposed, monkeypatch):
    """Two staff publishing at once: the conditional update lets each pair through once."""
    first = Pairing.objects.filter(cohort=proposed).order_by("pk").first()
    real_filter = Pairing.objects.filter

    def filter_after_the_other_published(*args, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("pk") == first.pk and "status" in kwargs:
            # The other staff member's publication lands just before this one's update.
            real_filter(pk=first.pk).update(status=PairingStatus.ACTIVE)
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(Pairing.objects, "filter", filter_after_the_other_published)
    published = services.publish_matches(cohort=proposed, by=staff)
    monkeypatch.undo()

    assert [p.pk for p in published] == [
        p.pk for p in Pairing.objects.filter(cohort=proposed).order_by("pk")[1:]
    ]
    assert not DevelopmentPlan.objects.filter(pairing=first).exists()


def test_the_page_publishes_and_says_so(client_for, staff, proposed):
    response = client_for(staff).post(
        f"/en/mentoring/cohorts/{proposed.pk}/matching/publish/", follow=True
    )

    assert "2 pairs published" in response.content.decode()
    assert not Pairing.objects.filter(status=PairingStatus.PROPOSED).exists()
