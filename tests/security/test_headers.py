"""Security headers on pages, the API and the admin (acceptance: `/`, a region page, /api/v1/)."""

import pytest

from tests.regions.factories import published_analysis

pytestmark = pytest.mark.django_db


@pytest.fixture
def addresses():
    analysis = published_analysis()
    return ["/", "/nl/", analysis.get_absolute_url(), "/api/v1/", "/en/admin/login/"]


def test_every_response_carries_a_strict_content_security_policy(client, addresses):
    for address in addresses:
        policy = client.get(address).headers["Content-Security-Policy"]

        assert "default-src 'self'" in policy, address
        assert "object-src 'none'" in policy and "base-uri 'none'" in policy, address
        assert "frame-ancestors 'none'" in policy, address
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, address


def test_every_response_carries_the_other_security_headers(client, addresses):
    for address in addresses:
        headers = client.get(address).headers

        assert headers["X-Content-Type-Options"] == "nosniff", address
        assert headers["Referrer-Policy"] == "same-origin", address
        assert headers["X-Frame-Options"] == "DENY", address
        assert "camera=()" in headers["Permissions-Policy"], address
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", address


def test_no_template_uses_inline_style_or_script_without_a_nonce():
    import re
    from pathlib import Path

    from tests.helpers import REPO_ROOT

    offenders = []
    for template in Path(REPO_ROOT).glob("*/templates/**/*.html"):
        text = template.read_text()
        if re.search(r"\sstyle=\"", text) or re.search(
            r"<script(?![^>]*\ssrc=)(?![^>]*nonce)", text
        ):
            offenders.append(str(template.relative_to(REPO_ROOT)))
        if re.search(r"<style(?![^>]*nonce)", text):
            offenders.append(str(template.relative_to(REPO_ROOT)))

    assert offenders == []
