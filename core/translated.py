"""Which language a translated field is actually served in, for fallback notices.

modeltranslation falls back to Dutch when the requested language's column is empty
(MODELTRANSLATION_FALLBACK_LANGUAGES). Pages must then say so and mark the Dutch text with
``lang="nl"``; this module answers "in which language does this field come out?" once,
for every app and the API, without a query (it only reads columns already loaded).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import get_language
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, get_translation_fields

SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def served_language(instance, field: str, language: str | None = None) -> str | None:
    """The language whose text ``instance.<field>`` shows in ``language``.

    The requested language when its column holds text, else the first fallback (Dutch)
    that does; never a language whose column is empty. None when the field is empty in
    every language: there is no text, so no language to name (the API says null).
    """
    requested = language or current_language()
    for code in (requested, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES):
        if getattr(instance, build_localized_fieldname(field, code), None):
            return code
    return None


@dataclass(frozen=True)
class ServedText:
    """A translated field's text with the language it is served in."""

    text: str
    language: str | None
    requested: str

    def __str__(self) -> str:
        return self.text

    @property
    def is_fallback(self) -> bool:
        return self.language is not None and self.language != self.requested

    @property
    def lang_attr(self) -> str:
        """` lang="nl"` for an element holding fallback text, else nothing."""
        return format_html(' lang="{}"', self.language) if self.is_fallback else ""


def served_text(instance, field: str, language: str | None = None) -> ServedText:
    requested = language or current_language()
    code = served_language(instance, field, requested)
    text = getattr(instance, build_localized_fieldname(field, code), "") if code else ""
    return ServedText(text=text or "", language=code, requested=requested)


def any_fallback(instances, field: str, language: str | None = None) -> bool:
    return any(served_text(item, field, language).is_fallback for item in instances)


def served_columns(*fields: str, language: str | None = None) -> list[str]:
    """The columns a page in ``language`` can show for translated ``fields``: its own, the fallback.

    For ``.only()``: a page in French reads ``title_fr`` and ``title_nl``, not the four
    languages' texts (bodies above all) that a plain select would fetch. Lookups may span
    relations: ``served_columns("live_revision__title")``.
    """
    requested = language or current_language()
    languages = dict.fromkeys((requested, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES))
    return [build_localized_fieldname(field, code) for field in fields for code in languages]


def translated_fields(model) -> frozenset[str]:
    """The fields of ``model`` that modeltranslation translates (none when unregistered).

    A set: modeltranslation keeps no order of them, so lists are ordered by their callers.
    """
    try:
        return frozenset(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return frozenset()


def translated_columns(model, *fields: str) -> list[str]:
    """The columns that hold ``fields`` of ``model``, in order: a translated field is its
    column in every language (``title`` gives ``title_nl``, ``title_fr``, …), any other
    field is its own column.

    Forms, serializers and services name a model's fields once and take the columns from
    here, so a language added to the settings reaches every one of them.
    """
    translated = translated_fields(model)
    return [
        column
        for field in fields
        for column in (get_translation_fields(field) if field in translated else [field])
    ]


def source_column(field: str) -> str:
    """The column of a translated ``field`` in the source language (``title_nl``)."""
    return build_localized_fieldname(field, SOURCE_LANGUAGE)


def errors_on_source_columns(error: ValidationError, model) -> ValidationError:
    """``error`` with the messages on a translated field of ``model`` moved to its
    source-language column: ``change_note`` becomes ``change_note_nl``.

    Models and services name a text by its field and mean the Dutch source; forms and the
    API take that text in the column, so this is where the editor sees the message.
    """
    if not hasattr(error, "error_dict"):
        return error
    translated = translated_fields(model)
    moved: dict[str, list] = {}
    for field, messages in error.error_dict.items():
        column = source_column(field) if field in translated else field
        moved.setdefault(column, []).extend(messages)
    return ValidationError(moved)


class SourceColumnErrorsMixin:
    """For a ModelForm of a translated model whose fields are the language columns
    (modeltranslation's admin): a model or service error on a translated field shows on
    its source-language input instead of failing with "has no field named"."""

    def add_error(self, field, error):
        if field is None and isinstance(error, ValidationError):
            error = errors_on_source_columns(error, self._meta.model)
        elif field in translated_fields(self._meta.model) and field not in self.fields:
            field = source_column(field)
        super().add_error(field, error)
