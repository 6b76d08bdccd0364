from django.urls import path

from staff_otp import views

# Included under the admin's language prefix, before the admin's own URLs.
urlpatterns = [
    path("", views.two_factor, name="two-factor"),
    path("remove/", views.two_factor_remove, name="two-factor-remove"),
]
