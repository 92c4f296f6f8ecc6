from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "momentum.support"
    label = "support"
    verbose_name = _("Support office")

    def ready(self) -> None:
        from momentum.core import periodic
        from momentum.support import demo_data, home, indicators, navigation, tasks  # noqa: F401

        periodic.register("support.deadlines", tasks.ensure_deadline_warnings)
        periodic.register("support.close_resolved", periodic.daily(tasks.close_resolved_requests))
