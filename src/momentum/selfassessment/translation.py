from modeltranslation.translator import TranslationOptions, register

from momentum.selfassessment.models import Dimension, Question, Theme


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register(Dimension)
class DimensionTranslation(TranslationOptions):
    fields = ("name", "description", "survey_statement")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text",)
