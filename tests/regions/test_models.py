"""Invariants held by the database and explained by clean()."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from regions.models import Country, Region, RegionGroup, RegionKind
from tests.regions.factories import RegionFactory

pytestmark = pytest.mark.django_db


def test_a_theme_must_sit_in_the_themes_group():
    with pytest.raises(IntegrityError):
        Region.objects.create(
            name_nl="Cyber",
            slug="cyber",
            kind=RegionKind.THEME,
            group=RegionGroup.NORTHERN_PERIPHERY,
        )


def test_a_geographic_region_cannot_sit_in_the_themes_group():
    region = Region(name_nl="Sahel", slug="sahel", kind=RegionKind.GEOGRAPHIC, group="themes")

    with pytest.raises(ValidationError):
        region.full_clean()


def test_regions_nest_one_level_only():
    top = RegionFactory()
    middle = RegionFactory(parent=top)
    bottom = RegionFactory.build(parent=middle, slug="bottom")

    with pytest.raises(ValidationError, match="één niveau"):
        bottom.full_clean()


def test_a_sub_region_belongs_to_its_parents_group():
    top = RegionFactory(group=RegionGroup.SOUTHERN_PERIPHERY)
    child = RegionFactory.build(parent=top, slug="child", group=RegionGroup.EASTERN_PERIPHERY)

    with pytest.raises(ValidationError, match="groep van haar bovenliggende regio"):
        child.full_clean()


def test_a_country_code_is_two_capital_letters():
    with pytest.raises(IntegrityError):
        Country.objects.create(code="be", name_nl="België")
