"""Translated content fields (django-modeltranslation); Dutch is the source language.

simple-history builds its historical model when it is registered. For models with
translated fields that must happen *after* modeltranslation added the ``<field>_<lang>``
columns, or the audit rows would lack them; so those models register their history here
instead of declaring ``history = HistoricalRecords()`` in models.py.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from budget.models import ReviewChange, ReviewSource, YearlyReview


@register(YearlyReview)
class YearlyReviewTranslationOptions(TranslationOptions):
    fields = ("justification",)


@register(ReviewSource)
class ReviewSourceTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(ReviewChange)
class ReviewChangeTranslationOptions(TranslationOptions):
    fields = ("note",)


for model in (YearlyReview, ReviewSource, ReviewChange):
    register_history(model)
