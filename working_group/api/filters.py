"""Filters of the working group's API.

Public filters only accept public identifiers: filtering public tasks by an internal
milestone answers like an unknown one (400), so the filter cannot tell that it exists.
"""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.filters import OrderingFilter

from working_group.models import Decision, Member, Milestone, Task, Track


class StableOrderingFilter(OrderingFilter):
    """The client's ordering plus the view's unique ``ordering_tiebreaker``.

    Without a unique last key, rows that tie could move between pages from one request
    to the next (PostgreSQL does not promise an order for ties).
    """

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        tiebreaker = getattr(view, "ordering_tiebreaker", None)
        if ordering and tiebreaker and tiebreaker not in ordering:
            ordering = [*ordering, tiebreaker]
        return ordering


class PublicMilestoneFilter(django_filters.FilterSet):
    track = django_filters.ModelChoiceFilter(
        queryset=Track.objects.all(), to_field_name="slug", help_text=_("Track short name.")
    )
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = Milestone
        fields = ["track", "date_from", "date_to"]


class PublicTaskFilter(django_filters.FilterSet):
    track = django_filters.ModelChoiceFilter(
        queryset=Track.objects.all(), to_field_name="slug", help_text=_("Track short name.")
    )
    state = django_filters.ChoiceFilter(choices=Task.State.choices)
    milestone = django_filters.ModelChoiceFilter(
        queryset=Milestone.objects.public(), help_text=_("Id of a public milestone.")
    )

    class Meta:
        model = Task
        fields = ["track", "state", "milestone"]


class PublicDecisionFilter(django_filters.FilterSet):
    date_from = django_filters.DateFilter(field_name="meeting__date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="meeting__date", lookup_expr="lte")

    class Meta:
        model = Decision
        fields = ["date_from", "date_to"]


class TaskFilter(django_filters.FilterSet):
    """The members' list filters, as on the members' task list, plus ``mine``."""

    track = django_filters.ModelChoiceFilter(queryset=Track.objects.all())
    owner = django_filters.ModelChoiceFilter(queryset=Member.objects.all())
    state = django_filters.ChoiceFilter(choices=Task.State.choices)
    milestone = django_filters.ModelChoiceFilter(queryset=Milestone.objects.all())
    overdue = django_filters.BooleanFilter(
        method="filter_overdue", help_text=_("true: only open tasks whose due date has passed.")
    )
    mine = django_filters.BooleanFilter(
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
