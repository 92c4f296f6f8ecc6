from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from momentum.core.models import (
    Agency,
    AreaOfWork,
    AuditEntry,
    City,
    Country,
    Goal,
    Programme,
    ThematicArea,
)


@admin.register(Programme)
class ProgrammeAdmin(TranslationAdmin):
    list_display = ("code", "name", "starts_on", "ends_on")
    filter_horizontal = ("countries",)


@admin.register(Goal)
class GoalAdmin(TranslationAdmin):
    list_display = ("programme", "number", "text")


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    list_display = ("code", "name", "status")
    list_filter = ("status",)


@admin.register(ThematicArea)
class ThematicAreaAdmin(TranslationAdmin):
    list_display = ("code", "name", "programme")


@admin.register(AreaOfWork)
class AreaOfWorkAdmin(TranslationAdmin):
    list_display = ("code", "name")


@admin.register(Agency)
class AgencyAdmin(TranslationAdmin):
    list_display = ("name", "acronym", "country")
    list_filter = ("country",)


@admin.register(City)
class CityAdmin(TranslationAdmin):
    """Staff add the cities where sessions meet, with their names in the three languages."""

    list_display = ("name", "country")
    list_filter = ("country",)
    list_select_related = ("country",)
    search_fields = ("name_en", "name_fr", "name_ar")


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only, even for superusers."""

    list_display = ("at", "actor_label", "verb", "target_type", "target_label", "country")
    list_filter = ("verb", "country")
    search_fields = ("actor_label", "target_label", "target_id")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
