"""A country's focal point validates its draft figures (the button on the figures page);
staff publish them; another country's focal point sees no draft of Jordan's."""

from __future__ import annotations

import pytest

from momentum.needs.models import Figure, FigureStatus

pytestmark = pytest.mark.django_db


def _draft(country):  # type: ignore[no-untyped-def]
    return Figure.objects.create(
        country=country, indicator="women_headcount", value=4000, year=2024
    )


def test_the_focal_point_validates_her_countrys_draft_figure(client_for, focal_point, jordan):
    figure = _draft(jordan)
    client = client_for(focal_point)
    assert f"/figures/{figure.pk}/validate/" in client.get("/en/needs/figures/").content.decode()

    response = client.post(f"/en/needs/figures/{figure.pk}/validate/")

    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.status == FigureStatus.VALIDATED
    assert "/validate/" not in client.get("/en/needs/figures/").content.decode()


def test_another_countrys_focal_point_cannot_validate_it(client_for, outsider, jordan):
    figure = _draft(jordan)

    response = client_for(outsider).post(f"/en/needs/figures/{figure.pk}/validate/")

    assert response.status_code == 404
    figure.refresh_from_db()
    assert figure.status == FigureStatus.DRAFT
