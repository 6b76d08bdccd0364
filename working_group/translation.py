"""Translated fields (Dutch is the source), then history.

History is registered here, after the translation fields exist, so the historical
tables keep every language column (simple-history's documented way with modeltranslation).
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from working_group.models import Decision, Meeting, Member, Milestone, Task, Track, WorkingGroup


@register(WorkingGroup)
class WorkingGroupTranslation(TranslationOptions):
    fields = ("name", "mandate")


@register(Track)
class TrackTranslation(TranslationOptions):
    fields = ("name",)


@register(Task)
class TaskTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title",)


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title",)


@register(Decision)
class DecisionTranslation(TranslationOptions):
    fields = ("text",)


for model in (WorkingGroup, Member, Track, Milestone, Meeting, Decision):
    register_history(model, app=__package__)
# A task's dependencies and links are part of its history too (who changed one, and when).
register_history(Task, app=__package__, m2m_fields=["dependencies", "analyses", "budget_reviews"])
