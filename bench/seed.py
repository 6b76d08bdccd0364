"""Seed a fresh, migrated database for the benchmark: the demo content, plus volume.

``small`` is the demo content (``load_demo``, through the services editors use).
``large`` adds, on top of it, the volume of issue 9 with ``bulk_create`` (and
simple-history's bulk helpers where the models keep an audit trail), so that seeding takes
minutes, not hours. Analysis is one-to-one with Region, so "100 regions, 2,000 analyses"
becomes 100 top-level regions and themes whose sub-regions bring the total to 2,000, each
with one analysis of 5 revisions. Most rows are public (published analyses, public tasks,
decided budget years); drafts, scheduled, withdrawn and internal rows are mixed in so the
visibility filters have something to filter.

Run as ``python -m bench.seed --size small|large [--quick]`` against an empty, migrated
database (``bench.run`` does that); both sizes also get the member account the board
is measured with.
"""

import argparse
import datetime
import json
import time
from dataclasses import asdict, dataclass
from decimal import Decimal

MEMBER_USERNAME = "bench-member"
TEXT = (
    "De **veiligheidsomgeving** van {name} blijft onzeker tot {year}. De NAVO en de EU "
    "volgen de spanningen op de voet; migratie, klimaat en hybride dreigingen versterken "
    "elkaar. België draagt bij met diplomatie, ontwikkelingssamenwerking en Defensie.\n\n"
)


@dataclass(frozen=True)
class Volume:
    """Rows added on top of the demo content."""

    top_regions: int  # top-level regions and themes (a fifth of them themes)
    analyses: int  # regions and themes in all, sub-regions included; one analysis each
    revisions: int  # per analysis
    topics: int
    legislatures: int  # each reviews YEARS_PER_LEGISLATURE years
    tasks: int
    comments_per_task: int  # at most; 0..n, on average about half
    members: int
    milestones: int
    meetings: int  # each with DECISIONS_PER_MEETING decisions


YEARS_PER_LEGISLATURE = 5
DECISIONS_PER_MEETING = 5
LARGE = Volume(
    top_regions=100,
    analyses=2000,
    revisions=5,
    topics=28,
    legislatures=10,
    tasks=20_000,
    comments_per_task=3,
    members=30,
    milestones=100,
    meetings=20,
)
# --quick: the same shape, tiny, so the whole harness runs in seconds.
QUICK = Volume(
    top_regions=5,
    analyses=20,
    revisions=3,
    topics=3,
    legislatures=2,
    tasks=60,
    comments_per_task=2,
    members=3,
    milestones=4,
    meetings=2,
)
BATCH = 1000


def volume_for(size: str, quick: bool = False) -> Volume | None:
    if size == "small":
        return None
    return QUICK if quick else LARGE


def seed(size: str, quick: bool = False, stdout=None) -> dict:
    """Seed the current database; returns row counts and the seconds it took."""
    from django.core.management import call_command
    from django.db import transaction

    from core.seeding import refresh_planner_statistics

    started = time.perf_counter()
    call_command("load_demo", stdout=stdout or _Null())
    volume = volume_for(size, quick)
    with transaction.atomic():
        member_user()
        if volume is not None:
            _Bulk(volume).run()
    # A production database has statistics (autovacuum); a freshly seeded one must too.
    refresh_planner_statistics()
    return {
        "size": size,
        "quick": quick,
        "volume": asdict(volume) if volume else None,
        "rows": row_counts(),
        "seconds": round(time.perf_counter() - started, 1),
    }


class _Null:
    def write(self, *args, **kwargs):
        pass


