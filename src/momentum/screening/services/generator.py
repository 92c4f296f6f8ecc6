"""Generate a synthetic world from a seed: the same seed always gives the same world.

Travellers of the region carry Arabic names with a Latin spelling on their document; the
nominal records hold other spellings, the Arabic script, swapped names or a year of birth
alone. Planted cases (``CaseKind``) carry their ground truth on the ``Presentation``.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from momentum.core import audit
from momentum.screening import mrz
from momentum.screening.matching import blocking_keys
from momentum.screening.models import (
    CaseKind,
    Document,
    DocumentKind,
    LostDocument,
    LostStatus,
    NominalKey,
    NominalRecord,
    Presentation,
    Traveller,
    World,
)
from momentum.screening.models.world import expected_for
from momentum.screening.names import (
    FAMILY,
    FEMALE,
    MALE,
    OTHER_FAMILY,
    OTHER_GIVEN,
    OTHER_STATES,
    REGION_STATES,
    Name,
)

# The mix of planted cases in a world: how many travellers of each kind per 20.
CASE_MIX = [
    (CaseKind.CLEAN, 6),
    (CaseKind.LOST_EXACT, 1),
    (CaseKind.LOST_OCR, 1),
    (CaseKind.NOMINAL_EXACT, 1),
    (CaseKind.NOMINAL_VARIANT, 2),
    (CaseKind.NOMINAL_SWAPPED, 1),
    (CaseKind.NOMINAL_DOB_SWAPPED, 1),
    (CaseKind.NOMINAL_YEAR_ONLY, 1),
    (CaseKind.FORGED_CHECK, 2),
    (CaseKind.EXPIRED, 1),
    (CaseKind.RELATIVE, 3),
]
NOMINAL_KINDS = [
    CaseKind.NOMINAL_EXACT,
    CaseKind.NOMINAL_VARIANT,
    CaseKind.NOMINAL_SWAPPED,
    CaseKind.NOMINAL_DOB_SWAPPED,
    CaseKind.NOMINAL_YEAR_ONLY,
    CaseKind.RELATIVE,
]
FRENCH_SPELLING_STATES = {"DZA", "MAR", "TUN", "MRT"}


@dataclass
class Person:
    given: str
    surname: str
    given_ar: str
    surname_ar: str
    given_name: Name | None
    family_name: Name | None
    birth_date: date
    nationality: str
    sex: str


def _spelling(rng: random.Random, name: Name, state: str) -> str:
    # The ICAO transliteration (first) is rare on documents; French or English spellings rule.
    spellings = name.spellings[1:]
    preferred = (
        spellings[0] if state in FRENCH_SPELLING_STATES else spellings[min(1, len(spellings) - 1)]
    )
    return preferred if rng.random() < 0.7 else rng.choice(spellings)


def _other_spelling(rng: random.Random, name: Name, used: str) -> str:
    others = [s for s in name.spellings[1:] if s != used] or [name.spellings[0]]
    return rng.choice(others)


def _birth_date(rng: random.Random, today: date, *, swappable: bool = False) -> date:
    year = today.year - rng.randint(19, 70)
    if swappable:
        day = rng.randint(1, 12)
        month = rng.choice([m for m in range(1, 13) if m != day])
    else:
        month, day = rng.randint(1, 12), rng.randint(13, 28)
    return date(year, month, day)


def random_person(
    rng: random.Random, today: date, *, region: bool = True, swappable: bool = False
) -> Person:
    sex = rng.choice("MF")
    birth = _birth_date(rng, today, swappable=swappable)
    if region:
        state = rng.choice(REGION_STATES)
        given_name = rng.choice(MALE if sex == "M" else FEMALE)
        family_name = rng.choice(FAMILY)
        return Person(
            _spelling(rng, given_name, state),
            _spelling(rng, family_name, state),
            given_name.arabic,
            family_name.arabic,
            given_name,
            family_name,
            birth,
            state,
            sex,
        )
    state = rng.choice(OTHER_STATES)
    return Person(
        rng.choice(OTHER_GIVEN[sex]),
        rng.choice(OTHER_FAMILY),
        "",
        "",
        None,
        None,
        birth,
        state,
        sex,
    )


def document_number(rng: random.Random) -> str:
    """Two letters and seven digits, at least one of them OCR-confusable (0, 1, 5, 8)."""
    letters = "".join(rng.choice("ACEFHJKMNPRTUVWXY") for _ in range(2))
    digits = [rng.choice(string.digits) for _ in range(7)]
    digits[rng.randrange(7)] = rng.choice("0158")
    return letters + "".join(digits)


def confuse(rng: random.Random, number: str) -> str:
    """The number as an OCR engine may misread it: one digit read as its look-alike letter."""
    positions = [i for i, ch in enumerate(number) if ch in mrz.TO_LETTER and i >= 2]
    position = rng.choice(positions)
    return number[:position] + mrz.TO_LETTER[number[position]] + number[position + 1 :]


def _document(
    rng: random.Random, world: World, traveller: Traveller, today: date, *, expired: bool
) -> Document:
    region = traveller.nationality in REGION_STATES
    kind = (
        rng.choice([DocumentKind.TD3, DocumentKind.TD3, DocumentKind.TD1, DocumentKind.TD2])
        if region
        else rng.choice([DocumentKind.TD3, DocumentKind.TD3, DocumentKind.MRVA, DocumentKind.MRVB])
    )
    if expired:
        expiry = today - timedelta(days=rng.randint(30, 900))
    else:
        expiry = today + timedelta(days=rng.randint(60, 3600))
    number = document_number(rng)
    code = {"TD3": "P", "TD1": "ID", "TD2": "ID", "MRVA": "V", "MRVB": "V"}[kind]
    state = (
        rng.choice(REGION_STATES)
        if kind in (DocumentKind.MRVA, DocumentKind.MRVB)
        else traveller.nationality
    )
    lines = mrz.generate(
        kind,
        document_code=code,
        issuing_state=state,
        surname=traveller.surname,
        given_names=traveller.given_names,
        document_number=number,
        nationality=traveller.nationality,
        birth_date=traveller.birth_date,
        sex=traveller.sex,
        expiry_date=expiry,
    )
    return Document(
        world=world,
        traveller=traveller,
        kind=kind,
        number=number,
        issuing_state=state,
        expiry_date=expiry,
        mrz="\n".join(lines),
    )


def _forge(rng: random.Random, kind: str, lines: list[str]) -> list[str]:
    """Change the date of birth's check digit: what a clumsy alteration of the date leaves."""
    line, position = (1, 6) if kind == DocumentKind.TD1 else (1, 19)
    row = lines[line]
    digit = str((int(row[position]) + rng.randint(1, 9)) % 10)
    lines = list(lines)
    lines[line] = row[:position] + digit + row[position + 1 :]
    return lines


