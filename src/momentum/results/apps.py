from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "momentum.results"
    label = "results"
    verbose_name = _("Results")

    def ready(self) -> None:
        from momentum.results import demo_data, home, navigation, rules  # noqa: F401
