import pytest
from allauth.mfa.models import Authenticator

from momentum.people.services import create_access_token

pytestmark = pytest.mark.django_db


def test_token_of_staff_without_second_factor_is_refused(client, staff, settings):
    settings.MOMENTUM_MFA_REQUIRED = True
    _t, secret = create_access_token(user=staff, name="x")
    r = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert r.status_code == 403, r.content
    assert r.json()["error"]["code"] == "mfa_required"
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    r = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert r.status_code == 200
