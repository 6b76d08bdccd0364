from django.urls import path

from regions import feeds, views

app_name = "regions"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feed/", feeds.AnalysisFeed(), name="feed"),
    path("topics/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path("regions/<slug:slug>/", views.region_redirect, name="region"),
    path("preview/<int:pk>/", views.PreviewView.as_view(), name="preview"),
    path("share/<str:token>/", views.SharedDraftView.as_view(), name="share"),
    path("<slug:slug>/", views.AnalysisView.as_view(), name="analysis"),
]
