"""The UI texts of the pages and the application chrome, in Finnish, Swedish and English."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str] | dict[str, dict[str, str]]] = {
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
        "itsestään (ensin 5 sekunnin, sitten enintään minuutin välein); voit myös painaa "
        "alla olevaa painiketta.",
        "sv": "Rapporteringsdatabasen kan inte nås just nu. Sidan försöker igen av sig själv "
        "(först efter 5 sekunder, sedan högst varje minut); du kan också trycka på knappen "
        "nedan.",
        "en": "The reporting database cannot be reached right now. The page tries again by "
        "itself (first after 5 seconds, then at most every minute); you can also press the "
        "button below.",
    },
    "app.config_unreadable": {
        "fi": "Tietokannan asetuksia (.streamlit/secrets.toml) ei voi lukea, joten sivu ei "
        "näytä mitään tietoja. Ylläpidon on korjattava tiedosto.",
        "sv": "Databasinställningarna (.streamlit/secrets.toml) kan inte läsas, så sidan visar "
        "inga uppgifter. Underhållet behöver rätta filen.",
        "en": "The database settings (.streamlit/secrets.toml) cannot be read, so the page "
        "shows no figures. The maintainers need to fix the file.",
    },
    "app.database": {
        "fi": "Tietokanta",
        "sv": "Databas",
        "en": "Database",
    },
    "app.retry": {"fi": "Yritä uudelleen", "sv": "Försök igen", "en": "Try again"},
    "app.coverage_note": {
        "fi": "Työttömien ja avointen työpaikkojen lukumäärien viimeisin kuukausi on "
        "{counts_end} (Tilastokeskuksen aineisto {vintage}); kuntien julkaisemien "
        "työttömien osuuksien {shares_end}. Kokeilujen loppu (joulukuu 2024) on merkitty "
        "kaavioihin.",
        "sv": "Antalen arbetslösa och lediga arbetsplatser sträcker sig till {counts_end} "
        "(Statistikcentralens material {vintage}); kommunernas publicerade andelar arbetslösa "
        "till {shares_end}. Försökens slut (december 2024) är markerat i diagrammen.",
        "en": "Counts of the unemployed and of vacancies run to {counts_end} (Statistics "
        "Finland copy of {vintage}); the municipalities' published unemployment shares to "
        "{shares_end}. The trials' end (December 2024) is marked on the charts.",
    },
    "app.no_data_month": {
        "fi": "Kuukaudelta {month} ei ole vielä tietoja: tämän näkymän tiedot kattavat "
        "{first}–{last}. Näytetään oletuskuukausi.",
        "sv": "För {month} finns inga uppgifter ännu: uppgifterna i denna vy täcker "
        "{first}–{last}. Standardmånaden visas.",
        "en": "There is no data yet for {month}: this view's data cover {first}–{last}. "
        "Showing the default month.",
    },
    "app.no_data_month_before": {
        "fi": "Kuukaudelta {month} ei ole tietoja: tämän näkymän tiedot kattavat "
        "{first}–{last}. Näytetään oletuskuukausi.",
        "sv": "För {month} finns inga uppgifter: uppgifterna i denna vy täcker "
        "{first}–{last}. Standardmånaden visas.",
        "en": "There is no data for {month}: this view's data cover {first}–{last}. "
        "Showing the default month.",
    },
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
    "overview.change_year": {
        "fi": "{delta} vuodentakaisesta",
        "sv": "{delta} jämfört med ett år tidigare",
        "en": "{delta} on a year earlier",
    },
    "overview.share_change_year": {
        "fi": "{delta} vuodessa",
        "sv": "{delta} på ett år",
        "en": "{delta} on a year",
    },
    "overview.municipalities_count": {
        "fi": {"one": "{n} kunta", "other": "{n} kuntaa"},
        "sv": {"one": "{n} kommun", "other": "{n} kommuner"},
        "en": {"one": "{n} municipality", "other": "{n} municipalities"},
    },
    "overview.gap_higher": {
        "fi": "Työttömien osuus ({month}) oli kokeilukunnissa {trial} ja muissa kunnissa {rest}: "
        "{gap} prosenttiyksikköä korkeampi.",
        "sv": "I {month} var andelen arbetslösa {trial} i försökskommunerna och {rest} i "
        "övriga kommuner: {gap} procentenheter högre.",
        "en": "In {month} the unemployment share was {trial} in the trial municipalities and "
        "{rest} in the rest: {gap} percentage points higher.",
    },
    "overview.gap_lower": {
        "fi": "Työttömien osuus ({month}) oli kokeilukunnissa {trial} ja muissa kunnissa {rest}: "
        "{gap} prosenttiyksikköä matalampi.",
        "sv": "I {month} var andelen arbetslösa {trial} i försökskommunerna och {rest} i "
        "övriga kommuner: {gap} procentenheter lägre.",
        "en": "In {month} the unemployment share was {trial} in the trial municipalities and "
        "{rest} in the rest: {gap} percentage points lower.",
    },
    "overview.gap_equal": {
        "fi": "Työttömien osuus ({month}) oli kokeilukunnissa {trial} ja muissa kunnissa {rest}: "
        "yhtä suuri.",
        "sv": "I {month} var andelen arbetslösa {trial} i försökskommunerna och {rest} i "
        "övriga kommuner: lika stor.",
        "en": "In {month} the unemployment share was {trial} in the trial municipalities and "
        "{rest} in the rest: the same.",
    },
    "overview.moved_better": {
        "fi": "Vuodessa kokeilukuntien osuus kehittyi {change} prosenttiyksikköä muita "
        "suotuisammin.",
        "sv": "På ett år utvecklades försökskommunernas andel {change} procentenheter "
        "gynnsammare än de övrigas.",
        "en": "Over the year the trial municipalities' share moved {change} percentage points "
        "better than the rest's.",
    },
    "overview.moved_worse": {
        "fi": "Vuodessa kokeilukuntien osuus kehittyi {change} prosenttiyksikköä muita "
        "epäsuotuisammin.",
        "sv": "På ett år utvecklades försökskommunernas andel {change} procentenheter "
        "ogynnsammare än de övrigas.",
        "en": "Over the year the trial municipalities' share moved {change} percentage points "
        "worse than the rest's.",
    },
    "overview.moved_same": {
        "fi": "Vuodessa kokeilukuntien ja muiden kuntien osuus kehittyi samoin.",
        "sv": "På ett år utvecklades andelen lika i försökskommunerna och de övriga.",
        "en": "Over the year the trial municipalities' share and the rest's moved alike.",
    },
    "overview.reconcile": {
        "fi": "Koko maa {country} = kokeilukunnat {trial} + TE-toimistojen kunnat {rest} + "
        "Ahvenanmaa {aland} (palvelut maakunnan omalta viranomaiselta AMS:ltä) + {other}, "
        "joita ei tilastoida millekään näistä kunnista tai joiden kunnan luku on salattu.",
        "sv": "Hela landet {country} = försökskommunerna {trial} + TE-byråkommunerna {rest} + "
        "Åland {aland} (tjänsterna från landskapets egen myndighet AMS) + {other} som inte "
        "statistikförs i någon av dessa kommuner eller vars kommuns tal är skyddat.",
        "en": "Whole country {country} = trial municipalities {trial} + TE-office "
        "municipalities {rest} + Åland {aland} (served by Åland's own authority, AMS) + "
        "{other} not counted in any of these municipalities or whose municipality's figure "
        "is suppressed.",
    },
    "overview.reconcile_aland_hidden": {
        "fi": "Koko maa {country} = kokeilukunnat {trial} + TE-toimistojen kunnat {rest} + "
        "{other} muualla: Ahvenanmaalla (palvelut maakunnan omalta viranomaiselta AMS:ltä; "
        "sen yhteissummaa ei muodosteta, koska osa sen kuntien luvuista on salattu) tai "
        "tilastoimatta millekään kunnalle.",
        "sv": "Hela landet {country} = försökskommunerna {trial} + TE-byråkommunerna {rest} + "
        "{other} på annat håll: på Åland (tjänsterna från landskapets egen myndighet AMS; "
        "ingen summa bildas eftersom en del av dess kommuners tal är skyddade) eller inte "
        "statistikförda i någon kommun.",
        "en": "Whole country {country} = trial municipalities {trial} + TE-office "
        "municipalities {rest} + {other} elsewhere: in Åland (served by Åland's own "
        "authority, AMS; no total is formed because some of its municipalities' figures are "
        "suppressed) or not counted in any municipality.",
    },
    "overview.reconcile_unverified": {
        "fi": {
            "one": "Luvussa on mukana {n} kunta, jonka jäsenyys on vahvistamatta.",
            "other": "Luvussa ovat mukana {n} kuntaa, joiden jäsenyys on vahvistamatta.",
        },
        "sv": {
            "one": "I talet ingår {n} kommun vars medlemskap är obekräftat.",
            "other": "I talet ingår {n} kommuner vars medlemskap är obekräftat.",
        },
        "en": {
            "one": "It includes {n} municipality whose membership is unverified.",
            "other": "It includes {n} municipalities whose membership is unverified.",
        },
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
    "profile.did_all_unverified": {
        "fi": "Alueen kaikki jäsenyydet ovat vahvistamatta, joten vaikutusarvio jätetään "
        "laskematta. Ota vahvistamattomat mukaan nähdäksesi arvion.",
        "sv": "Alla områdets medlemskap är obekräftade, så ingen effektskattning beräknas. "
        "Ta med de obekräftade för att se skattningen.",
        "en": "All of this area's memberships are unverified, so no effect estimate is "
        "computed. Include the unverified ones to see it.",
    },
    "profile.did_unavailable": {
        "fi": "Alueelle ei voi laskea vaikutusarviota (esimerkiksi kaikki jäsenyydet ovat "
        "vahvistamatta).",
        "sv": "För området kan ingen effektskattning beräknas (till exempel är alla "
        "medlemskap obekräftade).",
        "en": "No effect estimate can be computed for this area (all its memberships are "
        "unverified, for example).",
    },
    "profile.did_note": {
        "fi": "Työttömien osuus, erotusten erotus 1/2019–12/2024: alueen {treated} kuntaa "
        "verrattuna {control} kaltaistettuun vertailukuntaan. Katso menetelmä "
        "Vertailu ja vaikutusarvio -sivulta.",
        "sv": "De arbetslösas andel, skillnad-i-skillnader 1/2019–12/2024: områdets "
        "{treated} kommuner jämförda med {control} matchade jämförelsekommuner. Se "
        "metoden på sidan Jämförelse och effektutvärdering.",
        "en": "Unemployed share, difference in differences 1/2019–12/2024: the area's "
        "{treated} municipalities against {control} matched peer municipalities. See "
        "the method on the Comparison and evaluation page.",
    },
    "profile.missing_indicators": {
        "fi": "Näistä indikaattoreista ei ole tietoja alueen kunnista: {names}. Kohderyhmien "
        "sarjat ovat nyt vain Kangasalalta (2007–2025) ja Hämeenlinnan seudulta (kesäkuuhun "
        "2020); komento python -m data_access fetch hakee ne kaikille kunnille, kun verkko on "
        "käytettävissä.",
        "sv": "För dessa indikatorer finns inga uppgifter för områdets kommuner: {names}. "
        "Målgruppsserierna finns nu bara för Kangasala (2007–2025) och Tavastehusregionen "
        "(till juni 2020); kommandot python -m data_access fetch hämtar dem för alla kommuner "
        "när nätet är tillgängligt.",
        "en": "No data for the area's municipalities for: {names}. The target-group series "
        "exist now only for Kangasala (2007–2025) and the Hämeenlinna region (to June 2020); "
        "the command python -m data_access fetch fills them for every municipality when "
        "online.",
    },
    "profile.col.link": {"fi": "Lähteen osoite", "sv": "Källans adress", "en": "Source link"},
    "profile.unverified_help": {
        "fi": "Vahvistamaton jäsenyys on jäsenyys, jonka vain ministeriön luettelot nimeävät. "
        "Oletuksena tällaiset kunnat eivät ole kummassakaan ryhmässä; kytkin laskee ne "
        "kokeilukunniksi. Tällä hetkellä kaikki jäsenyydet on vahvistettu.",
        "sv": "Ett obekräftat medlemskap är ett som bara ministeriets förteckningar nämner. "
        "Som standard ingår sådana kommuner i ingendera gruppen; reglaget räknar dem som "
        "försökskommuner. För närvarande är alla medlemskap bekräftade.",
        "en": "An unverified membership is one named only by the ministry's lists. By "
        "default such municipalities are in neither group; the switch counts them as trial "
        "municipalities. At present every membership is confirmed.",
    },
    "profile.open_source": {"fi": "avaa lähde", "sv": "öppna källan", "en": "open source"},
    "methods.unverified_text": {
        "fi": "Jäsenyydet on koottu julkisista lähteistä, koska lain 1269/2020 luetteloa ei "
        "ollut käytettävissä. Vahvistettu jäsenyys perustuu alueen, kunnan tai TE-toimiston "
        "omaan lähteeseen; vahvistamaton vain ministeriön luetteloihin. Vahvistamattomat "
        "kunnat näytetään sellaisina, mutta oletuksena ne eivät ole kokeilu- eivätkä "
        "vertailukunnissa, joten kokeilukuntien luvut ja arviot koskevat vain vahvistettuja "
        "kuntia; kytkin laskee ne mukaan. Tällä hetkellä vahvistamattomia ei ole.",
        "sv": "Medlemskapen har sammanställts ur offentliga källor, eftersom förteckningen i "
        "lagen 1269/2020 inte fanns till hands. Ett bekräftat medlemskap bygger på områdets, "
        "kommunens eller TE-byråns egen källa; ett obekräftat bara på ministeriets "
        "förteckningar. Obekräftade kommuner visas som sådana, men som standard ingår de "
        "varken bland försöks- eller jämförelsekommunerna, så talen och skattningarna för "
        "försökskommunerna gäller bara bekräftade kommuner; reglaget räknar med dem. För "
        "närvarande finns inga obekräftade.",
        "en": "The memberships were compiled from public sources, as the list of law "
        "1269/2020 was not available. A confirmed membership rests on the area's, the "
        "municipality's or the TE office's own source; an unverified one only on the "
        "ministry's lists. Unverified municipalities are shown as such, but by default they "
        "are neither trial nor comparison municipalities, so the trial's figures and "
        "estimates cover confirmed municipalities only; the switch counts them in. At "
        "present there are none.",
    },
    "profile.continuation": {
        "fi": "Kokeilun jälkeen: 1.1.2025 alkaen alueen kuntien palvelut siirtyivät näille "
        "työllisyysalueille",
        "sv": "Efter försöket: från 1.1.2025 flyttade tjänsterna i områdets kommuner till "
        "dessa sysselsättningsområden",
        "en": "After the trial: from 1 January 2025 the services of the area's municipalities "
        "moved to these employment areas",
    },
    "profile.col.employment_area": {
        "fi": "Työllisyysalue 2025",
        "sv": "Sysselsättningsområde 2025",
        "en": "Employment area 2025",
    },
    "profile.col.n_members": {"fi": "Kuntia", "sv": "Kommuner", "en": "Municipalities"},
    "profile.col.municipalities": {
        "fi": "Alueen kunnat siinä",
        "sv": "Områdets kommuner där",
        "en": "The area's municipalities in it",
    },
    "profile.did_title": {
        "fi": "Alueen vaikutusarvio",
        "sv": "Områdets effektskattning",
        "en": "The area's effect estimate",
    },
    # Map page
    "map.title": {"fi": "Kartta", "sv": "Karta", "en": "Map"},
    "map.intro": {
        "fi": "Valitse indikaattori, kuukausi ja taso. Kartan vieressä on sama tieto "
        "taulukkona. Napsauta kuntaa tai aluetta kartalla, tai valitse se luettelosta "
        "kartan vieressä, avataksesi sen kokeilualueen profiilin.",
        "sv": "Välj indikator, månad och nivå. Bredvid kartan finns samma uppgifter som "
        "tabell. Klicka på en kommun eller ett område på kartan, eller välj det i listan "
        "bredvid kartan, för att öppna försöksområdets profil.",
        "en": "Choose an indicator, a month and a level. The same figures are in the table "
        "beside the map. Click a municipality or an area on the map, or pick it from the "
        "list beside the map, to open its trial area's profile.",
    },
    "map.clicked_not_in_trial": {
        "fi": "Napsautettu kunta ei ollut kokeilussa: sillä ei ole kokeilualueen profiilia.",
        "sv": "Den klickade kommunen deltog inte i försöket: den har ingen områdesprofil.",
        "en": "The municipality clicked was not in the trials: it has no trial-area profile.",
    },
    "map.level": {"fi": "Taso", "sv": "Nivå", "en": "Level"},
    "map.level.municipality": {"fi": "Kunnat", "sv": "Kommuner", "en": "Municipalities"},
    "map.level.area": {"fi": "Kokeilualueet", "sv": "Försöksområden", "en": "Trial areas"},
    "map.choice_idle": {
        "fi": "Tällä tasolla kartta näyttää, kuka palvelut järjesti: indikaattori ja "
        "luokittelu eivät vaikuta siihen.",
        "sv": "På den här nivån visar kartan vem som ordnade tjänsterna: indikatorn och "
        "klassindelningen påverkar den inte.",
        "en": "At this level the map shows who organised the services: the indicator and the "
        "classification do not change it.",
    },
    "map.unverified_shown": {
        "fi": "Tällä tasolla vahvistamattomat jäsenyydet näkyvät aina omana luokkanaan "
        "katkoviivalla.",
        "sv": "På den här nivån visas obekräftade medlemskap alltid som en egen klass med "
        "streckad kant.",
        "en": "At this level unverified memberships are always shown as a class of their own "
        "with a dashed outline.",
    },
    "map.month_fixed": {
        "fi": "Työllisyysalueet näytetään kokeilun viimeisen kuukauden järjestäjien päällä.",
        "sv": "Sysselsättningsområdena visas över anordnarna under försökets sista månad.",
        "en": "The employment areas are drawn over the organisers of the trial's last month.",
    },
    "map.level.employment_area": {
        "fi": "Työllisyysalueet 2025",
        "sv": "Sysselsättningsområden 2025",
        "en": "Employment areas 2025",
    },
    "map.employment_note": {
        "fi": "Kokeilut päättyivät 31.12.2024. Palvelut siirtyivät 1.1.2025 kunnille ja "
        "niiden {n} työllisyysalueelle (rajat kartalla). Värit kertovat, kuka järjesti "
        "palvelut kokeilun viimeisenä kuukautena ({month}).",
        "sv": "Försöken slutade 31.12.2024. Den 1.1.2025 flyttade tjänsterna till kommunerna "
        "och deras {n} sysselsättningsområden (gränserna på kartan). Färgerna visar vem som "
        "ordnade tjänsterna under försökets sista månad ({month}).",
        "en": "The trials ended on 31 December 2024. On 1 January 2025 the services moved to "
        "the municipalities and their {n} employment areas (the outlines on the map). The "
        "colours show who organised the services in the trial's last month ({month}).",
    },
    "map.employment_alt": {
        "fi": "Kartta: {n} työllisyysaluetta 1.1.2025 alkaen rajoina kuntien päällä; kunnat "
        "väritetty sen mukaan, kuka järjesti palvelut {month}. Samat tiedot ovat kartan "
        "taulukossa.",
        "sv": "Karta: {n} sysselsättningsområden från 1.1.2025 som gränser över kommunerna; "
        "kommunerna färgade efter vem som ordnade tjänsterna {month}. Samma uppgifter finns "
        "i kartans tabell.",
        "en": "Map: {n} employment areas from 1 January 2025 as outlines over the "
        "municipalities, coloured by who organised the services in {month}. The same "
        "figures are in the map's table.",
    },
    "map.col.until": {
        "fi": "Palvelut {month}",
        "sv": "Tjänsterna {month}",
        "en": "Services in {month}",
    },
    "map.label.employment_area": {
        "fi": "Työllisyysalue 2025",
        "sv": "Sysselsättningsområde 2025",
        "en": "Employment area 2025",
    },
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
        "{high}. Samat tiedot ovat kartan taulukossa.",
        "sv": "Koropletkarta: {indicator}, {month}, {n} områden. Lägst {low}, högst {high}. "
        "Samma uppgifter finns i kartans tabell.",
        "en": "Choropleth map: {indicator}, {month}, {n} areas. Lowest {low}, highest {high}. "
        "The same figures are in the map's table.",
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
    "map.label.aland": {
        "fi": "Ahvenanmaa (AMS)",
        "sv": "Åland (AMS)",
        "en": "Åland (AMS)",
    },
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
    "evaluation.event_label.phase": {"fi": "Jakso", "sv": "Period", "en": "Period"},
    "evaluation.event_label.pre": {
        "fi": "Ennen kokeilua",
        "sv": "Före försöket",
        "en": "Before the trial",
    },
    "evaluation.event_label.post": {
        "fi": "Kokeilun aikana",
        "sv": "Under försöket",
        "en": "During the trial",
    },
    "evaluation.event_label.point": {"fi": "Piste", "sv": "Punkt", "en": "Point"},
    "evaluation.event_label.month": {"fi": "Yksi kuukausi", "sv": "En månad", "en": "One month"},
    "evaluation.event_label.binned": {
        "fi": "Päätepiste (myös kauempana olevat kuukaudet)",
        "sv": "Ändpunkt (även månader längre bort)",
        "en": "End point (the months beyond it too)",
    },
    "evaluation.event_label.reference": {
        "fi": "Vertailukuukausi (0 määritelmän mukaan)",
        "sv": "Referensmånad (0 per definition)",
        "en": "Reference month (0 by definition)",
    },
    "export.level.country": {"fi": "koko maa", "sv": "hela landet", "en": "whole country"},
    "export.level.municipality": {"fi": "kunnat", "sv": "kommuner", "en": "municipalities"},
    "export.level.region": {"fi": "maakunnat", "sv": "landskap", "en": "regions"},
    "export.level.subregion": {
        "fi": "seutukunnat",
        "sv": "ekonomiska regioner",
        "en": "sub-regions",
    },
    "export.level.ely": {"fi": "ELY-alueet", "sv": "NTM-områden", "en": "ELY areas"},
    "export.level.municipality_group": {
        "fi": "yhdistetyt kunnat",
        "sv": "sammanslagna kommuner",
        "en": "merged municipalities",
    },
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
    "methods.n_municipalities": {
        "fi": {"one": "{n} kunta", "other": "{n} kuntaa"},
        "sv": {"one": "{n} kommun", "other": "{n} kommuner"},
        "en": {"one": "{n} municipality", "other": "{n} municipalities"},
    },
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
        "julkisista lähteistä. Porin seudun (A19) jäsenyydet vahvistettiin joulukuussa 2026 "
        "kahdesta lisälähteestä (keskinkertainen varmuus).",
        "sv": "- Kommunvisa antal slutar i oktober 2023; de arbetslösas andel finns publicerad "
        "till januari 2025 (indelningen 2025).\n"
        "- Serier för målgrupperna (långtidsarbetslösa, under 25 år, utländska "
        "medborgare, personer i tjänster) finns bara för Kangasala och "
        "Tavastehusregionen.\n"
        "- Ministeriets egna uppföljningsindikatorer för försöken är inte offentliga.\n"
        "- Förteckningen i lagen 1269/2020 fanns inte till hands; medlemskapen har "
        "sammanställts ur offentliga källor. Björneborgsregionens (A19) medlemskap "
        "bekräftades i december 2026 med två ytterligare källor (medelhög säkerhet).",
        "en": "- Municipal counts end in October 2023; the unemployed share is published to "
        "January 2025 (2025 municipal division).\n"
        "- Target-group series (long-term unemployed, under 25, foreign nationals, "
        "people in services) exist only for Kangasala and the Hämeenlinna region.\n"
        "- The ministry's own trial follow-up indicators are not public.\n"
        "- The list in law 1269/2020 was not available; memberships were compiled from "
        "public sources. The Pori region's (A19) memberships were confirmed in December 2026 "
        "on two more sources (medium confidence).",
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
    "overview.map_title": {
        "fi": "Palvelujen järjestäjä {month}",
        "sv": "Tjänsternas anordnare {month}",
        "en": "Who organised the services, {month}",
    },
    "overview.map_outside": {
        "fi": "Valittu kuukausi on kokeilun ulkopuolella; kartta näyttää lähimmän "
        "kokeilukuukauden.",
        "sv": "Den valda månaden ligger utanför försöket; kartan visar närmaste försöksmånad.",
        "en": "The chosen month is outside the trial; the map shows the nearest trial month.",
    },
    "overview.key_title": {
        "fi": "Keskeiset indikaattorit",
        "sv": "Centrala indikatorer",
        "en": "Key indicators",
    },
    "overview.key_alt": {
        "fi": "Pienoiskaaviot koko maasta, kokeilukunnista ja muista kunnista: {panels}.",
        "sv": "Små diagram för hela landet, försökskommunerna och övriga kommuner: {panels}.",
        "en": "Small charts for the whole country, the trial and the other municipalities: "
        "{panels}.",
    },
    "overview.changed_title": {
        "fi": "Mikä muuttui vuodessa ({month})",
        "sv": "Vad ändrades på ett år ({month})",
        "en": "What changed on a year ({month})",
    },
    "overview.changed_none": {
        "fi": "Ei yhtään aluetta.",
        "sv": "Inget område.",
        "en": "No area.",
    },
    "overview.changed_best": {
        "fi": "Työttömien osuus laski eniten:",
        "sv": "De arbetslösas andel sjönk mest:",
        "en": "The unemployed share fell most in:",
    },
    "overview.changed_worst": {
        "fi": "Työttömien osuus nousi eniten:",
        "sv": "De arbetslösas andel steg mest:",
        "en": "The unemployed share rose most in:",
    },
    # Comparison and evaluation page
    "evaluation.title": {
        "fi": "Vertailu ja vaikutusarvio",
        "sv": "Jämförelse och effektutvärdering",
        "en": "Comparison and evaluation",
    },
    "evaluation.intro": {
        "fi": "Erotusten erotus -arvio: muuttuiko kokeilukuntien tulos 3/2021 alkaen toisin "
        "kuin TE-toimistojen palvelemissa vertailukunnissa? Kiinteät kunta- ja "
        "kuukausivaikutukset, keskivirheet kunnittain klusteroituina.",
        "sv": "Skillnad-i-skillnader: förändrades försökskommunernas utfall från 3/2021 "
        "annorlunda än i jämförelsekommunerna som TE-byråerna betjänade? Fasta kommun- "
        "och månadseffekter, medelfel klustrade per kommun.",
        "en": "Difference in differences: did the trial municipalities' outcome change from "
        "March 2021 differently from the comparison municipalities served by the TE "
        "offices? Municipality and month fixed effects, standard errors clustered by "
        "municipality.",
    },
    "evaluation.outcome": {"fi": "Tulosmuuttuja", "sv": "Utfallsvariabel", "en": "Outcome"},
    "evaluation.comparison": {
        "fi": "Vertailuryhmä",
        "sv": "Jämförelsegrupp",
        "en": "Comparison group",
    },
    "comparison.all_other": {
        "fi": "Kaikki muut kunnat",
        "sv": "Alla övriga kommuner",
        "en": "All other municipalities",
    },
    "comparison.same_regions": {
        "fi": "Muut kunnat samoista maakunnista",
        "sv": "Övriga kommuner i samma landskap",
        "en": "Other municipalities of the same regions",
    },
    "comparison.matched": {
        "fi": "Kaltaistetut vertailukunnat",
        "sv": "Matchade jämförelsekommuner",
        "en": "Matched peer municipalities",
    },
    "evaluation.window_start": {"fi": "Alkaen", "sv": "Från", "en": "From"},
    "evaluation.window_end": {"fi": "Päättyen", "sv": "Till", "en": "To"},
    "evaluation.pooled": {
        "fi": "Kaikki kokeilukunnat yhdessä",
        "sv": "Alla försökskommuner tillsammans",
        "en": "All trial municipalities together",
    },
    "evaluation.estimate": {
        "fi": "Vaikutusarvio",
        "sv": "Effektskattning",
        "en": "Estimated effect",
    },
    "evaluation.ci": {
        "fi": "95 %:n luottamusväli {low} … {high}",
        "sv": "95 % konfidensintervall {low} … {high}",
        "en": "95 % confidence interval {low} … {high}",
    },
    "evaluation.pretrend": {
        "fi": "Esitrenditesti (p)",
        "sv": "Test av förtrender (p)",
        "en": "Pre-trend test (p)",
    },
    "evaluation.pretrend_help": {
        "fi": "Yhteistesti sille, että kokeilua edeltävien kuukausien erot ovat nollia. "
        "Pieni p-arvo (< 0,05) viittaa siihen, että ryhmät kehittyivät eri tavoin jo "
        "ennen kokeilua, jolloin arvio ei ole luotettava.",
        "sv": "Gemensamt test av att skillnaderna före försöket är noll. Ett litet p-värde "
        "(< 0,05) tyder på att grupperna utvecklades olika redan före försöket, och då "
        "är skattningen inte tillförlitlig.",
        "en": "Joint test that the differences in the months before the trial are zero. A "
        "small p-value (< 0.05) suggests the groups already moved apart before the "
        "trial, and the estimate is then not reliable.",
    },
    "evaluation.groups": {
        "fi": "Kokeilukuntia {treated}, vertailukuntia {control}",
        "sv": "Försökskommuner {treated}, jämförelsekommuner {control}",
        "en": "{treated} trial and {control} comparison municipalities",
    },
    "evaluation.pretrend_rejects": {
        "fi": "Esitrenditesti hylkää yhdensuuntaiset trendit ({p}): arviota ei voi "
        "lukea kokeilun vaikutukseksi.",
        "sv": "Testet av förtrender förkastar parallella trender ({p}): skattningen kan "
        "inte läsas som försökets effekt.",
        "en": "The pre-trend test rejects parallel trends ({p}): the estimate cannot be "
        "read as the trial's effect.",
    },
    "evaluation.pretrend_undefined": {
        "fi": "Esitrenditestiä ei voi laskea (liian vähän klustereita).",
        "sv": "Testet av förtrender kan inte beräknas (för få kluster).",
        "en": "The pre-trend test cannot be computed (too few clusters).",
    },
    "evaluation.few_treated": {
        "fi": "Vain {n} kokeilukuntaa: klusteroitu päättely on epävarmaa.",
        "sv": "Endast {n} försökskommuner: klustrad inferens är osäker.",
        "en": "Only {n} trial municipalities: clustered inference is unreliable.",
    },
    "evaluation.event_title": {
        "fi": "Tapahtumatutkimus: ero vertailuryhmään kuukausittain",
        "sv": "Händelsestudie: skillnad mot jämförelsegruppen per månad",
        "en": "Event study: difference from the comparison group by month",
    },
    "evaluation.event_x": {
        "fi": "Kuukausia kokeilun alusta",
        "sv": "Månader från försökets start",
        "en": "Months from the trial's start",
    },
    "evaluation.event_alt": {
        "fi": "Tapahtumatutkimuksen kuvio: arviot ja 95 %:n luottamusvälit {n} kuukaudelle "
        "kokeilun alun ympärillä; viitekuukausi on -1.",
        "sv": "Händelsestudiens diagram: skattningar och 95 % konfidensintervall för {n} "
        "månader kring försökets start; referensmånad -1.",
        "en": "Event-study chart: estimates with 95 % confidence intervals for {n} months "
        "around the trial's start; the reference month is -1.",
    },
    "evaluation.areas_title": {
        "fi": "Arviot alueittain",
        "sv": "Skattningar per område",
        "en": "Estimates by area",
    },
    "evaluation.areas_alt": {
        "fi": "Metsäkuvio: vaikutusarviot ja luottamusvälit {n} alueelle.",
        "sv": "Skogsdiagram: effektskattningar och konfidensintervall för {n} områden.",
        "en": "Forest plot: estimates with confidence intervals for {n} areas.",
    },
    "evaluation.col.area": {"fi": "Alue", "sv": "Område", "en": "Area"},
    "evaluation.col.p": {"fi": "p", "sv": "p", "en": "p"},
    "evaluation.col.pretrend": {"fi": "Esitrendi p", "sv": "Förtrend p", "en": "Pre-trend p"},
    "evaluation.col.treated": {
        "fi": "Kokeilukuntia",
        "sv": "Försökskommuner",
        "en": "Trial municipalities",
    },
    "evaluation.col.control": {
        "fi": "Vertailukuntia",
        "sv": "Jämförelsekommuner",
        "en": "Comparison municipalities",
    },
    "evaluation.col.low": {"fi": "Alaraja", "sv": "Nedre gräns", "en": "Lower bound"},
    "evaluation.col.high": {"fi": "Yläraja", "sv": "Övre gräns", "en": "Upper bound"},
    "evaluation.services_missing": {
        "fi": 'Sarja "työttömät ja palveluissa olevat" on saatavilla vain Kangasalalle ja '
        "Hämeenlinnan seudulle, joten sitä ei voi arvioida kaikille kunnille. Se "
        "näytetään alueprofiilissa, kun sarja on olemassa.",
        "sv": 'Serien "arbetslösa och personer i tjänster" finns bara för Kangasala och '
        "Tavastehusregionen och kan därför inte utvärderas för alla kommuner. Den visas "
        "i områdesprofilen när serien finns.",
        "en": 'The series "unemployed plus people in services" exists only for Kangasala '
        "and the Hämeenlinna region, so it cannot be evaluated for all municipalities. "
        "The area profile shows it where it exists.",
    },
    "evaluation.method_title": {
        "fi": "Menetelmä ja varaumat",
        "sv": "Metod och förbehåll",
        "en": "Method and caveats",
    },
    "evaluation.method": {
        "fi": "**Menetelmä.** Kaksisuuntainen kiinteiden vaikutusten erotusten "
        "erotus (kiinteät vaikutukset poistetaan tarkalla kaksisuuntaisella "
        "keskistyksellä, jonka tulokset ovat samat kuin linearmodels-kirjaston "
        "PanelOLS-estimaattorin): kullakin kunnalla on oma tasonsa (kunnan "
        "kiinteä vaikutus) ja kullakin kuukaudella kaikille kunnille yhteinen "
        "tasonsa (kuukauden kiinteä vaikutus), ja vaikutus on kokeilu × jälkeen "
        "-termin kerroin (kokeilukunta ja kuukausi maaliskuusta 2021 alkaen). Arvio "
        "vertaa tulosmuuttujan muutosta kokeilukunnissa kokeilun alun jälkeen sen "
        "muutokseen vertailukunnissa samoina kuukausina. Se on kokeilukuntien "
        "keskimääräinen vaikutus kokeilun alun jälkeisinä kuukausina, ei ennuste "
        "muille kunnille.\n\n"
        "**Tapahtumatutkimus.** Yksi termi korvataan termillä kutakin kokeilun "
        "alusta laskettua kuukautta kohden: 24 kuukautta ennen maaliskuuta 2021 ja "
        "36 kuukautta sen jälkeen, vertailukuukautena helmikuu 2021. Kauempana "
        "olevat kuukaudet yhdistetään ensimmäiseen ja viimeiseen estimaattiin.\n\n"
        "**Oletus.** Ilman kokeilua ryhmien tulokset olisivat kehittyneet "
        "yhdensuuntaisesti. Esitrenditesti (Waldin yhteistesti sille, että kaikki "
        "kokeilua edeltävien kuukausien kertoimet ovat nollia) voi kumota oletuksen, "
        "mutta ei todistaa sitä: suuri p-arvo voi johtua testin vähäisestä "
        "voimakkuudesta, se ei kerro, mitä kokeilun alun jälkeen olisi tapahtunut, "
        "eikä testi havaitse kokeilun alkuun osuvia shokkeja, kuten "
        "COVID-19-shokista toipumista.\n\n"
        "**Keskivirheet.** Keskivirheet klusteroidaan kunnittain, koska saman kunnan "
        "kuukaudet eivät ole toisistaan riippumattomia havaintoja: klusterirobusti "
        "kovarianssi käyttää pienen otoksen korjauskerrointa G/(G − 1) · (n − 1)/(n "
        "− K), jossa G on kuntien määrä ja K kertoimien ja kuukausivaikutusten määrä "
        "(kuntavaikutukset sisältyvät klustereihin), ja luottamusvälit ja p-arvot "
        "perustuvat t-jakaumaan G − 1 vapausasteella, kuten Statan xtreg, fe ja "
        "reghdfe; ilman klusterointia raportoidaan tavanomaiset pienimmän "
        "neliösumman keskivirheet.\n\n"
        "**Tulosmuuttujat ja aineisto.** Päätulosmuuttuja on työttömien osuus "
        "työvoimasta, 100 × työttömät työnhakijat / työvoima, kunnittain laskettuna "
        "(työvoima on vuositason luku). Lokakuun 2023 jälkeen lukumääriä ei ole "
        "aineistossa, ja niiden sijaan käytetään Tilastokeskuksen julkaisemaa "
        "osuutta (yksi desimaali); kun molemmat ovat saatavilla, ne eroavat enintään "
        "pyöristyksen verran. Vuonna 2025 yhdistyneiden Mäntyharjun ja Pertunmaan "
        "luku julkaistaan lokakuun 2023 jälkeen vain yhteisenä: ne ovat erillisiä "
        "kuntia lokakuuhun 2023 asti ja jäävät sen jälkeen pois. Työttömät "
        "työnhakijat avointa työpaikkaa kohden on epävakaa mittari: avoimet "
        "työpaikat ovat monessa pienessä kunnassa salattuja tai nollia, ja sen "
        "lukumäärät päättyvät lokakuuhun 2023.\n\n"
        "**Jakso.** Oletuksena tammikuusta 2019 viimeiseen kuukauteen, jolta "
        "useimmilla kunnilla on tietoja, kuitenkin enintään joulukuuhun 2024. "
        "Työvoimapalvelut siirtyivät 1.1.2025 kaikissa kunnissa kuntien "
        "järjestettäviksi (TE24-uudistus), joten kokeilujen jälkeen vertailuryhmää "
        "ei ole.\n\n"
        "**Vertailuryhmät.** Kokeilukuntia verrataan kuntiin, joiden "
        "työvoimapalvelut TE-toimistot järjestivät edelleen: kaikkiin muihin "
        "kuntiin, muihin kuntiin samoista maakunnista tai kaltaistettuihin "
        "vertailukuntiin. Vahvistamattomat jäsenyydet (tällä hetkellä ei yhtään; "
        "Porin seutu vahvistettiin joulukuussa 2026) jätetään oletuksena molemmista "
        "ryhmistä pois, jotta epävarma "
        "asema ei vääristä kumpaakaan; pyydettäessä ne lasketaan kokeilukunniksi. "
        "Kiteen ryhmä (alue A25a) hyväksyttiin kokeiluun vuonna 2020, mutta se ei "
        "osallistunut; sen kunnat ovat vertailukuntia. Ahvenanmaan 16 kuntaa eivät "
        "ole vertailukuntia: Ahvenanmaalla työvoimapalvelut järjestää maakunnan oma "
        "viranomainen (AMS), ei TE-toimisto; yleiskuvassa ne ovat oma ryhmänsä.\n\n"
        "**Kaltaistus.** Kullekin kokeilukunnalle valitaan kolme lähintä samaan "
        "kuntaryhmään (kaupunkimaiset, taajaan asutut ja maaseutumaiset kunnat) "
        "kuuluvaa TE-toimiston palvelemaa kuntaa tulosmuuttujan kokeilua edeltävän "
        "tason (maaliskuu 2019 – helmikuu 2020), trendin (tammikuu 2017 – helmikuu "
        "2020, kalenterikuukausien vaikutukset huomioiden) ja koon (työvoiman "
        "logaritmi) perusteella; muuttujat standardoidaan, ja etäisyys on "
        "euklidinen. Jos kuntaryhmässä on liian vähän ehdokkaita, lähimmät toisen "
        "ryhmän kunnat täydentävät vertailukunnat, ja nämä parit merkitään. Sama "
        "kunta voi olla usean kokeilukunnan vertailukunta, ja se tulee ryhmään "
        "kerran; tasatilanteessa valitaan pienempi kuntanumero. Tasapaino esitetään "
        "standardoituina keskiarvoeroina ennen kaltaistusta ja sen jälkeen "
        "(itseisarvoltaan alle 0,1 luetaan yleensä hyväksi tasapainoksi). Koska "
        "kaltaistus tekee ryhmistä samankaltaisia jo ennen kokeilua, kaltaistetun "
        "ryhmän esitrenditesti on heikompi näyttö yhdensuuntaisista trendeistä.\n\n"
        "**Aluekohtaiset arviot.** Yhtä kokeilualuetta verrataan samanlaiseen "
        "vertailuryhmään; muiden alueiden jäsenet jätetään pois eikä niitä käytetä "
        "vertailukuntina. Monella alueella on vain yksi tai muutama kunta: näin "
        "harvoilla kokeilukuntien klustereilla klusterirobustit keskivirheet ja "
        "esitrenditesti ovat epäluotettavia ja esitetään vain suuntaa antavina, ja "
        "jos klustereita on vähemmän kuin testattavia kuukausia, esitrenditestiä ei "
        "raportoida.\n\n"
        "**Varaumat.** Kokeilualueita ei valittu satunnaisesti: kunnat hakivat "
        "mukaan, ja hakeneet kunnat voivat poiketa muista tavoilla, jotka "
        "vaikuttavat myös niiden työmarkkinoihin. Kevään 2020 COVID-19-shokki osuu "
        "kokeilua edeltävälle jaksolle ja kohteli elinkeinorakenteeltaan erilaisia "
        "kuntia eri tavoin, ja siitä toipuminen osuu kokeilun ensimmäisille "
        "kuukausille, joten osa arviosta voi heijastaa erilaista toipumista. "
        "Pohjoismainen työvoimapalvelumalli (2.5.2022) muutti työnhakijoiden "
        "velvoitteita kaikissa kunnissa samanaikaisesti; kuukausivaikutukset "
        "poistavat sen vain siltä osin kuin se vaikutti molempiin ryhmiin samalla "
        "tavalla.",
        "sv": "**Metod.** Skillnad-i-skillnader med tvåvägs fasta effekter "
        "(de fasta effekterna tas bort med en exakt tvåvägs within-transformation, "
        "med samma resultat som linearmodels PanelOLS): varje kommun har en egen "
        "nivå (fast kommuneffekt) "
        "och varje månad en nivå som är gemensam för alla kommuner (fast "
        "månadseffekt), och effekten är koefficienten för termen försök × efter "
        "(försökskommun och månad från mars 2021). Skattningen jämför hur mycket "
        "utfallet förändrades i försökskommunerna efter starten med hur mycket det "
        "förändrades i jämförelsekommunerna under samma månader. Den är en "
        "genomsnittlig effekt för försökskommunerna under månaderna efter starten, "
        "inte en prognos för andra kommuner.\n\n"
        "**Händelsestudie.** Den enda termen ersätts med en term per månad räknat "
        "från starten: 24 månader före och 36 månader efter mars 2021, med februari "
        "2021 som referensmånad. Månader längre från starten slås samman med den "
        "första och den sista skattningen.\n\n"
        "**Antagande.** Utan försöket skulle gruppernas utfall ha utvecklats "
        "parallellt. Testet av förtrender (ett gemensamt Waldtest av att alla "
        "koefficienter för månaderna före starten är noll) kan förkasta antagandet "
        "men inte bevisa det: ett stort p-värde kan bero på att testet har låg "
        "styrka, det säger inget om vad som skulle ha hänt efter starten, och det "
        "upptäcker inte chocker som sammanfaller med starten, såsom återhämtningen "
        "efter covid-19.\n\n"
        "**Medelfel.** Medelfelen klustras per kommun, eftersom en kommuns månader "
        "inte är oberoende observationer: den klusterrobusta kovariansen använder "
        "småstickprovsfaktorn G/(G − 1) · (n − 1)/(n − K), där G är antalet kommuner "
        "och K antalet koefficienter och månadseffekter (kommuneffekterna ingår i "
        "klustren), och konfidensintervall och p-värden bygger på t-fördelningen med "
        "G − 1 frihetsgrader, som i Statas xtreg, fe och reghdfe; utan klustring "
        "redovisas konventionella medelfel enligt minsta kvadratmetoden.\n\n"
        "**Utfallsmått och data.** Det huvudsakliga utfallsmåttet är de arbetslösas "
        "andel av arbetskraften, 100 × arbetslösa arbetssökande / arbetskraft, "
        "beräknad per kommun (arbetskraften är ett årligt tal). Efter oktober 2023 "
        "finns antalen inte i data, och i stället används den andel som "
        "Statistikcentralen publicerar (en decimal); där båda finns stämmer de "
        "överens inom avrundningen. Mäntyharju och Pertunmaa, som gick samman 2025, "
        "publiceras efter oktober 2023 bara tillsammans: de är separata kommuner "
        "till och med oktober 2023 och lämnas bort därefter. Arbetslösa "
        "arbetssökande per ledig arbetsplats är ett instabilt mått: de lediga "
        "arbetsplatserna är skyddade eller noll i många små kommuner, och antalen "
        "bakom måttet slutar i oktober 2023.\n\n"
        "**Period.** Som standard från januari 2019 till den sista månaden med "
        "uppgifter för de flesta kommuner, dock högst till december 2024. Den 1 "
        "januari 2025 överfördes arbetskraftsservicen i alla kommuner till "
        "kommunerna (TE24-reformen), så efter försöken finns ingen jämförelsegrupp.\n\n"
        "**Jämförelsegrupper.** Försökskommunerna jämförs med kommuner där "
        "TE-byråerna fortsatte att ordna arbetskraftsservicen: alla övriga kommuner, "
        "övriga kommuner i samma landskap eller matchade jämförelsekommuner. "
        "Obekräftade medlemskap (för närvarande inga; Björneborgsregionen bekräftades i "
        "december 2026) lämnas som "
        "standard utanför båda grupperna, så att en osäker status inte påverkar "
        "någondera; på begäran räknas de som försökskommuner. Kitee-gruppen (område "
        "A25a) godkändes 2020 men deltog inte; dess kommuner är jämförelsekommuner. "
        "De 16 åländska kommunerna är inga jämförelsekommuner: på Åland ordnar "
        "landskapets egen myndighet (AMS) arbetskraftsservicen, inte TE-byrån; i "
        "översikten är de en egen grupp.\n\n"
        "**Matchning.** Varje försökskommun får de tre närmaste kommunerna i samma "
        "kommungrupp (stadskommuner, tätortskommuner och landsbygdskommuner) som "
        "TE-byråerna betjänade, utifrån utfallets nivå före försöket (mars 2019 – "
        "februari 2020), dess trend (januari 2017 – februari 2020, med hänsyn till "
        "kalendermånadernas effekter) och kommunens storlek (arbetskraftens "
        "logaritm); variablerna standardiseras och avståndet är euklidiskt. Om "
        "kommungruppen har för få kandidater kompletteras jämförelsekommunerna med "
        "de närmaste kommunerna i en annan grupp, och dessa par markeras. Samma "
        "kommun kan jämföras med flera försökskommuner och ingår i gruppen en gång; "
        "vid lika avstånd väljs det lägre kommunnumret. Balansen visas som "
        "standardiserade medelvärdesskillnader före och efter matchningen (under 0,1 "
        "i absolut värde brukar läsas som god balans). Eftersom matchningen gör "
        "grupperna lika redan före försöket är ett test av förtrender för den "
        "matchade gruppen svagare belägg för parallella trender.\n\n"
        "**Områdesvisa skattningar.** Ett försöksområde jämförs med samma slags "
        "jämförelsegrupp; medlemmarna i de andra områdena lämnas bort och används "
        "aldrig som jämförelsekommuner. Många områden har bara en eller några "
        "kommuner: med så få kluster bland försökskommunerna är klusterrobusta "
        "medelfel och testet av förtrender otillförlitliga och visas endast som "
        "vägledande, och med färre kluster än testade månader redovisas inget test "
        "av förtrender.\n\n"
        "**Förbehåll.** Försöksområdena valdes inte slumpmässigt: kommunerna "
        "ansökte, och de som ansökte kan skilja sig från de övriga på sätt som också "
        "påverkar deras arbetsmarknad. Covid-19-chocken våren 2020 infaller före "
        "försöket, drabbade kommuner med olika näringsstruktur olika, och "
        "återhämtningen sammanfaller med försökets första månader, så en del av "
        "skattningen kan spegla en olika snabb återhämtning. Den nordiska modellen "
        "för arbetskraftsservice (2.5.2022) ändrade de arbetssökandes skyldigheter i "
        "alla kommuner samtidigt; månadseffekterna fångar upp den bara i den mån den "
        "påverkade båda grupperna lika.",
        "en": "**Method.** Two-way fixed-effects difference in differences "
        "(the fixed effects removed by an exact two-way within transformation, with "
        "the same results as linearmodels' PanelOLS): each municipality has its own "
        "level (municipality "
        "fixed effect), each month a level common to all municipalities (month fixed "
        "effect), and the effect is the coefficient of a trial × after term (a trial "
        "municipality in a month from March 2021 on). It compares how much the "
        "outcome changed in the trial municipalities after the start with how much "
        "it changed in the comparison municipalities over the same months. The "
        "estimate is an average effect on the trial municipalities over the months "
        "after the start, not a forecast for other municipalities.\n\n"
        "**Event study.** The single term is replaced by one term per month relative "
        "to the start: 24 months before and 36 months after March 2021, with "
        "February 2021 as the reference month. Months further from the start are "
        "pooled into the first and the last estimate.\n\n"
        "**Assumption.** Without the trial the groups' outcomes would have moved in "
        "parallel. The pre-trend test (a joint Wald test that all event-study "
        "coefficients before the start are zero) can reject this assumption but "
        "cannot prove it: a large p-value may reflect a lack of power, it says "
        "nothing about what would have happened after the start, and the test does "
        "not detect shocks that coincide with the start, such as the recovery from "
        "COVID-19.\n\n"
        "**Standard errors.** Standard errors are clustered by municipality, because "
        "the months of one municipality are not independent observations: the "
        "cluster-robust covariance uses the small-sample factor G/(G − 1) · (n − "
        "1)/(n − K), where G is the number of municipalities and K counts the "
        "coefficients and the month effects (the municipality effects are nested in "
        "the clusters), and intervals and p-values use the t distribution with G − 1 "
        "degrees of freedom, as Stata's xtreg, fe and reghdfe do; without "
        "clustering, conventional least-squares standard errors are reported.\n\n"
        "**Outcomes and data.** The main outcome is the unemployed share of the "
        "labour force, 100 × unemployed jobseekers / labour force, computed for each "
        "municipality (the labour force is an annual figure). After October 2023 the "
        "counts are not in the data, and the share published by Statistics Finland "
        "(one decimal) is used instead; where both exist they agree to within the "
        "rounding. Mäntyharju and Pertunmaa, which merged in 2025, are published "
        "only together after October 2023: they are separate municipalities up to "
        "October 2023 and left out after it. Unemployed jobseekers per open vacancy "
        "is a volatile measure: vacancies are suppressed or zero in many small "
        "municipalities, and the counts behind it end in October 2023.\n\n"
        "**Window.** By default from January 2019 to the last month with data for "
        "most municipalities, but no later than December 2024. On 1 January 2025 the "
        "employment services of every municipality moved to the municipalities (the "
        "TE24 reform), so there is no comparison group after the trials.\n\n"
        "**Comparison groups.** The trial municipalities are compared with "
        "municipalities whose employment services the TE offices kept providing: all "
        "other municipalities, the other municipalities of the same regions "
        "(maakunta), or matched peers. Unverified memberships (none at present; the "
        "Pori region was confirmed in December 2026) are left out of both groups by default, "
        "so that an "
        "uncertain status cannot contaminate either; on request they count as trial "
        "municipalities. The Kitee group (area A25a) was accepted in 2020 but did "
        "not take part; its municipalities are comparison municipalities. The 16 Åland "
        "municipalities are no comparison municipalities: on Åland the employment "
        "services are run by Åland's own authority (AMS), not by the TE offices; the "
        "overview shows them as a group of their own.\n\n"
        "**Matching.** Each trial municipality gets the three nearest TE-office "
        "municipalities of its urban/rural class (Statistics Finland's urban, "
        "semi-urban and rural municipalities) by the pre-trial level of the outcome "
        "(March 2019 – February 2020), its trend (January 2017 – February 2020, net "
        "of calendar-month effects) and size (the log of the labour force); the "
        "covariates are standardised and the distance is Euclidean. Where the class "
        "has too few candidates, the nearest municipalities of another class "
        "complete the peers, and those matches are flagged. A municipality may be "
        "the peer of several trial municipalities and enters the group once; equal "
        "distances go to the lower municipality code. Balance is shown as "
        "standardised mean differences before and after matching (below 0.1 in "
        "absolute value is commonly read as good balance). Because matching makes "
        "the groups alike before the trial by construction, a pre-trend test on the "
        "matched group is weaker evidence for parallel trends.\n\n"
        "**Per-area estimates.** One trial area is compared with the same kind of "
        "comparison group; the members of the other areas are left out, never used "
        "as controls. Many areas have one or a few municipalities: with so few "
        "treated clusters the cluster-robust standard errors and the pre-trend test "
        "are unreliable and shown as indicative only, and with fewer clusters than "
        "tested months no pre-trend test is reported.\n\n"
        "**Caveats.** The trial areas were not chosen at random: municipalities "
        "applied, and those that applied may differ from the others in ways that "
        "also affect their labour market. The COVID-19 shock of spring 2020 falls in "
        "the pre-trial period, hit municipalities with different industries "
        "differently, and the recovery from it overlaps the first trial months, so "
        "part of the estimate may reflect a differential recovery. The Nordic "
        "jobseeker service model (2 May 2022) changed the obligations of jobseekers "
        "in every municipality at once; the month effects absorb it only insofar as "
        "it affected both groups alike.",
    },
    "evaluation.technical": {
        "fi": "Tekniset huomautukset",
        "sv": "Tekniska anmärkningar",
        "en": "Technical notes",
    },
    "evaluation.computing": {
        "fi": "Lasketaan arvioita…",
        "sv": "Skattningar beräknas…",
        "en": "Computing the estimates…",
    },
    "evaluation.window_shortened": {
        "fi": "Tämän tulosmuuttujan tiedot päättyvät useimmissa kunnissa {last}; jakso "
        "lyhennettiin päättymään siihen (pyydetty {asked}).",
        "sv": "Uppgifterna för detta utfallsmått slutar i de flesta kommuner {last}; perioden "
        "förkortades till att sluta då (begärt {asked}).",
        "en": "The data for this outcome end in {last} for most municipalities; the window "
        "was shortened to end then (asked for {asked}).",
    },
    "evaluation.no_window": {
        "fi": "Tämän tulosmuuttujan tiedot päättyvät jo {last}: kokeilun alun jälkeen ei ole "
        "tarpeeksi kuukausia arvioon.",
        "sv": "Uppgifterna för detta utfallsmått slutar redan {last}: efter försökets start "
        "finns inte tillräckligt många månader för en skattning.",
        "en": "The data for this outcome end as early as {last}: there are not enough months "
        "after the trials began for an estimate.",
    },
    "evaluation.failed_unexpected": {
        "fi": "Arviota ei voitu laskea näillä valinnoilla. Kokeile toista jaksoa tai "
        "vertailuryhmää; virhe on kirjattu ylläpitoa varten.",
        "sv": "Skattningen kunde inte beräknas med dessa val. Pröva en annan period eller "
        "jämförelsegrupp; felet har loggats för underhållet.",
        "en": "The estimate could not be computed with these choices. Try another window or "
        "comparison group; the error has been logged for the maintainers.",
    },
    "evaluation.failed": {
        "fi": "Arviota ei voitu laskea: {reason}",
        "sv": "Skattningen kunde inte beräknas: {reason}",
        "en": "The estimate could not be computed: {reason}",
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
