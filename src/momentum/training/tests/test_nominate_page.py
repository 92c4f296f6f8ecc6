"""The nomination page: seats left, nominations made, officers to choose from, the form."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.people.models import RankLevel
from momentum.people.tests.factories import officer as make_officer
from momentum.training.models import Nomination, NominationStatus, SessionStatus, Track
from momentum.training.services import nominations as services
from momentum.training.tests.factories import CourseFactory, NominationFactory, session_with_seats

pytestmark = pytest.mark.django_db


def _radio(content: str, pk: int) -> str:
    """The <input> tag of the radio button offering the officer ``pk``."""
    match = re.search(rf'<input type="radio" name="officer" value="{pk}"[^>]*>', content)
    assert match, pk
    return match.group(0)


def _url(session, country=None):  # type: ignore[no-untyped-def]
    url = f"/en/training/sessions/{session.pk}/nominate/"
    return f"{url}?country={country}" if country else url


def test_page_shows_the_seats_left_and_the_nominations_made(client_for, focal_point, jordan):
    session = session_with_seats({jordan: 4})
    chosen = make_officer(jordan, user__given_name="Rania", user__family_name="Saleh")
    NominationFactory(session=session, officer=chosen.profile, status=NominationStatus.SELECTED)
    session.quotas.update(selected=1)

    response = client_for(focal_point).get(_url(session))

    assert response.status_code == 200
    assert response.context["quota"].seats_left == 3
    assert [n.officer for n in response.context["nominations"]] == [chosen.profile]
    content = response.content.decode()
    assert "seats left of 4 (1 selected)" in content
    assert "Rania Saleh" in content


def test_only_officers_not_yet_nominated_are_offered(client_for, focal_point, officer, jordan):
    session = session_with_seats({jordan: 4})
    other = make_officer(jordan)
    NominationFactory(session=session, officer=other.profile, status=NominationStatus.NOMINATED)

    response = client_for(focal_point).get(_url(session))

    assert response.context["found"] == [officer.profile]


def test_officers_are_found_whatever_the_arabic_spelling(client_for, focal_point, jordan):
    session = session_with_seats({jordan: 4})
    make_officer(jordan, user__given_name_ar="أسماء", user__family_name_ar="الخوري")
    make_officer(jordan, user__given_name_ar="سلمى", user__family_name_ar="خليل")

    response = client_for(focal_point).get(_url(session), {"q": "اسماء"})

    assert [p.user.given_name_ar for p in response.context["found"]] == ["أسماء"]


def test_focal_point_nominates_from_the_page(client_for, focal_point, officer, jordan):
    session = session_with_seats({jordan: 4})

    response = client_for(focal_point).post(
        _url(session),
        {"officer": officer.profile.pk, "justification": "Leads the SLTD desk at the airport."},
    )

    assert response.status_code == 302
    assert response["Location"] == _url(session, "JO")
    nomination = Nomination.objects.get()
    assert nomination.officer == officer.profile
    assert nomination.justification == "Leads the SLTD desk at the airport."


def test_a_refusal_is_shown_beside_the_field_and_keeps_what_was_typed(
    client_for, focal_point, officer, jordan
):
    session = session_with_seats({jordan: 4}, course=CourseFactory(track=Track.LEADERSHIP))

    response = client_for(focal_point).post(
        _url(session), {"officer": officer.profile.pk, "justification": "Ready to lead."}
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["officer"] == ["Leadership programmes are for mid-level officers."]
    assert "Ready to lead." in response.content.decode()
    assert not Nomination.objects.exists()


def test_ineligible_officers_are_shown_but_cannot_be_chosen(client_for, focal_point, jordan):
    session = session_with_seats({jordan: 4}, course=CourseFactory(track=Track.LEADERSHIP))
    junior = make_officer(jordan, rank_level=RankLevel.JUNIOR)
    mid = make_officer(jordan, rank_level=RankLevel.MID)

    response = client_for(focal_point).get(_url(session))

    widget = response.context["form"].fields["officer"].widget
    assert widget.disabled_values == {str(junior.profile.pk)}
    content = response.content.decode()
    assert "disabled" in _radio(content, junior.profile.pk)
    assert "disabled" not in _radio(content, mid.profile.pk)
    assert "not eligible: Leadership programmes are for mid-level officers." in content


def test_the_form_asks_for_motivation_and_endorsement_only_when_needed(
    client_for, focal_point, jordan
):
    plain = session_with_seats({jordan: 4})
    leadership = session_with_seats(
        {jordan: 4},
        course=CourseFactory(
            track=Track.LEADERSHIP, requires_motivation=True, requires_endorsement=True
        ),
    )
    client = client_for(focal_point)
    make_officer(jordan)

    plain_fields = set(client.get(_url(plain)).context["form"].fields)
    leadership_fields = set(client.get(_url(leadership)).context["form"].fields)

    assert plain_fields == {"officer", "justification"}
    assert leadership_fields == {
        "officer",
        "justification",
        "motivation",
        "supervisor_name",
        "supervisor_endorsement",
    }


def test_focal_point_cannot_open_another_countrys_nominations(
    client_for, outsider, focal_point, jordan, morocco
):
    session = session_with_seats({jordan: 4, morocco: 4})

    assert client_for(outsider).get(_url(session, "JO")).status_code == 403
    # Their own country's page is theirs.
    assert client_for(outsider).get(_url(session)).context["country"] == morocco


def test_posting_an_officer_of_another_country_is_forbidden(
    client_for, outsider, officer, jordan, morocco
):
    session = session_with_seats({jordan: 4, morocco: 4})

    response = client_for(outsider).post(
        _url(session), {"officer": officer.profile.pk, "justification": "Trying my luck."}
    )

    assert response.status_code == 403
    assert not Nomination.objects.exists()


def test_staff_choose_the_country_they_nominate_for(client_for, staff, jordan, morocco):
    session = session_with_seats({jordan: 4, morocco: 2})
    moroccan = make_officer(morocco)

    response = client_for(staff).get(_url(session, "MA"))

    assert response.context["country"] == morocco
    assert response.context["found"] == [moroccan.profile]


def test_a_session_past_its_deadline_shows_no_form(client_for, focal_point, officer, jordan):
    session = session_with_seats(
        {jordan: 4}, nomination_deadline=timezone.now() - timedelta(hours=1)
    )
    client = client_for(focal_point)

    response = client.get(_url(session))
    assert response.context["form"] is None
    assert "The deadline for nominations to this session has passed." in response.content.decode()

    posted = client.post(_url(session), {"officer": officer.profile.pk, "justification": "x"})
    assert posted.status_code == 302
    assert not Nomination.objects.exists()


def test_a_draft_session_is_not_found_by_a_focal_point(client_for, focal_point, jordan):
    session = session_with_seats({jordan: 4}, status=SessionStatus.DRAFT)

    assert client_for(focal_point).get(_url(session)).status_code == 404


def test_page_links_to_the_invitation_of_a_new_officer(client_for, focal_point, officer, jordan):
    session = session_with_seats({jordan: 4})

    content = client_for(focal_point).get(_url(session)).content.decode()

    assert 'href="/en/people/invitations/new/"' in content


def test_focal_point_withdraws_a_nomination_from_the_page(client_for, focal_point, officer, jordan):
    session = session_with_seats({jordan: 4})
    nomination = services.nominate_officer(
        session=session, officer=officer.profile, by=focal_point, justification="Border unit."
    )
    client = client_for(focal_point)

    assert (
        f"/en/training/nominations/{nomination.pk}/withdraw/"
        in client.get(_url(session)).content.decode()
    )
    response = client.post(f"/en/training/nominations/{nomination.pk}/withdraw/")

    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.WITHDRAWN


@pytest.mark.parametrize("rows", [5, 40])
def test_page_queries_do_not_grow_with_officers_or_nominations(
    client_for, focal_point, jordan, rows
):
    session = session_with_seats({jordan: 4})
    for _ in range(rows):
        make_officer(jordan)
        NominationFactory(session=session, officer=make_officer(jordan).profile, status="nominated")
    client = client_for(focal_point)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(_url(session))

    assert response.status_code == 200
    # session, user, roles; session (+ trainers); the focal point's countries; the course's
    # target areas; the quota; officers found (+ areas of work); nominations made (+ areas)
    assert len(queries) == 12, [q["sql"] for q in queries]


def test_a_country_not_yet_active_is_explained_to_its_focal_point_once(
    client_for, focal_point, jordan, morocco
):
    from momentum.core.models import CountryStatus

    jordan.status = CountryStatus.NOT_YET_ACTIVE
    jordan.save()
    session = session_with_seats({morocco: 4})  # no seats for a country not yet active

    content = client_for(focal_point).get(_url(session)).content.decode()

    assert "Jordan is not yet active in the programme." in content
    assert "This session has no seats for Jordan." not in content
    assert "Nominations open once the country is active in the programme" in content
