from django.urls import path

from budget import views

app_name = "budget"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("export/lines.csv", views.lines_csv, name="lines_csv"),
    path("export/lines.json", views.lines_json, name="lines_json"),
    path("export/datapackage.json", views.datapackage, name="datapackage"),
    path("<slug:legislature>/<int:year>/", views.YearView.as_view(), name="year"),
]
