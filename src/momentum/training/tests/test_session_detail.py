"""A session's page: course, dates in the reader's language, venue, languages, seats per
country, gender target, trainers, status, the staff's buttons and the subjects' panels."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from momentum.core.tests.factories import CityFactory, CountryFactory
from momentum.people.models import Role
from momentum.people.tests.factories import person_with_role
from momentum.training.models import Delivery, SessionStatus
from momentum.training.tests.factories import CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db

PANELS = [
    "training/nominations/_session_panel.html",
    "training/attendance/_session_panel.html",
    "training/assessments/_session_panel.html",
    "training/evaluations/_session_panel.html",
    "training/certificates/_session_panel.html",
]


@pytest.fixture
def session(jordan, morocco, trainer):
    course = CourseFactory(
        code="notices-101",
        title_en="Notices and diffusions",
        title_ar="النشرات والتعميمات",
    )
    return SessionFactory(
        course=course,
        status=SessionStatus.OPEN,
        starts_on=date(2031, 4, 14),
        ends_on=date(2031, 4, 17),
        time_zone="Africa/Casablanca",
        venue_city=CityFactory(country=morocco, name_en="Rabat", name_fr="Rabat", name_ar="الرباط"),
        venue_country=morocco,
        language="fr",
        interpretation=["ar", "en"],
        capacity=24,
        women_target_percent=45,
        trainers=[trainer],
        quotas={jordan: (10, 3), morocco: (10, 10)},
    )


def test_an_officer_sees_the_session_in_arabic(client_for, officer, session):
    response = client_for(officer).get(f"/ar/training/sessions/{session.pk}/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "النشرات والتعميمات" in content
    assert "14 إبريل، 2031" in content  # the first day, as Arabic dates read
    # The time zone is its city, in Arabic, not the IANA name.
    assert "الدار البيضاء" in content
    assert "Africa/Casablanca" not in content
    assert "الرباط, المغرب" in content  # the city in Arabic, too
    assert "Rabat" not in content
    # The trainer is named in the page's script: Arabic on an Arabic page.
    assert f"<bdi>{session.trainers.get().display_name('ar')}</bdi>" in content
    assert response.context["seats_shared"] == 20
    assert response.context["seats_taken"] == 13
    rows = [(q.country.code, q.seats, q.selected, q.seats_left) for q in response.context["quotas"]]
    assert rows == [("JO", 10, 3, 7), ("MA", 10, 10, 0)]
    assert 'class="status status--ok"' in content
    assert response.context["interpretation"] == ["العربية", "الإنجليزية"]


def test_the_status_is_shown_in_words_with_its_colour(client_for, officer, session):
    SessionFactory._meta.model.objects.filter(pk=session.pk).update(status=SessionStatus.CANCELLED)

    content = client_for(officer).get(f"/en/training/sessions/{session.pk}/").content.decode()

    assert '<span class="status status--error">Cancelled</span>' in content


def test_an_officer_gets_no_staff_buttons(client_for, officer, session):
    response = client_for(officer).get(f"/en/training/sessions/{session.pk}/")

    assert response.context["buttons"] == []
    assert "/move/" not in response.content.decode()
    assert "/cancel/" not in response.content.decode()


def test_staff_get_the_buttons_of_the_legal_transitions_only(client_for, staff, session):
    response = client_for(staff).get(f"/en/training/sessions/{session.pk}/")

    assert [button["action"] for button in response.context["buttons"]] == ["selection"]
    content = response.content.decode()
    assert f"/en/training/sessions/{session.pk}/move/selection/" in content
    assert 'data-confirm="Close nominations and start the selection?"' in content
    assert f"/en/training/sessions/{session.pk}/cancel/" in content
    assert f"/en/training/sessions/{session.pk}/move/confirm/" not in content


def test_the_subjects_panels_are_included_in_order(client_for, staff, session):
    response = client_for(staff).get(f"/en/training/sessions/{session.pk}/")

    names = [template.name for template in response.templates if template.name in PANELS]
    assert [name for index, name in enumerate(names) if name not in names[:index]] == PANELS


def test_a_draft_is_hidden_from_officers_but_shown_to_its_trainer(
    client_for, officer, trainer, session
):
    SessionFactory._meta.model.objects.filter(pk=session.pk).update(status=SessionStatus.DRAFT)

    assert client_for(officer).get(f"/en/training/sessions/{session.pk}/").status_code == 404
    assert client_for(trainer).get(f"/en/training/sessions/{session.pk}/").status_code == 200


def test_an_online_session_says_so(client_for, officer):
    online = SessionFactory(delivery=Delivery.ONLINE, venue_city=None, venue_country=None)

    response = client_for(officer).get(f"/en/training/sessions/{online.pk}/")

    assert "<dt>Venue</dt><dd>Online</dd>" in response.content.decode()


def _count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_quotas_and_trainers(client_for, staff, jordan, session):
    """This page's own queries: the session with its course and venue, its quotas with their
    countries, its trainers (plus the signed-in user, their roles, and the panels' own)."""
    client = client_for(staff)
    url = f"/en/training/sessions/{session.pk}/"
    client.get(url)
    few = _count_queries(client, url)

    for code in ("DZ", "LB", "PS", "TN", "EG"):
        session.quotas.create(country=CountryFactory(code=code), seats=0)
    for number in range(4):
        session.trainers.add(person_with_role(Role.TRAINER, None, email=f"t{number}@example.org"))
    many = _count_queries(client, url)

    assert many == few
    assert few <= 16
