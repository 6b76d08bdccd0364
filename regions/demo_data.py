"""Demo content for the security environment, after the seed of 8 May 2015.

Facts and figures come from "Strategische visie voor Defensie" (Brussels, 8 May 2015);
the prose is written for this portal. Dutch is the source language, English follows.
"""

import datetime

SEED_SOURCE = {
    "title": "Strategische visie voor Defensie — analyse van de veiligheidsomgeving tot 2030",
    "url": "",
    "date": datetime.date(2015, 5, 8),
}
SEED_NOTE = "Strategische visie voor Defensie, Brussel, 8 mei 2015"

TOPICS = [
    # slug, Dutch, English
    ("terrorism", "Terrorisme", "Terrorism"),
    ("piracy", "Piraterij", "Piracy"),
    ("migration", "Migratie en vluchtelingen", "Migration and refugees"),
    ("climate", "Klimaat", "Climate"),
    ("hybrid-warfare", "Hybride oorlogvoering", "Hybrid warfare"),
    ("cyber", "Cyber", "Cyber"),
    ("energy-security", "Energiezekerheid", "Energy security"),
    ("nuclear-proliferation", "Nucleaire proliferatie", "Nuclear proliferation"),
    ("organised-crime", "Georganiseerde misdaad", "Organised crime"),
    ("maritime-security", "Maritieme veiligheid", "Maritime security"),
    ("fragile-states", "Fragiele staten", "Fragile states"),
    ("disaster-relief", "Rampenbestrijding", "Disaster relief"),
]

ORGANISATIONS = [
    # acronym, Dutch, English, website
    ("NATO", "Noord-Atlantische Verdragsorganisatie", "North Atlantic Treaty Organization",
     "https://www.nato.int/"),
    ("EU", "Europese Unie", "European Union", "https://european-union.europa.eu/"),
    ("OSCE", "Organisatie voor Veiligheid en Samenwerking in Europa",
     "Organization for Security and Co-operation in Europe", "https://www.osce.org/"),
    ("UN", "Verenigde Naties", "United Nations", "https://www.un.org/"),
]  # fmt: skip

COUNTRIES = [
    ("BE", "België", "Belgium"),
    ("NL", "Nederland", "Netherlands"),
    ("FR", "Frankrijk", "France"),
    ("GB", "Verenigd Koninkrijk", "United Kingdom"),
    ("US", "Verenigde Staten", "United States"),
    ("LY", "Libië", "Libya"),
    ("ML", "Mali", "Mali"),
    ("TD", "Tsjaad", "Chad"),
    ("SY", "Syrië", "Syria"),
    ("IR", "Iran", "Iran"),
    ("CD", "Democratische Republiek Congo", "Democratic Republic of the Congo"),
    ("RU", "Rusland", "Russia"),
    ("UA", "Oekraïne", "Ukraine"),
    ("MD", "Moldavië", "Moldova"),
    ("GE", "Georgië", "Georgia"),
    ("CN", "China", "China"),
    ("JP", "Japan", "Japan"),
    ("KR", "Zuid-Korea", "South Korea"),
    ("BR", "Brazilië", "Brazil"),
    ("IN", "India", "India"),
]

