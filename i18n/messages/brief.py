"""Texts of the monthly brief (page, HTML and PDF), in Finnish, Swedish and English.

Months in these texts stay in the nominative (``lokakuu 2023``), as Babel writes them, so
that no sentence needs a Finnish case ending the formatter cannot give. Changes are given in
words (``6 301 enemmän``, ``0,2 prosenttiyksikköä korkeampi``), and a change that rounds to
zero reads "unchanged", never ``+0``.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str] | dict[str, dict[str, str]]] = {
    # The page and the document
    "brief.title": {
        "fi": "Kuukausikatsaus",
        "sv": "Månadsöversikt",
        "en": "Monthly brief",
    },
    "brief.intro": {
        "fi": "Kuukauden tilanne kahden minuutin lukuna johdolle: työttömät koko maassa, "
        "kokeilukunnissa ja muissa kunnissa, alueiden suurimmat muutokset, kohderyhmät, "
        "vaikutusarvio ja aineiston muutokset. Lataa sama katsaus PDF- tai HTML-tiedostona.",
        "sv": "Månadens läge på två minuter för ledningen: de arbetslösa i hela landet, i "
        "försökskommunerna och i övriga kommuner, områdenas största förändringar, "
        "målgrupperna, effektutvärderingen och ändringarna i materialet. Ladda ner samma "
        "översikt som PDF- eller HTML-fil.",
        "en": "The month in two minutes, for leadership: the unemployed in the whole country, "
        "the trial municipalities and the rest, the areas' largest changes, the target "
        "groups, the evaluation and what changed in the data. Download the same brief as a "
        "PDF or HTML file.",
    },
    "brief.month": {"fi": "Kuukausi", "sv": "Månad", "en": "Month"},
    "brief.document_title": {
        "fi": "Seuranta – työllisyyden kuntakokeilujen kuukausikatsaus",
        "sv": "Seuranta – månadsöversikt över kommunförsöken med sysselsättning",
        "en": "Seuranta – monthly brief on the municipal employment trials",
    },
    "brief.language_line": {
        "fi": "Kieli: suomi",
        "sv": "Språk: svenska",
        "en": "Language: English",
    },
    "brief.cite": {
        "fi": "Viittaa tähän katsaukseen",
        "sv": "Hänvisa till denna översikt",
        "en": "Cite this brief",
    },
    "brief.generated": {
        "fi": "Luotu {when}.",
        "sv": "Skapad {when}.",
        "en": "Generated {when}.",
    },
    "brief.page": {"fi": "Sivu", "sv": "Sida", "en": "Page"},
    "brief.page_of": {"fi": "/", "sv": "av", "en": "of"},
    "brief.download_pdf": {
        "fi": "Lataa PDF",
        "sv": "Ladda ner PDF",
        "en": "Download PDF",
    },
    "brief.download_html": {
        "fi": "Lataa HTML",
        "sv": "Ladda ner HTML",
        "en": "Download HTML",
    },
    "brief.no_data": {
        "fi": "Tietokannassa ei ole katsaukseen tarvittavia tietoja.",
        "sv": "Databasen har inga uppgifter för översikten.",
        "en": "The database holds none of the figures the brief needs.",
    },
    # Section headings
    "brief.section.headline": {
        "fi": "Työttömät työnhakijat",
        "sv": "Arbetslösa arbetssökande",
        "en": "Unemployed jobseekers",
    },
    "brief.section.areas": {
        "fi": "Kokeilualueet",
        "sv": "Försöksområdena",
        "en": "Trial areas",
    },
    "brief.section.municipalities": {
        "fi": "Kuntien julkaistut osuudet",
        "sv": "Kommunernas publicerade andelar",
        "en": "The municipalities' published shares",
    },
    "brief.section.target": {
        "fi": "Kohderyhmät",
        "sv": "Målgrupperna",
        "en": "Target groups",
    },
    "brief.section.evaluation": {
        "fi": "Arvio kokeilujen vaikutuksesta",
        "sv": "Bedömning av försökens effekt",
        "en": "Evaluation of the trials' effect",
    },
    "brief.section.data": {
        "fi": "Uutta aineistossa",
        "sv": "Nytt i materialet",
        "en": "New in the data",
    },
    "brief.section.breaks": {
        "fi": "Määritelmämuutokset lähellä kuukautta",
        "sv": "Definitionsändringar nära månaden",
        "en": "Definition breaks near the month",
    },
    # Sources of the figures (each section's last line)
    "brief.source.12r5": {
        "fi": "Lähde: Tilastokeskus ja TEM, työnvälitystilasto (StatFin 12r5), CC BY 4.0; "
        "aineisto {vintage}.",
        "sv": "Källa: Statistikcentralen och ANM, arbetsförmedlingsstatistik (StatFin 12r5), "
        "CC BY 4.0; material {vintage}.",
        "en": "Source: Statistics Finland and the Ministry of Economic Affairs and Employment, "
        "Employment Service Statistics (StatFin 12r5), CC BY 4.0; vintage {vintage}.",
    },
    "brief.source.old": {
        "fi": "Lähde: Tilastokeskus ja TEM, työnvälitystilaston vanhat StatFin-taulukot, "
        "CC BY 4.0; aineisto {vintage}.",
        "sv": "Källa: Statistikcentralen och ANM, arbetsförmedlingsstatistikens äldre "
        "StatFin-tabeller, CC BY 4.0; material {vintage}.",
        "en": "Source: Statistics Finland and the Ministry of Economic Affairs and Employment, "
        "old StatFin tables of the Employment Service Statistics, CC BY 4.0; vintage "
        "{vintage}.",
    },
    "brief.source.kela": {
        "fi": "Lähde: Kela, Kelasto, CC BY 4.0; aineisto {vintage}.",
        "sv": "Källa: FPA, Kelasto, CC BY 4.0; material {vintage}.",
        "en": "Source: Kela, Kelasto, CC BY 4.0; vintage {vintage}.",
    },
    "brief.source.evaluation": {
        "fi": "Lähde: Seurannan arvio (sivu Vertailu ja vaikutusarvio) työnvälitystilaston "
        "kuntatiedoista (StatFin 12r5, CC BY 4.0); aineisto {vintage}.",
        "sv": "Källa: Seurantas utvärdering (sidan Jämförelse och effektutvärdering) av "
        "arbetsförmedlingsstatistikens kommundata (StatFin 12r5, CC BY 4.0); material "
        "{vintage}.",
        "en": "Source: Seuranta's evaluation (the Comparison and evaluation page) of the "
        "Employment Service Statistics by municipality (StatFin 12r5, CC BY 4.0); vintage "
        "{vintage}.",
    },
    "brief.source.loads": {
        "fi": "Lähde: Seurannan latauserät (sivu Tietoa ja menetelmät).",
        "sv": "Källa: Seurantas laddningsomgångar (sidan Data och metoder).",
        "en": "Source: Seuranta's load batches (the Data and methods page).",
    },
    # Headline figures
    "brief.jobseekers": {
        "fi": {"one": "{n} työtön työnhakija", "other": "{n} työtöntä työnhakijaa"},
        "sv": {"one": "{n} arbetslös arbetssökande", "other": "{n} arbetslösa arbetssökande"},
        "en": {"one": "{n} unemployed jobseeker", "other": "{n} unemployed jobseekers"},
    },
    "brief.municipalities_n": {
        "fi": {"one": "{n} kunta", "other": "{n} kuntaa"},
        "sv": {"one": "{n} kommun", "other": "{n} kommuner"},
        "en": {"one": "{n} municipality", "other": "{n} municipalities"},
    },
    "brief.head.country": {
        "fi": "Koko maassa oli kuukauden lopussa {count}: {month_change} ja {year_change}.",
        "sv": "I hela landet fanns det i slutet av månaden {count}: {month_change} och "
        "{year_change}.",
        "en": "The whole country had {count} at the end of the month: {month_change} and "
        "{year_change}.",
    },
    "brief.head.trial": {
        "fi": "Kokeilukunnissa ({units}) oli {count}: {month_change} ja {year_change}.",
        "sv": "I försökskommunerna ({units}) fanns det {count}: {month_change} och {year_change}.",
        "en": "The trial municipalities ({units}) had {count}: {month_change} and {year_change}.",
    },
    "brief.head.rest": {
        "fi": "Muissa kunnissa ({units}), joissa palvelut hoiti TE-toimisto, oli {count}: "
        "{month_change} ja {year_change}.",
        "sv": "I övriga kommuner ({units}), där TE-byrån skötte tjänsterna, fanns det "
        "{count}: {month_change} och {year_change}.",
        "en": "The other municipalities ({units}), served by the TE offices, had {count}: "
        "{month_change} and {year_change}.",
    },
    "brief.head.suppressed": {
        "fi": "{group}: luku on salattu (..).",
        "sv": "{group}: talet visas inte av sekretesskäl (..).",
        "en": "{group}: the figure is suppressed (..).",
    },
    "brief.head.missing": {
        "fi": "{group}: kuukaudelta {month} ei ole lukua.",
        "sv": "{group}: för {month} finns inget tal.",
        "en": "{group}: there is no figure for {month}.",
    },
    "brief.share": {
        "fi": "Työttömien osuus työvoimasta oli {share}: {month_change} ja {year_change}.",
        "sv": "Andelen arbetslösa av arbetskraften var {share}: {month_change} och {year_change}.",
        "en": "The unemployed share of the labour force was {share}: {month_change} and "
        "{year_change}.",
    },
    "brief.when.month": {
        "fi": "kuukautta aiemmin",
        "sv": "en månad tidigare",
        "en": "a month earlier",
    },
    "brief.when.year": {
        "fi": "vuotta aiemmin",
        "sv": "ett år tidigare",
        "en": "a year earlier",
    },
    "brief.count.more": {
        "fi": "{n} enemmän kuin {when}",
        "sv": "{n} fler än {when}",
        "en": "{n} more than {when}",
    },
    "brief.count.fewer": {
        "fi": "{n} vähemmän kuin {when}",
        "sv": "{n} färre än {when}",
        "en": "{n} fewer than {when}",
    },
    "brief.count.same": {
        "fi": "yhtä monta kuin {when} (ennallaan)",
        "sv": "lika många som {when} (oförändrat)",
        "en": "unchanged from {when}",
    },
    "brief.change.na": {
        "fi": "vertailukuukaudelta {month} ei ole lukua",
        "sv": "för jämförelsemånaden {month} finns inget tal",
        "en": "no figure for {month} to compare with",
    },
    "brief.change.suppressed": {
        "fi": "muutos on salattu (..)",
        "sv": "förändringen visas inte av sekretesskäl (..)",
        "en": "the change is suppressed (..)",
    },
    "brief.pp.higher": {
        "fi": "{n} prosenttiyksikköä korkeampi kuin {when}",
        "sv": "{n} procentenheter högre än {when}",
        "en": "{n} percentage points higher than {when}",
    },
    "brief.pp.lower": {
        "fi": "{n} prosenttiyksikköä matalampi kuin {when}",
        "sv": "{n} procentenheter lägre än {when}",
        "en": "{n} percentage points lower than {when}",
    },
    "brief.pp.same": {
        "fi": "sama kuin {when} (ennallaan)",
        "sv": "oförändrad från {when}",
        "en": "unchanged from {when}",
    },
    "brief.unchanged": {"fi": "ennallaan", "sv": "oförändrad", "en": "unchanged"},
    "brief.compare.better": {
        "fi": "Vuodessa työttömien osuus kehittyi kokeilukunnissa {diff} prosenttiyksikköä "
        "suotuisammin kuin muissa kunnissa (kokeilukunnat {trial}, muut kunnat {rest}).",
        "sv": "På ett år utvecklades andelen arbetslösa {diff} procentenheter gynnsammare i "
        "försökskommunerna än i övriga kommuner (försökskommunerna {trial}, övriga "
        "{rest}).",
        "en": "On a year, the unemployed share developed {diff} percentage points better in "
        "the trial municipalities than in the other municipalities (trial {trial}, other "
        "{rest}).",
    },
    "brief.compare.worse": {
        "fi": "Vuodessa työttömien osuus kehittyi kokeilukunnissa {diff} prosenttiyksikköä "
        "epäsuotuisammin kuin muissa kunnissa (kokeilukunnat {trial}, muut kunnat {rest}).",
        "sv": "På ett år utvecklades andelen arbetslösa {diff} procentenheter ogynnsammare i "
        "försökskommunerna än i övriga kommuner (försökskommunerna {trial}, övriga "
        "{rest}).",
        "en": "On a year, the unemployed share developed {diff} percentage points worse in "
        "the trial municipalities than in the other municipalities (trial {trial}, other "
        "{rest}).",
    },
    "brief.compare.same": {
        "fi": "Vuodessa työttömien osuus kehittyi kokeilukunnissa ja muissa kunnissa samoin "
        "(kokeilukunnat {trial}, muut kunnat {rest}).",
        "sv": "På ett år utvecklades andelen arbetslösa lika i försökskommunerna och i övriga "
        "kommuner (försökskommunerna {trial}, övriga {rest}).",
        "en": "On a year, the unemployed share developed alike in the trial municipalities "
        "and in the other municipalities (trial {trial}, other {rest}).",
    },
    "brief.compare.na": {
        "fi": "Kokeilukuntien ja muiden kuntien kehitystä vuodessa ei voi verrata: "
        "vertailuluku puuttuu.",
        "sv": "Utvecklingen på ett år i försökskommunerna och i övriga kommuner kan inte "
        "jämföras: ett jämförelsetal saknas.",
        "en": "The trial and the other municipalities cannot be compared on a year: a figure "
        "is missing.",
    },
    "brief.compare.caveat": {
        "fi": "Ero ei ole arvio kokeilujen vaikutuksesta; arvio on alempana.",
        "sv": "Skillnaden är ingen bedömning av försökens effekt; den finns längre ned.",
        "en": "The difference is not an estimate of the trials' effect; that follows below.",
    },
    # Months after the counts end: only the municipalities' published shares
    "brief.no_counts": {
        "fi": "Kuukaudelta {month} ei ole vielä lukumääriä: viimeisin kuukausi, jolta "
        "työttömien ja työvoiman lukumäärät ovat, on {counts_end} (aineisto {vintage}). Koko "
        "maan, kokeilukuntien ja muiden kuntien lukuja ei siksi vielä ole.",
        "sv": "För {month} finns inga antal ännu: antalen arbetslösa och arbetskraften "
        "sträcker sig till {counts_end} (material {vintage}). Talen för hela landet, "
        "försökskommunerna och övriga kommuner finns därför inte ännu.",
        "en": "No counts for {month} yet: the counts of the unemployed and of the labour "
        "force end in {counts_end} (vintage {vintage}). There are therefore no figures yet "
        "for the whole country, the trial municipalities or the rest.",
    },
    "brief.shares_only": {
        "fi": "Kuukaudelta {month} Tilastokeskus on julkaissut vain kuntien työttömien "
        "osuudet. Alueen tai kuntaryhmän osuus on lukumäärien summien suhde, eikä sitä voi "
        "laskea julkaistuista osuuksista; alla kunnat on siksi laskettu yksitellen.",
        "sv": "För {month} har Statistikcentralen publicerat endast kommunernas andelar "
        "arbetslösa. Ett områdes eller en kommungrupps andel är kvoten av summorna av "
        "antalen och kan inte räknas fram ur publicerade andelar; nedan räknas kommunerna "
        "därför en och en.",
        "en": "For {month}, Statistics Finland has published only the municipalities' "
        "unemployment shares. An area's or a group's share is a ratio of summed counts and "
        "cannot be formed from published shares, so the municipalities are counted one by "
        "one below.",
    },
    "brief.in_municipalities": {
        "fi": {"one": "{n} kunnassa", "other": "{n} kunnassa"},
        "sv": {"one": "{n} kommun", "other": "{n} kommuner"},
        "en": {"one": "{n} municipality", "other": "{n} municipalities"},
    },
    "brief.group.trial": {
        "fi": "Kokeilukunnat",
        "sv": "Försökskommunerna",
        "en": "Trial municipalities",
    },
    "brief.group.rest": {
        "fi": "Muut kunnat",
        "sv": "Övriga kommuner",
        "en": "Other municipalities",
    },
    "brief.moves": {
        "fi": "{group} ({units}): osuus nousi vuodessa {rose}, laski {fell} ja pysyi "
        "ennallaan {same}.",
        "sv": "{group} ({units}): på ett år steg andelen i {rose}, sjönk i {fell} och var "
        "oförändrad i {same}.",
        "en": "{group} ({units}): on a year the share rose in {rose}, fell in {fell} and was "
        "unchanged in {same}.",
    },
    "brief.moves.trial_rose": {
        "fi": "Kokeilukunnista osuus nousi eniten: {items}.",
        "sv": "Bland försökskommunerna steg andelen mest i {items}.",
        "en": "Among the trial municipalities the share rose most in {items}.",
    },
    "brief.moves.trial_fell": {
        "fi": "Kokeilukunnista osuus laski eniten: {items}.",
        "sv": "Bland försökskommunerna sjönk andelen mest i {items}.",
        "en": "Among the trial municipalities the share fell most in {items}.",
    },
    "brief.moves.none": {
        "fi": "Kuntien julkaistuja osuuksia ei ole kuukaudelta {month} ja vuotta aiemmalta "
        "kuukaudelta.",
        "sv": "Det finns inga publicerade andelar för kommunerna för {month} och för samma "
        "månad ett år tidigare.",
        "en": "There are no published municipal shares for {month} and the same month a year "
        "earlier.",
    },
    # A named figure in a list ("Raahen seutu +1,6 %-yks.")
    "brief.item": {"fi": "{name} {value}", "sv": "{name} {value}", "en": "{name} {value}"},
    # Trial areas
    "brief.areas.fell": {
        "fi": {
            "one": "Työttömien osuus laski vuodessa {n} alueella: {areas}.",
            "other": "Työttömien osuus laski vuodessa {n} alueella, eniten: {areas}.",
        },
        "sv": {
            "one": "Andelen arbetslösa sjönk på ett år i {n} område: {areas}.",
            "other": "Andelen arbetslösa sjönk på ett år i {n} områden, mest i {areas}.",
        },
        "en": {
            "one": "The unemployed share fell on a year in {n} area: {areas}.",
            "other": "The unemployed share fell on a year in {n} areas, most in {areas}.",
        },
    },
    "brief.areas.rose": {
        "fi": {
            "one": "Työttömien osuus nousi vuodessa {n} alueella: {areas}.",
            "other": "Työttömien osuus nousi vuodessa {n} alueella, eniten: {areas}.",
        },
        "sv": {
            "one": "Andelen arbetslösa steg på ett år i {n} område: {areas}.",
            "other": "Andelen arbetslösa steg på ett år i {n} områden, mest i {areas}.",
        },
        "en": {
            "one": "The unemployed share rose on a year in {n} area: {areas}.",
            "other": "The unemployed share rose on a year in {n} areas, most in {areas}.",
        },
    },
    "brief.areas.none_fell": {
        "fi": "Työttömien osuus ei laskenut vuodessa yhdelläkään alueella.",
        "sv": "Andelen arbetslösa sjönk inte på ett år i något område.",
        "en": "The unemployed share fell on a year in no area.",
    },
    "brief.areas.none_rose": {
        "fi": "Työttömien osuus ei noussut vuodessa yhdelläkään alueella.",
        "sv": "Andelen arbetslösa steg inte på ett år i något område.",
        "en": "The unemployed share rose on a year in no area.",
    },
    "brief.areas.na": {
        "fi": "Alueiden muutoksia vuodessa ei voi laskea: kuukaudelta {month} tai vuotta "
        "aiemmalta kuukaudelta ei ole lukuja.",
        "sv": "Områdenas förändringar på ett år kan inte räknas: tal saknas för {month} eller "
        "för samma månad ett år tidigare.",
        "en": "The areas' changes on a year cannot be computed: figures are missing for "
        "{month} or for the same month a year earlier.",
    },
    "brief.areas.high": {
        "fi": {
            "one": "Osuus on korkeimmillaan sitten vuoden {year} alun {n} alueella: {areas}.",
            "other": "Osuus on korkeimmillaan sitten vuoden {year} alun {n} alueella: {areas}.",
        },
        "sv": {
            "one": "Andelen är den högsta sedan början av {year} i {n} område: {areas}.",
            "other": "Andelen är den högsta sedan början av {year} i {n} områden: {areas}.",
        },
        "en": {
            "one": "The share is at its highest since the start of {year} in {n} area: {areas}.",
            "other": "The share is at its highest since the start of {year} in {n} areas: {areas}.",
        },
    },
    "brief.areas.low": {
        "fi": {
            "one": "Osuus on matalimmillaan sitten vuoden {year} alun {n} alueella: {areas}.",
            "other": "Osuus on matalimmillaan sitten vuoden {year} alun {n} alueella: {areas}.",
        },
        "sv": {
            "one": "Andelen är den lägsta sedan början av {year} i {n} område: {areas}.",
            "other": "Andelen är den lägsta sedan början av {year} i {n} områden: {areas}.",
        },
        "en": {
            "one": "The share is at its lowest since the start of {year} in {n} area: {areas}.",
            "other": "The share is at its lowest since the start of {year} in {n} areas: {areas}.",
        },
    },
    "brief.areas.no_record": {
        "fi": "Yksikään alue ei ole korkeimmillaan eikä matalimmillaan sitten vuoden {year} alun.",
        "sv": "Inget område har sin högsta eller lägsta andel sedan början av {year}.",
        "en": "No area is at its highest or lowest since the start of {year}.",
    },
    # Target groups
    "brief.target.where": {
        "fi": {
            "one": "Kohderyhmien sarjoja on kuukaudelta {month} vain {n} kunnalle: {names}.",
            "other": "Kohderyhmien sarjoja on kuukaudelta {month} {n} kunnalle: {names}.",
        },
        "sv": {
            "one": "Målgruppsserier finns för {month} bara för {n} kommun: {names}.",
            "other": "Målgruppsserier finns för {month} för {n} kommuner: {names}.",
        },
        "en": {
            "one": "Target-group series exist for {month} for {n} municipality only: {names}.",
            "other": "Target-group series exist for {month} for {n} municipalities: {names}.",
        },
    },
    "brief.target.none": {
        "fi": "Kuukaudelta {month} ei ole kohderyhmien sarjoja yhdellekään kunnalle.",
        "sv": "För {month} finns inga målgruppsserier för någon kommun.",
        "en": "There are no target-group series for {month} for any municipality.",
    },
    "brief.target.unit": {
        "fi": "{name}: {items}.",
        "sv": "{name}: {items}.",
        "en": "{name}: {items}.",
    },
    "brief.target.item": {
        "fi": "{indicator} {value} ({change})",
        "sv": "{indicator} {value} ({change})",
        "en": "{indicator} {value} ({change})",
    },
    "brief.target.change": {
        "fi": "{change} vuodessa",
        "sv": "{change} på ett år",
        "en": "{change} on a year",
    },
    "brief.target.country": {"fi": "Koko maa", "sv": "Hela landet", "en": "Whole country"},
    "brief.target.fetch": {
        "fi": "Muiden kuntien kohderyhmäsarjat täydentyvät komennolla python -m data_access "
        "fetch, kun verkkoyhteys on käytettävissä.",
        "sv": "Övriga kommuners målgruppsserier fylls i med kommandot python -m data_access "
        "fetch när det finns en nätförbindelse.",
        "en": "The other municipalities' target-group series are filled in by the command "
        "python -m data_access fetch when the machine is online.",
    },
    # Evaluation
    "brief.did": {
        "fi": "Kaikkien kokeilukuntien yhteinen erotusten erotus -estimaatti (vertailuryhmänä "
        "{group}, {start}–{end}) on {estimate} prosenttiyksikköä, 95 %:n luottamusväli "
        "{low} … {high}.",
        "sv": "Den sammanslagna skillnad-i-skillnader-skattningen för alla försökskommuner "
        "(jämförelsegrupp: {group}, {start}–{end}) är {estimate} procentenheter, 95 % "
        "konfidensintervall {low} … {high}.",
        "en": "The pooled difference-in-differences estimate for all trial municipalities "
        "(against {group}, {start}–{end}) is {estimate} percentage points, 95 % CI {low} … "
        "{high}.",
    },
    "brief.did.zero": {
        "fi": "Väli sisältää nollan: kokeilujen vaikutus työttömien osuuteen ei erotu.",
        "sv": "Intervallet innehåller noll: någon effekt på andelen arbetslösa kan inte urskiljas.",
        "en": "The interval includes zero: no effect on the unemployed share can be told apart.",
    },
    "brief.did.higher": {
        "fi": "Väli ei sisällä nollaa: osuus oli kokeilukunnissa arvion mukaan korkeampi kuin "
        "ilman kokeilua.",
        "sv": "Intervallet innehåller inte noll: andelen var enligt skattningen högre i "
        "försökskommunerna än utan försöket.",
        "en": "The interval excludes zero: by this estimate the share was higher in the trial "
        "municipalities than without the trials.",
    },
    "brief.did.lower": {
        "fi": "Väli ei sisällä nollaa: osuus oli kokeilukunnissa arvion mukaan matalampi kuin "
        "ilman kokeilua.",
        "sv": "Intervallet innehåller inte noll: andelen var enligt skattningen lägre i "
        "försökskommunerna än utan försöket.",
        "en": "The interval excludes zero: by this estimate the share was lower in the trial "
        "municipalities than without the trials.",
    },
    "brief.pretrend.passes": {
        "fi": "Ennakkotrendien testi ei hylkää yhdensuuntaisia trendejä (p {p}).",
        "sv": "Testet av förtrender förkastar inte parallella trender (p {p}).",
        "en": "The pre-trend test does not reject parallel trends (p {p}).",
    },
    "brief.pretrend.rejects": {
        "fi": "Ennakkotrendien testi hylkää yhdensuuntaiset trendit (p {p}): estimaattiin on "
        "suhtauduttava varauksella.",
        "sv": "Testet av förtrender förkastar parallella trender (p {p}): skattningen ska "
        "tolkas med försiktighet.",
        "en": "The pre-trend test rejects parallel trends (p {p}): treat the estimate with "
        "caution.",
    },
    "brief.pretrend.untested": {
        "fi": "Ennakkotrendejä ei voitu testata.",
        "sv": "Förtrenderna kunde inte testas.",
        "en": "The pre-trends could not be tested.",
    },
    "brief.sc.clear": {
        "fi": {
            "one": "Synteettinen verrokki näyttää selvän eron {n} alueella: {areas}.",
            "other": "Synteettinen verrokki näyttää selvän eron {n} alueella: {areas}.",
        },
        "sv": {
            "one": "Den syntetiska kontrollen visar en tydlig skillnad i {n} område: {areas}.",
            "other": "Den syntetiska kontrollen visar en tydlig skillnad i {n} områden: {areas}.",
        },
        "en": {
            "one": "The synthetic control shows a clear gap in {n} area: {areas}.",
            "other": "The synthetic control shows a clear gap in {n} areas: {areas}.",
        },
    },
    "brief.sc.none": {
        "fi": "Yhdenkään alueen synteettinen verrokki ei näytä selvää eroa.",
        "sv": "Den syntetiska kontrollen visar ingen tydlig skillnad i något område.",
        "en": "No area's synthetic control shows a clear gap.",
    },
    "brief.sc.rule": {
        "fi": "Selvä ero tarkoittaa, että verrokki seuraa aluetta hyvin ennen kokeilua ja "
        "lumetestin p-arvo on alle {alpha}; {n} aluetta arvioitiin. Yksittäinen selvä ero "
        "voi olla sattumaa.",
        "sv": "En tydlig skillnad betyder att kontrollen följer området väl före försöket "
        "och att placebotestets p-värde är under {alpha}; {n} områden utvärderades. En "
        "enskild tydlig skillnad kan vara slumpen.",
        "en": "A clear gap means that the control tracks the area well before the trials "
        "and that the placebo p-value is below {alpha}; {n} areas were evaluated. A single "
        "clear gap may be chance.",
    },
    "brief.sc.item": {
        "fi": "{name} {effect} %-yks. (p {p})",
        "sv": "{name} {effect} p.e. (p {p})",
        "en": "{name} {effect} pp (p {p})",
    },
    "brief.evaluation.none": {
        "fi": "Arviota ei voitu laskea tämän tietokannan tiedoista.",
        "sv": "Utvärderingen kunde inte räknas ur denna databas.",
        "en": "The evaluation could not be computed from this database.",
    },
    # What is new in the data
    "brief.loads.header": {
        "fi": "Edellisen katsauksen jälkeen ({days} päivässä) ladattu:",
        "sv": "Laddat sedan förra översikten (under {days} dagar):",
        "en": "Loaded since the previous brief (in {days} days):",
    },
    "brief.loads.item": {
        "fi": "{source}, aineisto {vintage}: {new}, {revised}.",
        "sv": "{source}, material {vintage}: {new}, {revised}.",
        "en": "{source}, vintage {vintage}: {new}, {revised}.",
    },
    "brief.loads.new": {
        "fi": {"one": "{n} uusi arvo", "other": "{n} uutta arvoa"},
        "sv": {"one": "{n} nytt värde", "other": "{n} nya värden"},
        "en": {"one": "{n} new value", "other": "{n} new values"},
    },
    "brief.loads.revised": {
        "fi": {"one": "{n} korjattu arvo", "other": "{n} korjattua arvoa"},
        "sv": {"one": "{n} reviderat värde", "other": "{n} reviderade värden"},
        "en": {"one": "{n} revised value", "other": "{n} revised values"},
    },
    "brief.loads.no_revisions": {
        "fi": "ei korjauksia",
        "sv": "inga revideringar",
        "en": "no revisions",
    },
    "brief.loads.none": {
        "fi": "Edellisen katsauksen jälkeen ({days} päivässä) ei ole ladattu uutta aineistoa; "
        "viimeisin lataus oli {day}.",
        "sv": "Inget nytt material har laddats sedan förra översikten (under {days} dagar); "
        "den senaste laddningen var {day}.",
        "en": "Nothing new has been loaded since the previous brief (in {days} days); the "
        "latest load was on {day}.",
    },
    "brief.loads.synthetic": {
        "fi": "Tietokannassa on synteettistä testiaineistoa: luvut eivät ole todellisia.",
        "sv": "Databasen innehåller syntetiskt testmaterial: talen är inte verkliga.",
        "en": "The database holds synthetic test data: the figures are not real.",
    },
    # Definition breaks
    "brief.break.trial_start": {
        "fi": "Kokeilut alkoivat {day}: kokeilukunnat ottivat kohderyhmien palvelut "
        "hoitaakseen TE-toimistoilta.",
        "sv": "Försöken började {day}: försökskommunerna tog över tjänsterna för målgrupperna "
        "från TE-byråerna.",
        "en": "The trials began on {day}: the trial municipalities took over the target "
        "groups' services from the TE offices.",
    },
    "brief.break.nordic_model": {
        "fi": "Pohjoismainen työvoimapalvelumalli otettiin käyttöön {day}: työnhakijoiden "
        "velvoitteet muuttuivat kaikissa kunnissa yhtä aikaa, mikä voi näkyä työttömien "
        "määrissä useiden kuukausien ajan.",
        "sv": "Den nordiska modellen för arbetskraftsservice infördes {day}: de "
        "arbetssökandes skyldigheter ändrades i alla kommuner samtidigt, vilket kan synas "
        "i antalet arbetslösa i flera månader.",
        "en": "The Nordic jobseeker service model started on {day}: jobseekers' obligations "
        "changed in every municipality at once, which can show in the counts for several "
        "months.",
    },
    "brief.break.trial_end": {
        "fi": "Kokeilut päättyivät {day}; kokeilukuntien ja muiden kuntien vertailu koskee "
        "kokeilukautta.",
        "sv": "Försöken slutade {day}; jämförelsen mellan försökskommunerna och övriga "
        "kommuner gäller försöksperioden.",
        "en": "The trials ended on {day}; the comparison of the trial and the other "
        "municipalities refers to the trial period.",
    },
    "brief.break.transfer": {
        "fi": "{day} alkaen kaikkien kuntien työvoimapalvelut siirtyivät kuntien "
        "työllisyysalueille (TE24-uudistus): TE-toimistojen kuntia ei sen jälkeen ole "
        "vertailuryhmäksi.",
        "sv": "Från och med {day} överfördes arbetskraftsservicen i alla kommuner till de "
        "kommunala sysselsättningsområdena (TE24-reformen): därefter finns inga TE-byråns "
        "kommuner att jämföra med.",
        "en": "From {day} the employment services of every municipality moved to the "
        "municipal employment areas (the TE24 reform): after that there are no TE-office "
        "municipalities to compare with.",
    },
    "brief.break.none": {
        "fi": "Kolmen kuukauden sisällä kuukaudesta {month} ei ole tilastoon vaikuttavia "
        "määritelmämuutoksia.",
        "sv": "Inom tre månader från {month} finns inga definitionsändringar som påverkar "
        "statistiken.",
        "en": "There is no definition break within three months of {month}.",
    },
    # Charts
    "brief.chart.changes_title": {
        "fi": "Työttömien osuuden muutos vuodessa alueittain, {month}",
        "sv": "Förändring av andelen arbetslösa på ett år per område, {month}",
        "en": "Change of the unemployed share on a year by area, {month}",
    },
    "brief.chart.changes_x": {
        "fi": "Muutos vuodessa (%-yks.)",
        "sv": "Förändring på ett år (p.e.)",
        "en": "Change on a year (pp)",
    },
    "brief.chart.changes_alt": {
        "fi": "Pistekaavio: {n} kokeilualueen työttömien osuuden muutos vuodessa, {month}. "
        "Matalin: {first}; korkein: {last}.",
        "sv": "Punktdiagram: förändringen på ett år av andelen arbetslösa i {n} "
        "försöksområden, {month}. Lägst: {first}; högst: {last}.",
        "en": "Dot chart: the change on a year of the unemployed share in {n} trial areas, "
        "{month}. Lowest: {first}; highest: {last}.",
    },
}
