"""The content guard: each detector, Arabic digits, offsets, masking, verdicts and messages."""

from __future__ import annotations

import pytest
from django.utils import translation

from momentum.hub.guard import Finding, FindingKind, GuardResult, Verdict, check_text

PHONE = FindingKind.PHONE
EMAIL = FindingKind.EMAIL
DOCUMENT = FindingKind.TRAVEL_DOCUMENT
MRZ = FindingKind.MRZ
IBAN = FindingKind.IBAN
INTERPOL = FindingKind.INTERPOL_REFERENCE
IP = FindingKind.IP_ADDRESS
COORDINATES = FindingKind.COORDINATES
WATCHED = FindingKind.WATCHED_TERM


def kinds(text: str, **kwargs: object) -> set[FindingKind]:
    return {finding.kind for finding in check_text(text, **kwargs).findings}  # type: ignore[arg-type]


def found(text: str, kind: FindingKind) -> list[str]:
    """The identifiers of ``kind`` found in ``text``, as written (from the offsets)."""
    return [text[f.start : f.end] for f in check_text(text).findings if f.kind == kind]


# --- phones ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Call me on +962 79 555 0142 tomorrow.", "+962 79 555 0142"),
        ("Jordan mobile 0791234567.", "0791234567"),
        ("Landline in Amman: 06 512 3456", "06 512 3456"),
        ("Egypt: 01001234567", "01001234567"),
        ("Le Caire : (02) 2345 6789", "(02) 2345 6789"),
        ("Maroc : 06 61 23 45 78", "06 61 23 45 78"),
        ("Maroc : 06.61.23.45.78", "06.61.23.45.78"),
        ("Algérie : 0550-12-34-56", "0550-12-34-56"),
        ("Depuis l'étranger : 00213 661 23 45 67", "00213 661 23 45 67"),
        ("Tunisie : +216 98 765 432", "+216 98 765 432"),
        ("Tél. : 71 234 567", "71 234 567"),
        ("Beyrouth : 03 456 789", "03 456 789"),
        ("Lebanon +961 3 456 789", "+961 3 456 789"),
        ("Gaza 0599 123 456", "0599 123 456"),
        ("Palestine +970 59 912 3456", "+970 59 912 3456"),
        ("France +33 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("Mobile (+962) 79-555-0142", "(+962) 79-555-0142"),
    ],
)
def test_phone_numbers_of_the_seven_countries_and_international_formats_are_blocked(
    text: str, number: str
) -> None:
    assert found(text, PHONE) == [number]
    assert check_text(text).verdict == Verdict.BLOCK


@pytest.mark.parametrize(
    "text",
    [
        "In 2024, 1250 officers were trained; 38% were women.",
        "The workshop is on 07.10.2024 08:30-12:30 in room 204.",
        "Le 07.10.2024 12 participants sont attendus.",
        "Budget : 25 123 456 euros pour 2024-2025.",
        "Years 2019 2020 2021 2022 were studied.",
        "Emergency numbers: 911, 19, 122, 197 and 112.",
        "ISBN 0-19-852663-6 is a good read.",
        "The platform is down from 22:00 to 02:00 (GMT+3).",
        "Between 2023-2024 and 2024-2025 the intake doubled.",
        "Hours: 08.30-12.30 and 13.30-16.30.",
    ],
)
def test_dates_years_times_and_statistics_are_not_phone_numbers(text: str) -> None:
    assert PHONE not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Call for proposals: total budget 150000000 dinars.",
        "للاستفسار عن الهاتف: الموازنة 12500000 دينار",
        "Phone-free sessions: keep mobiles off from 09:00 to 12:00.",
    ],
)
def test_amounts_near_a_phone_word_are_not_phone_numbers(text: str) -> None:
    assert PHONE not in kinds(text)


def test_public_hotlines_are_phone_numbers_too() -> None:
    # By design: the guard cannot tell a public line from a personal one; link to the page.
    assert found("Numéro vert 080 100 2030", PHONE) == ["080 100 2030"]


def test_a_tunisian_or_lebanese_eight_digit_number_needs_a_phone_word() -> None:
    assert found("Appelez le 71 234 567 demain.", PHONE) == ["71 234 567"]
    assert PHONE not in kinds("Le programme a coûté 71 234 567 dinars.")


