"""Load the budget demo content (``python manage.py load_demo``). Idempotent: records are
looked up by natural key (legislature slug; legislature + year; review + kind + purpose)."""

from budget.demo_data import LEGISLATURE, PLANNED_JUSTIFICATION, REVIEWS
from budget.models import Legislature, ReviewLine, YearlyReview
from budget.services import line_rule_errors


def _translated(field, texts):
    return {f"{field}_{language}": text for language, text in texts.items()}


def load(stdout):
    legislature, _created = Legislature.objects.update_or_create(
        slug=LEGISLATURE["slug"], defaults=LEGISLATURE
    )
    legislature.full_clean()
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
        review = YearlyReview.objects.filter(legislature=legislature, year=year).first()
        review = review or YearlyReview(legislature=legislature, year=year)
        for name, value in defaults.items():
            setattr(review, name, value)
        review.full_clean()
        review.save()
        for kind, purpose, requested, granted in data["lines"]:
            line = ReviewLine.objects.filter(review=review, kind=kind, purpose=purpose).first()
            line = line or ReviewLine(review=review, kind=kind, purpose=purpose)
            line.amount_requested = requested
            line.amount_granted = granted
            line.full_clean()
            line.save()
        errors = line_rule_errors(review, review.lines.all())
        if errors:
            raise ValueError(f"Demo review {year} breaks the rules: {errors}")
    stdout.write(f"  budget: legislature {legislature.name} with {len(REVIEWS)} yearly reviews")
