from django.urls import reverse
from django.utils import translation


def url(name: str, **kwargs) -> str:
    """Addresses in English, so the messages tests assert are the English msgids."""
    with translation.override("en"):
        return reverse(f"working_group:{name}", kwargs=kwargs or None)


def task_url(name: str, task) -> str:
    return url(name, number=task.number)
