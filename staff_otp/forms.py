from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from staff_otp import services


def code_field(**kwargs):
    return forms.CharField(
        label=_("Authentication code"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 10}
        ),
        **kwargs,
    )


class StaffAuthenticationForm(AdminAuthenticationForm):
    """The admin's sign-in form with django-otp's second step folded in.

    Like django-otp's ``OTPAuthenticationForm``, but optional: the code is asked of staff
    who have a device and ignored for others (the middleware sends those to enrolment
    when ``OTP_REQUIRED_FOR_STAFF`` is on). The device is the user's only one, so there is
    no device choice to make.
    """

    otp_token = code_field(
        required=False,
        help_text=_(
            "If you have set up two-factor sign-in: the 6-digit code your authenticator "
            "app shows now. Otherwise leave it empty."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        device = services.confirmed_device(user)
        if device is None:
            return cleaned_data
        try:
            device = services.code_verify(device=device, code=cleaned_data.get("otp_token"))
        except ValidationError as error:
            # A wrong second factor is a failed sign-in: django-axes counts it towards the
            # lock-out of this username and address, like a wrong password.
            user_login_failed.send(
                sender=type(self),
                credentials={"username": cleaned_data.get("username")},
                request=self.request,
            )
            self.add_error("otp_token", error)
            return cleaned_data
        # django-otp marks the session as verified by this device when Django logs in.
        user.otp_device = device
        return cleaned_data


class CodeForm(forms.Form):
    """A current code from the authenticator app: to enrol, verify this session or remove."""

    code = code_field(help_text=_("The 6-digit code your authenticator app shows now."))
