from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import roles


class BudgetConfig(AppConfig):
    name = "budget"
    verbose_name = _("Budget")
    # Its models make up public pages: any change starts a new page-cache generation.
    public_content = True

    # What each role may do in this app (core.roles gathers these; Publishers also hold
    # everything Editors hold).
    role_permissions = {
        roles.EDITORS: (
            "budget.view_legislature",
            "budget.add_yearlyreview",
            "budget.change_yearlyreview",
            "budget.view_yearlyreview",
            "budget.add_reviewline",
            "budget.change_reviewline",
            "budget.delete_reviewline",
            "budget.view_reviewline",
            "budget.add_reviewsource",
            "budget.change_reviewsource",
            "budget.delete_reviewsource",
            "budget.view_reviewsource",
            "budget.view_reviewchange",
        ),
        roles.PUBLISHERS: (
            "budget.change_decided_review",
            "budget.delete_yearlyreview",
            "budget.add_legislature",
            "budget.change_legislature",
        ),
    }
