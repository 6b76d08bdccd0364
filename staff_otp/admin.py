from django.contrib import admin
from django_otp.plugins.otp_totp.models import TOTPDevice


# Registered before django-otp's own admin (this app comes first), which then steps aside.
@admin.register(TOTPDevice)
class TOTPDeviceAdmin(admin.ModelAdmin):
    """Superusers remove the device of someone who lost their phone. Devices are only
    created by their owner on the two-factor page, so nobody sees or sets a secret here.
    """

    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    list_select_related = ["user"]
    search_fields = ["user__username"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
