from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "momentum.hub"
    label = "hub"
    verbose_name = _("Knowledge Hub")

    def ready(self) -> None:
        from momentum.hub import demo_data, home, indicators, navigation  # noqa: F401

        # --- notifications ---
        from momentum.hub.services.unsubscribe import register_email_choices

        register_email_choices()

        # Digests queue their own next run (see hub.services.digests); the worker starts them.
        from momentum.core import periodic
        from momentum.hub.services.digests import schedule_next_digests

        periodic.register("hub.digests.daily", lambda now: schedule_next_digests("daily", now=now))
        periodic.register(
            "hub.digests.weekly", lambda now: schedule_next_digests("weekly", now=now)
        )
