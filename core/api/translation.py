"""Translated content in the API: one language per request, Dutch as the fallback.

The language comes from ``?lang=`` or ``Accept-Language`` (see
``ApiLanguageMiddleware``); translated fields (django-modeltranslation columns such as
``title_fr``) are served in that language when filled, otherwise in Dutch, and each object
says which language each field was actually served in, so clients never mistake Dutch
text for a translation. The language is ``core.translated.served_language``'s answer, the
same the pages give.
"""

from django.conf import settings
from django.utils import translation
from rest_framework import serializers

from core.translated import served_language

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
SERVED_LANGUAGES_HELP = (
    "For each translated field, the language its text is in (nl when the requested "
    "language has no translation yet; null when the field is empty in every language)."
)


class TranslatedFieldsMixin(serializers.Serializer):
    """Adds ``served_languages`` for the fields named in ``Meta.translated_fields``."""

    served_languages = serializers.SerializerMethodField(help_text=SERVED_LANGUAGES_HELP)

    def get_served_languages(self, instance) -> dict[str, str | None]:
        return {name: served_language(instance, name) for name in self.Meta.translated_fields}


class ApiLanguageMiddleware:
    """Honour ``?lang=xx`` on the API (after LocaleMiddleware, which reads Accept-Language)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        requested = request.GET.get("lang")
        if request.path.startswith("/api/") and requested in LANGUAGE_CODES:
            translation.activate(requested)
            request.LANGUAGE_CODE = requested
            response = self.get_response(request)
            response.headers["Content-Language"] = requested
            return response
        return self.get_response(request)
