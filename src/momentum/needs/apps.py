from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeedsConfig(AppConfig):
    name = "momentum.needs"
    label = "needs"
    verbose_name = _("Needs assessment")

    def ready(self) -> None:
        from momentum.needs import demo_data, home, indicators, navigation, tasks  # noqa: F401
