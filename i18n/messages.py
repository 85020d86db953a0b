"""The message catalogue: every UI text in Finnish, Swedish and English (a test checks it)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # Application chrome
    "app.title": {
        "fi": "Seuranta – työllisyyden kuntakokeilut",
        "sv": "Seuranta – kommunförsöken med sysselsättning",
        "en": "Seuranta – municipal employment trials",
    },
    "app.language": {"fi": "Kieli", "sv": "Språk", "en": "Language"},
    "app.section.dashboard": {"fi": "Seuranta", "sv": "Uppföljning", "en": "Monitoring"},
    "app.section.reference": {"fi": "Tietoa", "sv": "Information", "en": "About the data"},
    "app.source_note": {
        "fi": "Lähde: Tilastokeskus ja TEM, työnvälitystilasto (StatFin 12r5), CC BY 4.0. "
        "Rajat: Maanmittauslaitos, CC BY 4.0.",
        "sv": "Källa: Statistikcentralen och ANM, arbetsförmedlingsstatistik (StatFin 12r5), "
        "CC BY 4.0. Gränser: Lantmäteriverket, CC BY 4.0.",
        "en": "Source: Statistics Finland and the Ministry of Economic Affairs and Employment, "
        "Employment Service Statistics (StatFin 12r5), CC BY 4.0. Boundaries: National "
        "Land Survey of Finland, CC BY 4.0.",
    },
    "app.db_down": {
        "fi": "Raportointitietokantaan ei juuri nyt saada yhteyttä. Sivu yrittää uudelleen "
        "automaattisesti; voit myös päivittää sivun.",
        "sv": "Rapporteringsdatabasen kan inte nås just nu. Sidan försöker igen automatiskt; "
        "du kan också ladda om sidan.",
        "en": "The reporting database cannot be reached right now. The page retries by "
        "itself; you can also reload it.",
    },
    "app.retry": {"fi": "Yritä uudelleen", "sv": "Försök igen", "en": "Try again"},
    "app.bad_param": {
        "fi": "Osoitteen parametri {param}={value} ei kelpaa; näytetään oletus.",
        "sv": "Adressens parameter {param}={value} är ogiltig; standardvärdet visas.",
        "en": "The link's parameter {param}={value} is not valid; showing the default.",
    },
    # Overview page
    "overview.title": {"fi": "Yleiskuva", "sv": "Översikt", "en": "Overview"},
    "overview.intro": {
        "fi": "Työllisyyden kuntakokeiluissa 1.3.2021–31.12.2024 kunnat hoitivat "
        "TE-toimistojen sijaan työnhakijoiden palvelut kolmelle kohderyhmälle. Valitse "
        "kuukausi nähdäksesi koko maan, kokeilukuntien ja muiden kuntien tilanteen.",
        "sv": "I kommunförsöken med sysselsättning 1.3.2021–31.12.2024 skötte kommunerna "
        "i stället för TE-byråerna tjänsterna för tre kundgrupper. Välj en månad för att "
        "se läget i hela landet, i försökskommunerna och i övriga kommuner.",
        "en": "In the municipal employment trials of 1 March 2021 – 31 December 2024, "
        "municipalities instead of the TE offices served three groups of jobseekers. "
        "Choose a month to see the whole country, the trial municipalities and the rest.",
    },
    "overview.month": {"fi": "Kuukausi", "sv": "Månad", "en": "Month"},
    "overview.include_unverified": {
        "fi": "Ota mukaan kunnat, joiden jäsenyyttä ei ole vahvistettu",
        "sv": "Ta med kommuner vars medlemskap inte är bekräftat",
        "en": "Include municipalities whose membership is unverified",
    },
    "overview.country": {"fi": "Koko maa", "sv": "Hela landet", "en": "Whole country"},
    "overview.trial": {
        "fi": "Kokeilukunnat",
        "sv": "Försökskommuner",
        "en": "Trial municipalities",
    },
    "overview.rest": {
        "fi": "Muut kunnat (TE-toimistot)",
        "sv": "Övriga kommuner (TE-byråer)",
        "en": "Other municipalities (TE offices)",
    },
    "overview.unemployed": {
        "fi": "Työttömät työnhakijat",
        "sv": "Arbetslösa arbetssökande",
        "en": "Unemployed jobseekers",
    },
    "overview.share": {
        "fi": "Työttömien osuus työvoimasta",
        "sv": "Arbetslösas andel av arbetskraften",
        "en": "Unemployed share of the labour force",
    },
    "overview.delta_month": {
        "fi": "{delta} edellisestä kuukaudesta",
        "sv": "{delta} från föregående månad",
        "en": "{delta} on the previous month",
    },
    "overview.municipalities_n": {
        "fi": "{n} kuntaa",
        "sv": "{n} kommuner",
        "en": "{n} municipalities",
    },
    "overview.unallocated": {
        "fi": "Koko maan luku tulee Tilastokeskuksen koko maan sarjasta. Siihen sisältyy "
        "{n} työtöntä, joita ei ole tilastoitu millekään kunnalle (esim. ei kotikuntaa "
        "Suomessa) tai joiden kunnan luku on salattu.",
        "sv": "Talet för hela landet kommer från Statistikcentralens serie för hela landet. "
        "Det omfattar {n} arbetslösa som inte är statistikförda i någon kommun (t.ex. "
        "utan hemkommun i Finland) eller vars kommuns tal är skyddat.",
        "en": "The whole-country figure is Statistics Finland's national series. It includes "
        "{n} unemployed people not counted in any municipality (no home municipality in "
        "Finland, for example) or in municipalities whose figure is suppressed.",
    },
    "overview.excluded_unverified": {
        "fi": "{n} kuntaa, joiden jäsenyyttä ei ole vahvistettu, on jätetty pois molemmista "
        "ryhmistä: {names}.",
        "sv": "{n} kommuner vars medlemskap inte är bekräftat har lämnats utanför båda "
        "grupperna: {names}.",
        "en": "{n} municipalities whose membership is unverified are left out of both groups: "
        "{names}.",
    },
    "overview.missing_members": {
        "fi": "Puuttuu tai salattu tässä kuussa: {names}. Ne eivät sisälly summiin.",
        "sv": "Saknas eller skyddade denna månad: {names}. De ingår inte i summorna.",
        "en": "Missing or suppressed this month: {names}. They are not in the sums.",
    },
    "overview.chart_title": {
        "fi": "Työttömien osuus työvoimasta kuukausittain",
        "sv": "Arbetslösas andel av arbetskraften per månad",
        "en": "Unemployed share of the labour force by month",
    },
    "overview.chart_alt": {
        "fi": "Viivakaavio: työttömien osuus työvoimasta {start}–{end} koko maassa, "
        "kokeilukunnissa ja muissa kunnissa. Valitussa kuussa ({month}) osuudet: koko "
        "maa {country}, kokeilukunnat {trial}, muut {rest}.",
        "sv": "Linjediagram: arbetslösas andel av arbetskraften {start}–{end} i hela landet, "
        "försökskommunerna och övriga kommuner. Vald månad ({month}): hela landet "
        "{country}, försökskommunerna {trial}, övriga {rest}.",
        "en": "Line chart: unemployed share of the labour force {start}–{end} for the whole "
        "country, the trial municipalities and the rest. In the chosen month ({month}): "
        "whole country {country}, trial {trial}, rest {rest}.",
    },
    "overview.no_data": {
        "fi": "Valitulle kuukaudelle ei ole tietoja.",
        "sv": "Det finns inga uppgifter för den valda månaden.",
        "en": "There are no figures for the chosen month.",
    },
    # Area profile page
    "profile.title": {"fi": "Alueprofiili", "sv": "Områdesprofil", "en": "Area profile"},
    "profile.intro": {
        "fi": "Valitse kokeilualue tai avaa se linkistä. Alueen luvut ovat jäsenkuntien "
        "summia; osuudet lasketaan summista.",
        "sv": "Välj ett försöksområde eller öppna det via en länk. Områdets tal är summor av "
        "medlemskommunerna; andelarna beräknas ur summorna.",
        "en": "Choose a trial area or open one from a link. An area's figures are sums over "
        "its member municipalities; shares are computed from the sums.",
    },
    "profile.area": {"fi": "Kokeilualue", "sv": "Försöksområde", "en": "Trial area"},
    "profile.indicator": {"fi": "Indikaattori", "sv": "Indikator", "en": "Indicator"},
    "profile.members": {
        "fi": "Jäsenkunnat",
        "sv": "Medlemskommuner",
        "en": "Member municipalities",
    },
    "profile.col.municipality": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
    "profile.col.code": {"fi": "Koodi", "sv": "Kod", "en": "Code"},
    "profile.col.status": {"fi": "Jäsenyys", "sv": "Medlemskap", "en": "Membership"},
    "profile.col.confidence": {"fi": "Luotettavuus", "sv": "Tillförlitlighet", "en": "Confidence"},
    "profile.col.period": {"fi": "Ajanjakso", "sv": "Period", "en": "Period"},
    "profile.col.source": {"fi": "Lähde", "sv": "Källa", "en": "Source"},
    "status.confirmed": {"fi": "Vahvistettu", "sv": "Bekräftat", "en": "Verified"},
    "status.probable": {"fi": "Vahvistamaton", "sv": "Obekräftat", "en": "Unverified"},
    "status.not_in_trial": {
        "fi": "Ei kokeilussa",
        "sv": "Inte i försöket",
        "en": "Not in the trial",
    },
    "confidence.high": {"fi": "korkea", "sv": "hög", "en": "high"},
    "confidence.medium": {"fi": "keskitaso", "sv": "medel", "en": "medium"},
    "confidence.low": {"fi": "matala", "sv": "låg", "en": "low"},
    "profile.unverified_note": {
        "fi": "Alueen jäsenyyksiä ei ole vahvistettu alueen tai kuntien omista lähteistä, vain "
        "ministeriön valintalistoista. Ne näytetään, mutta vertailu jättää ne pois, "
        "ellei niitä oteta mukaan.",
        "sv": "Områdets medlemskap har inte bekräftats av områdets eller kommunernas egna "
        "källor, endast av ministeriets urvalslistor. De visas, men jämförelsen lämnar "
        "dem utanför om de inte tas med.",
        "en": "This area's memberships are not confirmed by the area's or the municipalities' "
        "own sources, only by the ministry's selection lists. They are shown, but the "
        "comparison leaves them out unless you include them.",
    },
    "profile.series_title": {
        "fi": "{indicator}: alue, vertailuryhmät ja koko maa",
        "sv": "{indicator}: området, jämförelsegrupper och hela landet",
        "en": "{indicator}: the area, comparison groups and the country",
    },
    "profile.key.area": {"fi": "Alue", "sv": "Området", "en": "The area"},
    "profile.key.rest": {
        "fi": "TE-toimistojen kunnat",
        "sv": "TE-byråernas kommuner",
        "en": "TE-office municipalities",
    },
    "profile.key.region_rest": {
        "fi": "TE-toimistojen kunnat samoissa maakunnissa",
        "sv": "TE-byråernas kommuner i samma landskap",
        "en": "TE-office municipalities in the same regions",
    },
    "profile.key.peers": {
        "fi": "Vertailukunnat (kaltaistetut)",
        "sv": "Jämförelsekommuner (matchade)",
        "en": "Matched peer municipalities",
    },
    "profile.key.country": {"fi": "Koko maa", "sv": "Hela landet", "en": "Whole country"},
    "profile.rank": {
        "fi": "Sijoitus alueiden joukossa",
        "sv": "Placering bland områdena",
        "en": "Rank among the areas",
    },
    "profile.rank_value": {"fi": "{rank}. / {n}", "sv": "{rank} av {n}", "en": "{rank} of {n}"},
    "profile.rank_help": {
        "fi": "1 = paras ({month}); suunta riippuu indikaattorista.",
        "sv": "1 = bäst ({month}); riktningen beror på indikatorn.",
        "en": "1 = best ({month}); the direction depends on the indicator.",
    },
    "profile.latest": {"fi": "Viimeisin arvo", "sv": "Senaste värde", "en": "Latest value"},
    "profile.change_year": {
        "fi": "{delta} vuodessa",
        "sv": "{delta} på ett år",
        "en": "{delta} on a year earlier",
    },
    "profile.not_available": {
        "fi": "Tätä indikaattoria ei ole saatavilla riittävän monelle alueen kunnalle.",
        "sv": "Indikatorn finns inte för tillräckligt många av områdets kommuner.",
        "en": "This indicator is not available for enough of the area's municipalities.",
    },
    "profile.index_note": {
        "fi": "Lukumäärät esitetään indeksinä (helmikuu 2021 = 100), jotta eri kokoisia "
        "ryhmiä voi verrata.",
        "sv": "Antal visas som index (februari 2021 = 100) så att grupper av olika storlek kan "
        "jämföras.",
        "en": "Counts are shown as an index (February 2021 = 100) so that groups of different "
        "size can be compared.",
    },
    "profile.coverage_note": {
        "fi": "Ryhmän luku annetaan, kun vähintään {share} % sen kunnista on raportoinut; "
        "salattuja lukuja ei lasketa nollina. Viimeisin kuukausi: {month}.",
        "sv": "En grupps tal anges när minst {share} % av dess kommuner har rapporterat; "
        "skyddade tal räknas inte som noll. Senaste månad: {month}.",
        "en": "A group's figure is given when at least {share} % of its municipalities "
        "reported; suppressed figures never count as zero. Latest month: {month}.",
    },
    "profile.did_title": {
        "fi": "Alueen vaikutusarvio",
        "sv": "Områdets effektskattning",
        "en": "The area's effect estimate",
    },
    # Map page
    "map.title": {"fi": "Kartta", "sv": "Karta", "en": "Map"},
    "map.intro": {
        "fi": "Valitse indikaattori, kuukausi ja taso. Kartan alla on sama tieto taulukkona. "
        "Valitse kunta tai alue kartalta tai luettelosta avataksesi sen profiilin.",
        "sv": "Välj indikator, månad och nivå. Under kartan finns samma uppgifter som tabell. "
        "Välj en kommun eller ett område på kartan eller i listan för att öppna dess "
        "profil.",
        "en": "Choose an indicator, a month and a level. The same figures are in the table "
        "below the map. Pick a municipality or an area on the map or from the list to "
        "open its profile.",
    },
    "map.level": {"fi": "Taso", "sv": "Nivå", "en": "Level"},
    "map.level.municipality": {"fi": "Kunnat", "sv": "Kommuner", "en": "Municipalities"},
    "map.level.area": {"fi": "Kokeilualueet", "sv": "Försöksområden", "en": "Trial areas"},
    "map.level.organiser": {
        "fi": "Palvelujen järjestäjä",
        "sv": "Tjänsternas anordnare",
        "en": "Who organised the services",
    },
    "map.classification": {"fi": "Luokittelu", "sv": "Klassindelning", "en": "Classification"},
    "map.classification.quantiles": {"fi": "Kvantiilit", "sv": "Kvantiler", "en": "Quantiles"},
    "map.classification.natural_breaks": {
        "fi": "Luonnolliset luokat",
        "sv": "Naturliga brytpunkter",
        "en": "Natural breaks",
    },
    "map.classification.equal_interval": {
        "fi": "Tasavälinen",
        "sv": "Lika intervall",
        "en": "Equal intervals",
    },
    "map.open_profile": {
        "fi": "Avaa alueprofiili",
        "sv": "Öppna områdesprofilen",
        "en": "Open the area profile",
    },
    "map.pick": {"fi": "Kunta tai alue", "sv": "Kommun eller område", "en": "Municipality or area"},
    "map.not_in_trial": {
        "fi": "{name} ei ollut kokeilussa; sen palvelut järjesti TE-toimisto.",
        "sv": "{name} deltog inte i försöket; TE-byrån ordnade tjänsterna.",
        "en": "{name} was not in the trial; a TE office organised its services.",
    },
    "map.table": {
        "fi": "Kartan tiedot taulukkona",
        "sv": "Kartans uppgifter som tabell",
        "en": "The map's figures as a table",
    },
    "map.col.name": {"fi": "Nimi", "sv": "Namn", "en": "Name"},
    "map.col.value": {"fi": "Arvo", "sv": "Värde", "en": "Value"},
    "map.col.rank": {"fi": "Sija", "sv": "Placering", "en": "Rank"},
    "map.col.note": {"fi": "Huomautus", "sv": "Anmärkning", "en": "Note"},
    "map.note.suppressed": {
        "fi": "salattu tai ei julkaistu",
        "sv": "skyddat eller inte publicerat",
        "en": "suppressed or not published",
    },
    "map.note.merged": {
        "fi": "yhdistyneen kunnan luku (2025 kuntajako)",
        "sv": "sammanslagen kommuns tal (indelningen 2025)",
        "en": "figure of the merged municipality (2025 division)",
    },
    "map.alt": {
        "fi": "Koropleettikartta: {indicator}, {month}, {n} aluetta. Pienin {low}, suurin "
        "{high}. Samat tiedot ovat taulukossa kartan alla.",
        "sv": "Koropletkarta: {indicator}, {month}, {n} områden. Lägst {low}, högst {high}. "
        "Samma uppgifter finns i tabellen under kartan.",
        "en": "Choropleth map: {indicator}, {month}, {n} areas. Lowest {low}, highest {high}. "
        "The same figures are in the table below the map.",
    },
    "map.trial_alt": {
        "fi": "Kartta: kokeilualueiden kunnat ({n} kuntaa, {areas} aluetta) ja TE-toimistojen "
        "kunnat {month}. Vahvistamattomat jäsenyydet on merkitty katkoviivalla.",
        "sv": "Karta: försöksområdenas kommuner ({n} kommuner, {areas} områden) och "
        "TE-byråernas kommuner {month}. Obekräftade medlemskap har streckad kant.",
        "en": "Map: the trial areas' municipalities ({n} municipalities, {areas} areas) and "
        "the TE offices' municipalities in {month}. Unverified memberships have a dashed "
        "outline.",
    },
    "map.label.municipality": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
    "map.label.area": {"fi": "Kokeilualue", "sv": "Försöksområde", "en": "Trial area"},
    "map.label.status": {
        "fi": "Työllisyyspalvelut",
        "sv": "Sysselsättningstjänster",
        "en": "Employment services",
    },
    "map.label.trial": {"fi": "Kuntakokeilu", "sv": "Kommunförsök", "en": "Municipal trial"},
    "map.label.unverified": {
        "fi": "Kuntakokeilu, jäsenyys vahvistamatta",
        "sv": "Kommunförsök, medlemskapet obekräftat",
        "en": "Municipal trial, unverified membership",
    },
    "map.label.unverified_area": {
        "fi": "Alue, jonka jäsenyyksiä ei ole vahvistettu",
        "sv": "Område med obekräftade medlemskap",
        "en": "Trial area with unverified memberships",
    },
    "map.label.te_office": {"fi": "TE-toimisto", "sv": "TE-byrå", "en": "TE office"},
    "map.label.members": {"fi": "Kuntia", "sv": "Kommuner", "en": "Municipalities"},
    "map.label.unverified_members": {
        "fi": "Vahvistamattomia jäsenyyksiä",
        "sv": "Obekräftade medlemskap",
        "en": "Unverified memberships",
    },
    "map.label.value": {"fi": "Arvo", "sv": "Värde", "en": "Value"},
    "map.label.rank": {"fi": "Sija", "sv": "Placering", "en": "Rank"},
    "map.label.suppressed": {
        "fi": "Salattu (pieni luku)",
        "sv": "Skyddat (litet tal)",
        "en": "Suppressed (small numbers)",
    },
    "map.label.missing": {"fi": "Ei tietoa", "sv": "Uppgift saknas", "en": "No data"},
    "map.label.data_status": {"fi": "Ei esitetä", "sv": "Visas inte", "en": "Not shown"},
    # Exports
    "export.png": {"fi": "PNG", "sv": "PNG", "en": "PNG"},
    "export.svg": {"fi": "SVG", "sv": "SVG", "en": "SVG"},
    "export.csv": {"fi": "CSV", "sv": "CSV", "en": "CSV"},
    "export.xlsx": {"fi": "Excel", "sv": "Excel", "en": "Excel"},
    # Data and methods page
    "methods.title": {
        "fi": "Aineisto ja menetelmät",
        "sv": "Data och metoder",
        "en": "Data and methods",
    },
    "methods.intro": {
        "fi": "Mitä tietokannassa on, mistä se tulee ja miten luvut lasketaan.",
        "sv": "Vad databasen innehåller, varifrån det kommer och hur talen beräknas.",
        "en": "What the database holds, where it comes from and how the figures are computed.",
    },
    "methods.catalogue": {"fi": "Indikaattorit", "sv": "Indikatorer", "en": "Indicators"},
    "methods.col.code": {"fi": "Koodi", "sv": "Kod", "en": "Code"},
    "methods.col.name": {"fi": "Nimi", "sv": "Namn", "en": "Name"},
    "methods.col.unit": {"fi": "Yksikkö", "sv": "Enhet", "en": "Unit"},
    "methods.col.kind": {"fi": "Laji", "sv": "Typ", "en": "Kind"},
    "methods.col.better": {"fi": "Parempi", "sv": "Bättre", "en": "Better"},
    "methods.col.definition": {"fi": "Määritelmä", "sv": "Definition", "en": "Definition"},
    "methods.col.source": {"fi": "Lähde", "sv": "Källa", "en": "Source"},
    "methods.col.coverage": {"fi": "Kattavuus", "sv": "Täckning", "en": "Coverage"},
    "kind.count": {"fi": "lukumäärä", "sv": "antal", "en": "count"},
    "kind.rate": {"fi": "osuus", "sv": "andel", "en": "rate"},
    "kind.ratio": {"fi": "suhde", "sv": "kvot", "en": "ratio"},
    "kind.sum": {"fi": "summa", "sv": "summa", "en": "sum"},
    "kind.level": {"fi": "taso", "sv": "nivå", "en": "level"},
    "better.lower": {"fi": "pienempi", "sv": "lägre", "en": "lower"},
    "better.higher": {"fi": "suurempi", "sv": "högre", "en": "higher"},
    "better.neutral": {"fi": "–", "sv": "–", "en": "–"},
    "methods.batches": {
        "fi": "Latauserät ja aineistoversiot",
        "sv": "Laddningar och dataversioner",
        "en": "Load batches and vintages",
    },
    "methods.col.file": {"fi": "Tiedosto", "sv": "Fil", "en": "File"},
    "methods.col.vintage": {"fi": "Versio", "sv": "Version", "en": "Vintage"},
    "methods.col.rows": {"fi": "Rivejä", "sv": "Rader", "en": "Rows"},
    "methods.col.loaded": {"fi": "Ladattu", "sv": "Laddat", "en": "Loaded"},
    "methods.col.synthetic": {
        "fi": "Tuotettu testiaineisto",
        "sv": "Genererade testdata",
        "en": "Generated test data",
    },
    "methods.synthetic_warning": {
        "fi": "Tietokannassa on tuotettua (synteettistä) testiaineistoa. Sen luvut eivät ole "
        "todellisia.",
        "sv": "Databasen innehåller genererade (syntetiska) testdata. Deras tal är inte verkliga.",
        "en": "The database holds generated (synthetic) test data. Its figures are not real.",
    },
    "methods.suppression": {"fi": "Tietosuoja", "sv": "Röjandeskydd", "en": "Disclosure control"},
    "methods.gaps": {"fi": "Tunnetut puutteet", "sv": "Kända luckor", "en": "Known gaps"},
    "methods.gaps_text": {
        "fi": "- Kuntakohtaiset lukumäärät päättyvät lokakuuhun 2023; työttömien osuus on "
        "julkaistuna tammikuuhun 2025 (kuntajako 2025).\n"
        "- Kohderyhmien sarjat (pitkäaikaistyöttömät, alle 25-vuotiaat, ulkomaalaiset, "
        "palveluissa olevat) ovat vain Kangasalalta ja Hämeenlinnan seudulta.\n"
        "- Ministeriön omia kokeilun seurantaindikaattoreita ei ole julkisesti saatavilla.\n"
        "- Lain 1269/2020 jäsenluetteloa ei ollut käytettävissä; jäsenyydet on koottu "
        "julkisista lähteistä. Porin seudun (A19) jäsenyydet ovat vahvistamatta.",
        "sv": "- Kommunvisa antal slutar i oktober 2023; de arbetslösas andel finns publicerad "
        "till januari 2025 (indelningen 2025).\n"
        "- Serier för målgrupperna (långtidsarbetslösa, under 25 år, utländska "
        "medborgare, personer i tjänster) finns bara för Kangasala och "
        "Tavastehusregionen.\n"
        "- Ministeriets egna uppföljningsindikatorer för försöken är inte offentliga.\n"
        "- Förteckningen i lagen 1269/2020 fanns inte till hands; medlemskapen har "
        "sammanställts ur offentliga källor. Björneborgsregionens (A19) medlemskap är "
        "obekräftade.",
        "en": "- Municipal counts end in October 2023; the unemployed share is published to "
        "January 2025 (2025 municipal division).\n"
        "- Target-group series (long-term unemployed, under 25, foreign nationals, "
        "people in services) exist only for Kangasala and the Hämeenlinna region.\n"
        "- The ministry's own trial follow-up indicators are not public.\n"
        "- The list in law 1269/2020 was not available; memberships were compiled from "
        "public sources. The Pori region's (A19) memberships are unverified.",
    },
    "methods.unverified": {
        "fi": "Vahvistamattomat jäsenyydet",
        "sv": "Obekräftade medlemskap",
        "en": "Unverified memberships",
    },
    "methods.sources": {
        "fi": "Kokeilualueiden lähteet",
        "sv": "Källor för försöksområdena",
        "en": "Sources of the trial areas",
    },
    "methods.licence": {
        "fi": "Tilastot: Tilastokeskus ja TEM, työnvälitystilasto; Kela. Rajat: "
        "Maanmittauslaitos, hallinnolliset aluejaot 2023. Kaikki CC BY 4.0.",
        "sv": "Statistik: Statistikcentralen och ANM, arbetsförmedlingsstatistik; FPA. "
        "Gränser: Lantmäteriverket, administrativa indelningar 2023. Allt CC BY 4.0.",
        "en": "Statistics: Statistics Finland and the Ministry of Economic Affairs and "
        "Employment, Employment Service Statistics; Kela. Boundaries: National Land "
        "Survey of Finland, administrative areas 2023. All CC BY 4.0.",
    },
    # Chart vocabulary
    "chart.month": {"fi": "Kuukausi", "sv": "Månad", "en": "Month"},
    "chart.series": {"fi": "Sarja", "sv": "Serie", "en": "Series"},
    "chart.value": {"fi": "Arvo", "sv": "Värde", "en": "Value"},
    "chart.percent": {"fi": "%", "sv": "%", "en": "%"},
    "chart.index": {
        "fi": "indeksi, 2/2021 = 100",
        "sv": "index, 2/2021 = 100",
        "en": "index, Feb 2021 = 100",
    },
    "chart.event.membership_change": {
        "fi": "Jäsenyys muuttuu",
        "sv": "Medlemskap ändras",
        "en": "Membership changes",
    },
    "chart.event.trial_start": {
        "fi": "Kokeilu alkaa",
        "sv": "Försöket börjar",
        "en": "Trial starts",
    },
    "chart.event.nordic_model": {
        "fi": "Pohjoismainen työvoimapalvelumalli",
        "sv": "Nordisk modell för arbetskraftsservice",
        "en": "Nordic jobseeker service model",
    },
    "chart.event.trial_end": {"fi": "Kokeilu päättyy", "sv": "Försöket slutar", "en": "Trial ends"},
    "chart.event": {"fi": "Tapahtuma", "sv": "Händelse", "en": "Event"},
    "chart.selected_month": {"fi": "Valittu kuukausi", "sv": "Vald månad", "en": "Chosen month"},
    "chart.data_table": {
        "fi": "Kaavion tiedot taulukkona",
        "sv": "Diagrammets data som tabell",
        "en": "The chart's data as a table",
    },
}
