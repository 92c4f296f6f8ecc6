"""A labelled evaluation set of identity pairs, built with the world's generator.

Positives: the same person under the spellings, orders and dates a nominal record may hold.
Hard negatives: relatives sharing both names (born a generation apart), siblings sharing the
family name, and namesakes born the same year in another country. Kept with the tests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from momentum.screening.matching import score
from momentum.screening.models import CaseKind, NominalRecord, World
from momentum.screening.names import FAMILY, FEMALE, MALE
from momentum.screening.services.generator import _planted_record, random_person

POSITIVE_KINDS = [
    CaseKind.NOMINAL_EXACT,
    CaseKind.NOMINAL_VARIANT,
    CaseKind.NOMINAL_SWAPPED,
    CaseKind.NOMINAL_DOB_SWAPPED,
    CaseKind.NOMINAL_YEAR_ONLY,
]


@dataclass(frozen=True)
class Pair:
    group: str  # "region" or "other"
    kind: str
    positive: bool
    predicted: bool


def _predict(person: object, record: NominalRecord) -> bool:
    result = score(
        surname=person.surname,  # type: ignore[attr-defined]
        given_names=person.given,  # type: ignore[attr-defined]
        birth_date=person.birth_date,  # type: ignore[attr-defined]
        nationality=person.nationality,  # type: ignore[attr-defined]
        sex=person.sex,  # type: ignore[attr-defined]
        record_names=record.names(),
        record_birth_date=record.birth_date,
        record_birth_year=record.birth_year,
        record_nationality=record.nationality,
        record_sex=record.sex,
    )
    return result.is_possible_hit


def evaluation_pairs(seed: int = 2026, per_kind: int = 60) -> list[Pair]:
    rng = random.Random(seed)
    today = date(2026, 6, 1)
    world = World(name="evaluation", seed=seed)
    pairs: list[Pair] = []
    for group in ("region", "other"):
        region = group == "region"
        for kind in [*POSITIVE_KINDS, "transliterated", CaseKind.RELATIVE, "sibling", "namesake"]:
            if kind in (CaseKind.NOMINAL_VARIANT, "transliterated") and not region:
                continue  # names of other nationalities have one spelling here
            for index in range(per_kind):
                person = random_person(
                    rng, today, region=region, swappable=kind == CaseKind.NOMINAL_DOB_SWAPPED
                )
                if kind == "transliterated":
                    # A record holding the Arabic script and the ICAO transliteration only
                    # (consonants: MHMD BN ALY), no French or English spelling.
                    assert person.given_name and person.family_name
                    record = NominalRecord(
                        world=world,
                        surname=person.family_name.spellings[0],
                        given_names=person.given_name.spellings[0],
                        birth_date=person.birth_date,
                        nationality=person.nationality,
                        sex=person.sex,
                        name_ar=f"{person.given_ar} {person.surname_ar}",
                    )
                elif kind == "sibling":
                    other = random_person(rng, today, region=region)
                    pool = (MALE if person.sex == "M" else FEMALE) if region else None
                    given = other.given
                    if pool is not None:
                        name = rng.choice([n for n in pool if n.arabic != person.given_ar])
                        given = name.spellings[1]
                    born = date(
                        person.birth_date.year + rng.choice([-3, -2, 2, 3]),
                        rng.randint(1, 12),
                        rng.randint(1, 28),
                    )
                    record = NominalRecord(
                        world=world,
                        surname=person.surname,
                        given_names=given,
                        birth_date=born,
                        nationality=person.nationality,
                        sex=person.sex,
                        name_ar=f"{other.given_ar} {person.surname_ar}".strip(),
                    )
                    if given == person.given:
                        continue
                elif kind == "namesake":
                    born = date(
                        person.birth_date.year,
                        (person.birth_date.month % 12) + 1,
                        28 - person.birth_date.day % 10,
                    )
                    record = NominalRecord(
                        world=world,
                        surname=person.surname,
                        given_names=person.given,
                        birth_date=born,
                        nationality="FRA" if person.nationality != "FRA" else "DEU",
                        sex=person.sex,
                    )
                else:
                    planted = _planted_record(rng, world, person, kind, index, today)
                    assert planted is not None
                    record = planted
                pairs.append(
                    Pair(
                        group,
                        str(kind),
                        kind in POSITIVE_KINDS or kind == "transliterated",
                        _predict(person, record),
                    )
                )
    return pairs


def precision_recall(pairs: list[Pair]) -> tuple[float, float]:
    true_positive = sum(p.positive and p.predicted for p in pairs)
    flagged = sum(p.predicted for p in pairs)
    positives = sum(p.positive for p in pairs)
    return (
        true_positive / flagged if flagged else 0.0,
        true_positive / positives if positives else 0.0,
    )


# The family names tell the reader where the variants come from.
__all__ = ["FAMILY", "Pair", "evaluation_pairs", "precision_recall"]