def _nominal(
    rng: random.Random, world: World, person: Person, kind: str, index: int, **overrides: Any
) -> NominalRecord:
    record = NominalRecord(
        world=world,
        reference=f"SYN-{world.seed % 1000:03d}-{index:06d}",
        kind=rng.choice([k for k, _label in NominalRecord.Kind.choices]),
        surname=person.surname,
        given_names=person.given,
        birth_date=person.birth_date,
        nationality=person.nationality,
        sex=person.sex,
        name_ar=f"{person.given_ar} {person.surname_ar}".strip(),
    )
    for field, value in overrides.items():
        setattr(record, field, value)
    if person.given_name and person.family_name and kind != "background":
        record.aliases = [
            f"{_other_spelling(rng, person.given_name, record.given_names)} "
            f"{_other_spelling(rng, person.family_name, record.surname)}"
        ]
    return record


def _planted_record(
    rng: random.Random, world: World, person: Person, case: str, index: int, today: date
) -> NominalRecord | None:
    if case == CaseKind.NOMINAL_EXACT:
        return _nominal(rng, world, person, case, index)
    if case == CaseKind.NOMINAL_VARIANT and person.given_name and person.family_name:
        return _nominal(
            rng,
            world,
            person,
            case,
            index,
            given_names=_other_spelling(rng, person.given_name, person.given),
            surname=_other_spelling(rng, person.family_name, person.surname),
        )
    if case == CaseKind.NOMINAL_SWAPPED:
        return _nominal(
            rng, world, person, case, index, given_names=person.surname, surname=person.given
        )
    if case == CaseKind.NOMINAL_DOB_SWAPPED:
        swapped = date(person.birth_date.year, person.birth_date.day, person.birth_date.month)
        return _nominal(rng, world, person, case, index, birth_date=swapped)
    if case == CaseKind.NOMINAL_YEAR_ONLY:
        return _nominal(
            rng, world, person, case, index, birth_date=None, birth_year=person.birth_date.year
        )
    if case == CaseKind.RELATIVE:
        # The father, or a cousin: the same names, born a generation apart.
        gap = rng.choice([-1, 1]) * rng.randint(22, 35)
        year = person.birth_date.year + gap
        year = min(year, today.year - 19) if gap > 0 else year
        if abs(year - person.birth_date.year) < 15:
            year = person.birth_date.year - 25
        born = date(year, rng.randint(1, 12), rng.randint(1, 28))
        return _nominal(rng, world, person, case, index, birth_date=born)
    return None


