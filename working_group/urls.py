from django.urls import path

from working_group import views

app_name = "working_group"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
]
