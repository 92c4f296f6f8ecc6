"""The pages: what each persona sees, in bounded queries, and the answers' direction."""

from __future__ import annotations

import pytest

from momentum.core.tests.factories import CountryFactory
from momentum.needs.models import SubmissionStatus, Visit, VisitParticipant
from momentum.needs.services import submissions as services
from momentum.needs.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def round(jordan, morocco):  # type: ignore[no-untyped-def]
    return factories.assessment_round()


def _many_submissions(round, count, start=0):  # type: ignore[no-untyped-def]
    for index in range(start, start + count):
        country = CountryFactory(code=f"Z{chr(65 + index)}")
        factories.submission(round, country, status=SubmissionStatus.SUBMITTED)
        Visit.objects.create(
            round=round, country=country, starts_on="2026-03-01", ends_on="2026-03-02"
        )


def test_the_round_page_costs_the_same_queries_for_3_or_12_countries(
    client_for, staff, round, django_assert_max_num_queries
):
    client = client_for(staff)
    _many_submissions(round, 3)
    client.get(f"/en/needs/rounds/{round.pk}/")  # warm the session and caches
    with django_assert_max_num_queries(14) as few:
        client.get(f"/en/needs/rounds/{round.pk}/")
    _many_submissions(round, 9, start=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(f"/en/needs/rounds/{round.pk}/")
    assert response.content.decode().count("status--warn") == 12


def test_a_focal_point_sees_only_her_countrys_submission_on_the_round_page(
    client_for, focal_point, round, jordan, morocco
):
    factories.submission(round, jordan)
    factories.submission(round, morocco)

    content = client_for(focal_point).get(f"/en/needs/rounds/{round.pk}/").content.decode()

    assert "Jordan" in content and "Morocco" not in content


def test_a_focal_point_without_a_submission_is_offered_to_start_it(
    client_for, focal_point, round, jordan
):
    response = client_for(focal_point).get(f"/en/needs/rounds/{round.pk}/")

    assert f"/start/{jordan.pk}/" in response.content.decode()


def test_the_board_sees_approved_submissions_of_every_country_but_not_drafts(
    client_for, board_member, round, jordan, morocco
):
    approved = factories.submission(round, morocco, status=SubmissionStatus.ACCEPTED)
    draft = factories.submission(round, jordan)
    client = client_for(board_member)

    assert client.get(f"/en/needs/submissions/{approved.pk}/").status_code == 200
    assert client.get(f"/en/needs/submissions/{draft.pk}/").status_code == 404


def test_the_questionnaire_page_answers_in_arabic_with_direction_from_the_text(
    client_for, focal_point, round, jordan, django_assert_max_num_queries
):
    submission = services.start_submission(by=focal_point, round=round, country=jordan)
    services.save_answers(
        by=focal_point, submission=submission, answers={"notes": "Unit 7 — وحدة"}, version=None
    )
    client = client_for(focal_point)
    client.get(f"/ar/needs/submissions/{submission.pk}/")

    with django_assert_max_num_queries(16):
        response = client.get(f"/ar/needs/submissions/{submission.pk}/")

    content = response.content.decode()
    assert 'dir="rtl"' in content
    assert "السؤال has_unit" in content
    assert (
        '<textarea id="input-notes" name="q-notes" rows="3" dir="auto">Unit 7 — وحدة</textarea>'
        in content
    )
    # The skip logic hides what does not apply yet, and the browser script can show it.
    assert 'data-show-if="has_unit"' in content


def test_an_invalid_save_keeps_what_was_typed_and_says_why(client_for, focal_point, round, jordan):
    submission = services.start_submission(by=focal_point, round=round, country=jordan)
    client = client_for(focal_point)

    response = client.post(
        f"/fr/needs/submissions/{submission.pk}/",
        {
            "version": submission.version,
            "action": "save",
            "q-has_unit": "yes",
            "q-unit_size": "9000",
            "q-notes": "gardé",
        },
    )

    assert response.status_code == 422
    content = response.content.decode()
    assert "Entre 1 et 500 agents." in content
    assert 'value="9000"' in content
    assert "gardé" in content


def test_a_stale_save_is_refused_with_the_other_persons_name_and_keeps_the_typed_answers(
    client_for, focal_point, round, jordan
):
    from momentum.people.models import Role
    from momentum.people.tests.factories import person_with_role

    submission = services.start_submission(by=focal_point, round=round, country=jordan)
    colleague = person_with_role(Role.FOCAL_POINT, jordan, given_name="Rania", family_name="Saleh")
    old_version = submission.version
    services.save_answers(
        by=colleague, submission=submission, answers={"notes": "hers"}, version=old_version
    )

    response = client_for(focal_point).post(
        f"/en/needs/submissions/{submission.pk}/",
        {"version": old_version, "action": "save", "q-notes": "mine, typed for an hour"},
    )

    assert response.status_code == 409
    content = response.content.decode()
    assert "Rania Saleh saved this questionnaire" in content
    assert "mine, typed for an hour" in content


def test_the_visit_invitation_is_an_icalendar_event(client_for, staff, round, jordan):
    visit = Visit.objects.create(
        round=round, country=jordan, starts_on="2026-03-01", ends_on="2026-03-03", sequence=2
    )
    VisitParticipant.objects.create(visit=visit, name="Head of training", sex="female")
    from icalendar import Calendar

    response = client_for(staff).get(f"/en/needs/visits/{visit.pk}/invitation.ics")

    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert response["Content-Type"].startswith("text/calendar")
    assert str(event["SUMMARY"]) == "Needs-assessment visit: Jordan"
    assert event.decoded("DTSTART").isoformat() == "2026-03-01"
    assert event.decoded("DTEND").isoformat() == "2026-03-04"  # exclusive
    assert int(event["SEQUENCE"]) == 2


def test_the_figures_page_says_no_public_figure_and_hides_drafts_from_the_donor(
    client_for, donor, staff, jordan
):
    from momentum.needs.models import Figure, FigureStatus

    Figure.objects.create(
        country=jordan, indicator="share_of_women", value=None, status=FigureStatus.PUBLISHED
    )
    Figure.objects.create(
        country=jordan, indicator="women_trainers", value=7, status=FigureStatus.DRAFT
    )

    donor_page = client_for(donor).get("/en/needs/figures/").content.decode()
    staff_page = client_for(staff).get("/en/needs/figures/").content.decode()

    assert "no public figure" in donor_page
    assert "Women among academy trainers" not in donor_page
    assert "Women among academy trainers" in staff_page
