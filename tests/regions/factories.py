"""Factories for the regions app: taxonomy, analyses in every workflow state."""

from datetime import timedelta

import factory
from django.utils import timezone

from core import roles
from regions import services
from regions.models import Country, Organisation, Region, RegionGroup, RegionKind, Topic, Trend
from tests.factories import UserFactory


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    name_nl = factory.Sequence(lambda n: f"Regio {n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")
    kind = RegionKind.GEOGRAPHIC
    group = RegionGroup.SOUTHERN_PERIPHERY
    order = factory.Sequence(lambda n: n)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name_nl = factory.Sequence(lambda n: f"Onderwerp {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("acronym",)

    acronym = factory.Sequence(lambda n: f"ORG{n}")
    name_nl = factory.Sequence(lambda n: f"Organisatie {n}")


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    name_nl = factory.Sequence(lambda n: f"Land {n}")


def content(**overrides) -> dict:
    """Revision content as the services take it (Dutch is the source language)."""
    values = {
        "title_nl": "Analyse van de regio",
        "title_en": "Analysis of the region",
        "summary_nl": "Een korte samenvatting.",
        "summary_en": "A short summary.",
        "body_nl": "De **veiligheidsomgeving** blijft onzeker.",
        "body_en": "The **security environment** remains uncertain.",
        "horizon_year": 2030,
        "trend": Trend.STABLE,
    }
    values.update(overrides)
    return values


def author():
    return UserFactory(username="author", is_staff=True, groups=[roles.EDITORS])


def second_publisher():
    return UserFactory(username="publisher-2", is_staff=True, groups=[roles.PUBLISHERS])


def draft_analysis(*, region=None, by=None, slug=None, **content_overrides):
    region = region or RegionFactory()
    return services.analysis_create(
        region=region,
        slug=slug or region.slug,
        content=content(**content_overrides),
        by=by or author(),
        key_figures=[{"label_nl": "Kortere route naar Japan", "value": "40", "unit_nl": "%"}],
        sources=[{"title": "Strategische visie voor Defensie", "url": "https://example.org/"}],
    )


def in_review_analysis(**kwargs):
    analysis = draft_analysis(**kwargs)
    return services.analysis_submit(analysis=analysis, by=analysis.draft_revision.author)


def published_analysis(*, publish_at=None, **kwargs):
    analysis = in_review_analysis(**kwargs)
    return services.analysis_publish(
        analysis=analysis, by=second_publisher(), publish_at=publish_at
    )


def republished_analysis(analysis, **content_overrides):
    """A published analysis edited by its author, reviewed and published again."""
    editor = analysis.live_revision.author
    services.analysis_save_draft(
        analysis=analysis,
        expected_version=analysis.version,
        content=content(**content_overrides),
        by=editor,
    )
    services.analysis_submit(analysis=analysis, by=editor)
    return services.analysis_publish(analysis=analysis, by=second_publisher())


def scheduled_analysis(**kwargs):
    return published_analysis(publish_at=timezone.now() + timedelta(days=3), **kwargs)


def withdrawn_analysis(**kwargs):
    analysis = published_analysis(**kwargs)
    return services.analysis_archive(
        analysis=analysis, reason="Vervangen door een nieuwe analyse.", by=second_publisher()
    )
