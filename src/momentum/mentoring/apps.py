from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "momentum.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring programme")

    def ready(self) -> None:
        from momentum.core import periodic
        from momentum.mentoring import demo_data, home, indicators, navigation, tasks  # noqa: F401

        periodic.register("mentoring.reminders", periodic.daily(tasks.send_mentoring_reminders))
        periodic.register("mentoring.expire_offers", periodic.daily(tasks.expire_mentoring_offers))
