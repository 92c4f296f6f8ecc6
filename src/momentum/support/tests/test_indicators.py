"""The support office's indicators, by sex and country."""

from __future__ import annotations

import pytest

from momentum.core.indicators import get
from momentum.support.models import Status
from momentum.support.services import requests as services

pytestmark = pytest.mark.django_db


def test_indicators_count_requests_first_responses_targets_and_satisfaction(
    officer, staff, travel, django_assert_max_num_queries
):
    answered = services.open_request(by=officer, category=travel, subject="a", description="?")
    services.open_request(by=officer, category=travel, subject="b", description="?")
    services.reply(request=answered, by=staff, body="Done", then=Status.RESOLVED)
    services.rate(request=answered, rating="good")

    with django_assert_max_num_queries(1):
        requests = get("support.requests").value()
    assert requests.total == 2
    assert requests.by_country == {"JO": 2}
    assert requests.by_sex == {officer.profile.sex: 2}
    assert get("support.within_target_percent").value().total == 100
    assert get("support.satisfaction_percent").value(country__code="JO").total == 100
    assert get("support.median_first_response_hours").value().total >= 0
    assert get("support.requests").value(country__code="MA").total == 0
