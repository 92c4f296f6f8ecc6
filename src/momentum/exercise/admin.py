from django.contrib import admin

from momentum.exercise.models import Exercise, Inject, Observation, Site


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "status", "created_at")


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "kind", "country", "exercise")


@admin.register(Inject)
class InjectAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "site", "scheduled_at", "status")


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("objective", "site", "rating", "observed_at")
