"""Atom feed of published analyses; an entry's id changes with each published revision."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.text import strip_control_characters
from core.translated import served_columns
from regions.models import Analysis

# The latest updates, as many as a page of the index shows.
FEED_SIZE = 20


class AnalysisFeed(Feed):
    feed_type = Atom1Feed
    title = _("Visie Portal: security environment to 2030")
    subtitle = _("Published analyses of Belgium's security environment and their updates.")

    def link(self):
        return reverse("regions:index")

    def items(self):
        return (
            Analysis.objects.public()
            .select_related("live_revision")
            .only(
                "slug",
                "first_published_at",
                "last_published_at",
                "live_revision",
                "live_revision__number",
                *served_columns(
                    "live_revision__title", "live_revision__summary", "live_revision__change_note"
                ),
            )
            .order_by("-last_published_at", "pk")[:FEED_SIZE]
        )

    # Text is cleaned on save; stripping again here keeps rows stored before that readable.
    def item_title(self, item):
        return strip_control_characters(item.live_revision.title)

    def item_description(self, item):
        note = item.live_revision.change_note
        text = f"{note}\n\n{item.live_revision.summary}" if note else item.live_revision.summary
        return strip_control_characters(text)

    def item_guid(self, item):
        # A stable, absolute id per published revision, so readers notice each update.
        number = item.live_revision.number
        return f"tag:visie-portal,2015-05-08:regions/analysis/{item.pk}/revision/{number}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