def member_user():
    """A signed-in working-group member for the board (password unusable: force_login only)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from core import roles
    from working_group.models import Member, WorkingGroup

    user, created = get_user_model().objects.get_or_create(username=MEMBER_USERNAME)
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=roles.WORKING_GROUP))
    group = WorkingGroup.objects.order_by("start_date", "slug").first()
    Member.objects.get_or_create(user=user, defaults={"group": group, "name": "Bench Member"})
    return user


def row_counts() -> dict:
    from budget.models import ReviewLine, YearlyReview
    from regions.models import Analysis, AnalysisRevision, Region
    from working_group.models import Comment, Task

    return {
        model.__name__: model.objects.count()
        for model in (
            Region,
            Analysis,
            AnalysisRevision,
            YearlyReview,
            ReviewLine,
            Task,
            Comment,
        )
    }


class _Bulk:
    def __init__(self, volume: Volume):
        from django.utils import timezone

        self.volume = volume
        self.now = timezone.now()

    def run(self):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects
        self.editor = users.get(username="demo-editor")
        self.publisher = users.get(username="demo-publisher")
        analyses = self.regions_and_analyses()
        # bulk_create sends no signals: build the search vectors as a restore does.
        from regions.search import index_all

        index_all()
        reviews = self.budget()
        self.working_group(analyses, reviews)
        # The same for the task tallies (progress and board totals).
        from working_group.progress import recount_all

        recount_all()

    # --- regions -------------------------------------------------------------------------
    def regions_and_analyses(self):
        from simple_history.utils import bulk_create_with_history

        from regions.models import (
            Analysis,
            Country,
            Organisation,
            Region,
            RegionGroup,
            RegionKind,
            Topic,
        )

        v = self.volume
        Topic.objects.bulk_create(
            Topic(slug=f"bench-topic-{i}", name_nl=f"Onderwerp {i}", name_en=f"Topic {i}")
            for i in range(v.topics)
        )
        geographic = [g for g in RegionGroup if g != RegionGroup.THEMES]
        themes = max(1, v.top_regions // 5)
        parents = []
        for i in range(v.top_regions):
            is_theme = i < themes
            parents.append(
                Region(
                    slug=f"bench-{i:03d}",
                    name_nl=f"Regio {i}",
                    name_en=f"Region {i}",
                    kind=RegionKind.THEME if is_theme else RegionKind.GEOGRAPHIC,
                    group=RegionGroup.THEMES if is_theme else geographic[i % len(geographic)],
                    order=100 + i,
                )
            )
        parents = bulk_create_with_history(parents, Region, batch_size=BATCH)
        parents = list(Region.objects.filter(slug__startswith="bench-").order_by("slug"))
        geographic_parents = [p for p in parents if p.kind == RegionKind.GEOGRAPHIC]
        children = []
        for j in range(v.analyses - v.top_regions):
            parent = geographic_parents[j % len(geographic_parents)]
            children.append(
                Region(
                    slug=f"{parent.slug}-{j:04d}",
                    name_nl=f"{parent.name_nl} deel {j}",
                    name_en=f"{parent.name_en} part {j}",
                    kind=RegionKind.GEOGRAPHIC,
                    group=parent.group,
                    parent=parent,
                    order=1000 + j,
                )
            )
        bulk_create_with_history(children, Region, batch_size=BATCH)
        regions = list(Region.objects.filter(slug__startswith="bench-").order_by("pk"))

        analyses = bulk_create_with_history(
            [Analysis(region=region, slug=region.slug) for region in regions],
            Analysis,
            batch_size=BATCH,
            default_user=self.editor,
        )
        analyses = list(
            Analysis.objects.filter(slug__startswith="bench-")
            .select_related("region")
            .order_by("pk")
        )
        revisions = self._revisions(analyses)
        self._revision_relations(
            revisions,
            topics=list(Topic.objects.all()),
            organisations=list(Organisation.objects.all()),
            countries=list(Country.objects.all()),
        )
        self._point_analyses(analyses, revisions)
        return analyses

    def _revisions(self, analyses):
        from regions.models import AnalysisRevision, Trend

        trends = list(Trend)
        base = self.now - datetime.timedelta(days=400)
        revisions = []
        for index, analysis in enumerate(analyses):
            name = analysis.region.name_nl
            for number in range(1, self.volume.revisions + 1):
                created = base + datetime.timedelta(days=30 * number, minutes=index)
                major = number == 3
                revisions.append(
                    AnalysisRevision(
                        analysis=analysis,
                        number=number,
                        title_nl=f"Analyse van {name}",
                        title_en=f"Analysis of {analysis.region.name_en}",
                        summary_nl=f"{name}: de NAVO en de EU volgen de toestand ({number}).",
                        summary_en=f"{analysis.region.name_en}: NATO and the EU watch closely.",
                        body_nl=TEXT.format(name=name, year=2030) * 6,
                        trend=trends[(index + number) % len(trends)],
                        horizon_year=2030,
                        is_major=major,
                        change_note_nl="Grondig herzien." if major else "",
                        author=self.editor,
                        created_at=created,
                    )
                )
        AnalysisRevision.objects.bulk_create(revisions, batch_size=BATCH)
        return list(
            AnalysisRevision.objects.filter(analysis__slug__startswith="bench-").order_by(
                "analysis_id", "number"
            )
        )

    def _revision_relations(self, revisions, *, topics, organisations, countries):
        from regions.models import AnalysisRevision, KeyFigure, Source

        through = AnalysisRevision.topics.through
        topic_links, organisation_links, country_links, figures, sources = [], [], [], [], []
        for i, revision in enumerate(revisions):
            for topic in {topics[i % len(topics)], topics[(i * 7 + 3) % len(topics)]}:
                topic_links.append(through(analysisrevision=revision, topic=topic))
            organisation_links.append(
                AnalysisRevision.organisations.through(
                    analysisrevision=revision, organisation=organisations[i % len(organisations)]
                )
            )
            country_links.append(
                AnalysisRevision.countries.through(
                    analysisrevision=revision, country=countries[i % len(countries)]
                )
            )
            for order in range(2):
                figures.append(
                    KeyFigure(
                        revision=revision,
                        label_nl=f"Kerncijfer {order + 1}",
                        label_en=f"Key figure {order + 1}",
                        value=str(10 + i % 80),
                        unit_nl="%",
                        order=order,
                    )
                )
            sources.append(
                Source(
                    revision=revision,
                    title="Strategische visie voor Defensie",
                    url="https://example.org/visie",
                    date=datetime.date(2015, 5, 8),
                )
            )
        for model, rows in (
            (through, topic_links),
            (AnalysisRevision.organisations.through, organisation_links),
            (AnalysisRevision.countries.through, country_links),
            (KeyFigure, figures),
            (Source, sources),
        ):
            model.objects.bulk_create(rows, batch_size=BATCH)

    def _point_analyses(self, analyses, revisions):
        """Workflow state and live/draft pointers: mostly published, the rest mixed."""
        from simple_history.utils import bulk_update_with_history

        from regions.models import Analysis, AnalysisRevision, AnalysisState

        by_analysis = {}
        for revision in revisions:
            by_analysis.setdefault(revision.analysis_id, []).append(revision)
        published_revisions = []
        for index, analysis in enumerate(analyses):
            revs = by_analysis[analysis.pk]
            kind = index % 20
            if kind in (0, 1):  # never published: a draft, or one waiting for review
                analysis.draft_revision = revs[-1]
                analysis.state = AnalysisState.DRAFT if kind == 0 else AnalysisState.IN_REVIEW
                if kind == 1:
                    analysis.submitted_by = self.editor
                    analysis.submitted_at = self.now
                continue
            live = revs[-2] if kind in (4, 5) and len(revs) > 1 else revs[-1]
            shown = [rev for rev in revs if rev.number <= live.number]
            for rev in shown:
                rev.published_at = rev.created_at + datetime.timedelta(days=1)
                published_revisions.append(rev)
            analysis.live_revision = live
            analysis.first_published_at = shown[0].published_at
            analysis.last_published_at = live.published_at
            analysis.publish_at = live.published_at
            analysis.state = AnalysisState.PUBLISHED
            if kind == 2:
                analysis.state = AnalysisState.ARCHIVED
                analysis.withdrawn_at = self.now
                # The check constraint reads the base column, modeltranslation the _nl one.
                analysis.withdrawal_reason = "Vervangen door een nieuwe analyse."
                analysis.withdrawal_reason_nl = analysis.withdrawal_reason
            elif kind == 3:  # scheduled: hidden until next month
                future = self.now + datetime.timedelta(days=30)
                live.published_at = future
                analysis.publish_at = analysis.last_published_at = future
                analysis.first_published_at = shown[0].published_at
            elif kind in (4, 5):  # published, with a working draft on top
                analysis.draft_revision = revs[-1]
                analysis.state = AnalysisState.DRAFT
        AnalysisRevision.objects.bulk_update(
            published_revisions, ["published_at"], batch_size=BATCH
        )
        bulk_update_with_history(
            analyses,
            Analysis,
            [
                "live_revision",
                "draft_revision",
                "state",
                "publish_at",
                "first_published_at",
                "last_published_at",
                "submitted_by",
                "submitted_at",
                "withdrawn_at",
                "withdrawal_reason",
                "withdrawal_reason_nl",
            ],
            batch_size=BATCH,
            default_user=self.publisher,
            # No rewriting of withdrawal_reason to withdrawal_reason_nl: both columns are set.
            manager=Analysis.objects.rewrite(False),
        )

    # --- budget --------------------------------------------------------------------------
    def budget(self):
        from simple_history.utils import bulk_create_with_history

        from budget.models import (
            Legislature,
            LineKind,
            LinePurpose,
            Outcome,
            ReviewLine,
            ReviewSource,
            ReviewState,
            YearlyReview,
        )

        legislatures = []
        for k in range(self.volume.legislatures):
            first = 1964 + YEARS_PER_LEGISLATURE * k
            last = first + YEARS_PER_LEGISLATURE - 1
            legislatures.append(
                Legislature(
                    name=f"{first}–{last} (bench)",
                    slug=f"bench-{first}-{last}",
                    government=f"Bench {k + 1}",
                    first_year=first,
                    last_year=last,
                    first_review_year=first,
                )
            )
        bulk_create_with_history(legislatures, Legislature, batch_size=BATCH)
        legislatures = list(Legislature.objects.filter(slug__startswith="bench-"))
        outcomes = list(Outcome)
        reviews = []
        for k, legislature in enumerate(legislatures):
            for year in legislature.review_years:
                decided = k < len(legislatures) - 1 or year == legislature.first_year
                outcome = outcomes[year % len(outcomes)] if decided else ""
                reviews.append(
                    YearlyReview(
                        legislature=legislature,
                        year=year,
                        state=ReviewState.DECIDED if decided else ReviewState.UNDER_REVIEW,
                        outcome=outcome,
                        review_date=datetime.date(year, 3, 1),
                        decision_date=datetime.date(year, 6, 30) if decided else None,
                        decision_reference=f"MR-{year}-1" if decided else "",
                        justification_nl="De regering besliste op basis van de begroting.",
                        justification_en="The government decided on the basis of the budget.",
                    )
                )
        bulk_create_with_history(reviews, YearlyReview, batch_size=BATCH)
        reviews = list(
            YearlyReview.objects.filter(legislature__slug__startswith="bench-").order_by("pk")
        )
        lines, sources = [], []
        for review in reviews:
            gives_money = review.outcome in (Outcome.GRANTED, Outcome.PARTIALLY_GRANTED)
            for kind, purpose, requested, granted in (
                (LineKind.PAYMENT, LinePurpose.DEBT_REPAYMENT, "60000000.00", "50000000.00"),
                (LineKind.COMMITMENT, LinePurpose.INVESTMENT, "40000000.00", "30000000.00"),
                (LineKind.COMMITMENT, LinePurpose.OTHER, "5000000.00", "0.00"),
            ):
                lines.append(
                    ReviewLine(
                        review=review,
                        kind=kind,
                        purpose=purpose,
                        amount_requested=Decimal(requested),
                        amount_granted=Decimal(granted if gives_money else "0.00"),
                    )
                )
            sources.append(
                ReviewSource(
                    review=review,
                    title_nl=f"Notificatie van de Ministerraad {review.year}",
                    url="https://example.org/ministerraad",
                )
            )
        bulk_create_with_history(lines, ReviewLine, batch_size=BATCH)
        bulk_create_with_history(sources, ReviewSource, batch_size=BATCH)
        return reviews

    # --- working group -------------------------------------------------------------------
    def working_group(self, analyses, reviews):
        from django.db.models import Max
        from simple_history.utils import bulk_create_with_history

        from working_group.models import (
            Comment,
            Decision,
            Meeting,
            Member,
            Milestone,
            Task,
            Track,
            Visibility,
            WorkingGroup,
        )

        v = self.volume
        group = WorkingGroup.objects.order_by("start_date", "slug").first()
        members = bulk_create_with_history(
            [
                Member(group=group, name=f"Bench lid {i}", role=Member.Role.MEMBER)
                for i in range(v.members)
            ],
            Member,
            batch_size=BATCH,
        )
        members = list(Member.objects.filter(group=group))
        tracks = list(Track.objects.filter(group=group))
        public, internal = Visibility.PUBLIC, Visibility.INTERNAL
        milestones = bulk_create_with_history(
            [
                Milestone(
                    title_nl=f"Mijlpaal {i}",
                    title_en=f"Milestone {i}",
                    date=datetime.date(2016, 1, 1) + datetime.timedelta(days=20 * i),
                    track=tracks[i % len(tracks)] if i % 4 else None,
                    visibility=public if i % 2 == 0 else internal,
                )
                for i in range(v.milestones)
            ],
            Milestone,
            batch_size=BATCH,
        )
        milestones = list(Milestone.objects.filter(title_nl__startswith="Mijlpaal "))
        start = (Task.objects.aggregate(highest=Max("number"))["highest"] or 0) + 1
        states = [("todo", 0), ("in_progress", 40), ("in_progress", 70), ("done", 100)]
        tasks = []
        for i in range(v.tasks):
            state, progress = states[i % len(states)]
            if i % 20 == 7:
                state, progress = "blocked", 30
            elif i % 20 == 13:
                state, progress = "cancelled", 10
            begin = datetime.date(2015, 6, 1) + datetime.timedelta(days=i % 1500)
            tasks.append(
                Task(
                    number=start + i,
                    title_nl=f"Taak {i}: {('begroting', 'capaciteit', 'organisatie')[i % 3]}",
                    title_en=f"Task {i}",
                    description_nl="Uitwerken en **afstemmen** met de partners.",
                    track=tracks[i % len(tracks)],
                    owner=members[i % len(members)],
                    state=state,
                    progress=progress,
                    blocked_reason="Wacht op een beslissing." if state == "blocked" else "",
                    priority=1 + i % 4,
                    start_date=begin,
                    due_date=begin + datetime.timedelta(days=30 + i % 90),
                    visibility=public if i % 5 < 2 else internal,
                    milestone=milestones[i % len(milestones)] if i % 3 == 0 else None,
                    weight=None if i % 2 else 1 + i % 3,
                )
            )
        bulk_create_with_history(tasks, Task, batch_size=BATCH)
        tasks = list(Task.objects.filter(number__gte=start).order_by("number"))
        public_analyses = [a for a in analyses if a.live_revision_id]
        analysis_links, review_links, dependencies, comments = [], [], [], []
        for i, task in enumerate(tasks):
            if i % 50 == 0 and public_analyses:
                analysis_links.append(
                    Task.analyses.through(
                        task=task, analysis=public_analyses[(i // 50) % len(public_analyses)]
                    )
                )
            if i % 100 == 0 and reviews:
                review_links.append(
                    Task.budget_reviews.through(
                        task=task, yearlyreview=reviews[(i // 100) % len(reviews)]
                    )
                )
            if i % 10 == 1:
                dependencies.append(Task.dependencies.through(from_task=task, to_task=tasks[i - 1]))
            for c in range(i % (v.comments_per_task + 1)):
                comments.append(
                    Comment(
                        task=task,
                        author=members[(i + c) % len(members)],
                        created_at=self.now - datetime.timedelta(hours=i % 500, minutes=c),
                        text=f"Opmerking {c + 1}: besproken in de werkgroep.",
                    )
                )
        for model, rows in (
            (Task.analyses.through, analysis_links),
            (Task.budget_reviews.through, review_links),
            (Task.dependencies.through, dependencies),
            (Comment, comments),
        ):
            model.objects.bulk_create(rows, batch_size=BATCH)
        self._meetings(group, members, tasks, Meeting, Decision, public, internal)

    def _meetings(self, group, members, tasks, Meeting, Decision, public, internal):
        from simple_history.utils import bulk_create_with_history

        v = self.volume
        meetings = bulk_create_with_history(
            [
                Meeting(
                    group=group,
                    title_nl=f"Vergadering {i}",
                    date=datetime.date(2015, 6, 1) + datetime.timedelta(days=14 * i),
                    agenda="1. Stand van zaken\n2. Begroting",
                    minutes="De werkgroep besprak de **stand van zaken**.",
                    visibility=public if i % 2 == 0 else internal,
                )
                for i in range(v.meetings)
            ],
            Meeting,
            batch_size=BATCH,
        )
        meetings = list(Meeting.objects.filter(title_nl__startswith="Vergadering ").order_by("pk"))
        attendees = Meeting.attendees.through
        attendees.objects.bulk_create(
            attendees(meeting=meeting, member=member)
            for meeting in meetings
            for member in members[:5]
        )
        decisions = bulk_create_with_history(
            [
                Decision(
                    meeting=meeting,
                    text_nl=f"Besluit {i}.{j}: de werkgroep keurt het voorstel goed.",
                    visibility=public if j % 2 == 0 else internal,
                )
                for i, meeting in enumerate(meetings)
                for j in range(DECISIONS_PER_MEETING)
            ],
            Decision,
            batch_size=BATCH,
        )
        decisions = list(Decision.objects.filter(meeting__in=meetings).order_by("pk"))
        Decision.tasks.through.objects.bulk_create(
            Decision.tasks.through(decision=decision, task=tasks[(i * 37 + k) % len(tasks)])
            for i, decision in enumerate(decisions)
            for k in range(2)
        )


def main(argv=None):
    import django

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=["small", "large"], required=True)
    parser.add_argument("--quick", action="store_true", help="tiny volume instead of large")
    parser.add_argument("--out", help="write the row counts and seconds here (JSON)")
    args = parser.parse_args(argv)
    django.setup()
    result = seed(args.size, quick=args.quick)
    print(f"  seeded {args.size} in {result['seconds']} s: {result['rows']}", flush=True)
    if args.out:
        with open(args.out, "w") as handle:
            json.dump(result, handle)


if __name__ == "__main__":
    main()
