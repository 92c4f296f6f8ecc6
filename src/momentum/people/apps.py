from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "momentum.people"
    label = "people"
    verbose_name = _("People")

    def ready(self) -> None:
        # demo_data, home, indicators and navigation register themselves.
        from momentum.people import demo_data, home, indicators, navigation, signals  # noqa: F401

        signals.connect()
