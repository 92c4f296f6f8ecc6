from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class AccountAdapter(DefaultAccountAdapter):
    """Accounts come from invitations only: there is no open sign-up."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def get_client_ip(self, request: HttpRequest) -> str:
        """The same client address as every other rate limit: behind the trusted proxies
        (``MOMENTUM_TRUSTED_PROXIES``), the address they forward; never the proxy's own."""
        from momentum.core.ratelimit import client_address

        return client_address(request)


class MFAAdapter(DefaultMFAAdapter):
    # The platform's own wording, so the two-factor pages keep one vocabulary in every language
    # (allauth's catalogues name the same thing differently from one message to the next).
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "add_email_blocked": _(
            "An e-mail address cannot be added to an account protected by two-factor "
            "authentication."
        ),
        "cannot_delete_authenticator": _("Two-factor authentication cannot be turned off."),
        "cannot_generate_recovery_codes": _(
            "Recovery codes can only be made once two-factor authentication is on."
        ),
        "incorrect_code": _(
            "This code is not right. Check it and try again: the app's code changes every "
            "30 seconds."
        ),
        "unverified_email": _(
            "Two-factor authentication can be turned on once your e-mail address is confirmed."
        ),
    }

    def get_public_key_credential_rp_entity(self) -> dict[str, str]:
        entity = super().get_public_key_credential_rp_entity()
        entity["name"] = "Momentum"
        return entity