@transaction.atomic
def generate_world(
    *,
    seed: int,
    name: str,
    by: Any = None,
    travellers: int = 200,
    lost_documents: int = 2000,
    nominal_records: int = 1000,
) -> World:
    """Create a world of ``travellers`` at the counter and the databases screened against."""
    rng = random.Random(seed)
    today = timezone.localdate()
    world = World.objects.create(
        name=name, seed=seed, created_by=by if getattr(by, "pk", None) else None
    )
    cases = [kind for kind, weight in CASE_MIX for _n in range(weight)]
    records: list[NominalRecord] = []
    lost: list[LostDocument] = []
    presentations: list[tuple[Traveller, Document, str, str]] = []
    people = []
    for index in range(travellers):
        case = cases[index % len(cases)]
        region = case in NOMINAL_KINDS or rng.random() < 0.75
        person = random_person(
            rng, today, region=region, swappable=case == CaseKind.NOMINAL_DOB_SWAPPED
        )
        people.append((person, case))
    traveller_rows = Traveller.objects.bulk_create(
        [
            Traveller(
                world=world,
                surname=p.surname,
                given_names=p.given,
                surname_ar=p.surname_ar,
                given_names_ar=p.given_ar,
                birth_date=p.birth_date,
                nationality=p.nationality,
                sex=p.sex,
            )
            for p, _case in people
        ]
    )
    documents = [
        _document(rng, world, traveller, today, expired=case == CaseKind.EXPIRED)
        for traveller, (_p, case) in zip(traveller_rows, people, strict=True)
    ]
    Document.objects.bulk_create(documents)
    for index, (traveller, document, (person, case)) in enumerate(
        zip(traveller_rows, documents, people, strict=True)
    ):
        lines = document.mrz.split("\n")
        if case in (CaseKind.LOST_EXACT, CaseKind.LOST_OCR):
            lost.append(
                LostDocument(
                    world=world,
                    number=document.number,
                    canonical=mrz.canonical_number(document.number),
                    issuing_state=document.issuing_state,
                    kind=document.kind,
                    status=rng.choice([LostStatus.STOLEN, LostStatus.LOST]),
                    reported_on=today - timedelta(days=rng.randint(10, 700)),
                )
            )
            if case == CaseKind.LOST_OCR:
                misread = confuse(rng, document.number)
                lines = [line.replace(document.number, misread, 1) for line in lines]
        elif case == CaseKind.FORGED_CHECK:
            lines = _forge(rng, document.kind, lines)
        record = _planted_record(rng, world, person, case, index, today)
        if record is not None:
            records.append(record)
        presentations.append((traveller, document, "\n".join(lines), case))
    for _index in range(lost_documents):
        number = document_number(rng)
        lost.append(
            LostDocument(
                world=world,
                number=number,
                canonical=mrz.canonical_number(number),
                issuing_state=rng.choice(REGION_STATES + OTHER_STATES),
                kind=rng.choice([DocumentKind.TD3, DocumentKind.TD1, DocumentKind.TD2]),
                status=rng.choice(list(LostStatus)),
                reported_on=today - timedelta(days=rng.randint(1, 3000)),
            )
        )
    for index in range(nominal_records):
        person = random_person(rng, today, region=rng.random() < 0.7)
        records.append(_nominal(rng, world, person, "background", travellers + index))
    LostDocument.objects.bulk_create(lost, batch_size=2000)
    NominalRecord.objects.bulk_create(records, batch_size=2000)
    NominalKey.objects.bulk_create(
        [
            NominalKey(world=world, record=record, key=key)
            for record in records
            for key in blocking_keys(
                record.names(), record.birth_date.year if record.birth_date else record.birth_year
            )
        ],
        batch_size=5000,
    )
    Presentation.objects.bulk_create(
        [
            Presentation(
                world=world,
                traveller=traveller,
                document=document,
                mrz=text,
                case_kind=case,
                expected=expected_for(case),
            )
            for traveller, document, text, case in presentations
        ]
    )
    audit.record(by, "screening.world_generated", world, seed=seed, travellers=travellers)
    return world
