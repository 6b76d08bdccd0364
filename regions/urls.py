from django.urls import path

from regions import views

app_name = "regions"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
]
