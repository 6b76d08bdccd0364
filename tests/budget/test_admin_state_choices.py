"""The review's state field offers the stored state and the moves ``REVIEW_WORKFLOW``
allows the editor from it; a state posted outside that list is refused in the workflow's
words (see ``test_decided_review_cannot_go_back_to_planned``)."""

import pytest

from budget.forms import YearlyReviewForm
from budget.models import ReviewState
from tests.budget.conftest import admin_form_data, errors_of, review_change_url
from tests.budget.factories import DecidedReviewFactory, YearlyReviewFactory

pytestmark = pytest.mark.django_db


def offered(form) -> list[str]:
    return [state for state, _label in form.fields["state"].widget.choices]


def admin_form(client, user, url):
    client.force_login(user)
    return client.get(url).context["adminform"].form


def test_a_new_review_may_start_in_any_state(client, editor, review_add_url):
    assert offered(admin_form(client, editor, review_add_url)) == list(ReviewState.values)


@pytest.mark.parametrize("state", [ReviewState.PLANNED, ReviewState.UNDER_REVIEW])
def test_an_undecided_review_offers_every_state_to_an_editor(client, editor, state):
    review = YearlyReviewFactory(state=state)

    assert offered(admin_form(client, editor, review_change_url(review))) == list(
        ReviewState.values
    )


def test_a_decided_review_offers_a_publisher_only_to_examine_it_again(client, publisher):
    review = DecidedReviewFactory()

    assert offered(admin_form(client, publisher, review_change_url(review))) == [
        ReviewState.UNDER_REVIEW,
        ReviewState.DECIDED,
    ]


def test_a_user_without_the_permission_of_a_move_is_not_offered_it(editor):
    review = DecidedReviewFactory()

    class EditorsForm(YearlyReviewForm):
        acting_user = editor

    assert offered(EditorsForm(instance=review)) == [ReviewState.DECIDED]


def test_a_forged_post_of_a_state_not_offered_is_a_form_error_not_a_server_error(client, publisher):
    review = DecidedReviewFactory()
    client.force_login(publisher)
    data = admin_form_data(client.get(review_change_url(review)))
    data.update(state=ReviewState.PLANNED, outcome="", change_note="Opnieuw gepland")

    response = client.post(review_change_url(review), data)

    assert response.status_code == 200
    assert "cannot go from “decided” to “planned”" in errors_of(response)
    review.refresh_from_db()
    assert review.state == ReviewState.DECIDED
