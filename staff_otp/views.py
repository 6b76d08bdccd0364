"""The staff member's own two-factor page: enrol an authenticator app, verify, remove it."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from staff_otp import services
from staff_otp.forms import CodeForm


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("admin:index")


def _render(request, state, **context):
    return render(
        request,
        "staff_otp/two_factor.html",
        {
            **admin.site.each_context(request),
            "title": _("Two-factor sign-in"),
            "state": state,
            "required": settings.OTP_REQUIRED_FOR_STAFF,
            "next": _next_url(request),
            **context,
        },
    )


@staff_member_required
def two_factor(request):
    device = services.confirmed_device(request.user)
    if device is None:
        return _enrol(request)
    if not request.user.is_verified():
        return _verify(request, device)
    return _render(request, "manage", device=device, form=CodeForm())


def _enrol(request):
    secret = services.pending_secret(request.session)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            device = services.device_enrol(
                user=request.user, secret=secret, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            del request.session[services.PENDING_SECRET_SESSION_KEY]
            otp_login(request, device)
            messages.success(
                request,
                _("Two-factor sign-in is on: you now sign in with your password and a code."),
            )
            return redirect(_next_url(request))
    return _render(
        request,
        "enrol",
        form=form,
        qr_code=services.qr_code_data_uri(user=request.user, secret=secret),
        secret=services.secret_for_manual_entry(secret),
    )


def _verify(request, device):
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            device = services.code_verify(device=device, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            otp_login(request, device)
            return redirect(_next_url(request))
    return _render(request, "verify", form=form)


@require_POST
@staff_member_required
def two_factor_remove(request):
    device = services.confirmed_device(request.user)
    if device is None:
        return redirect("two-factor")
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            services.device_remove(device=device, code=form.cleaned_data["code"], by=request.user)
        except ValidationError as error:
            form.add_error("code", error)
        else:
            messages.success(request, _("Two-factor sign-in is off for your account."))
            return redirect("two-factor")
    return _render(request, "manage", device=device, form=form)
