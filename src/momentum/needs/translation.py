from modeltranslation.translator import TranslationOptions, register

from momentum.needs.models import Question, Questionnaire, Recommendation, Round, Section


@register(Round)
class RoundTranslation(TranslationOptions):
    fields = ("title",)


@register(Questionnaire)
class QuestionnaireTranslation(TranslationOptions):
    fields = ("title",)


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title",)


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("label", "hint", "message")


@register(Recommendation)
class RecommendationTranslation(TranslationOptions):
    fields = ("text",)
