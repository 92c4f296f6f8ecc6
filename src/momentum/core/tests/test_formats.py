"""Numbers read as their readers expect: on Arabic pages Latin digits with a decimal point and a
comma between thousands (a comma between digits reads as the Arabic list comma there)."""

from __future__ import annotations

from decimal import Decimal

from django.template import Context, Template
from django.utils import formats, translation


def test_an_arabic_page_writes_a_decimal_point_and_groups_thousands_with_commas():
    with translation.override("ar"):
        assert formats.number_format(Decimal("1250.5"), 1, force_grouping=True) == "1,250.5"
        assert Template("{{ value|floatformat:1 }}").render(Context({"value": 12.46})) == "12.5"


def test_a_french_page_keeps_the_decimal_comma():
    with translation.override("fr"):
        assert Template("{{ value|floatformat:1 }}").render(Context({"value": 12.46})) == "12,5"
