"""The support office's pages: asking with files checked like the hub's, lists that cost a
bounded number of queries, the staff request page, the report for observers."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from momentum.support.models import Request, Status
from momentum.support.services import requests as services

pytestmark = pytest.mark.django_db


def _ask(officer, travel, n=1):  # type: ignore[no-untyped-def]
    return [
        services.open_request(by=officer, category=travel, subject=f"Visa {i}", description="?")
        for i in range(n)
    ]


def test_an_officer_asks_from_the_help_page_and_lands_on_her_request(client_for, officer, travel):
    client = client_for(officer)
    assert 'href="/en/support/ask/"' in client.get("/en/").content.decode()

    response = client.post(
        "/en/support/ask/",
        {
            "category": travel.pk,
            "subject": "Invitation letter",
            "description": "For the visa.",
            "attachments": [SimpleUploadedFile("passport-copy.txt", b"scan")],
        },
    )

    request = Request.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/support/requests/{request.reference}/"
    assert request.attachments.get().name == "passport-copy.txt"


def test_a_dangerous_file_is_refused_beside_the_field_and_nothing_typed_is_lost(
    client_for, officer, travel
):
    response = client_for(officer).post(
        "/fr/support/ask/",
        {
            "category": travel.pk,
            "subject": "Lettre d'invitation",
            "description": "Pour le visa.",
            "attachments": [SimpleUploadedFile("page.html", b"<html><script>x</script></html>")],
        },
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "page.html" in content
    assert "Lettre d&#x27;invitation" in content or "Lettre d'invitation" in content
    assert not Request.objects.exists()


def test_a_request_opened_from_a_session_is_linked_to_it(client_for, officer, travel):
    from momentum.training.tests.factories import SessionFactory

    session = SessionFactory()
    client = client_for(officer)

    page = client.get(f"/en/support/ask/?session={session.pk}").content.decode()
    client.post(
        f"/en/support/ask/?session={session.pk}",
        {"category": travel.pk, "subject": "Venue", "description": "Where?"},
    )

    request = Request.objects.get()
    assert request.about_kind == "training.session"
    assert request.about_id == session.pk
    assert str(session) in page


def test_my_requests_cost_the_same_queries_for_many(
    client_for, officer, travel, django_assert_max_num_queries
):
    _ask(officer, travel, 12)
    client = client_for(officer)
    # session, user, roles, count, page of requests with categories, navigation permissions,
    # home steps are not on this page.
    with django_assert_max_num_queries(8):
        response = client.get("/en/support/requests/")

    assert response.content.decode().count("/en/support/requests/SUP-") == 12


def test_the_queue_costs_the_same_queries_for_many(
    client_for, officer, staff, travel, django_assert_max_num_queries
):
    _ask(officer, travel, 15)
    client = client_for(staff)
    # session, user, roles, count, page with category, country, assignee, asker; held count.
    with django_assert_max_num_queries(9):
        response = client.get("/en/support/queue/")

    assert response.content.decode().count("/en/support/requests/SUP-") == 15


def test_the_staff_page_shows_notes_and_the_asker_language(client_for, officer, staff, travel):
    officer.preferred_language = "ar"
    officer.save()
    (request,) = _ask(officer, travel)
    services.add_note(request=request, by=staff, body="Passport expires soon.")

    content = client_for(staff).get(f"/en/support/requests/{request.reference}/").content.decode()

    assert "Passport expires soon." in content
    assert "Internal note (staff only)" in content


def test_the_staff_page_costs_bounded_queries(
    client_for, officer, staff, travel, django_assert_max_num_queries
):
    (request,) = _ask(officer, travel)
    for i in range(5):
        services.reply(request=request, by=staff, body=f"Answer {i}", then=Status.OPEN)
    client = client_for(staff)
    # session, user, roles, request, messages with authors, attachments, canned replies,
    # staff for the assignment list.
    with django_assert_max_num_queries(8):
        response = client.get(f"/en/support/requests/{request.reference}/")

    assert response.content.decode().count("support-message--reply") == 5


def test_the_donor_sees_the_report_with_small_cells_hidden(client_for, donor, officer, travel):
    _ask(officer, travel, 3)

    content = client_for(donor).get("/en/support/report/").content.decode()

    assert "&lt;5" in content
    assert officer.email not in content


def test_home_shows_the_officer_her_answered_questions_and_staff_the_queue(
    officer, staff, travel, django_assert_max_num_queries
):
    from momentum.core.home import next_steps_for

    first, _second = _ask(officer, travel, 2)
    services.reply(request=first, by=staff, body="Which date?", then=Status.WAITING)

    from momentum.support.home import support_steps

    with django_assert_max_num_queries(4):  # support's own provider
        officer_steps = [str(step.text) for step in support_steps(officer)]
    staff_steps = [str(step.text) for step in next_steps_for(staff) if step.app == "support"]

    assert officer_steps == ["The support office answered 1 of your questions."]
    assert staff_steps == ["1 support request in your queues waits for a first answer."]


def test_a_canned_reply_starts_the_answer_in_the_askers_language(
    client_for, officer, staff, travel
):
    from momentum.support.models import CannedReply

    officer.preferred_language = "fr"
    officer.save()
    (request,) = _ask(officer, travel)
    canned = CannedReply.objects.create(
        title_en="Letters",
        body_en="We send letters.",
        body_fr="Nous envoyons des lettres.",
        body_ar="نرسل الرسائل.",
    )

    content = (
        client_for(staff)
        .get(f"/en/support/requests/{request.reference}/?canned={canned.pk}")
        .content.decode()
    )

    assert "Nous envoyons des lettres.</textarea>" in content
