"""Demo content for the budget app, shipped in the repository.

From the seed (8 May 2015): the legislature ending in 2019, the annual ceiling of EUR 100
million and one review per year from 2015 to 2019. Everything else below — amounts,
outcomes, dates, references and justifications of 2015–2017 — is invented to make the
pages meaningful and is flagged ``is_example_data``.
"""

from datetime import date
from decimal import Decimal

LEGISLATURE = {
    "slug": "2014-2019",
    "name": "2014–2019",
    "government": "Michel I",
    "first_year": 2014,
    "last_year": 2019,
    "first_review_year": 2015,
    "annual_ceiling": Decimal("100000000.00"),
}

PLANNED_JUSTIFICATION = {
    "nl": "De regering bekijkt dit jaar of er geld terugvloeit naar Defensie.",
    "fr": "Le gouvernement examinera cette année si des moyens reviennent à la Défense.",
    "de": "Die Regierung prüft in diesem Jahr, ob Mittel an die Verteidigung zurückfließen.",
    "en": "The government will examine this year whether money flows back to Defence.",
}

# year → review fields, lines as (kind, purpose, requested, granted)
REVIEWS = {
    2015: {
        "is_example_data": True,
        "state": "decided",
        "outcome": "partially_granted",
        "review_date": date(2015, 10, 9),
        "decision_date": date(2015, 10, 9),
        "decision_reference": "VOORBEELD-2015-01",
        "justification": {
            "nl": "Voorbeeld: een deel van de gevraagde middelen werd toegekend om openstaande "
            "facturen te betalen; nieuwe investeringen wachten op het werk van de politieke "
            "werkgroep.",
            "fr": "Exemple : une partie des moyens demandés a été accordée pour payer des "
            "factures en souffrance ; les nouveaux investissements attendent les travaux du "
            "groupe de travail politique.",
            "de": "Beispiel: Ein Teil der beantragten Mittel wurde bewilligt, um offene "
            "Rechnungen zu bezahlen; neue Investitionen warten auf die Arbeit der politischen "
            "Arbeitsgruppe.",
            "en": "Example: part of the money requested was granted to pay outstanding invoices; "
            "new investments wait for the political working group's work.",
        },
        "lines": [
            ("payment", "debt_repayment", Decimal("60000000.00"), Decimal("45000000.00")),
            ("commitment", "investment", Decimal("40000000.00"), Decimal("10000000.00")),
        ],
    },
    2016: {
        "is_example_data": True,
        "state": "decided",
        "outcome": "granted",
        "review_date": date(2016, 4, 22),
        "decision_date": date(2016, 4, 22),
        "decision_reference": "VOORBEELD-2016-01",
        "justification": {
            "nl": "Voorbeeld: het volledige bedrag werd toegekend, verdeeld over schuldaflossing "
            "en investeringen.",
            "fr": "Exemple : le montant total a été accordé, réparti entre le remboursement de "
            "dettes et les investissements.",
            "de": "Beispiel: Der volle Betrag wurde bewilligt, aufgeteilt auf Schuldentilgung "
            "und Investitionen.",
            "en": "Example: the full amount was granted, split between debt repayment and "
            "investment.",
        },
        "lines": [
            ("payment", "debt_repayment", Decimal("55000000.00"), Decimal("55000000.00")),
            ("commitment", "investment", Decimal("45000000.00"), Decimal("45000000.00")),
        ],
    },
    2017: {
        "is_example_data": True,
        "state": "decided",
        "outcome": "refused",
        "review_date": date(2017, 3, 31),
        "decision_date": date(2017, 3, 31),
        "decision_reference": "VOORBEELD-2017-01",
        "justification": {
            "nl": "Voorbeeld: de regering zag dit jaar geen budgettaire ruimte voor een "
            "terugvloei.",
            "fr": "Exemple : le gouvernement n'a pas trouvé de marge budgétaire pour un retour "
            "de moyens cette année.",
            "de": "Beispiel: Die Regierung sah in diesem Jahr keinen Haushaltsspielraum für einen "
            "Rückfluss.",
            "en": "Example: the government saw no budgetary room for a reflow this year.",
        },
        "lines": [
            ("payment", "debt_repayment", Decimal("50000000.00"), Decimal("0.00")),
            ("commitment", "investment", Decimal("50000000.00"), Decimal("0.00")),
        ],
    },
    2018: {"is_example_data": False, "state": "planned", "lines": []},
    2019: {"is_example_data": False, "state": "planned", "lines": []},
}