# Regions in index order; "parent" names a region listed earlier in the same group.
REGIONS = [
    {"slug": "southern-periphery", "group": "southern", "kind": "geographic",
     "nl": "De zuidelijke periferie", "en": "The southern periphery"},
    {"slug": "north-africa", "group": "southern", "kind": "geographic",
     "parent": "southern-periphery", "nl": "Noord-Afrika", "en": "North Africa"},
    {"slug": "sahel", "group": "southern", "kind": "geographic",
     "parent": "southern-periphery", "nl": "De Sahel", "en": "The Sahel"},
    {"slug": "horn-of-africa", "group": "southern", "kind": "geographic",
     "parent": "southern-periphery", "nl": "De Hoorn van Afrika", "en": "The Horn of Africa"},
    {"slug": "middle-east", "group": "southern", "kind": "geographic",
     "parent": "southern-periphery", "nl": "Het Midden-Oosten", "en": "The Middle East"},
    {"slug": "central-africa", "group": "central_africa", "kind": "geographic",
     "nl": "Centraal-Afrika", "en": "Central Africa"},
    {"slug": "great-lakes", "group": "central_africa", "kind": "geographic",
     "parent": "central-africa", "nl": "Het Grote Merengebied", "en": "The Great Lakes"},
    {"slug": "dr-congo", "group": "central_africa", "kind": "geographic",
     "parent": "central-africa", "nl": "DR Congo", "en": "DR Congo"},
    {"slug": "eastern-periphery", "group": "eastern", "kind": "geographic",
     "nl": "De oostelijke periferie", "en": "The eastern periphery"},
    {"slug": "ukraine-crimea", "group": "eastern", "kind": "geographic",
     "parent": "eastern-periphery", "nl": "Oekraïne en de Krim", "en": "Ukraine and Crimea"},
    {"slug": "transnistria", "group": "eastern", "kind": "geographic",
     "parent": "eastern-periphery", "nl": "Transnistrië", "en": "Transnistria"},
    {"slug": "georgia", "group": "eastern", "kind": "geographic",
     "parent": "eastern-periphery", "nl": "Georgië", "en": "Georgia"},
    {"slug": "arctic", "group": "northern", "kind": "geographic",
     "nl": "Het Noordpoolgebied", "en": "The Arctic"},
    {"slug": "nato-and-eu", "group": "themes", "kind": "theme",
     "nl": "NAVO en EU als pijlers", "en": "NATO and the EU as pillars"},
    {"slug": "flow-security", "group": "themes", "kind": "theme",
     "nl": "Globaal perspectief en veilige stromen",
     "en": "A global perspective and flow security"},
    {"slug": "united-nations", "group": "themes", "kind": "theme",
     "nl": "De Verenigde Naties onder druk", "en": "The United Nations under pressure"},
    {"slug": "last-safety-net", "group": "themes", "kind": "theme",
     "nl": "Defensie als laatste vangnet", "en": "Defence as the last safety net"},
]  # fmt: skip

