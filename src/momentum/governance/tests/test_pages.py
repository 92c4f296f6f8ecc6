"""The board's pages: board members and staff read them, the donor and officers do not; the
lists' query counts do not grow with their rows; a member votes and answers from the pages."""

from __future__ import annotations

import pytest

from momentum.governance.models import ProcedureAnswer, Vote

pytestmark = pytest.mark.django_db


LISTS = [
    "/en/governance/",
    "/en/governance/meetings/",
    "/en/governance/procedures/",
    "/en/governance/recommendations/",
]


@pytest.mark.parametrize("url", LISTS)
def test_board_member_reads_the_lists_in_bounded_queries(
    client_for, board_member, small_board, url, django_assert_max_num_queries
):
    client = client_for(board_member)
    # session, user, roles, the list and its prefetches, navigation permissions, home steps
    with django_assert_max_num_queries(20):
        response = client.get(url)

    assert response.status_code == 200


def test_the_meeting_list_does_not_grow_with_meetings(
    client_for, staff, small_board, django_assert_max_num_queries
):
    from momentum.governance.tests.factories import meeting

    client = client_for(staff)
    client.get("/en/governance/meetings/")
    for _ in range(5):
        meeting(starts_in_days=60)
    with django_assert_max_num_queries(20):
        response = client.get("/en/governance/meetings/")

    assert response.content.decode().count('href="/en/governance/meetings/') >= 7


def test_the_meeting_page_shows_the_agenda_in_the_readers_language(
    client_for, board_member, small_board, django_assert_max_num_queries
):
    client = client_for(board_member)
    with django_assert_max_num_queries(30):
        response = client.get(f"/ar/governance/meetings/{small_board.coming.pk}/")

    content = response.content.decode()
    assert "خطة التدريب" in content
    assert "Training plan" not in content


@pytest.mark.parametrize("persona", ["donor", "officer", "focal_point", "trainer"])
def test_other_roles_see_no_board_business(client_for, request, small_board, persona):
    client = client_for(request.getfixturevalue(persona))

    assert client.get("/en/governance/meetings/").status_code == 403
    assert client.get(f"/en/governance/procedures/{small_board.procedure.pk}/").status_code == 403
    assert client.get("/api/v1/governance/recommendations").status_code == 403


def test_a_member_votes_for_her_country_from_the_meeting_page(
    client_for, board_member, small_board
):
    client = client_for(board_member)

    response = client.post(
        f"/en/governance/motions/{small_board.motion.pk}/vote/", {"choice": "yes"}, follow=True
    )
    again = client.post(
        f"/en/governance/motions/{small_board.motion.pk}/vote/", {"choice": "no"}, follow=True
    )

    assert "Your country&#x27;s vote is recorded." in response.content.decode()
    assert "already voted" in again.content.decode()
    assert list(Vote.objects.values_list("country__code", "choice")) == [("JO", "yes")]


def test_an_objection_without_reason_keeps_the_form_and_says_why(
    client_for, board_member, small_board
):
    client = client_for(board_member)

    response = client.post(
        f"/en/governance/procedures/{small_board.procedure.pk}/answer/", {"choice": "object"}
    )

    assert response.status_code == 200
    assert "Give the reason for your objection." in response.content.decode()
    assert not ProcedureAnswer.objects.exists()


def test_the_named_answers_export_as_csv(client_for, board_member, staff, small_board):
    client_for(board_member).post(
        f"/en/governance/procedures/{small_board.procedure.pk}/answer/",
        {"choice": "object", "text": "Missing budget."},
    )

    response = client_for(staff).get(
        f"/en/governance/procedures/{small_board.procedure.pk}/answers.csv"
    )
    body = b"".join(response).decode() if response.streaming else response.content.decode()

    assert response["Content-Type"].startswith("text/csv")
    assert "Jordan,Object,Missing budget." in body


def test_the_ics_invitation_is_in_the_members_language(client_for, board_member, small_board):
    board_member.preferred_language = "ar"
    board_member.save()

    response = client_for(board_member).get(
        f"/en/governance/meetings/{small_board.coming.pk}/meeting.ics"
    )

    from icalendar import Calendar

    calendar = Calendar.from_ical(response.content)
    event = next(iter(calendar.walk("VEVENT")))
    assert response["Content-Type"].startswith("text/calendar")
    assert str(event["SUMMARY"]) == "اجتماع المجلس"
    assert "خطة التدريب" in str(event["DESCRIPTION"])


def test_invitations_are_emailed_with_an_ics_file_in_each_members_language(
    django_capture_on_commit_callbacks, board_member
):
    from django.core import mail

    from momentum.governance.tests.factories import board, meeting

    board_member.preferred_language = "fr"
    board_member.save()
    board(3, JO=board_member)
    with django_capture_on_commit_callbacks(execute=True):
        meeting(starts_in_days=30)

    to_jordan = next(m for m in mail.outbox if m.to == [board_member.email])
    name, content, mimetype = to_jordan.attachments[0]
    assert name.endswith(".ics")
    assert mimetype.startswith("text/calendar")
    assert "Réunion du comité" in to_jordan.subject
    assert "SUMMARY:Réunion du comité" in (
        content if isinstance(content, str) else content.decode()
    )


def test_invitations_inside_the_notice_period_are_refused(staff):
    from django.core.exceptions import ValidationError

    from momentum.governance.services.meetings import send_invitations
    from momentum.governance.tests.factories import board, meeting

    board(2)
    late = meeting(starts_in_days=5, invite=False)

    with pytest.raises(ValidationError, match="notice period is 21 days"):
        send_invitations(meeting=late, by=staff)


def test_the_named_answers_export_as_pdf_in_arabic(client_for, board_member, small_board):
    from momentum.governance.pdf import answers_pdf
    from momentum.governance.services.procedures import answer_procedure

    answer_procedure(
        procedure=small_board.procedure, by=board_member, choice="object", text="لا ميزانية."
    )

    response = client_for(board_member).get(
        f"/ar/governance/procedures/{small_board.procedure.pk}/answers.pdf"
    )

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert answers_pdf({"procedure": small_board.procedure, "answers": []}, "en").startswith(
        b"%PDF"
    )
