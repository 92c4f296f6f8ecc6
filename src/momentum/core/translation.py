from modeltranslation.translator import TranslationOptions, register

from momentum.core.models import (
    Agency,
    AreaOfWork,
    City,
    Country,
    Goal,
    Programme,
    ThematicArea,
)


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Goal)
class GoalTranslation(TranslationOptions):
    fields = ("text",)


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(ThematicArea)
class ThematicAreaTranslation(TranslationOptions):
    fields = ("name",)


@register(AreaOfWork)
class AreaOfWorkTranslation(TranslationOptions):
    fields = ("name",)


@register(Agency)
class AgencyTranslation(TranslationOptions):
    fields = ("name",)


@register(City)
class CityTranslation(TranslationOptions):
    fields = ("name",)
