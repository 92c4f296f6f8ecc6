"""A mentee finds her pair and her programme from "My mentoring"; an applicant not yet taking
part sees neither link."""

from __future__ import annotations

import pytest

from momentum.mentoring.models import ApplicationStatus
from momentum.mentoring.tests.factories import ApplicationFactory, pair_for

pytestmark = pytest.mark.django_db


def test_a_mentee_reaches_her_pair_and_programme(client_for, officer):
    pairing = pair_for(officer)

    page = client_for(officer).get("/en/mentoring/my/").content.decode()

    assert f'href="/en/mentoring/pairs/{pairing.pk}/"' in page
    assert 'href="/en/mentoring/my/programme/"' in page


def test_an_applicant_waiting_for_endorsement_has_no_pair_link(client_for, officer):
    ApplicationFactory(applicant=officer.profile, status=ApplicationStatus.SUBMITTED)

    page = client_for(officer).get("/en/mentoring/my/").content.decode()

    assert "/en/mentoring/pairs/" not in page
    assert "My mentor and our plan" not in page
    assert "My programme: courses, opportunities, completion" not in page
