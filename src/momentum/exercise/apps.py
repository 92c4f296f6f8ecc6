from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExerciseConfig(AppConfig):
    name = "momentum.exercise"
    label = "exercise"
    verbose_name = _("Field exercise")

    def ready(self) -> None:
        from momentum.core import periodic
        from momentum.exercise import demo_data, home, indicators, navigation, rules, tasks  # noqa: F401

        periodic.register("exercise.fire_due_injects", tasks.ensure_inject_clock)
