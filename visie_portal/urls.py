from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from core import audit_views, views
from regions.sitemaps import AnalysisSitemap

# Each app adds its sitemap here.
sitemaps = {"regions": AnalysisSitemap}

urlpatterns = [
    # The bare address answers in the visitor's language (cookie or Accept-Language);
    # every page also has a permanent address per language under /nl/, /fr/, /de/, /en/.
    path("", views.HomeView.as_view(), name="root"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("visie_portal.api_urls")),
    # An index of paginated sections, so no response grows with the number of analyses.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

handler400 = "core.views.bad_request"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    # Before the admin's own URLs, which would otherwise claim admin/audit/ and the rest.
    path("admin/two-factor/", include("staff_otp.urls")),
    path("admin/audit/", audit_views.audit_log, name="audit-log"),
    path(
        "admin/audit/<str:model_label>/<int:history_id>/",
        audit_views.audit_entry,
        name="audit-entry",
    ),
    path(
        "admin/audit/<str:model_label>/<int:history_id>/revert/",
        audit_views.audit_revert,
        name="audit-revert",
    ),
    path("admin/", admin.site.urls),
    path("security-environment/", include("regions.urls")),
    path("budget/", include("budget.urls")),
    path("working-group/", include("working_group.urls")),
    prefix_default_language=True,
)