# --- Arabic-Indic digits ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "اتصلوا على ٠٧٩١٢٣٤٥٦٧",  # Arabic-Indic
        "اتصلوا على ۰۷۹۱۲۳۴۵۶۷",  # Persian (Eastern Arabic-Indic)
        "اتصلوا على ٠٧٩ ١٢٣ ٤٥٦٧",
        "اتصلوا على \u200e+٩٦٢ ٧٩ ١٢٣ ٤٥٦٧\u200e",  # with left-to-right marks around it
    ],
)
def test_arabic_indic_digits_are_digits_for_every_detector(text: str) -> None:
    result = check_text(text)
    assert result.verdict == Verdict.BLOCK
    assert [finding.kind for finding in result.findings] == [PHONE]


def test_arabic_indic_digits_in_other_identifiers() -> None:
    assert found("رقم الجواز: A١٢٣٤٥٦٧٨", DOCUMENT) == ["A١٢٣٤٥٦٧٨"]
    assert found("من العنوان ١٨٥.٢٣.١١٤.٧ فجراً", IP) == ["١٨٥.٢٣.١١٤.٧"]
    assert found("ملف القضية ٢٠٢٥/١٤٨٧٣", INTERPOL) == ["٢٠٢٥/١٤٨٧٣"]
    assert found("عند ٣١٫٩٥٣٩، ٣٥٫٩١٠٦", COORDINATES) == ["٣١٫٩٥٣٩، ٣٥٫٩١٠٦"]


def test_arabic_indic_statistics_are_not_blocked() -> None:
    text = "في عام ٢٠٢٤ تدرب ١٢٥٠ ضابطاً بنسبة ٣٨٪ يوم ١٢/٠٣/٢٠٢٥ الساعة ٩:٣٠"
    assert check_text(text).verdict == Verdict.ALLOW


# --- travel documents and MRZ ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Passport A12345678 was used.", "A12345678"),
        ("Il voyage avec AB1234567.", "AB1234567"),
        ("passport no. P1234567", "P1234567"),
        ("Passeport algérien 123456789", "123456789"),
        ("Son numéro de passeport : 18CV12345", "18CV12345"),
        ("CIN : BE876543", "BE876543"),
        ("الرقم الوطني ٩٨٥١٢٣٤٥٦٧", "٩٨٥١٢٣٤٥٦٧"),
        ("رقم جواز السفر N1234567", "N1234567"),
        ("Her national ID is 29001011234567.", "29001011234567"),
    ],
)
def test_document_numbers_are_blocked(text: str, number: str) -> None:
    assert found(text, DOCUMENT) == [number]


@pytest.mark.parametrize(
    "text",
    [
        "Session S2025014 opens in May.",  # letter and year-like digits: a code
        "ISO 37001 and ISO 27001 are relevant.",
        "Certificates CERT-2025-0042 to CERT-2025-0187.",
        "12500 passports were issued in 2024.",  # the document word comes after
        "Module MTM-GEN-101, 24 hours.",
    ],
)
def test_codes_and_counts_are_not_document_numbers(text: str) -> None:
    assert DOCUMENT not in kinds(text)


def test_a_single_mrz_line_is_blocked_and_wins_over_the_number_inside_it() -> None:
    line = "A123456784EGY8503126M3001015<<<<<<<<<<<<<<02"
    result = check_text(f"Data page: {line}")
    assert [finding.kind for finding in result.findings] == [MRZ]
    assert found("P<JORHADDAD<<AMINA<<<<<<<<<<<<<<<<<<<<<<<<<<", MRZ)
    assert found("IDTUN0123456789<<<<<<<<<<<<<<<", MRZ)


def test_an_arrow_or_short_run_with_fillers_is_not_an_mrz() -> None:
    assert MRZ not in kinds("Next steps << see page 4 >> and <<AGENDA>>")


# --- e-mail ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Write to karim.benali1987@gmail.com",
        "leila_haddad@yahoo.fr",
        "omar.saleh [at] hotmail [dot] com",
        "omar.saleh (arobase) hotmail (point) com",
        "someone@interpol.int.example.com",
        "someone@fakeinterpol.int",
    ],
)
def test_personal_email_addresses_are_blocked(text: str) -> None:
    assert kinds(text) == {EMAIL}


