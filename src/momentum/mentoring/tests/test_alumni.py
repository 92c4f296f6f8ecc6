"""The alumni directory: alumnae, staff and focal points (their country's only); names as in
the hub's privacy settings, never e-mail addresses; staff shortlist alumnae for the field
exercise."""

from __future__ import annotations

import pytest

from momentum.mentoring.models import ApplicationStatus, Candidacy, CandidacyStatus, OpportunityKind
from momentum.mentoring.tests.factories import mentee, opportunity, pair_for, running_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def alumnae(jordan, morocco):
    cohort = running_cohort(mentees={}, name_en="Cohort 2024")
    return {
        "jo": mentee(
            cohort,
            jordan,
            status=ApplicationStatus.COMPLETED,
            profile={"user__given_name": "Rania", "user__email": "rania@example.org"},
        ),
        "ma": mentee(
            cohort,
            morocco,
            status=ApplicationStatus.COMPLETED,
            profile={"user__given_name": "Samira"},
        ),
    }


def test_staff_see_every_alumna_without_e_mail_addresses(client_for, staff, alumnae):
    content = client_for(staff).get("/en/mentoring/alumni/").content.decode()

    assert "Rania" in content and "Samira" in content and "Cohort 2024" in content
    assert "rania@example.org" not in content and "@example.org" not in content.split("<main")[-1]


def test_a_focal_point_sees_their_countrys_alumnae_only(client_for, focal_point, alumnae):
    content = client_for(focal_point).get("/en/mentoring/alumni/").content.decode()

    assert "Rania" in content and "Samira" not in content


def test_an_alumna_sees_the_whole_directory(client, alumnae):
    client.force_login(alumnae["jo"].applicant.user)

    content = client.get("/en/mentoring/alumni/").content.decode()

    assert "Rania" in content and "Samira" in content
    # Alumnae read the directory; they do not shortlist.
    assert "Shortlist for the field exercise" not in content


def test_a_mentee_still_taking_part_is_not_in_the_directory(client_for, staff, officer, alumnae):
    taking_part = pair_for(officer).mentee

    response = client_for(staff).get("/en/mentoring/alumni/")

    shown = {alumna.application.pk for alumna in response.context["alumni"]}
    assert shown == {alumnae["jo"].pk, alumnae["ma"].pk} and taking_part.pk not in shown


def test_an_alumna_who_chose_initials_is_shown_by_her_initials(client_for, staff, alumnae):
    from momentum.hub.models import NameDisplay
    from momentum.hub.tests.factories import hub_settings

    hub_settings(alumnae["ma"].applicant.user, "samira", name_display=NameDisplay.INITIALS)

    content = client_for(staff).get("/en/mentoring/alumni/").content.decode()

    assert "Samira" not in content and "S. " in content


def test_staff_shortlist_an_alumna_for_the_field_exercise(client_for, staff, alumnae):
    exercise = opportunity(kind=OpportunityKind.FIELD_EXERCISE, title_en="Operation Lionfish")
    client = client_for(staff)

    page = client.get("/en/mentoring/alumni/").content.decode()
    assert "Shortlist for the field exercise" in page and "Operation Lionfish" in page

    response = client.post(
        f"/en/mentoring/alumni/{alumnae['ma'].pk}/shortlist/", {"opportunity": exercise.pk}
    )

    assert response.status_code == 302
    shortlisted = Candidacy.objects.get()
    assert shortlisted.status == CandidacyStatus.SHORTLISTED
    assert shortlisted.person == alumnae["ma"].applicant and shortlisted.opportunity == exercise


def test_shortlisting_twice_is_refused(client_for, staff, alumnae):
    exercise = opportunity(kind=OpportunityKind.FIELD_EXERCISE)
    client = client_for(staff)
    url = f"/en/mentoring/alumni/{alumnae['ma'].pk}/shortlist/"
    client.post(url, {"opportunity": exercise.pk})

    response = client.post(url, {"opportunity": exercise.pk}, follow=True)

    assert "already shortlisted" in response.content.decode()
    assert Candidacy.objects.count() == 1


def test_only_field_exercises_can_be_chosen(client_for, staff, alumnae):
    conference = opportunity(kind=OpportunityKind.CONFERENCE)

    client_for(staff).post(
        f"/en/mentoring/alumni/{alumnae['ma'].pk}/shortlist/", {"opportunity": conference.pk}
    )

    assert not Candidacy.objects.exists()


@pytest.mark.parametrize("count", [1, 8])
def test_the_directory_queries_do_not_grow(
    client_for, staff, jordan, django_assert_max_num_queries, count
):
    cohort = running_cohort(mentees={})
    for _index in range(count):
        mentee(cohort, jordan, status=ApplicationStatus.COMPLETED)
    opportunity(kind=OpportunityKind.FIELD_EXERCISE)
    client = client_for(staff)

    # session, user, roles, the count, the page's alumnae, their areas, their hub settings,
    # the exercises
    with django_assert_max_num_queries(9):
        response = client.get("/en/mentoring/alumni/")
    assert len(response.context["alumni"]) == count


def test_the_directory_is_paged_by_25_keeping_its_filters(client_for, staff, jordan):
    cohort = running_cohort(mentees={})
    for _index in range(27):
        mentee(cohort, jordan, status=ApplicationStatus.COMPLETED)
    client = client_for(staff)

    first = client.get("/en/mentoring/alumni/", {"country": "JO"})
    second = client.get("/en/mentoring/alumni/", {"country": "JO", "page": 2})

    assert len(first.context["alumni"]) == 25
    assert len(second.context["alumni"]) == 2
    html = first.content.decode()
    assert "27 alumnae" in html
    assert 'href="?country=JO&amp;page=2"' in html
