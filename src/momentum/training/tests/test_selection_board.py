"""The selection board: seats per country and the share of women, live; one decision per row."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.core.tests.factories import AreaOfWorkFactory
from momentum.people.models import Sex
from momentum.people.tests.factories import ProfileFactory, UserFactory
from momentum.people.tests.factories import officer as make_officer
from momentum.training import selectors
from momentum.training.models import Nomination, NominationStatus, SeatQuota, SessionStatus
from momentum.training.services import nominations as services
from momentum.training.tests.factories import NominationFactory, session_with_seats

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _board(session):
    return f"/en/training/sessions/{session.pk}/selection/"


def _decide(nomination):
    return f"/en/training/nominations/{nomination.pk}/decide/"


def _nomination(session, country, sex=Sex.FEMALE, status=NominationStatus.NOMINATED):
    return NominationFactory(
        session=session, officer=make_officer(country, sex=sex).profile, status=status
    )


def _select(session, country, staff, sexes):
    for sex in sexes:
        services.select_nomination(nomination=_nomination(session, country, sex), by=staff)


@pytest.mark.parametrize(
    ("sexes", "percent", "below"),
    [
        ([Sex.FEMALE, Sex.FEMALE, Sex.MALE, Sex.MALE, Sex.MALE], 40, False),
        ([Sex.FEMALE, Sex.MALE, Sex.MALE, Sex.MALE], 25, True),
        ([Sex.FEMALE, Sex.MALE, Sex.MALE], 33, True),
        ([], None, False),
    ],
)
def test_share_of_women_among_selected_participants(staff, jordan, morocco, sexes, percent, below):
    session = session_with_seats(
        {jordan: 3, morocco: 3}, status=SessionStatus.SELECTION, women_target_percent=40
    )
    # Spread over two countries; nominated, waitlisted and declined women do not count.
    _select(session, jordan, staff, sexes[:3])
    _select(session, morocco, staff, sexes[3:])
    _nomination(session, jordan, Sex.FEMALE)
    _nomination(session, morocco, Sex.FEMALE, NominationStatus.DECLINED)

    balance = selectors.selection_summary(session).balance

    assert balance.selected == len(sexes)
    assert balance.women == sexes.count(Sex.FEMALE)
    assert balance.percent == percent
    assert balance.below_target is below


def test_board_shows_each_countrys_seats_and_the_balance_in_words(
    client_for, staff, jordan, morocco
):
    session = session_with_seats(
        {jordan: 3, morocco: 2}, status=SessionStatus.SELECTION, women_target_percent=50
    )
    _select(session, jordan, staff, [Sex.FEMALE, Sex.MALE, Sex.MALE])
    _nomination(session, morocco)

    response = client_for(staff).get(_board(session))

    assert response.status_code == 200
    lines = {line.country.code: line for line in response.context["summary"].countries}
    assert (lines["JO"].seats, lines["JO"].selected, lines["JO"].left) == (3, 3, 0)
    assert (lines["MA"].left, lines["MA"].waiting) == (2, 1)
    content = response.content.decode()
    assert "Women: 1 of 3 selected participants; the target is at least 50 %." in content
    assert 'value="33"' in content  # the bar
    assert "Below the target" in content


def test_board_lists_nominations_grouped_by_country_with_what_staff_need(
    client_for, staff, jordan, morocco
):
    session = session_with_seats({jordan: 3, morocco: 2}, status=SessionStatus.SELECTION)
    area = AreaOfWorkFactory(code="border", name_en="Border management")
    rania = make_officer(
        jordan,
        sex=Sex.FEMALE,
        rank_level="mid",
        user__given_name="Rania",
        user__family_name="Saleh",
        user__given_name_ar="رانيا",
        user__family_name_ar="صالح",
    )
    rania.profile.areas_of_work.set([area])
    NominationFactory(
        session=session,
        officer=rania.profile,
        status=NominationStatus.NOMINATED,
        justification="Heads the document-fraud desk.",
    )
    _nomination(session, morocco)

    content = client_for(staff).get(_board(session)).content.decode()

    assert content.index('id="country-JO"') < content.index('id="country-MA"')
    for shown in ("Rania Saleh", "رانيا صالح", "Female", "Mid-level", "Border management"):
        assert shown in content
    assert "Heads the document-fraud desk." in content


def test_the_board_names_ranks_in_arabic_on_arabic_pages(client_for, staff, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    _nomination(session, jordan)

    content = client_for(staff).get(_board(session).replace("/en/", "/ar/", 1)).content.decode()

    assert "مفتش شرطة" in content
    assert "Inspector" not in content


def test_selecting_with_htmx_updates_the_row_and_the_summary(client_for, staff, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan, Sex.FEMALE)

    response = client_for(staff).post(_decide(nomination), {"action": "select"}, **HTMX)

    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith(
        f'<tr id="nomination-{nomination.pk}" data-status="selected"'
    )
    # Out of band, inside a template: a <section> after a <tr> would not parse in place.
    assert '<template>\n<section id="board-summary"' in content
    assert 'hx-swap-oob="true"' in content
    assert "Women: 1 of 1 selected participant; the target is at least 40 %." in content
    assert response.context["summary"].countries[0].left == 1
    assert SeatQuota.objects.get().selected == 1


def test_a_refusal_with_htmx_is_shown_in_the_row_and_nothing_changes(client_for, staff, jordan):
    session = session_with_seats({jordan: 1}, status=SessionStatus.SELECTION)
    services.select_nomination(nomination=_nomination(session, jordan), by=staff)
    late = _nomination(session, jordan)

    response = client_for(staff).post(_decide(late), {"action": "select"}, **HTMX)

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "Every seat for Jordan is taken" in response.content.decode()
    late.refresh_from_db()
    assert late.status == NominationStatus.NOMINATED
    assert SeatQuota.objects.get().selected == 1


def test_without_javascript_a_decision_redirects_to_the_board(client_for, staff, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan)

    response = client_for(staff).post(
        _decide(nomination), {"action": "decline", "reason": "Not in the target areas."}
    )

    assert response.status_code == 302
    assert response["Location"] == f"{_board(session)}#nomination-{nomination.pk}"
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.DECLINED
    assert nomination.decision_reason == "Not in the target areas."


def test_declining_without_a_reason_is_refused_on_the_board(client_for, staff, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan)

    response = client_for(staff).post(_decide(nomination), {"action": "decline"}, follow=True)

    assert "Say why the nomination is declined." in response.content.decode()
    assert Nomination.objects.get().status == NominationStatus.NOMINATED


def test_withdrawing_on_the_board_swaps_in_the_promoted_row(client_for, staff, jordan):
    session = session_with_seats({jordan: 1}, status=SessionStatus.SELECTION)
    leaving = _nomination(session, jordan)
    services.select_nomination(nomination=leaving, by=staff)
    waiting = _nomination(session, jordan)
    services.waitlist_nomination(nomination=waiting, by=staff)

    response = client_for(staff).post(_decide(leaving), {"action": "withdraw"}, **HTMX)

    content = response.content.decode()
    assert f'<tr id="nomination-{leaving.pk}" data-status="withdrawn"' in content
    assert f'<tr id="nomination-{waiting.pk}" data-status="selected" hx-swap-oob="true"' in content


def test_focal_points_cannot_decide(client_for, focal_point, jordan):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan)

    assert client_for(focal_point).get(_board(session)).status_code == 403
    assert (
        client_for(focal_point).post(_decide(nomination), {"action": "select"}).status_code == 403
    )
    assert SeatQuota.objects.get().selected == 0


def test_board_filters_by_country_and_status(client_for, staff, jordan, morocco):
    session = session_with_seats({jordan: 2, morocco: 2}, status=SessionStatus.SELECTION)
    jordanian = _nomination(session, jordan)
    _nomination(session, jordan, status=NominationStatus.DECLINED)
    _nomination(session, morocco)

    response = client_for(staff).get(_board(session), {"country": "JO", "status": "nominated"})

    assert list(response.context["page"]) == [jordanian]


def _many_nominations(session, countries, count):
    """``count`` nominations spread over ``countries``, written in bulk."""
    areas = [AreaOfWorkFactory(code=f"area-{n}") for n in range(3)]
    users = UserFactory.create_batch(count)
    for index, user in enumerate(users):
        profile = ProfileFactory(user=user, country=countries[index % len(countries)], agency=None)
        profile.areas_of_work.set(areas[: index % 3 + 1])
        Nomination.objects.create(
            session=session,
            officer=profile,
            country=profile.country,
            justification="Works at the border.",
            status=NominationStatus.NOMINATED if index % 4 else NominationStatus.WAITLISTED,
        )


def _board_queries(client, session):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(_board(session))
    assert response.status_code == 200
    return len(queries), response


def test_board_queries_do_not_grow_with_nominations(client_for, staff, jordan, morocco):
    small = session_with_seats({jordan: 20, morocco: 20}, status=SessionStatus.SELECTION)
    large = session_with_seats({jordan: 20, morocco: 20}, status=SessionStatus.SELECTION)
    _many_nominations(small, [jordan, morocco], 50)
    _many_nominations(large, [jordan, morocco], 500)
    client = client_for(staff)

    small_count, _ = _board_queries(client, small)
    large_count, response = _board_queries(client, large)

    # session, user, roles; the session (+ its trainers); quotas with countries; nominations
    # counted by country, status and sex; the page's count; the page's nominations in order;
    # those with officers, users, agencies, countries (+ areas of work)
    assert small_count == large_count == 11
    assert response.context["page"].paginator.count == 500


def test_pending_nominations_come_first_in_each_country_whose_section_is_open_while_some_wait(
    client_for, staff, jordan, morocco
):
    session = session_with_seats({jordan: 2, morocco: 2}, status=SessionStatus.SELECTION)
    declined = _nomination(session, jordan, status=NominationStatus.DECLINED)
    waiting = _nomination(session, jordan)
    decided = _nomination(session, morocco, status=NominationStatus.WAITLISTED)

    response = client_for(staff).get(_board(session))

    groups = response.context["groups"]
    assert [(group.country, group.rows, group.waiting) for group in groups] == [
        (jordan, [waiting, declined], 1),
        (morocco, [decided], 0),
    ]
    html = response.content.decode()
    jordan_section = html[html.index('<details class="board-country" open>') :]
    assert jordan_section.index("country-JO") < jordan_section.index("</details>")
    assert '<details class="board-country">' in html  # Morocco: nothing waits, folded
    assert "1 nomination awaits a decision" in html
    assert "No nomination awaits a decision" in html


def _export(client, session, **filters):
    from io import BytesIO

    from openpyxl import load_workbook

    response = client.get(_board(session) + "export.xlsx", filters)
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_board_downloads_as_a_spreadsheet_with_its_filters_and_the_download_is_audited(
    client_for, staff, jordan, morocco
):
    from momentum.core.models import AuditEntry

    session = session_with_seats({jordan: 2, morocco: 2}, status=SessionStatus.SELECTION)
    waiting = _nomination(session, jordan)
    _nomination(session, morocco)
    client = client_for(staff)

    rows = _export(client, session, country="JO")

    assert rows[0][:3] == ["Country", "Given name", "Family name"]
    assert len(rows) == 2
    assert rows[1][1] == waiting.officer.user.given_name
    assert rows[1][7:9] == ["Inspector", "Junior"]
    assert rows[1][11] == "Nominated"
    entry = AuditEntry.objects.get(verb="training.selection_exported")
    assert entry.actor == staff
    assert entry.details["rows"] == 1


def test_the_spreadsheet_is_in_the_readers_language_and_keeps_formulas_as_text(
    client_for, staff, jordan
):
    session = session_with_seats({jordan: 2}, status=SessionStatus.SELECTION)
    nomination = _nomination(session, jordan)
    nomination.justification = '=HYPERLINK("http://example.com")'
    nomination.save()
    client = client_for(staff)

    response = client.get(f"/ar/training/sessions/{session.pk}/selection/export.xlsx")

    from io import BytesIO

    from openpyxl import load_workbook

    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "البلد"
    assert rows[1][7] == "مفتش شرطة"  # the rank, in Arabic
    assert rows[1][10].startswith("'=")


def test_the_spreadsheet_costs_the_same_queries_for_few_or_many_nominations(
    client_for, staff, jordan, morocco
):
    small = session_with_seats({jordan: 20, morocco: 20}, status=SessionStatus.SELECTION)
    large = session_with_seats({jordan: 20, morocco: 20}, status=SessionStatus.SELECTION)
    _many_nominations(small, [jordan, morocco], 5)
    _many_nominations(large, [jordan, morocco], 60)
    client = client_for(staff)

    counts = []
    for session in (small, large):
        with CaptureQueriesContext(connection) as queries:
            client.get(_board(session) + "export.xlsx")
        counts.append(len(queries))

    # session, user, roles; the session; the nominations with officers (+ areas of work); the
    # audit entry
    assert counts[0] == counts[1] <= 8
