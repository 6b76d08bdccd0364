"""Load the budget demo content (``python manage.py load_demo``). Idempotent: records are
looked up by natural key (legislature slug; legislature + year; review + kind + purpose)."""

from budget.demo_data import LEGISLATURE, PLANNED_JUSTIFICATION, REVIEWS
from budget.models import Legislature, ReviewLine, YearlyReview
from budget.services import line_rule_errors
from core.seeding import sync_record


def _translated(field, texts):
    return {f"{field}_{language}": text for language, text in texts.items()}


def load(stdout):
    values = {name: value for name, value in LEGISLATURE.items() if name != "slug"}
    legislature = sync_record(Legislature, lookup={"slug": LEGISLATURE["slug"]}, values=values)
    for year, data in REVIEWS.items():
        defaults = {
            "state": data["state"],
            "is_example_data": data["is_example_data"],
            "outcome": data.get("outcome", ""),
            "review_date": data.get("review_date"),
            "decision_date": data.get("decision_date"),
            "decision_reference": data.get("decision_reference", ""),
            **_translated("justification", data.get("justification", PLANNED_JUSTIFICATION)),
        }
        review = sync_record(
            YearlyReview, lookup={"legislature": legislature, "year": year}, values=defaults
        )
        for kind, purpose, requested, granted in data["lines"]:
            sync_record(
                ReviewLine,
                lookup={"review": review, "kind": kind, "purpose": purpose},
                values={"amount_requested": requested, "amount_granted": granted},
            )
        errors = line_rule_errors(review, review.lines.all())
        if errors:
            raise ValueError(f"Demo review {year} breaks the rules: {errors}")
    stdout.write(f"  budget: legislature {legislature.name} with {len(REVIEWS)} yearly reviews")
