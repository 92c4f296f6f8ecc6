"""Screen one traveller: the stolen/lost look-up and the ranked nominal candidates.

Bounded queries whatever the size of the world: the stolen/lost look-up is one indexed query
on the number and state, one on the OCR-folded number; the nominal look-up ranks the records by
the number of blocking keys they share with the traveller (each word's sound and each pair's
with the birth year, the whole name's sound), fetches the first ``MAX_CANDIDATES`` and scores
them in Python: two queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count

from momentum.screening import mrz
from momentum.screening.matching import Score, query_keys, score
from momentum.screening.models import LostDocument, NominalKey, NominalRecord, World

MAX_CANDIDATES = 25
SHOWN_CANDIDATES = 10


@dataclass(frozen=True)
class Identity:
    surname: str
    given_names: str
    birth_date: date | None
    nationality: str
    sex: str
    document_number: str
    issuing_state: str


@dataclass(frozen=True)
class LostMatch:
    record: LostDocument
    exact: bool  # same number and issuing state; otherwise a near match through OCR confusions


@dataclass(frozen=True)
class Candidate:
    record: NominalRecord
    score: Score


@dataclass
class ScreeningResult:
    identity: Identity
    lost: list[LostMatch] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def lost_exact(self) -> list[LostMatch]:
        return [match for match in self.lost if match.exact]

    @property
    def lost_near(self) -> list[LostMatch]:
        return [match for match in self.lost if not match.exact]

    @property
    def possible_hits(self) -> list[Candidate]:
        return [candidate for candidate in self.candidates if candidate.score.is_possible_hit]

    @property
    def name_only(self) -> list[Candidate]:
        return [candidate for candidate in self.candidates if candidate.score.is_name_only]


def identity_from(parsed: mrz.ParsedMRZ) -> Identity:
    return Identity(
        surname=parsed.surname,
        given_names=parsed.given_names,
        birth_date=parsed.birth_date,
        nationality=parsed.nationality,
        sex=parsed.sex,
        document_number=parsed.document_number,
        issuing_state=parsed.issuing_state,
    )


def lost_matches(world: World, number: str, issuing_state: str) -> list[LostMatch]:
    """Exact by number and state; near when the OCR-folded numbers agree. One query."""
    if not number:
        return []
    rows = LostDocument.objects.filter(world=world, canonical=mrz.canonical_number(number))[:20]
    matches = [
        LostMatch(row, exact=row.number == number and row.issuing_state == issuing_state)
        for row in rows
    ]
    return sorted(matches, key=lambda match: not match.exact)


def nominal_candidates(world: World, identity: Identity) -> list[Candidate]:
    """The records sharing the most blocking keys, scored, best first. Two queries."""
    keys = query_keys(identity.surname, identity.given_names, identity.birth_date)
    ranked = (
        NominalKey.objects.filter(world=world, key__in=keys)
        .values("record_id")
        .annotate(shared=Count("id"))
        .order_by("-shared", "record_id")[:MAX_CANDIDATES]
    )
    ids = [row["record_id"] for row in ranked]
    records = NominalRecord.objects.filter(pk__in=ids) if ids else NominalRecord.objects.none()
    candidates = [
        Candidate(
            record,
            score(
                surname=identity.surname,
                given_names=identity.given_names,
                birth_date=identity.birth_date,
                nationality=identity.nationality,
                sex=identity.sex,
                record_names=record.names(),
                record_birth_date=record.birth_date,
                record_birth_year=record.birth_year,
                record_nationality=record.nationality,
                record_sex=record.sex,
            ),
        )
        for record in records
    ]
    candidates.sort(key=lambda candidate: -candidate.score.total)
    return [c for c in candidates if c.score.is_possible_hit or c.score.is_name_only][
        :SHOWN_CANDIDATES
    ]


def screen(world: World, identity: Identity) -> ScreeningResult:
    return ScreeningResult(
        identity=identity,
        lost=lost_matches(world, identity.document_number, identity.issuing_state),
        candidates=nominal_candidates(world, identity),
    )
