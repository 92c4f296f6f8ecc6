"""Staff keep the list of watched words and phrases: add, refuse duplicates and too short
phrases, deactivate, reactivate, delete; all audited; the publishing pipeline reads the
active ones."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from momentum.core.models import AuditEntry
from momentum.hub.models import WatchedTerm
from momentum.hub.services import publishing
from momentum.hub.services import watched_terms as services

pytestmark = pytest.mark.django_db

URL = "/en/hub/watched-terms/"


def test_staff_add_a_phrase_and_it_is_listed_under_its_language(client_for, staff):
    client = client_for(staff)

    response = client.post(
        URL, {"phrase": "  Opération   Sirocco ", "language": "fr", "note": "Nom d'opération"}
    )

    assert response.status_code == 302
    term = WatchedTerm.objects.get()
    assert (term.phrase, term.language, term.is_active) == ("Opération Sirocco", "fr", True)
    assert term.created_by == staff
    entry = AuditEntry.objects.get(verb="hub.watched_term.added")
    assert entry.actor == staff and entry.details["phrase"] == "Opération Sirocco"
    page = client.get(URL).content.decode()
    french = page[page.index('id="watched-terms-fr"') :]
    assert "Opération Sirocco" in french[: french.index("</section>")]


def test_a_duplicate_is_refused_whatever_its_case_accents_or_arabic_spelling(staff):
    services.add_watched_term(by=staff, phrase="Opération", language="fr")
    services.add_watched_term(by=staff, phrase="مداهمة", language="ar")

    for phrase, language in (("OPERATION", "fr"), ("opération", "fr"), ("مداهمه", "ar")):
        with pytest.raises(ValidationError) as error:
            services.add_watched_term(by=staff, phrase=phrase, language=language)
        assert error.value.error_dict["phrase"][0].code == "duplicate"
    assert WatchedTerm.objects.count() == 2


def test_the_same_word_may_be_watched_in_another_language(staff):
    services.add_watched_term(by=staff, phrase="raid", language="en")
    services.add_watched_term(by=staff, phrase="raid", language="fr")

    assert WatchedTerm.objects.count() == 2


def test_the_page_explains_a_duplicate_and_keeps_the_text(client_for, staff):
    client = client_for(staff)
    client.post(URL, {"phrase": "raid", "language": "en"})

    response = client.post(URL, {"phrase": "Raid", "language": "en", "note": "Again"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "“raid” is already on the list for this language." in page
    assert 'value="Raid"' in page
    assert WatchedTerm.objects.count() == 1


@pytest.mark.parametrize("phrase", ["", "   ", "!!", "ab", "- a -"])
def test_an_empty_or_too_short_phrase_is_refused(staff, phrase):
    with pytest.raises(ValidationError):
        services.add_watched_term(by=staff, phrase=phrase, language="en")
    assert not WatchedTerm.objects.exists()


def test_an_unknown_language_is_refused(staff):
    with pytest.raises(ValidationError):
        services.add_watched_term(by=staff, phrase="raid", language="de")


def test_only_staff_keep_the_list(moderator, officer):
    for person in (moderator, officer):
        with pytest.raises(PermissionDenied):
            services.add_watched_term(by=person, phrase="raid", language="en")


def test_deactivating_stops_holding_and_reactivating_starts_again(client_for, staff):
    term = services.add_watched_term(by=staff, phrase="raid", language="en")
    client = client_for(staff)

    client.post(f"{URL}{term.pk}/active/", {"active": "0"})
    assert publishing.watched_phrases() == []
    assert "Reactivate" in client.get(URL).content.decode()

    client.post(f"{URL}{term.pk}/active/", {"active": "1"})
    assert publishing.watched_phrases() == ["raid"]
    verbs = list(
        AuditEntry.objects.filter(verb__startswith="hub.watched_term.")
        .order_by("pk")
        .values_list("verb", flat=True)
    )
    assert verbs == [
        "hub.watched_term.added",
        "hub.watched_term.deactivated",
        "hub.watched_term.reactivated",
    ]


def test_deleting_removes_the_phrase_and_the_audit_keeps_it(client_for, staff):
    term = services.add_watched_term(by=staff, phrase="raid", language="en", note="Operations")

    response = client_for(staff).post(f"{URL}{term.pk}/delete/")

    assert response.status_code == 302
    assert not WatchedTerm.objects.exists()
    entry = AuditEntry.objects.get(verb="hub.watched_term.deleted")
    assert entry.details == {"phrase": "raid", "language": "en", "note": "Operations"}


def test_an_unknown_term_is_not_found(client_for, staff):
    assert client_for(staff).post(f"{URL}999/delete/").status_code == 404


def test_the_list_page_is_one_query_for_any_number_of_terms(
    client_for, staff, django_assert_max_num_queries
):
    client = client_for(staff)
    services.add_watched_term(by=staff, phrase="raid", language="en")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for n in range(30):
        WatchedTerm.objects.create(phrase=f"operation {n}", language="fr", created_by=staff)

    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(URL).content.decode()
    assert page.count('<tr id="watched-term-') == 31
