"""Traceability on the public pages: what a published analysis or a budget review is linked
to through the working group's PUBLIC tasks. Internal tasks never show, not even as a count.

Registered with the regions and budget apps in ``WorkingGroupConfig.ready`` so that those
apps need not import this one. Each provider runs two queries whatever the data, each
bounded by ``LIMIT``.
"""

from django.utils.translation import gettext as _

from budget.models import YearlyReview
from core.translated import served_columns
from regions.models import Analysis
from working_group.models import Task

LIMIT = 20


def _linked_tasks(public_tasks):
    # Only the columns a link shows, in the page's language and the Dutch fallback.
    return (
        public_tasks.select_related("track")
        .only("track", "track__slug", *served_columns("title", "track__name"))
        .order_by("title_nl")[:LIMIT]
    )


def _task_links(tasks) -> list[tuple[str, str]]:
    return [
        (
            _("Working-group task (%(track)s): %(title)s")
            % {"track": task.track.name, "title": task.title},
            task.track.get_absolute_url(),
        )
        for task in tasks
    ]


def links_for_analysis(analysis: Analysis) -> list[tuple[str, str]]:
    public_tasks = Task.objects.public().filter(analyses=analysis)
    tasks = _linked_tasks(public_tasks)
    reviews = (
        YearlyReview.objects.public()
        .filter(tasks__in=public_tasks)
        .select_related("legislature")
        .only(
            "year",
            "legislature",
            "legislature__name",
            "legislature__slug",
            "legislature__first_year",
        )
        .distinct()
        .order_by("legislature__first_year", "year")[:LIMIT]
    )
    return _task_links(tasks) + [
        (_("Budget review %(review)s") % {"review": review}, review.get_absolute_url())
        for review in reviews
    ]


def links_for_review(review: YearlyReview) -> list[tuple[str, str]]:
    public_tasks = Task.objects.public().filter(budget_reviews=review)
    tasks = _linked_tasks(public_tasks)
    analyses = (
        Analysis.objects.public()
        .filter(tasks__in=public_tasks)
        .select_related("region")
        .only("slug", "region", "region__order", *served_columns("region__name"))
        .distinct()
        .order_by("region__order")[:LIMIT]
    )
    return _task_links(tasks) + [
        (_("Analysis: %(region)s") % {"region": analysis.region.name}, analysis.get_absolute_url())
        for analysis in analyses
    ]
