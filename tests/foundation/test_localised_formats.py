"""Pages write dates the reader's way; exports keep machine formats in every language."""

import pytest
from django.utils import dateformat, timezone, translation

from tests.budget.factories import legislature_with_years
from tests.regions.factories import published_analysis

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "pattern"), [("nl", "j F Y"), ("fr", "j F Y"), ("de", "j. F Y"), ("en", "N j, Y")]
)
def test_an_analysis_page_writes_its_update_date_in_the_languages_format(client, language, pattern):
    analysis = published_analysis()
    with translation.override(language):
        expected = dateformat.format(timezone.localtime(analysis.last_published_at), pattern)
        page = client.get(analysis.get_absolute_url()).content.decode()

    assert f">{expected}</time>" in page


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_the_budget_csv_uses_dots_and_no_separators_in_every_language(client, language):
    legislature_with_years(1)

    with translation.override(language):
        csv = client.get(f"/{language}/budget/export/lines.csv").content.decode()

    assert "50000000.00" in csv
    assert "50.000.000" not in csv and "50 000 000" not in csv
