"""Signed share-link tokens: the signature limits the lifetime, the ShareLink row can revoke."""

from django.core import signing
from django.urls import reverse

from regions.services import SHARE_LINK_MAX_LIFETIME

_SALT = "regions.share-link"


def share_token(link) -> str:
    return signing.TimestampSigner(salt=_SALT).sign(str(link.pk))


def share_url(link) -> str:
    return reverse("regions:share", kwargs={"token": share_token(link)})


def usable_link_from_token(token: str):
    """The ShareLink behind ``token`` if it is authentic, unexpired and not revoked, else None."""
    from regions.models import ShareLink

    try:
        pk = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=SHARE_LINK_MAX_LIFETIME)
    except signing.BadSignature:
        return None
    link = (
        ShareLink.objects.select_related("analysis__region", "analysis__live_revision")
        .filter(pk=pk)
        .first()
    )
    if link is None or not link.is_usable:
        return None
    return link