@pytest.mark.parametrize(
    "text",
    [
        "Questions: capacitybuilding@interpol.int",
        "EU mailbox DELEGATION-JORDAN@eeas.europa.eu",
        "See https://maps.example.org/@place for the venue.",
    ],
)
def test_programme_mailboxes_on_allowed_domains_pass(text: str) -> None:
    assert EMAIL not in kinds(text)


def test_allowed_email_domains_come_from_the_settings(settings) -> None:  # type: ignore[no-untyped-def]
    settings.HUB_GUARD_ALLOWED_EMAIL_DOMAINS = ["police.gov.jo"]
    assert EMAIL not in kinds("training@police.gov.jo")
    assert EMAIL in kinds("capacitybuilding@interpol.int")


# --- bank accounts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "iban",
    [
        "JO94 CBJO 0010 0000 0000 0131 0003 02",
        "JO94CBJO0010000000000131000302",
        "EG380019000500000000263180002",
        "LB62 0999 0000 0001 0019 0122 9114",
        "PS74PALS045010123456789012345",
        "TN59 1000 6035 1835 9847 8831",
        "MA64 0115 1900 0001 2050 0053 4921",
        "FR76 3000 6000 0112 3456 7890 189",
    ],
)
def test_ibans_with_a_valid_checksum_are_blocked(iban: str) -> None:
    text = f"Send it to {iban}, thanks."
    assert found(text, IBAN) == [iban]


def test_an_iban_shape_with_a_wrong_checksum_needs_the_word_iban() -> None:
    wrong = "JO95 CBJO 0010 0000 0000 0131 0003 02"
    assert IBAN not in kinds(f"Reference {wrong} in the annex.")
    assert found(f"IBAN : {wrong}", IBAN) == [wrong]


def test_a_long_account_number_is_blocked_only_near_a_bank_word() -> None:
    assert found("RIB du compte : 011 780 0000123456789012 34", IBAN)
    assert found("رقم الحساب البنكي ٠١١٥١٩٠٠٠٠٠١٢٠٥٠٠٠٥٣٤٩٢١", IBAN)
    assert IBAN not in kinds("The survey reached 011 780 0000123456789012 34 people")


# --- INTERPOL references ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Red Notice A-2871/3-2025 was issued.", "A-2871/3-2025"),
        ("See A-123/1-2024 for details.", "A-123/1-2024"),
        ("Please check case file 2025/14873.", "2025/14873"),
        ("Merci de vérifier le dossier 2025/14873.", "2025/14873"),
        ("Diffusion jaune n° 2024-3391 active.", "2024-3391"),
        ("رقم التحقيق: INV-2024-00871", "INV-2024-00871"),
        ("النشرة الحمراء رقم ١٢٣٤٥", "١٢٣٤٥"),
    ],
)
def test_notice_and_case_references_are_blocked(text: str, reference: str) -> None:
    assert found(text, INTERPOL) == [reference]


@pytest.mark.parametrize(
    "text",
    [
        "INTERPOL issued 12,260 Red Notices in 2023.",
        "Case study 4 (pages 210-219) is useful.",
        "Le dossier de candidature doit parvenir avant le 15/04/2025.",
        "Le dossier 2024-2025 des bonnes pratiques est en ligne.",
        "We demonstrated I-24/7 in session 3.",
        "La loi n° 103-13 est au programme.",
        "Resolution 1325 (2000) and resolution 2250 (2015).",
        "In our case, 17 of 20 units adopted it by 2024.",
        "La notice d'utilisation (version 2025-01) est jointe.",
        "Registration number of the association: 2019/4521.",
    ],
)
def test_statistics_laws_and_year_ranges_are_not_references(text: str) -> None:
    assert INTERPOL not in kinds(text)


