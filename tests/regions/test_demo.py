import io

import pytest
from django.urls import reverse
from django.utils import translation

from regions import demo, demo_data
from regions.models import Analysis, AnalysisRevision, Region, Topic

pytestmark = pytest.mark.django_db


def test_demo_publishes_one_analysis_per_region():
    demo.load(stdout=io.StringIO())

    assert Region.objects.count() == len(demo_data.REGIONS)
    assert Analysis.objects.public().count() == len(demo_data.REGIONS)


def test_loading_the_demo_twice_creates_nothing_twice():
    demo.load(stdout=io.StringIO())
    counts = (Region.objects.count(), Topic.objects.count(), AnalysisRevision.objects.count())

    demo.load(stdout=io.StringIO())

    assert counts == (
        Region.objects.count(),
        Topic.objects.count(),
        AnalysisRevision.objects.count(),
    )


def test_demo_analyses_read_in_dutch_and_english(client):
    demo.load(stdout=io.StringIO())

    with translation.override("en"):
        english = client.get(reverse("regions:analysis", args=["arctic"])).content.decode()
    with translation.override("nl"):
        dutch = client.get(reverse("regions:analysis", args=["arctic"])).content.decode()

    assert "The Arctic: new routes, still calm" in english
    assert "Het Noordpoolgebied: nieuwe routes" in dutch
    assert "20–25" in dutch


def test_every_region_has_an_analysis_in_the_demo_data():
    assert {item["slug"] for item in demo_data.REGIONS} == set(demo_data.ANALYSES)


def test_the_load_demo_command_runs_twice_without_duplicates():
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())

    assert Analysis.objects.count() == len(demo_data.REGIONS)
