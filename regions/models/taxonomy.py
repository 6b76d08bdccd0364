"""Reference data: regions and themes, topics, organisations, countries."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _


class RegionKind(models.TextChoices):
    GEOGRAPHIC = "geographic", _("Geographic region")
    THEME = "theme", _("Theme")


class RegionGroup(models.TextChoices):
    """The seed's grouping; the order of the members is the order on the index page."""

    SOUTHERN_PERIPHERY = "southern", _("Southern periphery")
    CENTRAL_AFRICA = "central_africa", _("Central Africa")
    EASTERN_PERIPHERY = "eastern", _("Eastern periphery")
    NORTHERN_PERIPHERY = "northern", _("Northern periphery")
    THEMES = "themes", _("Themes")


def group_rank(group_field: str = "group") -> Case:
    """A region's group as its position in RegionGroup: the seed's order, not alphabetical."""
    return Case(
        *[When(**{group_field: group}, then=Value(rank)) for rank, group in enumerate(RegionGroup)],
        output_field=models.PositiveSmallIntegerField(),
    )


class Region(models.Model):
    """A place (the Sahel, the Arctic) or a theme that is not a place (flow security)."""

    name = models.CharField(
        _("name"), max_length=120, help_text=_("As shown on the index and in page titles.")
    )
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("Lower-case words joined by hyphens.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=RegionKind,
        default=RegionKind.GEOGRAPHIC,
        help_text=_("A geographic region is a place; a theme is a cross-cutting subject."),
    )
    group = models.CharField(
        _("group"),
        max_length=20,
        choices=RegionGroup,
        help_text=_("The heading under which the region appears on the index page."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Only one level of nesting: a parent region cannot itself have a parent."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first within the group.")
    )

    class Meta:
        verbose_name = _("region or theme")
        verbose_name_plural = _("regions and themes")
        ordering = ["group", "order", "slug"]
        indexes = [models.Index(fields=["group", "order", "slug"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=RegionKind.THEME) & Q(group=RegionGroup.THEMES))
                | (Q(kind=RegionKind.GEOGRAPHIC) & ~Q(group=RegionGroup.THEMES)),
                name="regions_region_theme_iff_themes_group",
                violation_error_message=_(
                    "Themes belong in the themes group, and geographic regions outside it."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="regions_region_not_own_parent",
                violation_error_message=_("A region cannot be its own parent."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("regions:region", kwargs={"slug": self.slug})

    def clean(self):
        if self.parent_id is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": _("A region cannot be its own parent.")})
        if self.parent.parent_id is not None:
            raise ValidationError(
                {"parent": _("Regions nest one level only: choose a top-level parent.")}
            )
        if self.pk and self.children.exists():
            raise ValidationError(
                {"parent": _("This region has sub-regions, so it cannot have a parent.")}
            )
        if self.parent.group != self.group:
            raise ValidationError({"parent": _("A sub-region belongs to its parent's group.")})


class Topic(models.Model):
    name = models.CharField(
        _("name"), max_length=120, help_text=_("For example terrorism, piracy, hybrid warfare.")
    )
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("Lower-case words joined by hyphens.")
    )

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["slug"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("regions:topic", kwargs={"slug": self.slug})


class Organisation(models.Model):
    acronym = models.CharField(
        _("acronym"), max_length=20, unique=True, help_text=_("For example NATO, EU, OSCE, UN.")
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("The full name."))
    url = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["acronym"]

    def __str__(self):
        return self.acronym

    def get_absolute_url(self):
        return reverse("regions:search") + "?" + urlencode({"q": self.acronym})


class Country(models.Model):
    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        help_text=_("ISO 3166-1 alpha-2 code in capitals, for example BE."),
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("The common short name."))

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}$"),
                name="regions_country_code_iso_alpha2",
                violation_error_message=_("The ISO code is two capital letters, such as BE."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def get_absolute_url(self):
        return reverse("regions:search") + "?" + urlencode({"q": self.code})
