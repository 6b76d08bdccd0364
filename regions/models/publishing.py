"""Addresses and access around an analysis: old slugs and share links."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regions.models.analysis import Analysis, AnalysisRevision


class AnalysisSlugRedirect(models.Model):
    """An address an analysis used to have; requests for it get a permanent redirect."""

    old_slug = models.SlugField(_("old slug"), max_length=120, unique=True)
    analysis = models.ForeignKey(
        Analysis,
        verbose_name=_("analysis"),
        on_delete=models.CASCADE,
        related_name="slug_redirects",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ["old_slug"]

    def __str__(self):
        return f"{self.old_slug} → {self.analysis.slug}"

    def get_absolute_url(self):
        return self.analysis.get_absolute_url()


class ShareLink(models.Model):
    """A revocable record behind a signed, expiring preview address for one draft."""

    analysis = models.ForeignKey(
        Analysis, verbose_name=_("analysis"), on_delete=models.CASCADE, related_name="share_links"
    )
    revision = models.ForeignKey(
        AnalysisRevision,
        verbose_name=_("revision"),
        on_delete=models.CASCADE,
        related_name="share_links",
        help_text=_("The draft the link shows; later edits need a new link."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")),
                name="regions_sharelink_expires_after_creation",
                violation_error_message=_("A share link must expire after it is created."),
            )
        ]

    def __str__(self):
        return _("Share link for %(revision)s") % {"revision": self.revision}

    def get_absolute_url(self):
        from regions.sharing import share_url

        return share_url(self)

    @property
    def is_usable(self):
        return self.revoked_at is None and self.expires_at > timezone.now()
