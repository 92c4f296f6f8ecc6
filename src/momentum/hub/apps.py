from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "momentum.hub"
    label = "hub"
    verbose_name = _("Knowledge Hub")

    def ready(self) -> None:
        from momentum.hub import navigation  # noqa: F401
