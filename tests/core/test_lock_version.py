"""The one optimistic lock: a stale version is refused with the shared message."""

import pytest
from django.utils import translation

from core import messages
from core.services import Conflict, check_version, lock_version
from tests.working_group.factories import TaskFactory
from working_group.models import Task

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_the_current_version_returns_the_row_read_again():
    task = TaskFactory(title_nl="Verslag")
    Task.objects.filter(pk=task.pk).update(progress=40)

    locked = lock_version(Task.objects, task.pk, expected_version=1)

    assert (locked.pk, locked.progress) == (task.pk, 40)


def test_a_stale_version_raises_a_conflict_with_the_shared_message():
    task = TaskFactory(title_nl="Verslag")
    Task.objects.filter(pk=task.pk).update(version=3)

    with pytest.raises(Conflict) as refusal:
        lock_version(Task.objects, task.pk, expected_version=2)

    assert refusal.value.message == messages.conflict(
        item=f"{task.reference} Verslag", yours=2, current=3
    )


def test_the_shared_conflict_message_names_the_item_and_both_versions():
    assert messages.conflict(item="WG-7 Verslag", yours=2, current=3) == (
        "Someone else changed “WG-7 Verslag” while you were editing it (your version 2, now 3). "
        "Your change was not saved: copy anything you want to keep, reload the page and make "
        "your change again."
    )


def test_a_conflict_carries_the_stored_version_for_the_api():
    task = TaskFactory()
    Task.objects.filter(pk=task.pk).update(version=3)

    with pytest.raises(Conflict) as refusal:
        lock_version(Task.objects, task.pk, expected_version=1)

    assert refusal.value.current_version == 3


def test_no_expected_version_means_acting_on_what_is_stored():
    task = TaskFactory()
    Task.objects.filter(pk=task.pk).update(version=3)

    assert lock_version(Task, task.pk, expected_version=None).version == 3


def test_checking_a_version_on_its_own_refuses_a_missing_version():
    task = TaskFactory()

    with pytest.raises(Conflict):
        check_version(task, None)
