import pytest
from django.urls import path


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken_view)]


@pytest.mark.django_db
def test_server_error_shows_the_translated_500_page(client, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False

    response = client.get("/broken/", headers={"accept-language": "de"})

    assert response.status_code == 500
    assert '<html lang="de">' in response.text
    assert "boom" not in response.text
