"""The trend badge, which cards show one per analysis."""

from django.utils import translation

from regions.models import Trend
from regions.templatetags.regions_tags import trend_badge


def test_the_trend_badge_is_worded_in_each_page_language():
    # Each badge is built once per trend and language: a page must not get another's words.
    with translation.override("nl"):
        dutch = trend_badge(Trend.IMPROVING)
    with translation.override("en"):
        english = trend_badge(Trend.IMPROVING)

    assert "Trend: Improving" in english
    assert "Trend: Improving" not in dutch
