"""A model's fields as the columns that hold them: one helper for forms, serializers and
services, every language taken from the settings."""

from django.conf import settings
from django.core.exceptions import ValidationError

from core.translated import (
    errors_on_source_columns,
    source_column,
    translated_columns,
    translated_fields,
)
from working_group.models import Comment, Task

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def test_a_translated_field_is_its_column_in_every_language_of_the_settings():
    assert translated_columns(Task, "title") == [f"title_{code}" for code in LANGUAGES]


def test_a_field_that_is_not_translated_is_its_own_column():
    assert translated_columns(Task, "track") == ["track"]


def test_the_columns_follow_the_order_of_the_fields():
    assert translated_columns(Task, "track", "title", "weight") == [
        "track",
        *(f"title_{code}" for code in LANGUAGES),
        "weight",
    ]


def test_the_translated_fields_are_those_registered_for_modeltranslation():
    assert translated_fields(Task) == {"title", "description"}


def test_a_model_without_translations_has_no_translated_fields():
    assert translated_fields(Comment) == set()


def test_the_source_column_is_the_column_in_the_source_language():
    assert source_column("title") == f"title_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"


def test_an_error_on_a_translated_field_moves_to_its_source_column():
    error = ValidationError({"title": "Give a title.", "track": "Choose a track."})

    moved = errors_on_source_columns(error, Task).message_dict

    assert moved == {source_column("title"): ["Give a title."], "track": ["Choose a track."]}
