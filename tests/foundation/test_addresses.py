"""address_maker gives what reverse() gives, for the cost of one reverse() per list."""

import pytest
from django.urls import reverse
from django.utils import translation

from core.addresses import address_maker


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_addresses_are_those_reverse_gives(language):
    with translation.override(language):
        task_address = address_maker("working_group:task_detail", "number", 987654321)
        analysis_address = address_maker("regions:analysis", "slug", "address-sentinel")

        assert task_address(7) == reverse("working_group:task_detail", kwargs={"number": 7})
        assert analysis_address("sahel") == reverse("regions:analysis", kwargs={"slug": "sahel"})


def test_a_sentinel_the_address_does_not_hold_verbatim_is_refused():
    # A str converter's value is quoted: the sentinel "a b" appears as "a%20b".
    with pytest.raises(ValueError):
        address_maker("regions:share", "token", "a b")
