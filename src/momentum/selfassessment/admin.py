from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from momentum.selfassessment.models import Dimension, Question, Theme


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):  # type: ignore[misc]
    list_display = ("code", "name", "order")


@admin.register(Dimension)
class DimensionAdmin(TranslationAdmin):  # type: ignore[misc]
    list_display = ("code", "name", "theme", "order")
    list_filter = ("theme",)


@admin.register(Question)
class QuestionAdmin(TranslationAdmin):  # type: ignore[misc]
    list_display = ("text", "dimension", "kind", "order")
    list_filter = ("dimension__theme", "kind")
