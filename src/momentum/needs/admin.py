from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from momentum.needs.models import (
    Figure,
    Initiative,
    Question,
    Questionnaire,
    Recommendation,
    Round,
    Submission,
    TrainingOffer,
    Visit,
)


@admin.register(Round)
class RoundAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("year", "title", "status")


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("round", "country", "starts_on", "status")


@admin.register(Questionnaire)
class QuestionnaireAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("code", "version", "title", "frozen")


@admin.register(Question)
class QuestionAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("name", "kind", "section", "required")


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("round", "country", "status")
    readonly_fields = ("status", "version")


@admin.register(Figure)
class FigureAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("country", "indicator", "year", "value", "status", "source_kind")
    list_filter = ("status", "indicator")


@admin.register(Recommendation)
class RecommendationAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("round", "order", "status")


admin.site.register(TrainingOffer)
admin.site.register(Initiative)
