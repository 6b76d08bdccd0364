"""Load the security-environment demo content; safe to run any number of times.

Reference data is synced by natural key (slug, acronym, ISO code). Each region's
analysis is written once, through the same services editors use (create, submit,
publish by a second person), so the demo shows a real revision and audit trail.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core import roles
from core.seeding import sync_record
from regions import demo_data, services
from regions.models import Analysis, Country, Organisation, Region, Topic


def _demo_user(username: str, role: str):
    """A role holder that cannot sign in (no usable password), to sign the demo revisions."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": "Demo"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=role))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


def _load_reference_data() -> None:
    for slug, dutch, english in demo_data.TOPICS:
        sync_record(Topic, lookup={"slug": slug}, values={"name_nl": dutch, "name_en": english})
    for acronym, dutch, english, url in demo_data.ORGANISATIONS:
        sync_record(
            Organisation,
            lookup={"acronym": acronym},
            values={"name_nl": dutch, "name_en": english, "url": url},
        )
    for code, dutch, english in demo_data.COUNTRIES:
        sync_record(Country, lookup={"code": code}, values={"name_nl": dutch, "name_en": english})
    for order, item in enumerate(demo_data.REGIONS):
        parent = Region.objects.get(slug=item["parent"]) if "parent" in item else None
        sync_record(
            Region,
            lookup={"slug": item["slug"]},
            values={
                "name_nl": item["nl"],
                "name_en": item["en"],
                "kind": item["kind"],
                "group": item["group"],
                "parent": parent,
                "order": order,
            },
        )


def _content(data: dict) -> dict:
    values = {"trend": data["trend"], "horizon_year": 2030}
    for language in ("nl", "en"):
        for field in ("title", "summary", "body"):
            values[f"{field}_{language}"] = data[language][field]
    return values


def _key_figures(data: dict) -> list[dict]:
    return [
        {
            "label_nl": label_nl,
            "label_en": label_en,
            "value": value,
            "unit_nl": unit,
            "source": demo_data.SEED_NOTE,
        }
        for label_nl, label_en, value, unit in data.get("key_figures", [])
    ]


def load(stdout) -> None:
    _load_reference_data()
    editor = _demo_user("demo-editor", roles.EDITORS)
    publisher = _demo_user("demo-publisher", roles.PUBLISHERS)
    created = 0
    for slug, data in demo_data.ANALYSES.items():
        region = Region.objects.get(slug=slug)
        if Analysis.objects.filter(region=region).exists():
            continue
        analysis = services.analysis_create(
            region=region,
            slug=slug,
            content=_content(data),
            by=editor,
            topics=Topic.objects.filter(slug__in=data["topics"]),
            organisations=Organisation.objects.filter(acronym__in=data["organisations"]),
            countries=Country.objects.filter(code__in=data["countries"]),
            key_figures=_key_figures(data),
            sources=[demo_data.SEED_SOURCE],
        )
        services.analysis_submit(analysis=analysis, by=editor)
        services.analysis_publish(analysis=analysis, by=publisher)
        created += 1
    stdout.write(
        f"  {Region.objects.count()} regions and themes, {Topic.objects.count()} topics, "
        f"{created} new published analyses."
    )
