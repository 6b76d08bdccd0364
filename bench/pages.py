"""What the benchmark measures: one address per public page type, the board, exports, API lists.

Addresses are reversed from the URL names and point at demo content, which both sizes
contain, so small and large compare the same page. ``skip_reason`` says why every other
named URL is left out; a test keeps the two lists complete (tests/bench/).
"""

from dataclasses import asdict, dataclass

from django.urls import reverse

# Target families (issue 9): a region page may cost 8× the trivial view, anything else 15×.
REGION, LIST = "region", "list"

# Demo content present at both sizes.
DEMO_REGION = "southern-periphery"  # a region with sub-regions
DEMO_SUB_REGION = "sahel"
DEMO_THEME = "flow-security"
DEMO_TOPIC = "terrorism"
DEMO_BUDGET = ("2014-2019", 2015)
SEARCH_QUERY = "NAVO"


@dataclass(frozen=True)
class Page:
    key: str  # stable identifier in results and tables
    url_name: str
    path: str
    family: str = LIST
    member: bool = False  # requested signed in as a working-group member
    status: int = 200
    # False for pages that are per visitor by design (a form with a CSRF token).
    cacheable: bool = True

    @property
    def anonymous(self) -> bool:
        return not self.member

    @property
    def measured_cached(self) -> bool:
        return self.anonymous and self.cacheable

    def as_dict(self) -> dict:
        return {**asdict(self), "measured_cached": self.measured_cached}


def _api(key: str, basename: str) -> Page:
    return Page(f"api {key}", f"v1:{basename}-list", reverse(f"v1:{basename}-list"))


def catalogue() -> list[Page]:
    """Every measured page, in rotation order (needs Django set up and the URLconf)."""
    from django.utils import translation

    legislature, year = DEMO_BUDGET
    with translation.override("nl"):
        analysis = lambda slug: reverse("regions:analysis", kwargs={"slug": slug})  # noqa: E731
        return [
            Page("home", "home", reverse("home")),
            Page("regions index", "regions:index", reverse("regions:index")),
            Page("region page", "regions:analysis", analysis(DEMO_REGION), REGION),
            Page("sub-region page", "regions:analysis", analysis(DEMO_SUB_REGION), REGION),
            Page("theme page", "regions:analysis", analysis(DEMO_THEME), REGION),
            Page(
                "region address",
                "regions:region",
                reverse("regions:region", kwargs={"slug": DEMO_REGION}),
                status=302,
            ),
            Page("topic page", "regions:topic", reverse("regions:topic", args=[DEMO_TOPIC])),
            Page("search", "regions:search", reverse("regions:search") + f"?q={SEARCH_QUERY}"),
            Page("atom feed", "regions:feed", reverse("regions:feed")),
            Page(
                "sitemap",
                "django.contrib.sitemaps.views.index",
                reverse("django.contrib.sitemaps.views.index"),
            ),
            Page(
                "sitemap page",
                "django.contrib.sitemaps.views.sitemap",
                reverse("django.contrib.sitemaps.views.sitemap", kwargs={"section": "regions"}),
            ),
            Page("budget index", "budget:index", reverse("budget:index")),
            Page(
                "budget year",
                "budget:year",
                reverse("budget:year", kwargs={"legislature": legislature, "year": year}),
            ),
            Page("budget lines.csv", "budget:lines_csv", reverse("budget:lines_csv")),
            Page("budget lines.json", "budget:lines_json", reverse("budget:lines_json")),
            Page("budget datapackage", "budget:datapackage", reverse("budget:datapackage")),
            Page("working group", "working_group:index", reverse("working_group:index")),
            Page(
                "public tasks.csv",
                "working_group:public_tasks_csv",
                reverse("working_group:public_tasks_csv"),
            ),
            Page(
                "member sign-in",
                "working_group:login",
                reverse("working_group:login"),
                cacheable=False,
            ),
            Page(
                "members' board", "working_group:board", reverse("working_group:board"), member=True
            ),  # fmt: skip
            _api("analyses", "regions-analysis"),
            _api("regions", "regions-region"),
            _api("topics", "regions-topic"),
            _api("organisations", "regions-organisation"),
            _api("countries", "regions-country"),
            _api("legislatures", "budget-legislature"),
            _api("budget reviews", "budget-review"),
            _api("wg tracks", "wg-track"),
            _api("wg milestones", "wg-milestone"),
            _api("wg public tasks", "wg-public-task"),
            _api("wg decisions", "wg-decision"),
            Page(
                "api wg tasks (member)", "v1:wg-task-list", reverse("v1:wg-task-list"), member=True
            ),  # fmt: skip
            Page("api root", "v1:api-root", reverse("v1:api-root")),
            Page("api schema", "api-schema", reverse("api-schema")),
            Page("api docs", "api-docs", reverse("api-docs")),
        ]


SKIPPED_NAMES = {
    "root": "the home page, in the visitor's language (measured as /nl/)",
    "healthz": "health check, not a page",
    "set_language": "POST only",
    "v1:token": "POST/DELETE only (members' API token)",
    "regions:preview": "editors only (drafts)",
    "regions:share": "needs a share link; a draft, never cached",
    "working_group:logout": "POST only",
    "v1:wg-task-comment-list": "one task's comments (members' area)",
    "audit-log": "staff only",
    "audit-entry": "staff only",
    "audit-revert": "staff only",
    "two-factor": "staff only (two-factor set-up)",
    "two-factor-remove": "staff only (two-factor set-up)",
}


def skip_reason(name: str) -> str | None:
    """Why a named URL is not measured, or None when it should be."""
    if name in SKIPPED_NAMES:
        return SKIPPED_NAMES[name]
    if name.startswith("admin:"):
        return "staff only (admin)"
    if name.startswith("v1:") and name.endswith("-detail"):
        return "one object of a list that is measured"
    if name.startswith(("v1:wg-task-", "v1:wg-member-")):
        return "members' API: the members' task list stands for it (actions are POST)"
    if name.startswith("working_group:"):
        return "members' area: the board stands for it (forms, details, exports)"
    return None
