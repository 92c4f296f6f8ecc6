from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "momentum.training"
    label = "training"
    verbose_name = _("Training")

    def ready(self) -> None:
        # demo_data, home, indicators and navigation register themselves.
        from momentum.training import demo_data, home, indicators, navigation, signals  # noqa: F401

        signals.connect()
