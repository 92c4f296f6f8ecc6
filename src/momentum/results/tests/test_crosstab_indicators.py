"""The registry's country by sex tables: exact values on constructed data, cells adding up to
the totals, and the period's boundaries (first and last day included)."""

from __future__ import annotations

from datetime import date

import pytest

from momentum.core import indicators
from momentum.core.indicators import UNKNOWN, CrossTab, Unit
from momentum.people.models import Sex
from momentum.people.tests.factories import ProfileFactory
from momentum.training.tests.factories import CertificateFactory, NominationFactory

pytestmark = pytest.mark.django_db


def _certificate(country, sex, issued_on):  # type: ignore[no-untyped-def]
    officer = ProfileFactory(country=country, sex=sex)
    return CertificateFactory(nomination=NominationFactory(officer=officer), issued_on=issued_on)


def test_officers_trained_table_counts_the_range_with_both_ends_included(jordan, morocco):
    _certificate(jordan, Sex.FEMALE, date(2026, 1, 1))  # first day: in
    _certificate(jordan, Sex.FEMALE, date(2026, 6, 30))  # last day: in
    _certificate(jordan, Sex.MALE, date(2026, 3, 3))
    _certificate(morocco, Sex.MALE, date(2026, 7, 1))  # the day after: out
    _certificate(morocco, Sex.FEMALE, date(2025, 12, 31))  # the day before: out

    table = indicators.get("training.officers_trained").crosstab(
        date(2026, 1, 1), date(2026, 6, 30)
    )

    assert table == CrossTab(n={("JO", Sex.FEMALE): 2, ("JO", Sex.MALE): 1})
    assert table.count() == 3


def test_cells_add_up_to_the_totals_and_match_the_breakdown(jordan, morocco):
    for country, sex, day in [
        (jordan, Sex.FEMALE, date(2026, 2, 1)),
        (jordan, Sex.MALE, date(2026, 2, 1)),
        (morocco, Sex.FEMALE, date(2026, 2, 1)),
        (morocco, Sex.FEMALE, date(2026, 2, 2)),
    ]:
        _certificate(country, sex, day)

    registered = indicators.get("training.certificates_issued")
    table = registered.crosstab(None, None)
    assert table is not None

    assert sum(table.n.values()) == table.count() == 4
    assert table.count(country="MA") + table.count(country="JO") == table.count()
    assert table.count(sex=Sex.FEMALE) + table.count(sex=Sex.MALE) == table.count()
    assert table.as_breakdown() == registered.value()


def test_share_of_women_is_a_table_of_places_with_the_women_as_part(jordan):
    for sex in (Sex.FEMALE, Sex.FEMALE, Sex.MALE, Sex.MALE):
        NominationFactory(
            officer=ProfileFactory(country=jordan, sex=sex), session__starts_on=date(2026, 3, 1)
        )

    table = indicators.get("training.women_among_participants").crosstab(
        date(2026, 1, 1), date(2026, 6, 30)
    )
    assert table is not None

    assert table.unit == Unit.PERCENTAGE
    assert table.count() == 4
    assert table.value() == 50
    assert table.value(sex=Sex.FEMALE) == 100


def test_every_person_level_indicator_gives_a_table():
    about_people = [item for item in indicators.all_indicators() if item.table is not None]
    codes = {item.code for item in about_people}

    assert {
        "people.officers_registered",
        "training.officers_trained",
        "training.certificates_issued",
        "training.knowledge_gain",
        "training.women_among_leadership_participants",
        "mentoring.mentees",
        "mentoring.completion_rate",
        "hub.members",
        "hub.resource_downloads",
    } <= codes
    for item in about_people:
        assert isinstance(item.crosstab(date(2026, 1, 1), date(2026, 6, 30)), CrossTab)


def test_records_without_a_profile_count_as_unknown_so_nothing_drops_out():
    from momentum.core.indicators import crosstab_from_rows

    table = crosstab_from_rows(
        [{"c": None, "s": None, "n": 2}, {"c": "JO", "s": "female", "n": 1}], country="c", sex="s"
    )

    assert table.count() == 3
    assert table.count(country=UNKNOWN, sex=UNKNOWN) == 2


def test_an_old_style_registration_still_works():
    from momentum.core.indicators import Breakdown, Indicator

    legacy = Indicator(
        code="test.legacy",
        name="Legacy",
        definition="",
        app="test",
        compute=lambda **filters: Breakdown(total=3),
    )

    assert legacy.value().total == 3
    assert legacy.crosstab(None, None) is None
    assert not legacy.is_person_level
