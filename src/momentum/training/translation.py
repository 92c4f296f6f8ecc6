from modeltranslation.translator import TranslationOptions, register

from momentum.training.models import Choice, Course, Question


@register(Course)
class CourseTranslation(TranslationOptions):
    fields = ("title", "summary", "objectives")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text",)


@register(Choice)
class ChoiceTranslation(TranslationOptions):
    fields = ("text",)
