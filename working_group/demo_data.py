# ruff: noqa: E501 — a data table; one item per line reads better than wrapped strings.
"""Demo content for the working group, shipped with the code (no external files).

Facts from the seed (8 May 2015): the coalition set up a political working group led by
the Minister of Defence, Steven Vandeput, to work out the budgetary, capability and
organisational detail of future Defence; for 2015–2019 the government checks each year
whether 100 million euro flows back to Defence. Everything else — the other members,
tasks, milestones and the meeting — is invented and flagged ``is_example_data``.
Texts are written for the portal, not copied from the seed.
"""

from datetime import date

GROUP = {
    "slug": "politieke-werkgroep-defensie",
    "start_date": date(2015, 5, 8),  # The day the core cabinet agreed to set the group up.
    "is_example_data": False,
    "name": {
        "nl": "Politieke werkgroep voor de Defensie van de toekomst",
        "fr": "Groupe de travail politique pour la Défense de demain",
        "de": "Politische Arbeitsgruppe für die Verteidigung der Zukunft",
        "en": "Political working group on the Defence of the future",
    },
    "mandate": {
        "nl": (
            "Binnen de coalitie opgericht en voorgezeten door de minister van Defensie. "
            "De werkgroep zet de strategische visie om in een concreet plan: wat het kost, "
            "welke capaciteiten nodig zijn en hoe Defensie georganiseerd wordt. "
            "Ze vertrekt van de analyse van de veiligheidsomgeving en werkt in overleg "
            "met de coalitiepartners."
        ),
        "fr": (
            "Créé au sein de la coalition et présidé par le ministre de la Défense. "
            "Le groupe traduit la vision stratégique en un plan concret : son coût, les "
            "capacités nécessaires et l'organisation de la Défense. Il part de l'analyse "
            "de l'environnement de sécurité et travaille en concertation avec les "
            "partenaires de la coalition."
        ),
        "de": (
            "Innerhalb der Koalition eingerichtet und vom Verteidigungsminister geleitet. "
            "Die Gruppe setzt die strategische Vision in einen konkreten Plan um: Kosten, "
            "benötigte Fähigkeiten und Organisation der Verteidigung. Grundlage ist die "
            "Analyse des Sicherheitsumfelds, in Abstimmung mit den Koalitionspartnern."
        ),
        "en": (
            "Set up within the coalition and chaired by the Minister of Defence. "
            "The group turns the strategic vision into a concrete plan: what it costs, "
            "which capabilities are needed and how Defence is organised. It starts from "
            "the analysis of the security environment and works with the coalition partners."
        ),
    },
}

MEMBERS = [
    # (name, role, party or organisation, example data?)
    ("Steven Vandeput", "chair", "Minister van Defensie", False),
    ("Voorbeeld: secretaris van de werkgroep", "secretary", "Kabinet Defensie", True),
    ("Voorbeeld: vertegenwoordiger coalitiepartner A", "member", "Coalitiepartner A", True),
    ("Voorbeeld: vertegenwoordiger coalitiepartner B", "member", "Coalitiepartner B", True),
    ("Voorbeeld: budgetdeskundige", "expert", "Defensiestaf", True),
]

TRACKS = [
    ("budgetary", 1, {"nl": "Budgettair", "fr": "Budgétaire", "de": "Haushalt", "en": "Budgetary"}),
    ("capability", 2, {"nl": "Capacitair", "fr": "Capacités", "de": "Fähigkeiten", "en": "Capability"}),
    ("organisational", 3, {"nl": "Organisatorisch", "fr": "Organisation", "de": "Organisation", "en": "Organisational"}),
]  # fmt: skip

MILESTONES = [
    # (key, date, track slug or None, public?, titles)
    ("interim", date(2015, 7, 15), None, True, {
        "nl": "Tussentijds verslag aan de coalitie",
        "fr": "Rapport intermédiaire à la coalition",
        "de": "Zwischenbericht an die Koalition",
        "en": "Interim report to the coalition",
    }),
    ("budget-frame", date(2015, 10, 30), "budgetary", False, {
        "nl": "Ontwerp van budgettair kader tot 2030",
        "fr": "Projet de cadre budgétaire jusqu'en 2030",
        "de": "Entwurf des Haushaltsrahmens bis 2030",
        "en": "Draft budget frame to 2030",
    }),
    ("plan", date(2016, 6, 30), None, True, {
        "nl": "Uitgewerkt plan voorgelegd aan de regering",
        "fr": "Plan détaillé présenté au gouvernement",
        "de": "Ausgearbeiteter Plan der Regierung vorgelegt",
        "en": "Detailed plan put to the government",
    }),
]  # fmt: skip

