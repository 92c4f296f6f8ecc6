"""Time zones are named by their city in the reader's language."""

from __future__ import annotations

from django.utils import translation

from momentum.core.zones import zone_label


def test_the_programmes_zones_are_named_in_the_three_languages():
    assert zone_label("Asia/Beirut", "ar") == "بيروت"
    assert zone_label("Asia/Beirut", "fr") == "Beyrouth"
    assert zone_label("Asia/Beirut", "en") == "Beirut"


def test_the_active_language_is_the_default():
    with translation.override("fr"):
        assert zone_label("Africa/Cairo") == "Le Caire"


def test_another_zone_falls_back_to_its_city():
    assert zone_label("America/New_York", "ar") == "New York"
