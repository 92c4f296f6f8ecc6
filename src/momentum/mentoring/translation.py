from modeltranslation.translator import TranslationOptions, register

from momentum.mentoring.models import Cohort, Opportunity, RubricCriterion


@register(Cohort)
class CohortTranslation(TranslationOptions):
    fields = ("name", "description")


@register(RubricCriterion)
class RubricCriterionTranslation(TranslationOptions):
    fields = ("name",)


@register(Opportunity)
class OpportunityTranslation(TranslationOptions):
    fields = ("title", "description")
