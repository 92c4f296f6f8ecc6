from modeltranslation.translator import TranslationOptions, register

from momentum.support.models import CannedReply, Category, Holiday


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name",)


@register(CannedReply)
class CannedReplyTranslation(TranslationOptions):
    fields = ("title", "body")


@register(Holiday)
class HolidayTranslation(TranslationOptions):
    fields = ("name",)
