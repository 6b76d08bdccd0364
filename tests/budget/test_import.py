"""CSV import in the admin (django-import-export) applies the same rules as the forms."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import override

from budget.models import ReviewLine
from budget.resources import ReviewLineResource
from tests.budget.factories import DecidedReviewFactory, ReviewLineFactory, YearlyReviewFactory

pytestmark = pytest.mark.django_db

HEADER = "id,legislature,year,kind,purpose,requested,granted\n"


def admin_url(name):
    with override("en"):
        return reverse(f"admin:budget_reviewline_{name}")


def upload(client, rows: str, note: str = ""):
    """The first (dry-run) step: the admin validates the file and shows the result."""
    file = SimpleUploadedFile("lines.csv", (HEADER + rows).encode())
    return client.post(
        admin_url("import"), {"format": "0", "import_file": file, "change_note": note}
    )


def row_errors(response) -> str:
    result = response.context["result"]
    messages = [str(e.error) for e in result.base_errors]
    for row in result.invalid_rows:
        for errors in row.error_dict.values():
            messages.extend(errors)
    return " | ".join(messages)


@pytest.fixture
def planned():
    return YearlyReviewFactory(legislature__name="2014–2019", year=2015)


@pytest.fixture
def decided():
    return DecidedReviewFactory(legislature__name="2014–2019", year=2015)


def test_editor_imports_valid_lines_after_confirming(client, editor, planned):
    client.force_login(editor)
    response = upload(client, ",2014–2019,2015,payment,debt_repayment,60000000.00,0\n")
    assert not response.context["result"].has_validation_errors()

    confirm = response.context["confirm_form"].initial
    client.post(admin_url("process_import"), confirm)

    line = ReviewLine.objects.get()
    assert (line.review, line.amount_requested) == (planned, Decimal("60000000.00"))


def test_dry_run_saves_nothing(client, editor, planned):
    client.force_login(editor)

    upload(client, ",2014–2019,2015,payment,debt_repayment,60000000.00,0\n")

    assert not ReviewLine.objects.exists()


def test_import_refuses_granted_above_requested(client, publisher, decided):
    client.force_login(publisher)

    response = upload(client, ",2014–2019,2015,payment,debt_repayment,10.00,10.01\n", "Fix")

    assert "The amount granted cannot exceed the amount requested." in row_errors(response)
    assert "confirm_form" not in response.context


def test_import_refuses_negative_amounts(client, editor, planned):
    client.force_login(editor)

    response = upload(client, ",2014–2019,2015,payment,debt_repayment,-5.00,0\n")

    assert "An amount cannot be negative." in row_errors(response)


def test_import_refuses_a_ceiling_crossed_by_several_rows(client, publisher, decided):
    client.force_login(publisher)

    response = upload(
        client,
        ",2014–2019,2015,payment,debt_repayment,60000000.00,60000000.00\n"
        ",2014–2019,2015,commitment,investment,40000000.01,40000000.01\n",
        "Amounts of the adjusted budget",
    )

    assert "exceeds the annual ceiling" in row_errors(response)
    assert not ReviewLine.objects.exists()


def test_import_into_a_decided_review_needs_a_public_change_note(client, publisher, decided):
    client.force_login(publisher)

    response = upload(client, ",2014–2019,2015,payment,debt_repayment,1.00,1.00\n")

    assert "Explain publicly why a decided review changes" in row_errors(response)


def test_publisher_import_into_a_decided_review_publishes_the_note(client, publisher, decided):
    client.force_login(publisher)
    response = upload(
        client, ",2014–2019,2015,payment,debt_repayment,1.00,1.00\n", "Adjusted budget"
    )

    client.post(admin_url("process_import"), response.context["confirm_form"].initial)

    decided.refresh_from_db()
    assert decided.granted_total == Decimal("1.00")
    assert decided.changes.get().note == "Adjusted budget"
    assert decided.version == 2


def test_import_refuses_a_year_without_review(client, editor, planned):
    client.force_login(editor)

    response = upload(client, ",2014–2019,2030,payment,debt_repayment,1.00,0\n")

    assert "There is no review for 2030 in legislature 2014–2019." in row_errors(response)


def test_import_refuses_editor_changes_to_a_decided_review(client, editor, decided):
    client.force_login(editor)

    response = upload(client, ",2014–2019,2015,payment,debt_repayment,1.00,0\n")

    assert "Only a Publisher may change a decided review." in row_errors(response)


def test_import_refuses_amounts_with_a_decimal_comma(client, editor, planned):
    client.force_login(editor)

    response = upload(client, ',2014–2019,2015,payment,debt_repayment,"1,50",0\n')

    assert "is not an amount" in row_errors(response)


def test_import_updates_an_existing_line_by_id(client, editor, planned):
    line = ReviewLineFactory(review=planned, amount_requested=Decimal("1.00"))
    client.force_login(editor)

    response = upload(client, f"{line.pk},2014–2019,2015,payment,debt_repayment,2.00,0\n")
    client.post(admin_url("process_import"), response.context["confirm_form"].initial)

    line.refresh_from_db()
    assert line.amount_requested == Decimal("2.00")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("user_without_role", 302),  # not staff: sent to the login page
        ("working_group_member", 302),
        ("editor", 200),
        ("publisher", 200),
        ("superuser", 200),
    ],
)
def test_who_may_open_the_import(client, request, role, status):
    client.force_login(request.getfixturevalue(role))

    assert client.get(admin_url("import")).status_code == status


EXPORT_COLUMNS = ReviewLineResource._meta.fields


def export_csv(client) -> str:
    response = client.post(
        admin_url("export"),
        {
            "format": "0",
            "resource": "",
            **{f"reviewlineresource_{column}": "on" for column in EXPORT_COLUMNS},
        },
    )
    return response.content.decode()


def test_export_uses_the_public_column_names_and_dot_decimals(client, editor, planned):
    ReviewLineFactory(review=planned, amount_requested=Decimal("1234567.89"))
    client.force_login(editor)

    content = export_csv(client)

    assert content.splitlines()[0].lstrip("\ufeff") == (
        "id,legislature,year,state,outcome,kind,purpose,requested,granted,currency,is_example_data"
    )
    assert "1234567.89" in content


def test_admin_export_neutralises_a_spreadsheet_formula(client, editor):
    review = YearlyReviewFactory(legislature__name="=cmd|' /C calc'!A0", year=2015)
    ReviewLineFactory(review=review)
    client.force_login(editor)

    rows = list(csv.DictReader(io.StringIO(export_csv(client).lstrip("\ufeff"))))

    # django-import-export drops the formula's leading character.
    assert rows[0]["legislature"] == "cmd|' /C calc'!A0"
