"""Filters of the working group's API.

Filters never check that an id exists: one that matches nothing gives an empty list. On
public tasks the milestone filter only matches public milestones, so an internal
milestone answers exactly like an unknown one.
"""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.api.filters import IntegerFilter, SlugFilter, StrictBooleanFilter, StrictFilterSet
from working_group.api.serializers import MAX_ID
from working_group.models import Decision, Member, Milestone, Task


class IdFilter(IntegerFilter):
    """An id; one that matches nothing gives an empty list, like any other filter."""

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class PublicMilestoneFilter(StrictFilterSet):
    track = SlugFilter(field_name="track__slug", max_length=50, help_text=_("Track short name."))
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = Milestone
        fields = ["track", "date_from", "date_to"]


class PublicTaskFilter(StrictFilterSet):
    track = SlugFilter(field_name="track__slug", max_length=50, help_text=_("Track short name."))
    state = django_filters.ChoiceFilter(choices=Task.State.choices)
    milestone = IdFilter(method="filter_milestone", help_text=_("Id of a public milestone."))

    class Meta:
        model = Task
        fields = ["track", "state", "milestone"]

    def filter_milestone(self, queryset, name, value):
        # Only public milestones: an internal one must not group public tasks visibly.
        return queryset.filter(milestone__in=Milestone.objects.public().filter(pk=value))


class PublicDecisionFilter(StrictFilterSet):
    date_from = django_filters.DateFilter(field_name="meeting__date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="meeting__date", lookup_expr="lte")

    class Meta:
        model = Decision
        fields = ["date_from", "date_to"]


class TaskFilter(StrictFilterSet):
    """The members' list filters, as on the members' task list, plus ``mine``."""

    track = IdFilter(field_name="track_id")
    owner = IdFilter(field_name="owner_id", help_text=_("Member id."))
    state = django_filters.ChoiceFilter(choices=Task.State.choices)
    milestone = IdFilter(field_name="milestone_id")
    overdue = StrictBooleanFilter(
        method="filter_overdue", help_text=_("true: only open tasks whose due date has passed.")
    )
    mine = StrictBooleanFilter(
        method="filter_mine", help_text=_("true: only tasks owned by the acting member.")
    )

    class Meta:
        model = Task
        fields = ["track", "owner", "state", "milestone", "overdue", "mine"]

    # As in the members' area, ``false`` means "no restriction", not "the others".
    def filter_overdue(self, queryset, name, value):
        return queryset.overdue(timezone.localdate()) if value else queryset

    def filter_mine(self, queryset, name, value):
        return queryset.filter(owner=self.request.user.working_group_member) if value else queryset


class MemberFilter(StrictFilterSet):
    role = django_filters.ChoiceFilter(choices=Member.Role.choices)

    class Meta:
        model = Member
        fields = ["role"]
