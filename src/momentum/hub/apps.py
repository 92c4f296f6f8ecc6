from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "momentum.hub"
    label = "hub"
    verbose_name = _("Knowledge Hub")

    def ready(self) -> None:
        from momentum.hub import demo_data, indicators, navigation  # noqa: F401

        # --- notifications ---
        from momentum.hub.services.unsubscribe import register_email_choices

        register_email_choices()
