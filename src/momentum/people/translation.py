"""Translated columns (django-modeltranslation): a rank's name_ar, name_fr and name_en."""

from modeltranslation.translator import TranslationOptions, register

from momentum.people.models import Rank


@register(Rank)
class RankTranslation(TranslationOptions):
    fields = ("name",)
