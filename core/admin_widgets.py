"""Admin autocomplete widgets that survive hand-crafted values.

Django's autocomplete widgets re-render a refused form by looking the submitted ids up in
the database; an id that is not a number (``"1; --"``) then raises ``ValueError`` while the
page renders — a 500 instead of the form's "Select a valid choice" error (found by the
bad-input battery in tests/security). These subclasses drop values the target field cannot
hold before the lookup; ``SafeAutocompleteAdminMixin`` makes a ModelAdmin or inline use them.
"""

from django.contrib.admin import widgets
from django.core.exceptions import ValidationError


class _SafeOptgroupsMixin:
    def optgroups(self, name, value, attr=None):
        remote_opts = self.field.remote_field.model._meta
        to_field = remote_opts.get_field(
            getattr(self.field.remote_field, "field_name", remote_opts.pk.attname)
        )
        valid = []
        for item in value:
            try:
                to_field.to_python(item)
            except (ValidationError, TypeError, ValueError):
                continue
            valid.append(item)
        return super().optgroups(name, valid, attr)


class SafeAutocompleteSelect(_SafeOptgroupsMixin, widgets.AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(_SafeOptgroupsMixin, widgets.AutocompleteSelectMultiple):
    pass


class SafeAutocompleteAdminMixin:
    """For ModelAdmins and inlines with ``autocomplete_fields``: Django only picks its own
    autocomplete widget when no widget was given, so we give ours first."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)