TASKS = [
    # key, track, owner index, state, progress, start, due, public?, milestone, weight, deps, titles
    {"key": "savings-impact", "track": "budgetary", "owner": 4, "state": "done", "progress": 100,
     "start": date(2015, 5, 20), "due": date(2015, 6, 30), "public": True, "milestone": "interim",
     "weight": 2, "depends_on": [], "title": {
         "nl": "Gevolgen van de lopende besparingen in kaart brengen",
         "fr": "Cartographier l'effet des économies en cours",
         "de": "Auswirkungen der laufenden Einsparungen erfassen",
         "en": "Map the effect of the savings already under way"}},
    {"key": "hundred-million", "track": "budgetary", "owner": 1, "state": "in_progress", "progress": 40,
     "start": date(2015, 6, 1), "due": date(2015, 9, 30), "public": True, "milestone": "budget-frame",
     "weight": None, "depends_on": ["savings-impact"], "title": {
         "nl": "Jaarlijkse toets van de 100 miljoen euro voorbereiden",
         "fr": "Préparer l'examen annuel des 100 millions d'euros",
         "de": "Jährliche Prüfung der 100 Millionen Euro vorbereiten",
         "en": "Prepare the yearly review of the 100 million euro"}},
    {"key": "investment-plan", "track": "budgetary", "owner": 4, "state": "todo", "progress": 0,
     "start": date(2015, 9, 1), "due": date(2015, 10, 15), "public": False, "milestone": "budget-frame",
     "weight": None, "depends_on": ["hundred-million"], "title": {
         "nl": "Meerjarenraming van de investeringen opstellen",
         "fr": "Établir l'estimation pluriannuelle des investissements",
         "de": "Mehrjährige Investitionsschätzung erstellen",
         "en": "Draw up the multi-year investment estimate"}},
    {"key": "capability-needs", "track": "capability", "owner": 2, "state": "in_progress", "progress": 60,
     "start": date(2015, 5, 20), "due": date(2015, 7, 10), "public": True, "milestone": "interim",
     "weight": 3, "depends_on": [], "title": {
         "nl": "Capaciteitsbehoeften afleiden uit de veiligheidsanalyse",
         "fr": "Déduire les besoins capacitaires de l'analyse de sécurité",
         "de": "Fähigkeitsbedarf aus der Sicherheitsanalyse ableiten",
         "en": "Derive capability needs from the security analysis"}},
    {"key": "nato-eu-targets", "track": "capability", "owner": 3, "state": "todo", "progress": 0,
     "start": date(2015, 7, 1), "due": date(2016, 3, 31), "public": True, "milestone": "plan",
     "weight": None, "depends_on": ["capability-needs"], "title": {
         "nl": "Afstemmen op de capaciteitsdoelen van NAVO en EU",
         "fr": "S'aligner sur les objectifs capacitaires de l'OTAN et de l'UE",
         "de": "Abstimmung mit den Fähigkeitszielen von NATO und EU",
         "en": "Align with NATO and EU capability targets"}},
    {"key": "cyber-expertise", "track": "capability", "owner": 2, "state": "blocked", "progress": 10,
     "start": date(2015, 6, 15), "due": date(2015, 12, 15), "public": False, "milestone": None,
     "weight": None, "depends_on": [], "blocked_reason": "Wacht op de inbreng van de veiligheidsdiensten.",
     "title": {
         "nl": "Benodigde expertise voor cyberverdediging bepalen",
         "fr": "Définir l'expertise nécessaire à la cyberdéfense",
         "de": "Benötigte Expertise für Cyberabwehr bestimmen",
         "en": "Define the expertise needed for cyber defence"}},
    {"key": "national-actors", "track": "organisational", "owner": 3, "state": "todo", "progress": 0,
     "start": date(2015, 9, 1), "due": date(2016, 2, 29), "public": True, "milestone": "plan",
     "weight": None, "depends_on": [], "title": {
         "nl": "Samenwerking met de nationale veiligheidsactoren uitwerken",
         "fr": "Organiser la coopération avec les acteurs nationaux de sécurité",
         "de": "Zusammenarbeit mit nationalen Sicherheitsakteuren ausarbeiten",
         "en": "Work out cooperation with national security actors"}},
    {"key": "partner-integration", "track": "organisational", "owner": 0, "state": "todo", "progress": 0,
     "start": date(2015, 10, 1), "due": date(2016, 5, 31), "public": False, "milestone": "plan",
     "weight": None, "depends_on": ["national-actors"], "title": {
         "nl": "Verdere integratie met strategische partnerlanden verkennen",
         "fr": "Explorer une intégration accrue avec les pays partenaires",
         "de": "Engere Integration mit strategischen Partnerländern prüfen",
         "en": "Explore closer integration with strategic partner countries"}},
]  # fmt: skip

MEETING = {
    "date": date(2015, 5, 20),
    "public": True,
    "title": {
        "nl": "Startvergadering van de werkgroep",
        "fr": "Réunion de lancement du groupe de travail",
        "de": "Auftaktsitzung der Arbeitsgruppe",
        "en": "Kick-off meeting of the working group",
    },
    "agenda": "1. Mandaat en werkwijze\n2. Indeling in drie sporen\n3. Planning tot het tussentijds verslag",
    "minutes": (
        "## Verloop\n\nDe voorzitter licht het mandaat toe. De leden spreken af in drie sporen "
        "te werken: budgettair, capacitair en organisatorisch.\n\n"
        "## Afspraken\n\n- Elk spoor krijgt een trekker.\n- Het secretariaat houdt de "
        "takenlijst bij.\n"
    ),
    "decisions": [
        {"key": "three-tracks", "public": True, "tasks": ["savings-impact", "capability-needs"], "text": {
            "nl": "De werkgroep werkt in drie sporen: budgettair, capacitair en organisatorisch.",
            "fr": "Le groupe travaille en trois volets : budgétaire, capacitaire et organisationnel.",
            "de": "Die Gruppe arbeitet in drei Strängen: Haushalt, Fähigkeiten und Organisation.",
            "en": "The group works in three tracks: budgetary, capability and organisational."}},
        {"key": "internal-planning", "public": False, "tasks": ["investment-plan"], "text": {
            "nl": "De investeringsraming wordt eerst intern besproken voor ze gedeeld wordt.",
            "fr": "L'estimation des investissements est d'abord discutée en interne.",
            "de": "Die Investitionsschätzung wird zuerst intern besprochen.",
            "en": "The investment estimate is discussed internally before it is shared."}},
    ],
}  # fmt: skip
