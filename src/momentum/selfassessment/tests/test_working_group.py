"""The working group answers, rates and plans; bad input is refused and nothing saved is lost."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry
from momentum.people.tests.factories import officer as make_officer
from momentum.selfassessment import selectors, services
from momentum.selfassessment.models import Answer, Cycle, CycleStatus, Dimension, QuestionKind
from momentum.selfassessment.tests.factories import agency_of, cycle_for, framework, rate_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(jordan):
    return make_officer(jordan, sex="male", user__given_name="Omar", user__family_name="Saleh")


@pytest.fixture
def cycle(officer, colleague, focal_point) -> Cycle:
    return cycle_for(officer, by=focal_point, members=(colleague,))


def _dimension_with(kind: str) -> Dimension:
    framework()
    return Dimension.objects.filter(questions__kind=kind).order_by("order").first()


def test_focal_point_invites_a_working_group_and_it_is_told(officer, focal_point):
    cycle = cycle_for(officer, by=focal_point)

    assert cycle.status == CycleStatus.INVITED
    assert cycle.lead == officer
    assert officer.notifications.filter(kind="selfassessment.invited").exists()
    assert AuditEntry.objects.filter(verb="selfassessment.cycle_invited").count() == 1


def test_focal_point_cannot_invite_an_agency_of_another_country(officer, outsider):
    framework()
    with pytest.raises(PermissionDenied):
        services.invite_working_group(
            agency=agency_of(officer.profile.country),
            year=2026,
            lead=officer,
            members=[],
            by=outsider,
        )


def test_a_member_from_another_country_is_refused(officer, focal_point, morocco):
    moroccan = make_officer(morocco)
    framework()
    with pytest.raises(ValidationError, match="agency's country"):
        services.invite_working_group(
            agency=agency_of(officer.profile.country),
            year=2026,
            lead=officer,
            members=[moroccan],
            by=focal_point,
        )
    assert not Cycle.objects.exists()


def test_a_second_cycle_for_the_same_agency_and_year_is_refused(officer, focal_point):
    cycle_for(officer, by=focal_point)

    with pytest.raises(ValidationError, match="already has"):
        cycle_for(officer, by=focal_point)


def test_answers_of_several_respondents_are_aggregated(cycle, officer, colleague):
    dimension = _dimension_with(QuestionKind.HEADCOUNT)
    choice, grid, text = list(dimension.questions.order_by("order"))
    services.save_answers(
        cycle=cycle,
        by=officer,
        values={
            choice.pk: "yes",
            grid.pk: {"senior": {"female": 2, "male": 8, "total": 10}},
            text.pk: "The HR report of 2025.",
        },
    )
    services.save_answers(
        cycle=cycle,
        by=colleague,
        values={choice.pk: "partly", grid.pk: {"senior": {"female": 3, "male": 8, "total": 11}}},
    )

    summaries = {s.question.pk: s for s in selectors.answers_summary(cycle, dimension, officer)}

    assert summaries[choice.pk].choices == {"yes": 1, "partly": 1}
    assert summaries[choice.pk].respondents == 2
    assert summaries[grid.pk].grids_differ
    assert summaries[grid.pk].grid["senior"] == {"female": 3, "male": 8, "total": 11}  # newest
    assert summaries[text.pk].texts == [(officer, "The HR report of 2025.")]
    assert summaries[choice.pk].mine.choice == "yes"
    cycle.refresh_from_db()
    assert cycle.status == CycleStatus.IN_PROGRESS


def test_a_headcount_whose_parts_exceed_the_whole_is_refused_and_nothing_is_saved(cycle, officer):
    dimension = _dimension_with(QuestionKind.HEADCOUNT)
    choice, grid, _text = list(dimension.questions.order_by("order"))

    with pytest.raises(ValidationError, match="more than"):
        services.save_answers(
            cycle=cycle,
            by=officer,
            values={choice.pk: "yes", grid.pk: {"junior": {"female": 6, "male": 5, "total": 10}}},
        )
    assert not Answer.objects.exists()


def test_a_negative_or_non_numeric_headcount_is_refused(cycle, officer):
    grid = _dimension_with(QuestionKind.HEADCOUNT).questions.get(kind=QuestionKind.HEADCOUNT)

    for bad in ({"female": -1}, {"male": "many"}):
        with pytest.raises(ValidationError):
            services.save_answers(cycle=cycle, by=officer, values={grid.pk: {"mid": bad}})


def test_a_rating_without_justification_is_refused(cycle, officer):
    dimension = framework()[0]

    with pytest.raises(ValidationError, match="justification"):
        services.rate_dimension(
            cycle=cycle, dimension=dimension, score=3, justification="  ", by=officer
        )


def test_a_rating_made_on_an_old_version_is_refused_and_the_newer_one_kept(
    cycle, officer, colleague
):
    dimension = framework()[0]
    first = services.rate_dimension(
        cycle=cycle, dimension=dimension, score=2, justification="Partly.", by=officer
    )
    services.rate_dimension(
        cycle=cycle,
        dimension=dimension,
        score=3,
        justification="Better.",
        by=colleague,
        version=first.version,
    )

    with pytest.raises(ValidationError, match="changed this rating"):
        services.rate_dimension(
            cycle=cycle,
            dimension=dimension,
            score=5,
            justification="Stale.",
            by=officer,
            version=first.version,
        )
    rating = selectors.ratings_of(cycle)[dimension.pk]
    assert (rating.score, rating.justification) == (3, "Better.")
    assert AuditEntry.objects.filter(verb="selfassessment.dimension_rated").count() == 2


def test_the_radar_shows_the_ratings_beside_the_previous_cycle(officer, focal_point):
    earlier = cycle_for(officer, by=focal_point, year=2025)
    rate_all(earlier, officer, score=2)
    services.complete_cycle(cycle=earlier, by=officer)
    current = cycle_for(officer, by=focal_point, year=2026)
    dimensions = framework()
    services.rate_dimension(
        cycle=current, dimension=dimensions[0], score=4, justification="Now in place.", by=officer
    )

    points = selectors.radar_for(current, dimensions)
    shape = selectors.radar_shape(points)

    assert current.previous == earlier
    assert [(p.score, p.previous) for p in points[:2]] == [(4, 2), (None, 2)]
    assert len(shape.current.split()) == len(dimensions) == 16
    assert shape.previous  # drawn when the agency has an earlier cycle
    assert shape.current.split()[0] == "200.0,96.0"  # 4 of 5 of the 130-unit radius, upwards


def test_a_cycle_is_completed_only_when_every_dimension_is_rated(cycle, officer):
    services.rate_dimension(
        cycle=cycle, dimension=framework()[0], score=1, justification="First steps.", by=officer
    )
    with pytest.raises(ValidationError, match="15 left"):
        services.complete_cycle(cycle=cycle, by=officer)

    rate_all(cycle, officer)
    services.complete_cycle(cycle=cycle, by=officer)
    cycle.refresh_from_db()
    assert cycle.status == CycleStatus.COMPLETED
    with pytest.raises(PermissionDenied):  # a completed cycle's ratings stay as they were
        services.rate_dimension(
            cycle=cycle, dimension=framework()[0], score=5, justification="Later.", by=officer
        )


def test_an_action_is_done_only_with_its_evidence_and_a_stale_edit_is_refused(cycle, officer):
    action = services.add_action(
        cycle=cycle,
        by=officer,
        dimension=framework()[0],
        title="Record age",
        owner="Statistics",
        due_on="2026-12-31",
    )
    with pytest.raises(ValidationError, match="shows the action is done"):
        services.update_action(action=action, by=officer, version=action.version, status="done")

    updated = services.update_action(
        action=action,
        by=officer,
        version=action.version,
        status="done",
        completion_evidence="The field is in the database.",
    )
    with pytest.raises(ValidationError, match="changed this action"):
        services.update_action(action=action, by=officer, version=action.version, owner="Other")
    assert updated.version == action.version + 1
    assert AuditEntry.objects.filter(verb="selfassessment.action_changed").count() == 1


def test_an_action_linked_to_an_unknown_indicator_is_refused(cycle, officer):
    with pytest.raises(ValidationError, match="No results indicator"):
        services.add_action(
            cycle=cycle,
            by=officer,
            dimension=framework()[0],
            title="Train",
            owner="Academy",
            due_on="2026-12-31",
            indicator="no.such.indicator",
        )


def test_the_group_is_reminded_once_of_actions_due_within_a_week(cycle, officer, colleague):
    from datetime import date

    services.add_action(
        cycle=cycle,
        by=officer,
        dimension=framework()[0],
        title="Open changing rooms",
        owner="Logistics",
        due_on=date(2026, 12, 10),
    )
    services.add_action(
        cycle=cycle,
        by=officer,
        dimension=framework()[0],
        title="Later work",
        owner="Logistics",
        due_on=date(2027, 3, 1),
    )

    assert services.remind_due_actions(date(2026, 12, 5)) == 1
    assert services.remind_due_actions(date(2026, 12, 6)) == 0
    assert colleague.notifications.filter(kind="selfassessment.action_due").count() == 1


def test_staff_edit_a_dimension_in_three_languages_and_a_partial_survey_statement_is_refused(
    client, staff
):
    dimension = framework()[2]
    client.force_login(staff)
    words = {
        "name_ar": "القوانين",
        "name_fr": "Lois",
        "name_en": "Laws",
        "description_ar": "",
        "description_fr": "",
        "description_en": "",
        "survey_statement_ar": "",
        "survey_statement_fr": "",
        "survey_statement_en": "Only here.",
    }

    refused = client.post(f"/en/selfassessment/framework/dimensions/{dimension.pk}/", words)
    saved = client.post(
        f"/en/selfassessment/framework/dimensions/{dimension.pk}/",
        {**words, "survey_statement_en": ""},
    )

    assert "in Arabic, French and English" in refused.content.decode()
    assert saved.status_code == 302
    dimension.refresh_from_db()
    assert (dimension.name_fr, dimension.name_ar) == ("Lois", "القوانين")
    assert AuditEntry.objects.filter(verb="selfassessment.dimension_edited").count() == 1