# --- IP addresses ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Login from 185.23.114.7 at 03:12.", "185.23.114.7"),
        ("The router's IP was 10.0.0.138.", "10.0.0.138"),
        ("Server 1.2.3.4 was used.", "1.2.3.4"),
        (
            "From 2a02:c7f:5a2e:3e00:8d4b:1c9f:2b3a:77e1 at night.",
            "2a02:c7f:5a2e:3e00:8d4b:1c9f:2b3a:77e1",
        ),
        ("Adresse : 2001:db8::ff00:42:8329", "2001:db8::ff00:42:8329"),
    ],
)
def test_ip_addresses_are_blocked(text: str, address: str) -> None:
    assert found(text, IP) == [address]


@pytest.mark.parametrize(
    "text",
    [
        "Checklist version 2.4.1 is online.",
        "Windows 10.0.19041.1 is required.",
        "Section 1.2.3.4 of the guide.",
        "Octets 256.1.1.1 are not valid.",
        "The meeting runs 10:30:00 to 12:00:00.",
        "Ratio 1:18 and 2:3:4 mixes.",
    ],
)
def test_version_and_section_numbers_and_times_are_not_ip_addresses(text: str) -> None:
    assert IP not in kinds(text)


# --- coordinates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meet at 31.9539, 35.9106 tomorrow.", ["31.9539, 35.9106"]),
        ("At 33°53'13\"N 35°30'47\"E.", ["33°53'13\"N", "35°30'47\"E"]),
        ("عند 33°53'13\" شمالاً", ["33°53'13\" شمالاً"]),
        ("GPS: 36.75, 3.06", ["36.75, 3.06"]),
        ("Coordonnées : 36,7538 ; 3,0588", ["36,7538 ; 3,0588"]),
        ("https://maps.example.com/@31.9539,35.9106,15z", ["31.9539,35.9106"]),
        ("lat 34.0209 long -6.8416", ["lat 34.0209 long -6.8416"]),
        ("عند ٣٤٫٠٢ شمالاً، ٦٫٨٤ غرباً", ["٣٤٫٠٢ شمالاً، ٦٫٨٤ غرباً"]),
    ],
)
def test_coordinates_are_blocked(text: str, expected: list[str]) -> None:
    assert found(text, COORDINATES) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Scores 4.2, 4.6 and 4.75 out of 5.",
        "Le coût unitaire est de 1.250 dinars, soit 3.400 pour trois.",
        "Les stagiaires ont noté 4,6 sur 5, contre 4,2.",
        "It was 25°C in the training hall.",
        "Between 12.5, 13.75 and 14.25 percent.",
    ],
)
def test_scores_amounts_and_temperatures_are_not_coordinates(text: str) -> None:
    assert COORDINATES not in kinds(text)


# --- watched words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["المداهمة كانت طويلة", "تمرين مداهمه", "ومداهمة المنازل", "بالمداهمة", "المُداهَمة"],
)
def test_arabic_watched_words_match_with_prefixes_and_letter_variants(text: str) -> None:
    result = check_text(text, watched_terms=["مداهمة"])
    assert result.verdict == Verdict.HOLD
    assert [finding.kind for finding in result.findings] == [WATCHED]


def test_watched_words_match_whole_words_only() -> None:
    assert check_text("The raider team", watched_terms=["raid"]).verdict == Verdict.ALLOW
    assert check_text("A braid of rope", watched_terms=["raid"]).verdict == Verdict.ALLOW
    assert check_text("Two raids in one exercise", watched_terms=["raid"]).verdict == Verdict.HOLD
    assert check_text("Le SUSPECT", watched_terms=["suspect"]).verdict == Verdict.HOLD


def test_watched_phrases_match_consecutive_words_with_accents_folded() -> None:
    terms = ["opération Sahara"]
    assert check_text("Le bilan de l'Operation sahara", watched_terms=terms).verdict == Verdict.HOLD
    assert check_text("l'opération menée au Sahara", watched_terms=terms).verdict == Verdict.ALLOW
    assert check_text("Les perquisitions", watched_terms=["perquisition"]).verdict == Verdict.HOLD
    assert check_text("المشتبه به", watched_terms=["مشتبه به"]).verdict == Verdict.HOLD


def test_watched_word_offsets_cover_the_word_as_written() -> None:
    text = "قبل تمرين المُداهَمة بيوم"
    (finding,) = check_text(text, watched_terms=["مداهمة"]).findings
    assert text[finding.start : finding.end] == "المُداهَمة"
    assert finding.excerpt == "المُداهَمة"


