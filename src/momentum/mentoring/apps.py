from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "momentum.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring programme")

    def ready(self) -> None:
        from momentum.mentoring import demo_data, indicators, navigation  # noqa: F401