# One published analysis per region, keyed by region slug.
ANALYSES = {
    "southern-periphery": {
        "trend": "deteriorating",
        "topics": ["terrorism", "migration", "organised-crime", "fragile-states", "climate"],
        "organisations": ["EU", "NATO"],
        "countries": ["LY", "ML", "TD", "SY"],
        "nl": {
            "title": "Zuidelijke periferie: een gordel van fragiele staten",
            "summary": "Van Noord-Afrika tot het Midden-Oosten liggen veel van de meest "
            "fragiele staten ter wereld. Hun instabiliteit raakt Europa rechtstreeks.",
            "body": "Na de Arabische Lente is de toestand ten zuiden van Europa er niet "
            "beter op geworden. Extremistische groepen opereren over grenzen heen, "
            "regimes missen legitimiteit en economisch perspectief ontbreekt.\n\n"
            "Terrorisme, mensensmokkel, wapen- en drugshandel en irreguliere migratie "
            "verbinden deze crisissen met de veiligheid van Europese burgers. Een "
            "snelle bevolkingsgroei en klimaatdruk op voedsel en water maken nieuwe "
            "stabilisatieopdrachten tegen 2030 waarschijnlijk.",
        },
        "en": {
            "title": "Southern periphery: a belt of fragile states",
            "summary": "Many of the world's most fragile states lie between North Africa "
            "and the Middle East. Their instability reaches Europe directly.",
            "body": "Since the Arab Spring the situation south of Europe has worsened. "
            "Extremist groups act across borders, governments lack legitimacy and "
            "economic prospects are poor.\n\n"
            "Terrorism, trafficking of people, arms and drugs, and irregular migration "
            "tie these crises to the safety of Europe's citizens. Fast population growth "
            "and climate pressure on food and water make new stabilisation missions "
            "likely by 2030.",
        },
    },
    "north-africa": {
        "trend": "deteriorating",
        "topics": ["terrorism", "migration", "fragile-states"],
        "organisations": ["EU", "NATO"],
        "countries": ["LY"],
        "nl": {
            "title": "Noord-Afrika: Libië als les",
            "summary": "Een geslaagde militaire interventie zonder civiele opvolging liet "
            "Libië en zijn buren instabiel achter.",
            "body": "In Libië volgde op de militaire actie geen even krachtige fase van "
            "civiel-militaire stabilisatie. Daardoor raakte niet alleen het land zelf "
            "maar de hele regio ontwricht, tot in Mali toe.\n\n"
            "De les voor de komende jaren: militaire middelen werken alleen samen "
            "met bestuursopbouw.",
        },
        "en": {
            "title": "North Africa: the lesson of Libya",
            "summary": "A successful military intervention without civilian follow-up "
            "left Libya and its neighbours unstable.",
            "body": "In Libya the military action was not followed by an equally strong "
            "civil-military stabilisation phase. The country and the wider region, as "
            "far as Mali, were destabilised as a result.\n\n"
            "The lesson for the years ahead: military means only work together with "
            "building up governance.",
        },
    },
    "sahel": {
        "trend": "deteriorating",
        "topics": ["terrorism", "climate", "fragile-states", "organised-crime"],
        "organisations": ["EU", "UN"],
        "countries": ["ML", "TD"],
        "nl": {
            "title": "De Sahel: klimaat, demografie en extremisme",
            "summary": "Bevolkingsgroei en klimaatverandering zetten fragiele "
            "ecosystemen en zwakke overheden verder onder druk.",
            "body": "Tsjaad toont dat militair optreden samen met bestuurlijke opbouw "
            "een slepend conflict kan beëindigen. Elders in de Sahel ontbreken middelen "
            "om zich aan een veranderend klimaat aan te passen.\n\n"
            "Zonder Europese steun voor die aanpassing worden schaarste aan voedsel, "
            "water en energie een bron van nieuwe spanningen.",
        },
        "en": {
            "title": "The Sahel: climate, demography and extremism",
            "summary": "Population growth and climate change put more pressure on fragile "
            "ecosystems and weak governments.",
            "body": "Chad shows that military action combined with building governance "
            "can end a protracted conflict. Elsewhere in the Sahel the means to adapt "
            "to a changing climate are lacking.\n\n"
            "Without European support for adaptation, scarcity of food, water and "
            "energy will feed new tensions.",
        },
    },
    "horn-of-africa": {
        "trend": "stable",
        "topics": ["piracy", "maritime-security", "fragile-states"],
        "organisations": ["EU", "NATO"],
        "countries": [],
        "nl": {
            "title": "De Hoorn van Afrika: piraterij en zeeroutes",
            "summary": "Zwakke staten aan een drukke zeeroute maken piraterij een "
            "blijvend risico voor de Europese handel.",
            "body": "De Hoorn van Afrika hoort bij de meest fragiele landen ter wereld. "
            "Omdat een groot deel van de handel tussen Europa en Azië langs deze kust "
            "vaart, raakt onveiligheid er de Belgische economie.\n\n"
            "Bescherming van de zeeroutes blijft daarom een Europese taak waaraan "
            "België naar verhouding bijdraagt.",
        },
        "en": {
            "title": "The Horn of Africa: piracy and sea lanes",
            "summary": "Weak states along a busy sea route keep piracy a lasting risk for "
            "European trade.",
            "body": "The Horn of Africa is among the most fragile places in the world. "
            "Much of the trade between Europe and Asia passes along its coast, so "
            "insecurity there touches the Belgian economy.\n\n"
            "Protecting the sea lanes therefore remains a European task to which "
            "Belgium contributes in proportion.",
        },
    },
    "middle-east": {
        "trend": "deteriorating",
        "topics": ["terrorism", "nuclear-proliferation", "migration"],
        "organisations": ["UN", "EU"],
        "countries": ["SY", "IR"],
        "nl": {
            "title": "Het Midden-Oosten: Syrië en de kosten van niets doen",
            "summary": "Teruggekeerde strijders uit Syrië tonen hoe externe en interne "
            "veiligheid samenhangen.",
            "body": "De oorlog in Syrië maakt zichtbaar dat ook niet-ingrijpen een prijs "
            "heeft, in Europa en in België: geradicaliseerde strijders reizen heen en "
            "weer.\n\n"
            "Of Iran zijn nucleair programma stopzet, weegt zwaar op het risico van "
            "proliferatie in de Golf en het bredere Midden-Oosten.",
        },
        "en": {
            "title": "The Middle East: Syria and the cost of doing nothing",
            "summary": "Fighters returning from Syria show how external and internal "
            "security are linked.",
            "body": "The war in Syria makes clear that staying out also has a cost, in "
            "Europe and in Belgium: radicalised fighters travel there and back.\n\n"
            "Whether Iran ends its nuclear programme weighs heavily on the risk of "
            "proliferation in the Gulf and the wider Middle East.",
        },
    },
    "central-africa": {
        "trend": "stable",
        "topics": ["fragile-states"],
        "organisations": ["UN", "EU"],
        "countries": ["CD"],
        "nl": {
            "title": "Centraal-Afrika: een Belgische niche",
            "summary": "De directe impact op Europa is beperkt, maar de regio geeft de "
            "Belgische diplomatie gezag op wereldvlak.",
            "body": "België volgt Centraal-Afrika met een nationale geïntegreerde "
            "aanpak waarin Defensie een vaste rol heeft.\n\n"
            "Die kennis levert de Belgische diplomatie en inlichtingendiensten "
            "krediet op dat ook in andere dossiers bruikbaar is.",
        },
        "en": {
            "title": "Central Africa: a Belgian niche",
            "summary": "Its direct impact on Europe is limited, but the region gives "
            "Belgian diplomacy standing in the world.",
            "body": "Belgium follows Central Africa with a national comprehensive "
            "approach in which Defence has a permanent role.\n\n"
            "That knowledge earns Belgian diplomacy and intelligence services credit "
            "that can be used in other files as well.",
        },
    },
    "great-lakes": {
        "trend": "stable",
        "topics": ["fragile-states"],
        "organisations": ["UN"],
        "countries": ["CD"],
        "nl": {
            "title": "Het Grote Merengebied: brandpunt van spanningen",
            "summary": "Politieke en militaire wrijving in Centraal-Afrika concentreert "
            "zich rond de Grote Meren.",
            "body": "Grensoverschrijdende gewapende groepen en rivaliserende buurlanden "
            "houden de regio onrustig.\n\n"
            "Belgische expertise over de regio blijft gevraagd in internationale "
            "missies.",
        },
        "en": {
            "title": "The Great Lakes: a focal point of tension",
            "summary": "Political and military friction in Central Africa centres on the "
            "Great Lakes.",
            "body": "Armed groups operating across borders and rival neighbours keep the "
            "region unsettled.\n\n"
            "Belgian expertise on the region remains in demand in international "
            "missions.",
        },
    },
    "dr-congo": {
        "trend": "stable",
        "topics": ["fragile-states"],
        "organisations": ["UN"],
        "countries": ["CD"],
        "nl": {
            "title": "DR Congo: een van de meest fragiele staten",
            "summary": "De Democratische Republiek Congo blijft een zwakke staat in een "
            "onrustige regio.",
            "body": "Zwakke staatsstructuren en gewapende groepen in het oosten van het "
            "land houden de instabiliteit in stand.\n\n"
            "België blijft betrokken via diplomatie, ontwikkelingssamenwerking en "
            "militaire samenwerking.",
        },
        "en": {
            "title": "DR Congo: one of the most fragile states",
            "summary": "The Democratic Republic of the Congo remains a weak state in an "
            "unsettled region.",
            "body": "Weak state structures and armed groups in the east of the country "
            "sustain the instability.\n\n"
            "Belgium stays involved through diplomacy, development cooperation and "
            "military cooperation.",
        },
    },
    "eastern-periphery": {
        "trend": "deteriorating",
        "topics": ["hybrid-warfare", "nuclear-proliferation", "energy-security"],
        "organisations": ["NATO", "EU", "OSCE"],
        "countries": ["RU", "UA", "MD", "GE"],
        "nl": {
            "title": "Oostelijke periferie: Rusland en de terugkeer van afschrikking",
            "summary": "Rusland aanvaardt de uitbreiding van NAVO en EU niet. De NAVO "
            "legt opnieuw de nadruk op collectieve verdediging.",
            "body": "Rusland zet in op militaire macht, conventioneel en nucleair, om "
            "zijn status als wereldmacht te behouden, ondanks een zwakke economie en "
            "demografie.\n\n"
            "NAVO en EU vullen elkaar aan: de NAVO leidt de militaire afschrikking, de "
            "EU biedt economische steun en sancties. Oost-Europese bondgenoten zullen "
            "ook België vragen om meer aanwezigheid in het oosten.",
        },
        "en": {
            "title": "Eastern periphery: Russia and the return of deterrence",
            "summary": "Russia does not accept the enlargement of NATO and the EU. NATO "
            "again puts collective defence first.",
            "body": "Russia relies on military power, conventional and nuclear, to keep "
            "its status as a world power despite a weak economy and demography.\n\n"
            "NATO and the EU complement each other: NATO leads military deterrence, the "
            "EU offers economic support and sanctions. Eastern allies will ask Belgium "
            "too for a stronger presence in the east.",
        },
    },
    "ukraine-crimea": {
        "trend": "deteriorating",
        "topics": ["hybrid-warfare"],
        "organisations": ["NATO", "EU", "OSCE"],
        "countries": ["UA", "RU"],
        "nl": {
            "title": "Oekraïne en de Krim: hybride oorlogvoering in de praktijk",
            "summary": "De annexatie van de Krim en de inmenging in Oost-Oekraïne tonen "
            "het volle palet van Russische machtsmiddelen.",
            "body": "Desinformatie, economische druk en militaire middelen worden "
            "gecombineerd om een land te destabiliseren dat naar het Westen kijkt.\n\n"
            "De EU steunt Oekraïne economisch, financieel en humanitair en helpt bij "
            "de opbouw van civiele veiligheidsdiensten.",
        },
        "en": {
            "title": "Ukraine and Crimea: hybrid warfare in practice",
            "summary": "The annexation of Crimea and interference in eastern Ukraine show "
            "the full range of Russia's instruments of power.",
            "body": "Disinformation, economic pressure and military means are combined to "
            "destabilise a country that looks west.\n\n"
            "The EU supports Ukraine economically, financially and with humanitarian aid, "
            "and helps build up its civilian security services.",
        },
    },
    "transnistria": {
        "trend": "stable",
        "topics": ["hybrid-warfare"],
        "organisations": ["OSCE"],
        "countries": ["MD", "RU"],
        "nl": {
            "title": "Transnistrië: een bevroren conflict als hefboom",
            "summary": "Eerdere desinformatie en militaire acties maken van Transnistrië "
            "een drukmiddel op Moldavië.",
            "body": "Het conflict ligt stil maar is niet opgelost; het geeft Rusland "
            "invloed op de koers van Moldavië.",
        },
        "en": {
            "title": "Transnistria: a frozen conflict as leverage",
            "summary": "Past disinformation and military action make Transnistria a "
            "means of pressure on Moldova.",
            "body": "The conflict is frozen but not resolved; it gives Russia a say in "
            "Moldova's course.",
        },
    },
    "georgia": {
        "trend": "stable",
        "topics": ["hybrid-warfare"],
        "organisations": ["EU", "OSCE"],
        "countries": ["GE", "RU"],
        "nl": {
            "title": "Georgië: een voorbode",
            "summary": "Het conflict in Georgië ging vooraf aan de crisis in Oekraïne "
            "en volgde hetzelfde patroon.",
            "body": "Georgië toont hoe Rusland reageert wanneer een buurland toenadering "
            "zoekt tot NAVO en EU.",
        },
        "en": {
            "title": "Georgia: a forerunner",
            "summary": "The conflict in Georgia came before the crisis in Ukraine and "
            "followed the same pattern.",
            "body": "Georgia shows how Russia responds when a neighbour moves closer to "
            "NATO and the EU.",
        },
    },
    "arctic": {
        "trend": "stable",
        "topics": ["climate", "maritime-security", "energy-security"],
        "organisations": ["NATO"],
        "countries": ["RU", "JP", "KR", "CN"],
        "key_figures": [
            (
                "Kortere vaarroute van Belgische havens naar Japan",
                "Shorter sea route from Belgian ports to Japan",
                "40",
                "%",
            ),
            ("Kortere vaarroute naar Korea", "Shorter sea route to Korea", "30", "%"),
            (
                "Kortere vaarroute naar de belangrijkste Chinese havens",
                "Shorter sea route to the main Chinese ports",
                "20–25",
                "%",
            ),
            (
                "Jaar waarin de Noordelijke IJszee in de late zomer ijsvrij zou zijn",
                "Year by which the Arctic Ocean is expected to be ice-free in late summer",
                "2030",
                "",
            ),
        ],
        "nl": {
            "title": "Het Noordpoolgebied: nieuwe routes, rustig gebleven",
            "summary": "De opwarming maakt Arctische zeeroutes en grondstoffen "
            "bereikbaar. Voorlopig blijft dit de rustigste periferie.",
            "body": "Wie via het Noordpoolgebied naar Oost-Azië vaart, bespaart fors "
            "ten opzichte van de route door het Suezkanaal. Klimatologen verwachten "
            "tegen 2030 in de late zomer een ijsvrije Noordelijke IJszee.\n\n"
            "Rusland heropent militaire bases en andere Arctische staten bouwen "
            "capaciteit op. De meeste specialisten verwachten toch geen grote "
            "veiligheidsproblemen op korte termijn.",
        },
        "en": {
            "title": "The Arctic: new routes, still calm",
            "summary": "Warming opens up Arctic sea routes and resources. For now it "
            "remains the quietest periphery.",
            "body": "Sailing to East Asia across the Arctic saves a great deal compared "
            "with the route through the Suez Canal. Climate scientists expect an "
            "ice-free Arctic Ocean in late summer by 2030.\n\n"
            "Russia is reopening military bases and other Arctic states are building "
            "capacity. Most specialists still expect no major security problems in the "
            "near term.",
        },
    },
    "nato-and-eu": {
        "trend": "stable",
        "topics": [],
        "organisations": ["NATO", "EU"],
        "countries": ["BE", "US"],
        "nl": {
            "title": "NAVO en EU: de pijlers van het Belgische beleid",
            "summary": "België huisvest de hoofdzetels van beide organisaties, maar zakte "
            "af naar de staart van het peloton qua defensie-investeringen.",
            "body": "Na de mislukte neutraliteit in twee wereldoorlogen koos België voor "
            "multilaterale verankering. Brussel huisvest het NAVO-hoofdkwartier en de "
            "belangrijkste EU-instellingen; SHAPE ligt in België.\n\n"
            "Beperkte investeringen zetten de solidariteit met de bondgenoten onder "
            "druk. België ziet NAVO en EU als complementair en steunt een sterkere "
            "Europese defensie-inspanning.",
        },
        "en": {
            "title": "NATO and the EU: the pillars of Belgian policy",
            "summary": "Belgium hosts the headquarters of both organisations, yet slid to "
            "the back of the pack in defence investment.",
            "body": "After neutrality failed in two world wars, Belgium chose to anchor "
            "its security in alliances. Brussels hosts NATO headquarters and the main EU "
            "institutions; SHAPE is in Belgium.\n\n"
            "Limited investment strains solidarity with the allies. Belgium sees NATO "
            "and the EU as complementary and supports a stronger European defence "
            "effort.",
        },
    },
    "flow-security": {
        "trend": "stable",
        "topics": ["maritime-security", "cyber", "energy-security"],
        "organisations": ["EU", "NATO"],
        "countries": ["BE", "NL", "FR", "RU"],
        "key_figures": [
            (
                "Wereldrang van België voor tonnage van de handelsvloot onder Belgische controle",
                "Belgium's world rank for merchant tonnage controlled by Belgian firms and persons",
                "22",
                "",
            ),
        ],
        "nl": {
            "title": "Veilige stromen: zeevaart, cyberspace en energie",
            "summary": "Een open economie als de Belgische gedijt alleen bij vrije en "
            "veilige stromen van goederen, mensen, kapitaal en informatie.",
            "body": "België staat wereldwijd 22e voor de tonnage van de handelsvloot "
            "die Belgische bedrijven en personen controleren, vóór Nederland en "
            "Frankrijk. Het land moet dus naar verhouding bijdragen aan maritieme "
            "veiligheid.\n\n"
            "Cyberspace is de ruggengraat van de economie geworden en een domein van "
            "oorlogvoering. Energie wordt als drukmiddel gebruikt; Europa voert veel "
            "energie in via de onstabiele periferie.",
        },
        "en": {
            "title": "Flow security: shipping, cyberspace and energy",
            "summary": "An open economy like Belgium's thrives only with free and safe "
            "flows of goods, people, capital and information.",
            "body": "Belgium ranks 22nd in the world for the merchant tonnage controlled "
            "by Belgian firms and persons, ahead of the Netherlands and France. It should "
            "contribute to maritime security in proportion.\n\n"
            "Cyberspace has become the backbone of the economy and a domain of warfare. "
            "Energy is used as leverage; Europe imports much of its energy through the "
            "unstable periphery.",
        },
    },
    "united-nations": {
        "trend": "deteriorating",
        "topics": ["nuclear-proliferation"],
        "organisations": ["UN"],
        "countries": ["BR", "RU", "IN", "CN"],
        "key_figures": [
            (
                "Stijging van de defensie-uitgaven van de BRIC-landen, 2004–2013",
                "Rise in defence spending of the BRIC countries, 2004–2013",
                "45–170",
                "%",
            ),
        ],
        "nl": {
            "title": "De Verenigde Naties onder druk",
            "summary": "Opkomende machten richten zich op hun eigen invloedssfeer en de "
            "Veiligheidsraad weerspiegelt de nieuwe verhoudingen niet.",
            "body": "Terwijl Europa minder aan defensie uitgaf, verhoogden Brazilië, "
            "Rusland, India en China hun uitgaven sterk. Drie van hen hebben "
            "kernwapens.\n\n"
            "België wil geloofwaardig blijven bijdragen aan VN-operaties, ook aan "
            "door de VN gemandateerde inzet van EU en NAVO.",
        },
        "en": {
            "title": "The United Nations under pressure",
            "summary": "Emerging powers focus on their own spheres of influence and the "
            "Security Council does not reflect the new balance.",
            "body": "While Europe spent less on defence, Brazil, Russia, India and China "
            "raised their spending sharply. Three of them have nuclear weapons.\n\n"
            "Belgium wants to keep contributing credibly to UN operations, including EU "
            "and NATO deployments mandated by the UN.",
        },
    },
    "last-safety-net": {
        "trend": "stable",
        "topics": ["terrorism", "disaster-relief", "cyber", "climate"],
        "organisations": [],
        "countries": ["BE", "GB"],
        "nl": {
            "title": "Defensie als laatste vangnet in eigen land",
            "summary": "Naast operaties in het buitenland blijft Defensie een vaste "
            "veiligheidspartner op Belgisch grondgebied.",
            "body": "Defensie bewaakt het luchtruim, patrouilleert op zee, ruimt "
            "explosieven op en kan de politie ondersteunen bij de bewaking van "
            "kritieke infrastructuur.\n\n"
            "Door extremer weer wordt hulp bij rampen, zoals overstromingen, "
            "belangrijker. Ook bij cyberincidenten stelt Defensie haar expertise ter "
            "beschikking.",
        },
        "en": {
            "title": "Defence as the last safety net at home",
            "summary": "Besides operations abroad, Defence remains a standing security "
            "partner on Belgian soil.",
            "body": "Defence polices the airspace, patrols at sea, disposes of explosives "
            "and can support the police in guarding critical infrastructure.\n\n"
            "More extreme weather makes help in disasters such as floods more important. "
            "Defence also lends its expertise in cyber incidents.",
        },
    },
}
