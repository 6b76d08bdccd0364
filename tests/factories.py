"""Factories shared by all apps' tests. App-specific factories live in tests/<app>/factories.py."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        """Pass role names: ``UserFactory(groups=[roles.EDITORS])``."""
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))
