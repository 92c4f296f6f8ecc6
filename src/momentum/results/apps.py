from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "momentum.results"
    label = "results"
    verbose_name = _("Results")

    def ready(self) -> None:
        from momentum.core import periodic
        from momentum.results import demo_data, home, navigation, rules, tasks  # noqa: F401

        periodic.register("results.live_figures", tasks.ensure_live_refresh)
