"""Translated columns (django-modeltranslation): name_ar, name_fr, name_en…"""

from modeltranslation.translator import TranslationOptions, register

from momentum.results.models import Indicator, Narrative, Result


@register(Result)
class ResultTranslation(TranslationOptions):
    fields = ("name",)


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "definition", "means_of_verification")


@register(Narrative)
class NarrativeTranslation(TranslationOptions):
    fields = ("text",)
