"""The bad-input battery: hostile values into every field of every admin add form and every
members' form. Never a 500; always a clear field error, or safe storage that renders inert.

(API write endpoints get the same treatment from schemathesis in tests/api, which generates
invalid values for every field of every operation against the schema.)
"""

from decimal import Decimal
from urllib.parse import quote

import pytest
from django import forms
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from tests.working_group.factories import MemberFactory, TaskFactory, TrackFactory

pytestmark = pytest.mark.django_db

TEXT_VALUES = {
    "script tag": "<script>alert(1)</script>",
    "event handler": '<img src=x onerror="alert(1)">',
    "javascript url": "javascript:alert(1)",
    "sql fragment": "'; DROP TABLE auth_user; --",
    "nul byte": "abc\x00def",
    "one megabyte": "x" * 1_000_000,
}
NUMBER_VALUES = {
    "overflowing decimal": "9" * 40 + ".999",
    "negative": "-1",
    "not a number": "NaN",
    "infinity": "1e309",
}
DATE_VALUES = {
    "far past": "0001-01-01",
    "far future": "9999-12-31",
    "impossible date": "2015-02-30",
}
CHOICE_VALUES = {"unknown choice": "no-such-choice", "sql fragment": "1 OR 1=1"}
RELATION_VALUES = {"missing object": "999999999", "negative id": "-1", "sql fragment": "1; --"}


def hostile_values(field):
    if isinstance(field, forms.ModelMultipleChoiceField | forms.ModelChoiceField):
        return RELATION_VALUES
    if isinstance(field, forms.ChoiceField):
        return CHOICE_VALUES
    if isinstance(field, forms.DecimalField | forms.IntegerField | forms.FloatField):
        return NUMBER_VALUES
    if isinstance(field, forms.DateField | forms.DateTimeField | forms.SplitDateTimeField):
        return DATE_VALUES
    if isinstance(field, forms.BooleanField | forms.FileField):
        return {}
    return TEXT_VALUES


def assert_inert(html, context):
    assert "<script>alert(1)</script>" not in html, context
    assert "<img src=x onerror" not in html, context
    assert 'href="javascript:' not in html, context


def admin_add_forms():
    for model, model_admin in sorted(
        admin.site._registry.items(), key=lambda item: item[0]._meta.label
    ):
        yield pytest.param(model, model_admin, id=model._meta.label_lower)


@pytest.mark.parametrize(("model", "model_admin"), admin_add_forms())
def test_admin_add_form_survives_hostile_values_in_every_field(
    client, superuser, model, model_admin
):
    request = RequestFactory().get("/")
    request.user = superuser
    if not model_admin.has_add_permission(request):
        pytest.skip(f"{model._meta.label} has no add form (read-only in the admin)")
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    fields = model_admin.get_form(request)().fields
    client.force_login(superuser)
    tried = 0
    for name, field in fields.items():
        for label, value in hostile_values(field).items():
            response = client.post(url, {name: value})
            tried += 1
            context = f"{model._meta.label}.{name} ← {label}"
            assert response.status_code in (200, 302), f"{context}: {response.status_code}"
            if response.status_code == 200:
                assert_inert(response.text, context)
    assert tried or not fields


def test_admin_refuses_invalid_utf8_without_an_error_page(client, superuser):
    client.force_login(superuser)

    response = client.post(
        reverse("admin:regions_topic_add"),
        data=f"slug={quote(b'\xff\xfe')}&name_nl={quote(b'\xc3\x28')}",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code in (200, 302)


@pytest.fixture
def member_task(working_group_member):
    member = MemberFactory(user=working_group_member)
    return TaskFactory(owner=member, track=TrackFactory(group=member.group))


MEMBER_FORMS = {
    "working_group:task_create": "working_group.forms.TaskForm",
    "working_group:task_edit": "working_group.forms.TaskEditForm",
    "working_group:task_state": "working_group.forms.StateForm",
    "working_group:task_progress": "working_group.forms.ProgressForm",
    "working_group:task_owner": "working_group.forms.OwnerForm",
    "working_group:task_comment": "working_group.forms.CommentForm",
}


@pytest.mark.parametrize(("url_name", "form_path"), MEMBER_FORMS.items())
def test_members_form_survives_hostile_values_in_every_field(
    client, working_group_member, member_task, url_name, form_path
):
    from django.utils.module_loading import import_string

    client.force_login(working_group_member)
    kwargs = {} if url_name.endswith("create") else {"number": member_task.number}
    url = reverse(url_name, kwargs=kwargs)
    for name, field in import_string(form_path).base_fields.items():
        for label, value in hostile_values(field).items():
            data = {"version": member_task.version, name: value}
            response = client.post(url, data)
            context = f"{url_name}.{name} ← {label}"
            assert response.status_code in (200, 302, 400, 409), (
                f"{context}: {response.status_code}"
            )
            assert_inert(response.content.decode(errors="replace"), context)
        member_task.refresh_from_db()


@pytest.mark.parametrize(
    "address",
    [
        "/nl/security-environment/search/?q=",
        "/nl/security-environment/?page=",
        "/nl/working-group/?page=",
        "/nl/budget/?page=",
        "/api/v1/budget-reviews/?year=",
        "/api/v1/budget-reviews/?ordering=",
    ],
)
@pytest.mark.parametrize("value", [*TEXT_VALUES.values(), *NUMBER_VALUES.values()])
def test_public_query_parameters_survive_hostile_values(client, address, value):
    if len(value) > 10_000:
        value = value[:10_000]  # URLs are bounded well below a megabyte by every server
    response = client.get(address + quote(value))

    assert response.status_code in (200, 400, 404)
    assert_inert(response.content.decode(errors="replace"), address)


def test_request_bodies_are_limited(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS <= 1000
    assert Decimal(settings.DATA_UPLOAD_MAX_MEMORY_SIZE) > 1_000_000  # a 1 MB field still fits
