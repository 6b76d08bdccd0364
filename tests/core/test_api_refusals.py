"""The services' refusals answered in the API's one error shape."""

from core.api.exceptions import api_exception_handler
from core.services import Conflict, NotPermitted, TransitionNotAllowed


def test_a_conflict_answers_409_with_the_stored_version():
    response = api_exception_handler(Conflict("Changed meanwhile.", current_version=4), {})

    assert response.status_code == 409
    assert response.data == {
        "code": "conflict",
        "detail": "Changed meanwhile.",
        "field_errors": {},
        "non_field_errors": [],
        "current_version": 4,
    }


def test_a_refused_permission_answers_403_with_its_message():
    response = api_exception_handler(NotPermitted("Members only."), {})

    assert response.status_code == 403
    assert (response.data["code"], response.data["detail"]) == (
        "permission_denied",
        "Members only.",
    )


def test_a_refused_transition_answers_400_as_invalid_data_with_its_message():
    response = api_exception_handler(TransitionNotAllowed("Not from here."), {})

    assert response.status_code == 400
    assert response.data["code"] == "validation_error"
    assert response.data["non_field_errors"] == ["Not from here."]
