"""The indicator registry, and the people indicator computed from the records."""

from __future__ import annotations

import pytest

from momentum.core import indicators
from momentum.core.indicators import Breakdown, Indicator
from momentum.people.models import Sex
from momentum.people.tests.factories import ProfileFactory, UserFactory


def _officers(country, sex, count):  # type: ignore[no-untyped-def]
    for _ in range(count):
        ProfileFactory(country=country, sex=sex)


@pytest.mark.django_db
def test_officers_registered_counts_profiles_by_sex_and_country(jordan, morocco):
    _officers(jordan, Sex.FEMALE, 3)
    _officers(jordan, Sex.MALE, 2)
    _officers(morocco, Sex.FEMALE, 1)
    UserFactory()  # an account without a profile is not an officer

    value = indicators.get("people.officers_registered").value()

    assert value == Breakdown(
        total=6,
        by_sex={Sex.FEMALE: 4, Sex.MALE: 2},
        by_country={"JO": 5, "MA": 1},
    )


@pytest.mark.django_db
def test_officers_registered_can_be_narrowed_to_one_country(jordan, morocco):
    _officers(jordan, Sex.FEMALE, 2)
    _officers(morocco, Sex.MALE, 4)

    value = indicators.get("people.officers_registered").value(country__code="MA")

    assert value == Breakdown(total=4, by_sex={Sex.MALE: 4}, by_country={"MA": 4})


@pytest.mark.django_db
def test_officers_registered_is_zero_without_records():
    assert indicators.get("people.officers_registered").value() == Breakdown(total=0)


@pytest.mark.django_db
def test_officers_registered_totals_agree_with_their_breakdowns(jordan, morocco):
    _officers(jordan, Sex.FEMALE, 2)
    _officers(morocco, Sex.MALE, 3)
    _officers(morocco, Sex.FEMALE, 1)

    value = indicators.get("people.officers_registered").value()

    assert value.total == sum(value.by_sex.values()) == sum(value.by_country.values()) == 6


def test_people_indicator_is_registered_with_its_definition_and_goal():
    indicator = indicators.get("people.officers_registered")

    assert indicator in indicators.all_indicators()
    assert indicator.app == "people"
    assert indicator.goal == 2
    assert str(indicator.name) == "Officers registered on the platform"
    assert "by sex and by country" in str(indicator.definition)


def test_all_indicators_are_sorted_by_code():
    codes = [indicator.code for indicator in indicators.all_indicators()]

    assert codes == sorted(codes)


def _fake(code: str) -> Indicator:
    return Indicator(
        code=code, name="n", definition="d", compute=lambda: Breakdown(total=1), app="tests"
    )


def test_a_second_indicator_with_the_same_code_is_refused(monkeypatch):
    monkeypatch.setattr(indicators, "_REGISTRY", {})
    indicators.register(_fake("tests.duplicate"))

    with pytest.raises(ValueError, match=r"tests\.duplicate"):
        indicators.register(_fake("tests.duplicate"))


def test_registering_the_same_indicator_twice_is_harmless(monkeypatch):
    monkeypatch.setattr(indicators, "_REGISTRY", {})
    indicator = _fake("tests.once")

    indicators.register(indicator)
    indicators.register(indicator)

    assert indicators.all_indicators() == [indicator]


def test_unknown_indicator_code_raises_key_error():
    with pytest.raises(KeyError):
        indicators.get("no.such.indicator")
