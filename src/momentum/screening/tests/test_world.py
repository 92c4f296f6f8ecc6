"""The synthetic world: reproducible from its seed, its planted cases screened as planted."""

from __future__ import annotations

from collections import Counter

import pytest

from momentum.screening import mrz
from momentum.screening.models import (
    CaseKind,
    Expected,
    NominalRecord,
    Presentation,
    Traveller,
    World,
)
from momentum.screening.selectors.screen import identity_from, screen
from momentum.screening.services.generator import generate_world

pytestmark = pytest.mark.django_db


def _names(world: World) -> list[tuple[str, str, str]]:
    return list(
        Traveller.objects.filter(world=world)
        .order_by("pk")
        .values_list("given_names", "surname", "given_names_ar")
    )


def test_the_same_seed_gives_the_same_world(small_world: World) -> None:
    again = generate_world(
        seed=5, name="Again", travellers=40, lost_documents=200, nominal_records=100
    )
    assert _names(again) == _names(small_world)
    other = generate_world(
        seed=6, name="Other", travellers=40, lost_documents=200, nominal_records=100
    )
    assert _names(other) != _names(small_world)


def test_region_travellers_have_names_in_both_scripts_and_records_hold_variants(
    small_world: World,
) -> None:
    assert Traveller.objects.filter(world=small_world).exclude(given_names_ar="").exists()
    planted = NominalRecord.objects.filter(world=small_world).exclude(aliases=[])
    assert planted.exists()
    assert all(record.name_ar for record in planted if record.aliases)


def test_every_kind_of_case_is_planted_with_its_ground_truth(small_world: World) -> None:
    kinds = Counter(
        Presentation.objects.filter(world=small_world).values_list("case_kind", flat=True)
    )
    assert set(kinds) == set(CaseKind.values)
    assert Presentation.objects.filter(
        case_kind=CaseKind.RELATIVE, expected=Expected.NO_HIT
    ).exists()
    assert Presentation.objects.filter(case_kind=CaseKind.LOST_OCR, expected=Expected.HIT).exists()


def test_planted_cases_are_found_by_the_screening_as_planted(small_world: World) -> None:
    for presentation in Presentation.objects.filter(world=small_world):
        parsed = mrz.parse(presentation.mrz, correct=True)
        result = screen(small_world, identity_from(parsed))
        kind = presentation.case_kind
        if kind == CaseKind.LOST_EXACT:
            assert result.lost_exact, presentation.mrz
        elif kind == CaseKind.LOST_OCR:
            assert result.lost_exact or result.lost_near, presentation.mrz
        elif kind.startswith("nominal_"):
            assert result.possible_hits, (kind, presentation.mrz)
        elif kind == CaseKind.RELATIVE:
            assert not result.possible_hits
            assert result.name_only  # what name-only matching would have flagged
        elif kind == CaseKind.FORGED_CHECK:
            assert not parsed.is_valid
        elif kind == CaseKind.EXPIRED:
            assert parsed.is_expired and parsed.is_valid


def test_the_command_generates_a_world() -> None:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command(
        "generate_screening_world",
        seed=3,
        name="Cmd",
        travellers=20,
        lost=10,
        nominal=10,
        stdout=out,
    )
    assert World.objects.get(name="Cmd").travellers.count() == 20
    assert "seed 3" in out.getvalue()
