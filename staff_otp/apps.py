from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffOtpConfig(AppConfig):
    name = "staff_otp"
    verbose_name = _("Two-factor sign-in")
    # Besides models, selectors and services, what other apps may import from this one:
    # the API's permission that requires a verified two-factor session for staff.
    public_modules = ("permissions",)

    def ready(self):
        from django.contrib import admin

        from staff_otp.forms import StaffAuthenticationForm

        # The admin's own sign-in page asks staff with a device for their code.
        admin.site.login_form = StaffAuthenticationForm
        admin.site.login_template = "staff_otp/admin_login.html"