def test_an_identifier_blocks_even_when_a_watched_word_would_hold() -> None:
    text = "The suspect can be reached on 0791234567."
    result = check_text(text, watched_terms=["suspect"])
    assert result.verdict == Verdict.BLOCK
    assert {finding.kind for finding in result.findings} == {WATCHED, PHONE}
    assert len(result.messages()) == 1  # only what blocks the post is explained


def test_empty_and_benign_text_is_allowed() -> None:
    assert check_text("").verdict == Verdict.ALLOW
    assert check_text("   ").verdict == Verdict.ALLOW
    result = check_text("Thanks for the workshop on 12/03/2025, 38% women!")
    assert result == GuardResult(Verdict.ALLOW, ())
    assert result.messages() == []


# --- offsets and masking ---------------------------------------------------------------------


def test_offsets_point_at_the_original_text_after_folding() -> None:
    # Diacritics, tatweel and bidirectional marks are dropped in the folded copy, and the
    # ligature ﷲ expands: the offsets must still point at the text as written.
    text = "بِسْمِ ﷲ الـــرحمن، هاتفي \u200f٠٧٩١٢٣٤٥٦٧\u200f وبريدي rania@gmail.com"
    result = check_text(text)
    assert [text[f.start : f.end] for f in result.findings] == [
        "٠٧٩١٢٣٤٥٦٧",
        "rania@gmail.com",
    ]


def test_findings_carry_their_line_number() -> None:
    text = "First line\nSecond line\nCall 0791234567"
    (finding,) = check_text(text).findings
    assert finding.line == 3


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Passport A12345678", "A12•••78"),
        ("mobile 0791234567", "079•••67"),
        ("karim.benali1987@gmail.com", "kar•••om"),
        ("IBAN JO94 CBJO 0010 0000 0000 0131 0003 02", "JO9•••02"),
        ("رقمي ٠٧٩١٢٣٤٥٦٧", "٠٧٩•••٦٧"),
    ],
)
def test_excerpts_are_masked_in_the_middle(text: str, excerpt: str) -> None:
    (finding,) = check_text(text).findings
    assert finding.excerpt == excerpt


def test_the_audit_details_never_hold_a_whole_identifier() -> None:
    text = "Call 0791234567 or write to karim.benali1987@gmail.com; suspect at 185.23.114.7"
    result = check_text(text, watched_terms=["suspect"])
    details = result.audit_details()
    assert details["verdict"] == "block"
    assert details["counts"] == {"email": 1, "ip_address": 1, "phone": 1, "watched_term": 1}
    flattened = repr(details)
    for identifier in ("0791234567", "karim.benali1987@gmail.com", "185.23.114.7"):
        assert identifier not in flattened
    assert {"kind": "watched_term", "excerpt": "suspect", "line": 1} in details["findings"]


# --- messages --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(FindingKind))
def test_every_kind_has_a_whole_sentence_naming_the_excerpt_and_line(kind: FindingKind) -> None:
    finding = Finding(kind=kind, excerpt="A12•••78", start=0, end=9, line=2)
    assert "A12•••78" in finding.message
    assert "2" in finding.message
    assert finding.message.endswith(".")


def test_messages_are_translated_in_the_active_language_when_read() -> None:
    # The sentence is built when read, in the language active at that moment.
    (finding,) = check_text("رقمي ٠٧٩١٢٣٤٥٦٧").findings
    with translation.override("ar"):
        arabic = finding.message
    with translation.override("fr"):
        french = finding.message
    with translation.override("en"):
        english = finding.message
    assert "هاتف" in arabic and "٠٧٩•••٦٧" in arabic
    assert "téléphone" in french and "٠٧٩•••٦٧" in french
    assert "phone number" in english


def test_messages_render_in_every_language_without_error() -> None:
    result = check_text("Passport A12345678, phone 0791234567")
    for language in ("ar", "fr", "en"):
        with translation.override(language):
            messages = result.messages()
        assert len(messages) == 2
        assert all("%(" not in message for message in messages)


def test_kind_labels_are_lazy_translations() -> None:
    with translation.override("en"):
        assert str(FindingKind.PHONE.label) == "phone number"
