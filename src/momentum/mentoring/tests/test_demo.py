"""`momentum demo`: the mentoring part of the demo programme covers every state, has pairs at
risk and alumnae with verifiable certificates, and every partner country at the conference."""

from __future__ import annotations

from typing import Any

import pytest

from momentum.core.models import Country, Notification
from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    Candidacy,
    CandidacyStatus,
    CheckIn,
    Cohort,
    CohortStatus,
    Meeting,
    MeetingNote,
    Opportunity,
    OpportunityKind,
    Pairing,
    PairingStatus,
    Review,
    TravelSupport,
)
from momentum.mentoring.selectors.health import at_risk_pairs, pairs_with_health
from momentum.mentoring.selectors.learning_path import progress_for_many
from momentum.people.models import Role, Sex

pytestmark = pytest.mark.django_db


@pytest.fixture
def timings(seeded_demo: Any) -> dict[str, float]:
    """The wall-clock seconds each seeder took (the demo is seeded once: ``conftest``)."""
    return dict(seeded_demo.seconds)


def _cohort(code: str) -> Cohort:
    return Cohort.objects.get(code=code)


class TestTheDemoMentoringProgramme:
    def test_it_is_seeded_fast(self, timings):
        assert timings["mentoring"] < 20, timings

    def test_three_cohorts_one_of_each_stage(self, timings):
        stages = dict(Cohort.objects.values_list("code", "status"))

        assert stages == {
            "cohort-2023": CohortStatus.COMPLETED,
            "cohort-2025": CohortStatus.RUNNING,
            "cohort-2027": CohortStatus.OPEN,
        }
        assert _cohort("cohort-2027").accepts_applications

    def test_the_current_cohort_has_places_for_all_seven_partners(self, timings):
        places = _cohort("cohort-2025").places.values_list("country__code", flat=True)

        assert sorted(places) == sorted(Country.objects.values_list("code", flat=True))
        assert len(places) == 7

    def test_applications_in_every_state_of_the_journey(self, timings):
        current = set(
            Application.objects.filter(cohort__code="cohort-2025").values_list("status", flat=True)
        )
        earlier = set(
            Application.objects.filter(cohort__code="cohort-2023").values_list("status", flat=True)
        )

        assert current >= {
            ApplicationStatus.SUBMITTED,
            ApplicationStatus.SUPERVISOR_ENDORSED,
            ApplicationStatus.ENDORSED,
            ApplicationStatus.NOT_ENDORSED,
            ApplicationStatus.OFFERED,
            ApplicationStatus.ACCEPTED,
            ApplicationStatus.DECLINED,
            ApplicationStatus.NOT_SELECTED,
            ApplicationStatus.WITHDRAWN,
        }
        assert earlier == {ApplicationStatus.COMPLETED, ApplicationStatus.LEFT}

    def test_applicants_are_women_officers(self, timings):
        assert not Application.objects.exclude(applicant__sex=Sex.FEMALE).exists()

    def test_the_panel_scored_with_one_conflict_of_interest(self, timings):
        cohort = _cohort("cohort-2025")
        reviews = Review.objects.filter(application__cohort=cohort)

        assert cohort.panel.count() == 3
        assert cohort.criteria.count() == 4
        assert reviews.filter(conflict_of_interest=True).count() == 1
        assert not reviews.filter(conflict_of_interest=True, scores__isnull=False).exists()
        scored = Application.objects.filter(cohort=cohort, score__isnull=False)
        assert scored.count() >= 20
        assert all(0 <= application.score <= 100 for application in scored)

    def test_mentees_are_matched_and_published_with_plans_meetings_and_check_ins(self, timings):
        cohort = _cohort("cohort-2025")
        accepted = Application.objects.filter(cohort=cohort, status=ApplicationStatus.ACCEPTED)
        pairs = Pairing.objects.filter(cohort=cohort, status=PairingStatus.ACTIVE)

        assert pairs.count() == accepted.count() >= 10
        assert all(pair.score_parts for pair in pairs)
        assert not pairs.filter(plan__goals__isnull=True).exists()
        assert Meeting.objects.filter(pairing__cohort=cohort).count() >= 8 * pairs.count()
        answered = CheckIn.objects.filter(pairing__cohort=cohort, submitted_at__isnull=False)
        assert answered.count() >= 2 * pairs.count()
        assert CheckIn.objects.filter(pairing__cohort=cohort, submitted_at__isnull=True).exists()
        # Meetings are written in the mentees' languages.
        topics = " ".join(Meeting.objects.values_list("topics", flat=True))
        assert "خطة" in topics and "plan" in topics

    def test_some_pairs_are_at_risk_and_most_are_on_track(self, timings):
        cohort = _cohort("cohort-2025")
        health = list(pairs_with_health(cohort))
        at_risk = list(at_risk_pairs(cohort))

        assert 2 <= len(at_risk) < len(health)
        assert any(pair.no_recent_meeting for pair in at_risk)
        assert any(pair.low_check_in for pair in at_risk)

    def test_learning_paths_come_from_the_catalogue_with_progress(self, timings):
        mentees = list(
            Application.objects.filter(
                cohort__code="cohort-2025", status=ApplicationStatus.ACCEPTED
            )
        )
        progress = progress_for_many(mentees)

        assert all(progress[mentee.pk].assigned == 3 for mentee in mentees)
        assert sum(progress[mentee.pk].completed for mentee in mentees) > 0

    def test_alumnae_hold_verifiable_certificates(self, timings, client):
        alumnae = Application.objects.filter(
            cohort__code="cohort-2023", status=ApplicationStatus.COMPLETED
        ).select_related("certificate")

        assert alumnae.count() >= 8
        for alumna in alumnae:
            certificate = alumna.certificate
            assert certificate is not None and certificate.nomination_id is None
            assert certificate.revoked_at is None
        response = client.get(f"/en/verify/{alumnae[0].certificate.code}/")
        assert response.status_code == 200
        assert alumnae[0].applicant.user.family_name in response.content.decode()

    def test_every_partner_country_has_a_conference_participant(self, timings):
        conference = Opportunity.objects.get(kind=OpportunityKind.CONFERENCE)
        allocated = Candidacy.objects.filter(
            opportunity=conference, status=CandidacyStatus.ALLOCATED
        )

        assert set(allocated.values_list("country__code", flat=True)) == set(
            Country.objects.active().values_list("code", flat=True)
        )
        assert allocated.count() <= conference.places
        assert set(allocated.values_list("travel_support", flat=True)) >= {TravelSupport.BOOKED}
        assert Opportunity.objects.filter(kind=OpportunityKind.SPEAKING).count() == 2

    def test_alumnae_are_shortlisted_for_the_field_exercise(self, timings):
        exercise = Opportunity.objects.get(kind=OpportunityKind.FIELD_EXERCISE)
        shortlisted = Candidacy.objects.filter(
            opportunity=exercise, status=CandidacyStatus.SHORTLISTED
        )

        assert shortlisted.count() >= 3
        assert not shortlisted.exclude(
            person__mentoring_applications__status=ApplicationStatus.COMPLETED
        ).exists()

    def test_there_are_mentors_of_both_kinds(self, timings):
        from momentum.mentoring.models import MentorKind, MentorProfile

        kinds = set(MentorProfile.objects.values_list("kind", flat=True))

        assert kinds == {MentorKind.INTERPOL_STAFF, MentorKind.SENIOR_OFFICER}
        assert not MentorProfile.objects.exclude(user__role_assignments__role=Role.MENTOR).exists()

    def test_no_private_note_and_no_history_notification(self, timings):
        assert not MeetingNote.objects.exists()
        assert not Notification.objects.filter(kind__startswith="mentoring.").exists()
