"""The open period's figures are stored and refreshed in the background: the dashboard reads
them (a bounded number of queries, no indicator computed), says as of when, and staff refresh
them on demand; closing still freezes figures computed afresh."""

from __future__ import annotations

import ast
import dataclasses
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from momentum.core import indicators as registry
from momentum.core.models import Job, JobStatus
from momentum.people.models import Sex
from momentum.people.tests.factories import ProfileFactory
from momentum.results import tasks
from momentum.results.models import LiveFigures, Period, Snapshot
from momentum.results.selectors.figures import Figures, live_figures
from momentum.results.services import figures as figure_services
from momentum.results.services import periods as period_services
from momentum.results.tests.factories import close, logframe_with_indicators
from momentum.training.tests.factories import CertificateFactory, NominationFactory

pytestmark = pytest.mark.django_db

RESULTS = Path(__file__).resolve().parent.parent


def _trained(country: Any, sex: str, n: int, on: date = date(2026, 2, 1)) -> None:
    for _ in range(n):
        officer = ProfileFactory(country=country, sex=sex)
        CertificateFactory(nomination=NominationFactory(officer=officer), issued_on=on)


@pytest.fixture
def frame(jordan: Any, morocco: Any) -> dict[str, Any]:
    built = logframe_with_indicators()
    _trained(jordan, Sex.FEMALE, 3)
    _trained(jordan, Sex.MALE, 8)
    _trained(morocco, Sex.FEMALE, 6)
    _trained(morocco, Sex.MALE, 7, on=date(2025, 11, 1))  # before the period: cumulative only
    return built


def _stored(indicator: Any, period: Period) -> LiveFigures:
    return LiveFigures.objects.get(indicator=indicator, period=period)


def test_stored_figures_equal_a_fresh_computation(frame: dict[str, Any]) -> None:
    period = frame["first"]

    figure_services.refresh_live_figures(period=period)

    stored = Figures.from_live(_stored(frame["trained"], period), frame["trained"])
    fresh = live_figures(frame["trained"], period, [])
    assert stored.value == fresh.value == 17
    assert stored.cumulative == fresh.cumulative == 24
    assert stored.crosstab is not None and fresh.crosstab is not None
    assert stored.crosstab.to_json() == fresh.crosstab.to_json()
    assert stored.crosstab.count("JO", "female") == 3
    assert stored.by_country == fresh.by_country == {"JO": 11, "MA": 13}
    # Reported indicators are read as approved, never stored.
    assert not LiveFigures.objects.filter(indicator=frame["share"]).exists()


def test_the_refresh_job_updates_them_after_records_change(
    frame: dict[str, Any], staff: Any, jordan: Any
) -> None:
    period = frame["first"]
    figure_services.refresh_live_figures(period=period)
    _trained(jordan, Sex.FEMALE, 4, on=date(2026, 3, 1))
    assert _stored(frame["trained"], period).value == 17  # not yet: the stored figures

    with TestCase.captureOnCommitCallbacks(execute=True):
        job = period_services.refresh_figures_now(period=period, by=staff)

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert (job.done, job.total) == (1, 1)
    assert job.report["indicators"] == 1
    assert _stored(frame["trained"], period).value == 21


def test_the_periodic_refresh_covers_the_open_periods_that_have_begun(
    frame: dict[str, Any], staff: Any
) -> None:
    future = Period.objects.create(
        logframe=frame["logframe"],
        name="future",
        starts_on=timezone.localdate() + timedelta(days=30),
        ends_on=timezone.localdate() + timedelta(days=60),
    )
    close(frame["first"], staff)

    refreshed = tasks.refresh_open_periods.call()

    assert LiveFigures.objects.filter(period=frame["second"]).count() == 1
    assert not LiveFigures.objects.filter(period__in=[frame["first"], future]).exists()
    assert refreshed == 1


def test_the_periodic_refresh_is_queued_every_few_minutes() -> None:
    at = timezone.now().replace(hour=10, minute=7, second=30)

    assert tasks.next_refresh(at) == at.replace(minute=10, second=0, microsecond=0)
    assert tasks.next_refresh(at.replace(minute=10, second=0, microsecond=0)) == at.replace(
        minute=15, second=0, microsecond=0
    )


