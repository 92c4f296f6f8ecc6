"""A panel member scores an application against the rubric, or declares a conflict of
interest; scores outside the rubric are refused with clear messages, by the form and by the
service."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry
from momentum.mentoring.models import (
    ApplicationStatus,
    CohortStatus,
    CriterionScore,
    Review,
    RubricCriterion,
)
from momentum.mentoring.services import selection as services
from momentum.mentoring.tests.factories import (
    CohortFactory,
    endorsed_application,
    panelist_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort():  # type: ignore[no-untyped-def]
    return CohortFactory(status=CohortStatus.SELECTION)


@pytest.fixture
def criteria(cohort):  # type: ignore[no-untyped-def]
    return list(RubricCriterion.objects.filter(cohort=cohort))


@pytest.fixture
def application(cohort):  # type: ignore[no-untyped-def]
    return endorsed_application(cohort, supervisor_email="secret.boss@example.org")


@pytest.fixture
def panelist(cohort):  # type: ignore[no-untyped-def]
    return panelist_for(cohort)


def _url(application):  # type: ignore[no-untyped-def]
    return f"/en/mentoring/applications/{application.pk}/score/"


def _post(criteria, values, **extra):  # type: ignore[no-untyped-def]
    data = {f"criterion_{c.pk}": v for c, v in zip(criteria, values, strict=True)}
    return {**data, **extra}


# --- the page ---


def test_the_page_shows_the_application_and_the_rubric(client_for, panelist, application, criteria):
    RubricCriterion.objects.filter(pk=criteria[0].pk).update(
        guidance="Look for a concrete project."
    )

    response = client_for(panelist).get(_url(application))

    content = response.content.decode()
    assert response.status_code == 200
    assert application.motivation in content
    assert application.goals in content
    assert "Look for a concrete project." in content
    assert 'max="5"' in content and 'max="10"' in content
    assert "I have a conflict of interest" in content


def test_the_page_never_shows_the_supervisors_email(client_for, panelist, application):
    response = client_for(panelist).get(_url(application))

    assert "secret.boss@example.org" not in response.content.decode()


def test_the_page_answers_in_bounded_queries(
    client_for, panelist, application, django_assert_max_num_queries
):
    client = client_for(panelist)
    client.get(_url(application))
    # session, user, roles, application (+ areas, mentors), panel check, criteria, own
    # review (+ scores), notifications in the menu…
    with django_assert_max_num_queries(20):
        client.get(_url(application))


# --- scoring ---


def test_a_panel_member_scores_an_application(client_for, panelist, application, criteria):
    response = client_for(panelist).post(
        _url(application), _post(criteria, [4, 7], comment="Clear goals.")
    )

    assert response.status_code == 302
    assert response["Location"] == f"/en/mentoring/cohorts/{application.cohort_id}/panel/"
    review = Review.objects.get(application=application, panelist=panelist)
    assert review.comment == "Clear goals."
    assert not review.conflict_of_interest
    assert sorted(review.scores.values_list("score", flat=True)) == [4, 7]
    application.refresh_from_db()
    assert application.score == Decimal("76.67")
    assert application.reviews_count == 1


def test_scoring_again_replaces_her_review(client_for, panelist, application, criteria):
    client = client_for(panelist)
    client.post(_url(application), _post(criteria, [4, 7]))

    client.post(_url(application), _post(criteria, [5, 10]))

    assert Review.objects.filter(application=application, panelist=panelist).count() == 1
    assert CriterionScore.objects.filter(review__application=application).count() == 2
    application.refresh_from_db()
    assert application.score == Decimal("100.00")
    assert application.reviews_count == 1


def test_the_form_shows_her_saved_scores(client_for, panelist, application, criteria):
    client = client_for(panelist)
    client.post(_url(application), _post(criteria, [3, 9]))

    content = client.get(_url(application)).content.decode()

    assert f'name="criterion_{criteria[0].pk}" value="3"' in content
    assert f'name="criterion_{criteria[1].pk}" value="9"' in content


def test_the_submission_is_audited_with_totals_only(panelist, application, criteria):
    services.submit_review(
        application=application, by=panelist, scores={criteria[0].pk: 4, criteria[1].pk: 7}
    )

    entry = AuditEntry.objects.get(verb="mentoring.review.submit")
    assert entry.target_id == str(application.pk)
    assert entry.country == application.country
    assert entry.details["total"] == "76.67"
    assert entry.details["score"] == "76.67"
    assert entry.details["conflict_of_interest"] is False
    assert "scores" not in entry.details


def test_panel_members_score_independently(panelist, application, criteria, cohort):
    other = panelist_for(cohort)
    services.submit_review(
        application=application, by=other, scores={criteria[0].pk: 0, criteria[1].pk: 0}
    )

    services.submit_review(
        application=application, by=panelist, scores={criteria[0].pk: 5, criteria[1].pk: 10}
    )

    assert Review.objects.filter(application=application).count() == 2
    application.refresh_from_db()
    assert application.score == Decimal("50.00")
    assert application.reviews_count == 2


# --- scores outside the rubric ---


@pytest.mark.parametrize("value", ["6", "-1", "100"])
def test_the_form_refuses_a_score_out_of_range(client_for, panelist, application, criteria, value):
    response = client_for(panelist).post(_url(application), _post(criteria, [value, "5"]))

    assert response.status_code == 200
    content = response.content.decode()
    assert "The score for “Motivation” must be a whole number from 0 to 5." in content
    assert not Review.objects.exists()


def test_the_form_refuses_a_missing_score(client_for, panelist, application, criteria):
    response = client_for(panelist).post(_url(application), _post(criteria, ["4", ""]))

    assert "Give a score for “Leadership potential”." in response.content.decode()
    assert not Review.objects.exists()


def test_the_form_refuses_a_score_that_is_not_a_whole_number(
    client_for, panelist, application, criteria
):
    response = client_for(panelist).post(_url(application), _post(criteria, ["4.5", "3"]))

    assert "Give the score as a whole number." in response.content.decode()
    assert not Review.objects.exists()


def test_the_service_refuses_a_score_out_of_range(panelist, application, criteria):
    with pytest.raises(ValidationError) as refusal:
        services.submit_review(
            application=application, by=panelist, scores={criteria[0].pk: 4, criteria[1].pk: 11}
        )

    assert refusal.value.message_dict[f"criterion_{criteria[1].pk}"] == [
        "The score for “Leadership potential” must be a whole number from 0 to 10."
    ]
    assert not Review.objects.exists()


def test_the_service_refuses_a_missing_criterion(panelist, application, criteria):
    with pytest.raises(ValidationError) as refusal:
        services.submit_review(application=application, by=panelist, scores={criteria[0].pk: 4})

    assert refusal.value.message_dict[f"criterion_{criteria[1].pk}"] == [
        "Give a score for “Leadership potential”."
    ]


def test_the_service_refuses_a_criterion_of_another_cohort(panelist, application, criteria):
    stranger = CohortFactory(criteria=[("Field experience", 1, 5)]).criteria.get()

    with pytest.raises(ValidationError) as refusal:
        services.submit_review(
            application=application,
            by=panelist,
            scores={criteria[0].pk: 4, criteria[1].pk: 7, stranger.pk: 5},
        )

    assert refusal.value.message_dict["__all__"] == [
        "“Field experience” is not a criterion of this cohort’s rubric."
    ]
    assert not Review.objects.exists()


def test_a_posted_criterion_of_another_cohort_is_ignored_by_the_form(
    client_for, panelist, application, criteria
):
    stranger = CohortFactory(criteria=[("Field experience", 1, 5)]).criteria.get()

    client_for(panelist).post(
        _url(application), {**_post(criteria, [4, 7]), f"criterion_{stranger.pk}": "5"}
    )

    review = Review.objects.get()
    assert set(review.scores.values_list("criterion_id", flat=True)) == {c.pk for c in criteria}


# --- conflicts of interest ---


def test_a_conflict_is_recorded_without_scores(client_for, panelist, application, criteria):
    response = client_for(panelist).post(
        _url(application),
        _post(
            criteria,
            [5, 10],
            conflict_of_interest="on",
            conflict_note="She is my sister-in-law.",
        ),
    )

    assert response.status_code == 302
    review = Review.objects.get()
    assert review.conflict_of_interest
    assert review.conflict_note == "She is my sister-in-law."
    assert not review.scores.exists()
    application.refresh_from_db()
    assert application.score is None
    assert application.reviews_count == 0
    entry = AuditEntry.objects.get(verb="mentoring.review.submit")
    assert entry.details["conflict_of_interest"] is True
    assert entry.details["total"] is None


def test_a_conflict_must_be_described(client_for, panelist, application, criteria):
    response = client_for(panelist).post(
        _url(application), _post(criteria, ["", ""], conflict_of_interest="on")
    )

    assert "Describe the conflict of interest." in response.content.decode()
    assert not Review.objects.exists()


def test_the_service_accepts_no_scores_with_a_conflict(panelist, application, criteria):
    with pytest.raises(ValidationError) as refusal:
        services.submit_review(
            application=application,
            by=panelist,
            scores={criteria[0].pk: 5, criteria[1].pk: 10},
            conflict_of_interest=True,
            conflict_note="My former trainee.",
        )

    assert refusal.value.message_dict["__all__"] == [
        "A panel member with a conflict of interest gives no scores."
    ]


def test_declaring_a_conflict_after_scoring_removes_her_scores(panelist, application, criteria):
    services.submit_review(
        application=application, by=panelist, scores={criteria[0].pk: 5, criteria[1].pk: 10}
    )

    services.submit_review(
        application=application,
        by=panelist,
        scores={},
        conflict_of_interest=True,
        conflict_note="I learnt she is in my unit.",
    )

    assert not CriterionScore.objects.exists()
    application.refresh_from_db()
    assert application.score is None
    assert application.reviews_count == 0


# --- who and when ---


def test_someone_off_the_panel_is_refused_by_the_service(staff, application, criteria):
    with pytest.raises(PermissionDenied):
        services.submit_review(
            application=application, by=staff, scores={criteria[0].pk: 5, criteria[1].pk: 10}
        )


def test_a_panel_member_of_another_cohort_does_not_see_the_application(client_for, application):
    elsewhere = panelist_for(CohortFactory())

    response = client_for(elsewhere).get(_url(application))

    assert response.status_code == 404


@pytest.mark.parametrize(
    "status", [ApplicationStatus.SUPERVISOR_ENDORSED, ApplicationStatus.SUBMITTED]
)
def test_an_application_not_yet_endorsed_is_hidden_from_the_panel(
    client_for, panelist, cohort, status
):
    application = endorsed_application(cohort, status=status)

    assert client_for(panelist).get(_url(application)).status_code == 404


@pytest.mark.parametrize(
    ("cohort_status", "application_status"),
    [
        (CohortStatus.MATCHING, ApplicationStatus.ENDORSED),
        (CohortStatus.SELECTION, ApplicationStatus.OFFERED),
        (CohortStatus.SELECTION, ApplicationStatus.NOT_SELECTED),
    ],
)
def test_scoring_is_refused_once_closed(
    client_for, cohort, panelist, criteria, cohort_status, application_status
):
    application = endorsed_application(cohort, status=application_status)
    type(cohort).objects.filter(pk=cohort.pk).update(status=cohort_status)

    with pytest.raises(ValidationError) as refusal:
        services.submit_review(
            application=application, by=panelist, scores={criteria[0].pk: 5, criteria[1].pk: 10}
        )
    response = client_for(panelist).post(_url(application), _post(criteria, [5, 10]))

    assert refusal.value.code == "closed"
    assert not Review.objects.exists()
    content = response.content.decode()
    assert response.status_code == 200
    assert "Scoring is closed for this application" in content
    assert "Save my review" not in content


def test_scoring_is_open_while_applications_are_open(client_for, criteria):
    cohort = CohortFactory(status=CohortStatus.OPEN)
    application = endorsed_application(cohort)
    panelist = panelist_for(cohort)
    open_criteria = list(cohort.criteria.all())

    response = client_for(panelist).post(_url(application), _post(open_criteria, [1, 1]))

    assert response.status_code == 302
    assert Review.objects.filter(application=application).exists()
