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
    "app.section.dashboard": {"fi": "Kojelauta", "sv": "Översikt", "en": "Dashboard"},
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
    # Chart vocabulary
    "chart.month": {"fi": "Kuukausi", "sv": "Månad", "en": "Month"},
    "chart.series": {"fi": "Sarja", "sv": "Serie", "en": "Series"},
    "chart.value": {"fi": "Arvo", "sv": "Värde", "en": "Value"},
    "chart.percent": {"fi": "%", "sv": "%", "en": "%"},
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
