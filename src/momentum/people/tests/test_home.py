"""Each role's home page shows its own cards, and a donor sees counts, never a person."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.people.models import Profile, Role, Sex
from momentum.people.tests.factories import InvitationFactory
from momentum.people.tests.factories import officer as make_officer

pytestmark = pytest.mark.django_db

URL = "/en/"


def _card(html: str, heading: str) -> str:
    """The text of the card under ``heading`` (empty when there is no such card)."""
    marker = f"<h2>{heading}</h2>"
    if marker not in html:
        return ""
    return html.split(marker, 1)[1].split("</section>", 1)[0]


@pytest.fixture
def officers(jordan, morocco, officer):
    """Jordan: Leila (the owner, female) and two more women and a man; Morocco: a woman, a man."""
    for sex in (Sex.FEMALE, Sex.FEMALE, Sex.MALE):
        make_officer(jordan, sex=sex)
    make_officer(
        morocco,
        sex=Sex.FEMALE,
        user__email="fatima.ma@example.org",
        user__given_name="Fatima",
        user__family_name="Zahra",
    )
    make_officer(
        morocco,
        sex=Sex.MALE,
        user__email="youssef.ma@example.org",
        user__given_name="Youssef",
        user__family_name="Alaoui",
    )
    Profile.objects.filter(user=officer).update(sex=Sex.FEMALE)


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_officer_sees_own_profile_and_no_counts(client_for, officer, officers):
    response = client_for(officer).get(URL)

    html = response.content.decode()
    assert "Welcome, Leila Haddad" in html
    assert "Inspector · Jordan" in _card(html, "Your profile")
    assert "/en/people/me/profile/" in html
    assert "counts" not in response.context
    assert not _card(html, "Officers on the platform")
    assert not _card(html, "Your country's officers")
    assert not _card(html, "Invitations waiting")


def test_focal_point_sees_the_count_of_own_countrys_officers(
    client_for, focal_point, officers, jordan
):
    response = client_for(focal_point).get(URL)

    assert response.context["my_officers"] == 4
    html = response.content.decode()
    card = _card(html, "Your country's officers")
    assert '<p class="stat">4</p>' in card
    assert "Jordan" in card
    assert "Morocco" not in card
    assert not _card(html, "Officers on the platform")
    assert "fatima.ma@example.org" not in html


def test_focal_point_sees_own_countrys_waiting_invitations_only(
    client_for, focal_point, jordan, morocco
):
    now = timezone.now()
    InvitationFactory(country=jordan)
    InvitationFactory(country=jordan)
    InvitationFactory(country=jordan, accepted_at=now)
    InvitationFactory(country=jordan, revoked_at=now)
    InvitationFactory(country=jordan, expires_at=now - timedelta(hours=1))
    InvitationFactory(country=morocco)

    response = client_for(focal_point).get(URL)

    assert response.context["pending_invitations"] == 2
    assert '<p class="stat">2</p>' in _card(response.content.decode(), "Invitations waiting")


def test_staff_sees_totals_and_the_table_by_country_and_sex(client_for, staff, officers):
    InvitationFactory()

    response = client_for(staff).get(URL)

    counts = response.context["counts"]
    assert (counts["total"], counts["women"]) == (6, 4)
    assert counts["by_country"] == {"JO": {"female": 3, "male": 1}, "MA": {"female": 1, "male": 1}}
    html = response.content.decode()
    assert '<p class="stat">6</p>' in _card(html, "Officers on the platform")
    assert "6 officers are registered, of whom 4 are women." in html
    assert (
        '<tr><th scope="row">Jordan</th><td class="num">3</td><td class="num">1</td></tr>' in html
    )
    assert response.context["pending_invitations"] == 1


def test_the_table_names_countries_in_the_language_of_the_page(client_for, staff, officers):
    html = client_for(staff).get("/fr/").content.decode()

    assert '<th scope="row">Jordanie</th>' in html
    assert '<th scope="row">Maroc</th>' in html


def test_donor_sees_only_aggregates(client_for, donor, officers):
    # The donor's own name is on the page: make sure it is none of the officers' names.
    donor.given_name, donor.family_name, donor.given_name_ar, donor.family_name_ar = (
        "Dina",
        "Observer",
        "",
        "",
    )
    donor.save()

    response = client_for(donor).get(URL)

    assert response.status_code == 200
    assert response.context["counts"]["total"] == 6
    assert "pending_invitations" not in response.context
    assert "own_profile" not in response.context or response.context["own_profile"] is None
    html = response.content.decode()
    assert "6 officers are registered, of whom 4 are women." in html
    for profile in Profile.objects.select_related("user"):
        person = profile.user
        for detail in (
            person.email,
            person.given_name,
            person.family_name,
            person.given_name_ar,
            person.family_name_ar,
        ):
            assert detail not in html, detail
    assert "/people/officers/" not in html
    assert "/people/invitations/" not in html


@pytest.mark.parametrize("persona", ["staff", "focal_point", "donor", "officer"])
@pytest.mark.parametrize("rows", [5, 50])
def test_home_page_queries_do_not_grow_with_rows(
    client_for, request, jordan, morocco, persona, rows
):
    for number in range(rows):
        make_officer(jordan if number % 2 else morocco)
        InvitationFactory(country=jordan)
    user = request.getfixturevalue(persona)
    client = client_for(user)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)

    assert response.status_code == 200
    # Every page: session, user (with her places in the activities, for the menu), the user's
    # roles, the user's own profile card; "what to do next": failed jobs. Then:
    expected = {
        # officers by country and sex, the countries' names, waiting invitations; next steps:
        # sessions waiting for selection, running cohorts, the moderation queue, invitations;
        # and what each activity added (results — values to decide, a logframe awaiting
        # approval —, board, support, needs, screening, toolkit, self-assessment: one to three
        # queries each, none growing with the rows)
        "staff": 25,
        # count of own country's officers, waiting invitations, own countries' names; next
        # steps: open sessions with seats left, applications to endorse, invitations; and the
        # activities' steps (values to report, questionnaires, self-assessments under way)
        "focal_point": 15,
        # officers by country and sex, the countries' names; the results report and overview
        "donor": 9,
        # next steps: her participations, her mentoring offers, her check-ins due; her support
        # requests answered, her screening queues, the questionnaires colleagues asked her to
        # answer
        "officer": 11,
    }
    assert len(queries) == expected[persona], "\n".join(q["sql"][:140] for q in queries)


def test_roles_are_named_with_their_country(client_for, focal_point):
    html = client_for(focal_point).get(URL).content.decode()

    assert "Country focal point, Jordan" in html


def test_a_newcomer_without_any_role_sees_only_the_account_card(client_for):
    from momentum.people.tests.factories import UserFactory

    response = client_for(UserFactory()).get(URL)

    html = response.content.decode()
    assert "none yet" in html
    assert _card(html, "Your account")
    assert not _card(html, "Your profile")
    assert str(Role.OFFICER.label) not in html
