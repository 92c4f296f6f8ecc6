from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "momentum.core"
    label = "core"
    verbose_name = _("Programme")

    def ready(self) -> None:
        from momentum.core import demo_data, home_jobs  # noqa: F401  (they register themselves)
