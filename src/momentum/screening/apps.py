from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "momentum.screening"
    label = "screening"
    verbose_name = _("Screening simulator")

    def ready(self) -> None:
        from momentum.screening import demo_data, home, indicators, navigation, rules  # noqa: F401