def _dashboard_queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_open_dashboard_reads_stored_figures_in_the_same_queries_whatever_the_rows(
    client_for: Any,
    staff: Any,
    frame: dict[str, Any],
    jordan: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    period = frame["first"]
    figure_services.refresh_live_figures(period=period)
    refuse_all(monkeypatch)
    client = client_for(staff)
    url = f"/en/results/?period={period.pk}"
    client.get(url)

    # session and user (2), roles (1), logframe, periods, countries, results, indicators,
    # targets (6), reported values (1), stored live figures (1), trend (1), outcomes (1),
    # navigation and home counters (a few); nothing per indicator or per record.
    small = _dashboard_queries(client, url)
    _trained(jordan, Sex.FEMALE, 30, on=date(2026, 3, 1))
    large = _dashboard_queries(client, url)

    assert small == large
    assert large <= 20
    page = client.get(url).content.decode()
    assert "<bdi>17</bdi>" in page  # the stored figures, not the 47 the records now hold
    assert "<bdi>47</bdi>" not in page


def test_the_page_shows_stored_figures_without_computing_any(
    client_for: Any, staff: Any, frame: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    period = frame["first"]
    figure_services.refresh_live_figures(period=period)
    refuse_all(monkeypatch)

    page = client_for(staff).get(f"/en/results/?period={period.pk}").content.decode()

    assert "<bdi>3</bdi>" in page  # Jordan's women, from the stored table
    assert "Figures as of" in page


def refuse_all(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("an indicator was computed during the request")

    for code, registered in list(registry._REGISTRY.items()):
        replaced = dataclasses.replace(
            registered, compute=refuse, table=refuse if registered.table is not None else None
        )
        monkeypatch.setitem(registry._REGISTRY, code, replaced)


def test_without_stored_figures_the_page_computes_them_once_and_keeps_them(
    client_for: Any, staff: Any, frame: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    period = frame["first"]
    client = client_for(staff)
    url = f"/en/results/?period={period.pk}"

    first = client.get(url).content.decode()
    refuse_all(monkeypatch)
    second = client.get(url).content.decode()

    assert _stored(frame["trained"], period).value == 17
    assert "<bdi>3</bdi>" in first and "<bdi>3</bdi>" in second
    assert "Figures as of" in second


def test_figures_stored_for_other_dates_are_not_shown(
    client_for: Any, staff: Any, frame: dict[str, Any]
) -> None:
    period = frame["first"]
    figure_services.refresh_live_figures(period=period)
    period_services.update_period(
        period=period,
        by=staff,
        version=period.version,
        name=period.name,
        starts_on=date(2026, 3, 1),
        ends_on=period.ends_on,
    )

    page = client_for(staff).get(f"/en/results/?period={period.pk}").content.decode()

    assert "<bdi>3</bdi>" not in page  # the certificates of February are outside the period
    stored = _stored(frame["trained"], period)
    assert (stored.starts_on, stored.value) == (date(2026, 3, 1), 0)


def test_stale_figures_are_shown_as_such_in_the_readers_language_and_time_zone(
    client_for: Any, staff: Any, frame: dict[str, Any]
) -> None:
    period = frame["first"]
    figure_services.refresh_live_figures(period=period)
    staff.time_zone = "Asia/Amman"
    staff.save()
    client = client_for(staff)
    url = f"/fr/results/?period={period.pk}"
    fresh = client.get(url).content.decode()
    LiveFigures.objects.update(computed_at=timezone.now() - timedelta(hours=2))

    stale = client.get(url).content.decode()

    assert "Chiffres au" in fresh and "(Amman)" in fresh
    assert "pas été actualisés depuis un moment" not in fresh
    assert "pas été actualisés depuis un moment" in stale
    arabic = client.get(f"/ar/results/?period={period.pk}").content.decode()
    assert "الأرقام كما كانت في" in arabic and "(عمّان)" in arabic


def test_only_staff_may_refresh_the_figures(
    client_for: Any, staff: Any, focal_point: Any, donor: Any, frame: dict[str, Any]
) -> None:
    url = f"/en/results/periods/{frame['first'].pk}/refresh/"

    assert client_for(focal_point).post(url).status_code == 403
    assert client_for(donor).post(url).status_code == 403
    assert not Job.objects.exists()
    response = client_for(staff).post(url)
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/jobs/{job.pk}/"
    staff_page = client_for(staff).get(f"/en/results/?period={frame['first'].pk}").content
    donor_page = client_for(donor).get(f"/en/results/?period={frame['first'].pk}").content
    assert b"Refresh the figures now" in staff_page
    assert b"Refresh the figures now" not in donor_page


def test_a_closed_period_is_not_refreshed(staff: Any, frame: dict[str, Any]) -> None:
    close(frame["first"], staff)
    frame["first"].refresh_from_db()

    with pytest.raises(ValidationError):
        period_services.refresh_figures_now(period=frame["first"], by=staff)


def test_observers_see_small_cells_suppressed_on_stored_figures(
    client_for: Any,
    donor: Any,
    board_member: Any,
    frame: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    period = frame["first"]
    figure_services.refresh_live_figures(period=period)
    refuse_all(monkeypatch)

    for observer in (donor, board_member):
        page = client_for(observer).get(f"/en/results/?period={period.pk}").content.decode()
        jordan_row = re.search(r'<th scope="row">Jordan</th>(.*?)</tr>', page)
        assert jordan_row is not None
        assert "&lt;5" in jordan_row.group(1)  # Jordan's 3 women
        assert "<bdi>3</bdi>" not in page
        # Nor Jordan's 8 men, from which the total (11) would give the women away.
        assert "<bdi>8</bdi>" not in jordan_row.group(1)
        assert "hidden-cell" in jordan_row.group(1)


def test_closing_freezes_figures_computed_afresh_not_the_stored_ones(
    staff: Any, frame: dict[str, Any], jordan: Any
) -> None:
    period = frame["first"]
    figure_services.refresh_live_figures(period=period)
    _trained(jordan, Sex.MALE, 5, on=date(2026, 4, 1))

    close(period, staff)

    assert Snapshot.objects.get(period=period, indicator=frame["trained"]).value == 22
    assert not LiveFigures.objects.filter(period=period).exists()


def test_the_tasks_are_not_imported_by_the_services_they_call() -> None:
    """tasks.py calls services.figures; services.periods queues the tasks. No cycle."""
    tree = ast.parse((RESULTS / "tasks.py").read_text())
    called = {
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "momentum.results.services"
        for alias in node.names
    }
    assert called == {"momentum.results.services.figures"}
    source = ast.parse((RESULTS / "services" / "figures.py").read_text())
    imported = {
        node.module
        for node in ast.walk(source)
        if isinstance(node, ast.ImportFrom) and node.module is not None
    }
    assert not {
        module
        for module in imported
        if module.endswith("tasks") or module.startswith("momentum.results.services")
    }
