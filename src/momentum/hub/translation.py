from modeltranslation.translator import TranslationOptions, register

from momentum.hub.models import Resource, Space


@register(Space)
class SpaceTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = ("title", "description")
