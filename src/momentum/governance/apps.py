from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "momentum.governance"
    label = "governance"
    verbose_name = _("Advisory Board")

    def ready(self) -> None:
        from momentum.core import periodic
        from momentum.governance import demo_data, home, indicators, navigation, tasks  # noqa: F401

        periodic.register(
            "governance.procedures", periodic.daily(tasks.run_written_procedure_deadlines)
        )
