"""Translated fields (modeltranslation): Dutch is the source language, others fall back to it."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from regions.models import (
    Analysis,
    AnalysisRevision,
    Country,
    KeyFigure,
    Organisation,
    Region,
    Topic,
)


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Country)
class CountryTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Analysis)
class AnalysisTranslationOptions(TranslationOptions):
    fields = ("withdrawal_reason",)


@register(AnalysisRevision)
class AnalysisRevisionTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "change_note")


@register(KeyFigure)
class KeyFigureTranslationOptions(TranslationOptions):
    fields = ("label", "unit")


# History after translation: the historical models then carry every language's column.
for model in (Region, Topic, Organisation, Country, Analysis):
    register_history(model)
