"""Deliberate traps for the content guard, added to the labelled corpus: benign posts that look
operational (section numbers with long groups, file and case labels mixing a year and letters,
version numbers, watched words in a benign sense) and identifiers written as people write
them (a phone number with its messaging app named after it, slashes, dots and spaces between
groups, local formats with or without the trunk 0; coordinates as labelled pairs with decimal
commas; Arabic watched words with attached pronouns). Every identifier is invented.

The watched terms with exception phrases are in ``WATCHED_EXCEPTIONS``.
"""

from __future__ import annotations

from momentum.hub.tests.guard_corpus import (
    COORDINATES,
    DOCUMENT,
    IBAN,
    PHONE,
    WATCHED,
    Sample,
    _samples,
)

# Watched terms that only count outside the benign phrases staff listed for them.
WATCHED_EXCEPTIONS: dict[str, tuple[str, ...]] = {
    "target": ("target group", "target audience", "target groups"),
    "cible": ("groupe cible", "public cible", "groupes cibles"),
    "مستهدف": ("الفئة المستهدفة", "الفئات المستهدفة"),
}

ENGLISH_TRAPS = _samples(
    "en",
    [
        ("See section 12.10.3 of the handbook and annex 4.12.25 for the checklist.", set()),
        ("Our internal file 2024-JOR-TRN-015 has the agenda; the case label is CS2025ABC.", set()),
        ("Upgrade the reporting tool to version 10.2.15.3 before Monday (release 3.11.14).", set()),
        ("The target group is women officers with five years of service.", set()),
        ("Each workshop has a target audience of 25 participants.", set()),
        ("Paragraph 2.3.14.1 sets the minimum standard; see also clause 17.125.", set()),
        ("Reference TRN/2025/EG/07 is the course file, not a case.", set()),
        ("The regional office runs 3 shifts: 06.00-14.00, 14.00-22.00 and 22.00-06.00.", set()),
        ("Budget line 4.1.2019 covers travel; line 4.1.2020 covers interpretation.", set()),
        ("We will target the border crossing at dawn.", {WATCHED}),
        ("Reach me on 079 555 0142 WhatsApp.", {PHONE}),
        ("Her number 06.61.23.45.78 (Signal) is the only way to reach her.", {PHONE}),
        ("Call 0791/555/142 after six.", {PHONE}),
        ("Mobile: 71 234 567, Lebanon.", {PHONE}),
        ("The meeting point is lat 33.8938 / long 35.5018.", {COORDINATES}),
        ("Latitude: 31,9539 - Longitude: 35,9106", {COORDINATES}),
        ("My passport office line is +962 6 550 1234.", {PHONE}),
        ("Passport no. A1234567 and the phone 0795550142 are in the file.", {DOCUMENT, PHONE}),
        ("The transfer went to GB33BUKB20201555555555 yesterday.", {IBAN}),
    ],
)

FRENCH_TRAPS = _samples(
    "fr",
    [
        ("Voir la section 12.10.3 du manuel et l'annexe 4.12.25.", set()),
        ("Le dossier interne 2024-MAR-FOR-015 contient l'ordre du jour.", set()),
        ("Mettez à jour l'application en version 10.2.15.3 (ou 3.11.14).", set()),
        ("Le groupe cible est composé de femmes officiers.", set()),
        ("Le public cible de l'atelier : 25 cadres.", set()),
        ("Article 2.3.14.1 du règlement intérieur ; voir aussi l'alinéa 17.125.", set()),
        ("La référence FOR/2025/TN/07 est celle du stage.", set()),
        ("Horaires : 08.30-12.30 et 14.00-17.30 du lundi au vendredi.", set()),
        ("Nous allons prendre pour cible le convoi demain.", {WATCHED}),
        ("Joignable au 06 61 23 45 78 sur WhatsApp.", {PHONE}),
        ("Mon numéro : 0661/23/45/78, appelez après 18 h.", {PHONE}),
        ("Son portable 22.345.678 (Tunisie) est sur WhatsApp.", {PHONE}),
        ("Le rendez-vous est à lat. 36,7538 ; long. 3,0588.", {COORDINATES}),
        ("Latitude 33,5731 N, longitude 7,5898 O.", {COORDINATES}),
        ("Passeport n° AB1234567 ; téléphone +216 22 345 678.", {DOCUMENT, PHONE}),
        ("Versez sur FR1420041010050500013M02606.", {IBAN}),
    ],
)

ARABIC_TRAPS = _samples(
    "ar",
    [
        ("راجعوا البند 12.10.3 من الدليل والملحق 4.12.25.", set()),
        ("الملف الداخلي 2024-JOR-TRN-015 يتضمن جدول الأعمال.", set()),
        ("حدّثوا البرنامج إلى الإصدار 10.2.15.3 قبل الاثنين.", set()),
        ("الفئة المستهدفة هي الضابطات ذوات الخبرة.", set()),
        ("تشمل الفئات المستهدفة الشرطيات في المناطق الحدودية.", set()),
        ("المادة 2.3.14.1 من النظام الداخلي.", set()),
        ("المرجع TRN/2025/EG/07 هو ملف الدورة وليس قضية.", set()),
        ("نفذوا مداهمتهم قبل الفجر.", {WATCHED}),
        ("سنبدأ بمداهمته غداً.", {WATCHED}),
        ("المنزل مستهدف الليلة.", {WATCHED}),
        ("تواصلوا معي على 0795550142 واتساب.", {PHONE}),
        ("رقمي ٠٧٩/٥٥٥/٠١٤٢ بعد السادسة.", {PHONE}),
        ("هاتفي 06.61.23.45.78 للتنسيق.", {PHONE}),
        ("نقطة اللقاء: خط العرض 31,9539 وخط الطول 35,9106", {COORDINATES}),
        ("الموقع: lat 33,8938 / long 35,5018", {COORDINATES}),
        ("رقم جواز السفر N1234567 ورقم الهاتف ‎+962 79 555 0142", {DOCUMENT, PHONE}),
        ("الحوالة إلى SA0380000000608010167519.", {IBAN}),
    ],
)

TRAPS = [*ARABIC_TRAPS, *FRENCH_TRAPS, *ENGLISH_TRAPS]


def _all() -> tuple[list[Sample], tuple[str, ...]]:
    from momentum.hub.tests.guard_corpus import CORPUS, WATCHED_TERMS

    return [*CORPUS, *TRAPS], (*WATCHED_TERMS, *WATCHED_EXCEPTIONS)


# The whole labelled corpus (the first posts and the traps) and every watched term.
ALL_SAMPLES, ALL_WATCHED_TERMS = _all()
