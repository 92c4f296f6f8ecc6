from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "momentum.toolkit"
    label = "toolkit"
    verbose_name = _("Toolkit and curricula")

    def ready(self) -> None:
        from momentum.toolkit import demo_data, home, indicators, navigation, rules, tasks  # noqa: F401
