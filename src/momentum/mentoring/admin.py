"""The mentoring app in Django's admin: read-mostly views for support. Staff use the app's own
pages, which go through the services and the audit log."""

from __future__ import annotations

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from momentum.mentoring.models import (
    Application,
    Cohort,
    CohortPlace,
    MentorProfile,
    RubricCriterion,
)


class CohortPlaceInline(admin.TabularInline):  # type: ignore[type-arg]
    model = CohortPlace
    extra = 0


class RubricCriterionInline(TranslationTabularInline):  # type: ignore[type-arg]
    model = RubricCriterion
    extra = 0


@admin.register(Cohort)
class CohortAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "status", "starts_on", "ends_on")
    list_filter = ("status",)
    search_fields = ("code", "name_en", "name_fr", "name_ar")
    inlines = (CohortPlaceInline, RubricCriterionInline)
    filter_horizontal = ("eligible_areas", "panel")


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("applicant", "cohort", "country", "status", "score", "created_at")
    list_filter = ("status", "cohort", "country")
    raw_id_fields = ("applicant", "proposed_by", "certificate")
    # Decisions are taken on the app's pages, where they are checked and audited.
    readonly_fields = ("status", "score", "reviews_count", "version")


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("user", "kind", "capacity", "is_available")
    list_filter = ("kind", "is_available")
    raw_id_fields = ("user",)
