from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from momentum.exercise.models import Member
from momentum.exercise.services import planning
from momentum.exercise.tests.factories import an_exercise
from momentum.people.tests.factories import officer as make_officer

pytestmark = pytest.mark.django_db


def test_a_participant_cannot_be_on_two_sites_in_the_same_shift(staff: Any, officer: Any) -> None:
    s = an_exercise(staff)
    planning.place_member(
        exercise=s.exercise,
        user=officer,
        role="screener",
        source="certified",
        site=s.amman,
        shift=s.shift,
        by=staff,
    )

    with pytest.raises(ValidationError) as refused:
        planning.place_member(
            exercise=s.exercise,
            user=officer,
            role="analyst",
            source="certified",
            site=s.tangier,
            shift=s.shift,
            by=staff,
        )

    assert "cannot be on two sites in the same shift" in " ".join(refused.value.messages)
    assert "Queen Alia Airport" in " ".join(refused.value.messages)
    assert Member.objects.filter(user=officer).count() == 1


def test_only_evaluators_are_assigned_objectives(staff: Any, officer: Any) -> None:
    s = an_exercise(staff)
    with pytest.raises(ValidationError):
        planning.place_member(
            exercise=s.exercise,
            user=officer,
            role="screener",
            source="certified",
            site=s.amman,
            shift=s.shift,
            objectives=[s.screening],
            by=staff,
        )


def test_invitations_carry_an_ics_in_each_persons_language(
    staff: Any, officer: Any, morocco: Any, django_capture_on_commit_callbacks: Any
) -> None:
    s = an_exercise(staff)
    officer.preferred_language = "ar"
    officer.save(update_fields=["preferred_language"])
    french = make_officer(morocco)
    french.preferred_language = "fr"
    french.save(update_fields=["preferred_language"])
    for person, site in ((officer, s.amman), (french, s.tangier)):
        planning.place_member(
            exercise=s.exercise,
            user=person,
            role="screener",
            source="certified",
            site=site,
            shift=s.shift,
            by=staff,
        )

    with django_capture_on_commit_callbacks(execute=True):
        assert planning.send_invitations(exercise=s.exercise, by=staff) == 2

    by_address = {message.to[0]: message for message in mail.outbox}
    arabic = by_address[officer.email]
    assert "Queen Alia Airport" in arabic.body
    _name, ics, content_type = arabic.attachments[0]
    assert content_type.startswith("text/calendar")
    assert "BEGIN:VEVENT" in ics
    assert "المرحلة التشغيلية" in _summaries(ics)
    assert "Phase opérationnelle" in _summaries(by_address[french.email].attachments[0][1])
    assert planning.send_invitations(exercise=s.exercise, by=staff) == 0


def test_a_participant_sees_her_site_shift_role_and_documents_on_her_home_page(
    staff: Any, officer: Any, client_for: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    s = an_exercise(staff)
    planning.place_member(
        exercise=s.exercise,
        user=officer,
        role="screener",
        source="certified",
        site=s.amman,
        shift=s.shift,
        by=staff,
    )
    planning.add_document(
        phase=s.exercise.phases.get(),
        title="Briefing pack",
        uploaded=SimpleUploadedFile("briefing.txt", b"Report to gate B at 07:00.", "text/plain"),
        by=staff,
    )

    page = client_for(officer).get("/en/").content.decode()

    assert "you are Screener at Queen Alia Airport, shift Day" in page
    assert "1 document to read" in page


def _summaries(ics: str) -> str:
    import icalendar

    calendar = icalendar.Calendar.from_ical(ics)
    return " ".join(str(event["summary"]) for event in calendar.walk("VEVENT"))
