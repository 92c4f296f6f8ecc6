"""The guard's sharper rules: identifiers as people write them, benign numbers that look like
identifiers, each finding named for its own kind, Arabic pronouns on watched words, and the
exception phrases staff give a watched term (also through the publishing pipeline)."""

from __future__ import annotations

import pytest

from momentum.hub.guard import FindingKind, Verdict, check_text
from momentum.hub.services import publishing
from momentum.hub.services import watched_terms as services

PHONE = FindingKind.PHONE
COORDINATES = FindingKind.COORDINATES


def _kinds(text: str, **options: object) -> set[FindingKind]:
    return {finding.kind for finding in check_text(text, **options).findings}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Reach me on 0795550142 WhatsApp.",  # the cue after the number
        "Call 0791/555/142 after six.",  # slashes
        "رقمي ٠٧٩/٥٥٥/٠١٤٢ بعد السادسة.",
        "Mon numéro : 0661/23/45/78.",
        "Her number 06.61.23.45.78 is the only way.",  # dots
        "Son portable 22.345.678 (Tunisie).",  # no trunk 0
        "Écrivez-moi au 79 555 0142.",  # Jordan, without the trunk 0
    ],
)
def test_phone_numbers_as_people_write_them_are_blocked(text):
    assert _kinds(text) == {PHONE}


@pytest.mark.parametrize(
    "text",
    [
        "The meeting point is lat 33.8938 / long 35.5018.",
        "Latitude: 31,9539 - Longitude: 35,9106",
        "Le rendez-vous est à lat. 36,7538 ; long. 3,0588.",
        "نقطة اللقاء: خط العرض 31,9539 وخط الطول 35,9106",
    ],
)
def test_labelled_coordinate_pairs_are_blocked(text):
    assert _kinds(text) == {COORDINATES}


@pytest.mark.parametrize(
    "text",
    [
        "See section 12.10.3 of the handbook and annex 4.12.25.",
        "Paragraph 2.3.14.1 sets the minimum standard.",
        "المادة 2.3.14.1 من النظام الداخلي.",
        "Upgrade the tool to version 10.2.15.3 before Monday.",
        "حدّثوا البرنامج إلى الإصدار 10.2.15.3 قبل الاثنين.",
        "Le dossier interne 2024-MAR-FOR-015 contient l'ordre du jour.",
        "الملف الداخلي 2024-JOR-TRN-015 يتضمن جدول الأعمال.",
        "Budget lines: 25 000 000 for 2025.",
    ],
)
def test_section_version_and_file_numbers_are_not_identifiers(text):
    assert check_text(text).verdict == Verdict.ALLOW


def test_a_phone_number_after_a_document_word_is_reported_as_a_phone():
    assert _kinds("My passport office line is +962 6 550 1234.") == {PHONE}


def test_an_arabic_watched_word_with_an_attached_pronoun_is_held():
    for text in ("نفذوا مداهمتهم قبل الفجر.", "سنبدأ بمداهمته غداً."):
        assert check_text(text, watched_terms=["مداهمة"]).verdict == Verdict.HOLD


@pytest.mark.parametrize(
    ("term", "exceptions", "benign", "held"),
    [
        ("target", ["target group"], "The target group is women officers.", "We target them."),
        ("cible", ["groupe cible"], "Le groupe cible est large.", "Prendre pour cible le convoi."),
        ("مستهدف", ["الفئة المستهدفة"], "الفئة المستهدفة هي الضابطات.", "المنزل مستهدف الليلة."),
    ],
)
def test_a_watched_term_does_not_count_inside_its_exception_phrases(term, exceptions, benign, held):
    options = {"watched_terms": [term], "watched_exceptions": {term: exceptions}}
    assert check_text(benign, **options).verdict == Verdict.ALLOW  # type: ignore[arg-type]
    assert check_text(held, **options).verdict == Verdict.HOLD  # type: ignore[arg-type]
    both = f"{benign} {held}"
    assert check_text(both, **options).verdict == Verdict.HOLD  # type: ignore[arg-type]


@pytest.mark.django_db
def test_staff_exception_phrases_reach_the_publishing_pipeline(staff):
    term = services.add_watched_term(
        by=staff, phrase="target", language="en", exceptions="target group\n  target   group \n"
    )
    assert term.exception_phrases == ["target group"]

    assert publishing.check_post_text(body="Our target group: officers.").verdict == (Verdict.ALLOW)
    assert publishing.check_post_text(body="The target is ready.").verdict == Verdict.HOLD

    services.set_watched_term_exceptions(term=term, by=staff, exceptions="")
    assert publishing.check_post_text(body="Our target group.").verdict == Verdict.HOLD


@pytest.mark.django_db
def test_staff_give_exception_phrases_on_the_page(client_for, staff):
    client = client_for(staff)
    response = client.post(
        "/en/hub/watched-terms/",
        {"phrase": "cible", "language": "fr", "exceptions": "groupe cible\npublic cible"},
    )
    assert response.status_code == 302
    page = client.get("/en/hub/watched-terms/").content.decode()
    assert "groupe cible" in page and "public cible" in page
