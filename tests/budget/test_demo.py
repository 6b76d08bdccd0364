from io import StringIO

import pytest
from django.core.management import call_command

from budget.models import Legislature, ReviewLine, YearlyReview

pytestmark = pytest.mark.django_db


def test_demo_loads_the_legislature_with_a_review_per_year_2015_to_2019():
    call_command("load_demo", stdout=StringIO())

    legislature = Legislature.objects.get()
    assert (legislature.name, legislature.government) == ("2014–2019", "Michel I")
    assert list(legislature.reviews.values_list("year", flat=True)) == [
        2015,
        2016,
        2017,
        2018,
        2019,
    ]


def test_demo_marks_every_invented_decision_as_example_data():
    call_command("load_demo", stdout=StringIO())

    for review in YearlyReview.objects.exclude(state="planned"):
        assert review.is_example_data
    assert not ReviewLine.objects.filter(review__is_example_data=False).exists()


def test_loading_the_demo_twice_creates_nothing_twice():
    call_command("load_demo", stdout=StringIO())
    counts = (Legislature.objects.count(), YearlyReview.objects.count(), ReviewLine.objects.count())

    call_command("load_demo", stdout=StringIO())

    assert counts == (
        Legislature.objects.count(),
        YearlyReview.objects.count(),
        ReviewLine.objects.count(),
    )
