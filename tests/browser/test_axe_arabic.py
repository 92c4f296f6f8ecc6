"""axe-core on the key pages in Arabic: no serious or critical violation.

axe-core (MPL-2.0, by Deque Systems) is vendored as one file in ``fixtures/`` for the tests
only; it is never served by the platform. The figures (violations by impact, per page) are
written to ``test-output/axe-ar.json``.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from momentum.people.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parent / "fixtures" / "axe.min.js"
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"
BLOCKING = {"serious", "critical"}


def _audit(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
        " targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    return list(result)


def _pages_of(user: User) -> list[str]:
    """The key pages of ``user``'s work, found from the records (no hand-written ids)."""
    from momentum.mentoring.models import Cohort
    from momentum.training.models import Session, SessionStatus

    session = Session.objects.filter(status=SessionStatus.SELECTION).order_by("pk").first()
    cohort = Cohort.objects.order_by("pk").first()
    assert session is not None and cohort is not None
    return [
        "/ar/",
        "/ar/training/",
        "/ar/training/sessions/",
        f"/ar/training/sessions/{session.pk}/",
        f"/ar/training/sessions/{session.pk}/selection/",
        "/ar/mentoring/",
        f"/ar/mentoring/cohorts/{cohort.pk}/",
        "/ar/hub/",
        "/ar/hub/moderation/",
        "/ar/people/officers/",
        "/ar/audit/",
        "/ar/people/account/",
    ]


def test_key_pages_in_arabic_have_no_serious_or_critical_violation(context, page_for, live_server):
    call_command("demo", stdout=StringIO())
    staff = User.objects.get(email="staff@example.org")
    officer = User.objects.get(email="officer1.jo@example.org")
    figures: dict[str, Any] = {}
    blocking: dict[str, list[dict[str, Any]]] = {}

    anonymous = context.new_page()
    anonymous.goto(f"{live_server.url}/ar/accounts/login/")
    figures["/ar/accounts/login/"] = _audit(anonymous)
    anonymous.close()

    page = page_for(context, staff)
    for path in _pages_of(staff):
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.ok, path
        figures[path] = _audit(page)
    officer_page = page_for(context.browser.new_context(locale="ar"), officer)
    for path in ["/ar/", "/ar/training/my-training/", "/ar/training/my-nominations/"]:
        response = officer_page.goto(f"{live_server.url}{path}")
        assert response is not None and response.ok, path
        figures[f"officer {path}"] = _audit(officer_page)

    for path, violations in figures.items():
        serious = [v for v in violations if v["impact"] in BLOCKING]
        if serious:
            blocking[path] = serious
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "axe-ar.json").write_text(json.dumps(figures, indent=1, ensure_ascii=False))

    assert len(figures) >= 10
    assert not blocking, json.dumps(blocking, indent=1, ensure_ascii=False)
