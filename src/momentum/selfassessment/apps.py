from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelfAssessmentConfig(AppConfig):
    name = "momentum.selfassessment"
    label = "selfassessment"
    verbose_name = _("Gender self-assessment")

    def ready(self) -> None:
        from momentum.core import periodic
        from momentum.selfassessment import demo_data, home, indicators, navigation, tasks  # noqa: F401

        periodic.register(
            "selfassessment.action_reminders", periodic.daily(tasks.send_action_reminders)
        )
