"""The evaluation's method notes and caveats, in Finnish, Swedish and English.

Each caveat is a template filled with the values of one evaluation (see
:class:`i18n.Message`); the core builds the messages, the pages and exports render them.
``note.*`` are the caveats of one evaluation (``indicators.trial_study``), ``group.*`` those of
its comparison group (``indicators.comparison``) and ``flag.*`` the short warnings of the
per-area table. A counted entry maps each language to its plural forms, with the count as
``{n}``; lists of municipalities arrive joined (``a, b ja c``), months as month names.
Finnish months are in the nominative, so they stand after a colon or in parentheses.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str] | dict[str, dict[str, str]]] = {
    # The window
    "note.window_shortened": {
        "fi": "Tämän tulosmuuttujan tiedot päättyvät useimmissa kunnissa ennen pyydettyä "
        "jakson loppua, joten jakso lyhennettiin (viimeinen kuukausi: {last}; pyydetty: "
        "{asked}).",
        "sv": "Uppgifterna för detta utfallsmått slutar i de flesta kommuner i {last}, så "
        "perioden förkortades till att sluta då (begärt: {asked}).",
        "en": "The data for this outcome end in {last} for most municipalities, so the window "
        "was shortened to end then (asked for: {asked}).",
    },
    "note.past_trial_end": {
        "fi": "Jakso jatkuu kokeilujen päättymisen jälkeen (viimeinen kokeilukuukausi: {end}). "
        "Työvoimapalvelut siirtyivät 1.1.2025 kaikissa kunnissa kuntien järjestettäviksi "
        "(TE24-uudistus), joten näiltä kuukausilta ei ole TE-toimistojen palvelemaa "
        "vertailuryhmää.",
        "sv": "Perioden fortsätter efter försökens slut (sista försöksmånad: {end}). Den "
        "1 januari 2025 överfördes arbetskraftsservicen i alla kommuner till kommunerna "
        "(TE24-reformen), så för dessa månader finns ingen jämförelsegrupp som "
        "TE-byråerna betjänade.",
        "en": "The window runs past the end of the trials (last trial month: {end}). On "
        "1 January 2025 the employment services of every municipality moved to the "
        "municipalities (the TE24 reform), so those months have no comparison group served "
        "by the TE offices.",
    },
    "note.window_ends_with_trials": {
        "fi": "Jakso päättyy kokeilujen päättyessä (viimeinen kokeilukuukausi: {end}). "
        "Tietoja on pidemmältä ajalta (viimeinen kuukausi: {last}), mutta työvoimapalvelut "
        "siirtyivät 1.1.2025 kaikissa kunnissa kuntien järjestettäviksi (TE24-uudistus), "
        "joten kokeilujen jälkeen vertailuryhmää ei ole.",
        "sv": "Perioden slutar när försöken slutar (sista försöksmånad: {end}). Uppgifterna "
        "sträcker sig till {last}, men den 1 januari 2025 överfördes arbetskraftsservicen i "
        "alla kommuner till kommunerna (TE24-reformen), så efter försöken finns ingen "
        "jämförelsegrupp.",
        "en": "The window ends with the trials (last trial month: {end}). The data run to "
        "{last}, but on 1 January 2025 the employment services of every municipality moved "
        "to the municipalities (the TE24 reform), so there is no comparison group after the "
        "trials.",
    },
    "note.one_sided_months": {
        "fi": {
            "one": "{n} kuukausi, jolta on arvoja vain kokeilu- tai vain vertailukunnille, "
            "jätettiin pois ({first} … {last}).",
            "other": "{n} kuukautta, joilta on arvoja vain kokeilu- tai vain vertailukunnille, "
            "jätettiin pois ({first} … {last}).",
        },
        "sv": {
            "one": "{n} månad med värden för endast försöks- eller endast "
            "jämförelsekommunerna lämnades bort ({first} … {last}).",
            "other": "{n} månader med värden för endast försöks- eller endast "
            "jämförelsekommunerna lämnades bort ({first} … {last}).",
        },
        "en": {
            "one": "{n} month with values for only the trial or only the comparison "
            "municipalities was left out ({first} … {last}).",
            "other": "{n} months with values for only the trial or only the comparison "
            "municipalities were left out ({first} … {last}).",
        },
    },
    # The pre-trend test
    "note.no_pretrend": {
        "fi": "Esitrenditestiä ei tehty.",
        "sv": "Inget test av förtrender gjordes.",
        "en": "No pre-trend test was run.",
    },
    "note.pretrend_undefined": {
        "fi": "Esitrenditestiä ei raportoida: {clusters} klusteria ei riitä {leads} kokeilua "
        "edeltävän kuukauden kertoimen yhteistestiin (klusteroitu kovarianssimatriisi on "
        "singulaarinen).",
        "sv": "Testet av förtrender redovisas inte: {clusters} kluster räcker inte till ett "
        "gemensamt test av {leads} koefficienter för månader före försöket (den klustrade "
        "kovariansmatrisen är singulär).",
        "en": "The pre-trend test is not reported: {clusters} clusters cannot support a joint "
        "test of {leads} leads (the clustered covariance matrix is singular).",
    },
    "note.pretrend_rejects": {
        "fi": {
            "one": "Esitrenditesti hylkää yhdensuuntaiset trendit (F = {f}, {n} kokeilua "
            "edeltävä kuukausi, p-arvo {p}): kokeilu- ja vertailukunnat kehittyivät eri "
            "tavoin jo ennen kokeilujen alkua, joten erotusten erotus -arviota ei pidä lukea "
            "kokeilujen vaikutukseksi.",
            "other": "Esitrenditesti hylkää yhdensuuntaiset trendit (F = {f}, {n} kokeilua "
            "edeltävää kuukautta, p-arvo {p}): kokeilu- ja vertailukunnat kehittyivät eri "
            "tavoin jo ennen kokeilujen alkua, joten erotusten erotus -arviota ei pidä lukea "
            "kokeilujen vaikutukseksi.",
        },
        "sv": {
            "one": "Testet av förtrender förkastar parallella trender (F = {f}, {n} månad före "
            "försöket, p-värde {p}): försöks- och jämförelsekommunerna utvecklades olika "
            "redan innan försöken började, så skattningen med skillnad-i-skillnader bör inte "
            "läsas som försökens effekt.",
            "other": "Testet av förtrender förkastar parallella trender (F = {f}, {n} månader "
            "före försöket, p-värde {p}): försöks- och jämförelsekommunerna utvecklades olika "
            "redan innan försöken började, så skattningen med skillnad-i-skillnader bör inte "
            "läsas som försökens effekt.",
        },
        "en": {
            "one": "The pre-trend test rejects parallel trends (F = {f} on {n} lead, p-value "
            "{p}): trial and comparison municipalities already moved differently before the "
            "trials began, so the difference-in-differences estimate should not be read as "
            "the trials' effect.",
            "other": "The pre-trend test rejects parallel trends (F = {f} on {n} leads, "
            "p-value {p}): trial and comparison municipalities already moved differently "
            "before the trials began, so the difference-in-differences estimate should not be "
            "read as the trials' effect.",
        },
    },
    "note.pretrend_passes": {
        "fi": "Esitrenditesti ei hylkää yhdensuuntaisia trendejä (p-arvo {p}); tämä ei "
        "todista, että trendit olivat yhdensuuntaiset.",
        "sv": "Testet av förtrender förkastar inte parallella trender (p-värde {p}); det "
        "bevisar inte att trenderna var parallella.",
        "en": "The pre-trend test does not reject parallel trends (p-value {p}); this does "
        "not prove that the trends were parallel.",
    },
    "note.few_clusters_per_lead": {
        "fi": "Kun klustereita on {clusters} ja testattavia kokeilua edeltäviä kuukausia "
        "{leads}, klusteroitu yhteistesti hylkää liian usein (monen kertoimen kovarianssi "
        "estimoidaan harvoista klustereista); pieni p-arvo on heikompi näyttö kuin miltä se "
        "näyttää.",
        "sv": "Med {clusters} kluster för {leads} månader före försöket förkastar det klustrade "
        "gemensamma testet för ofta (kovariansen för många koefficienter skattas från få "
        "kluster); ett litet p-värde är svagare belägg än det ser ut att vara.",
        "en": "With {clusters} clusters for {leads} leads the clustered joint test tends to "
        "reject too often (the covariance of many coefficients is estimated from few "
        "clusters); a small p-value is weaker evidence than it looks.",
    },
    # Events in the window
    "note.covid": {
        "fi": "Vuoden 2020 COVID-19-shokki osuu kokeilua edeltävälle jaksolle (jakson "
        "ensimmäinen kuukausi: {start}); se kohteli elinkeinorakenteeltaan erilaisia kuntia "
        "eri tavoin, ja siitä toipuminen osuu kokeilun ensimmäisille kuukausille.",
        "sv": "Covid-19-chocken 2020 infaller i perioden före försöket (perioden börjar i "
        "{start}); den drabbade kommuner med olika näringsstruktur olika, och "
        "återhämtningen sammanfaller med försökets första månader.",
        "en": "The COVID-19 shock of 2020 lies in the pre-trial period (the window starts in "
        "{start}); it hit municipalities with different industries differently, and the "
        "recovery overlaps the first trial months.",
    },
    "note.nordic_model": {
        "fi": "Pohjoismainen työvoimapalvelumalli (2.5.2022) muutti työnhakijoiden "
        "velvoitteita kaikissa kunnissa samanaikaisesti; kuukausivaikutukset poistavat sen "
        "vain siltä osin kuin se vaikutti molempiin ryhmiin samalla tavalla.",
        "sv": "Den nordiska modellen för arbetskraftsservice (2.5.2022) ändrade de "
        "arbetssökandes skyldigheter i alla kommuner samtidigt; månadseffekterna fångar upp "
        "den bara i den mån den påverkade båda grupperna lika.",
        "en": "The Nordic jobseeker service model (2 May 2022) changed jobseekers' "
        "obligations in every municipality at once; the month effects absorb it only insofar "
        "as it affected both groups alike.",
    },
    # The estimation sample
    "note.missing_treated": {
        "fi": {
            "one": "{n} kokeilukunnalla ei ole jaksolla yhtään arvoa: {units}.",
            "other": "{n} kokeilukunnalla ei ole jaksolla yhtään arvoa: {units}.",
        },
        "sv": {
            "one": "{n} försökskommun saknar värden under perioden: {units}.",
            "other": "{n} försökskommuner saknar värden under perioden: {units}.",
        },
        "en": {
            "one": "{n} trial municipality has no value in the window: {units}.",
            "other": "{n} trial municipalities have no value in the window: {units}.",
        },
    },
    "note.no_observations": {
        "fi": {
            "one": "{n} kunta jätettiin pois, koska sillä ei ole havaintoja jaksolla: {units}.",
            "other": "{n} kuntaa jätettiin pois, koska niillä ei ole havaintoja jaksolla: {units}.",
        },
        "sv": {
            "one": "{n} kommun lämnades bort eftersom den saknar observationer under "
            "perioden: {units}.",
            "other": "{n} kommuner lämnades bort eftersom de saknar observationer under "
            "perioden: {units}.",
        },
        "en": {
            "one": "{n} municipality was left out because it has no observations in the "
            "window: {units}.",
            "other": "{n} municipalities were left out because they have no observations in "
            "the window: {units}.",
        },
    },
    "note.no_weight": {
        "fi": {
            "one": "{n} kunta jätettiin pois, koska siltä puuttuu painona käytettävä "
            "työvoimaluku: {units}.",
            "other": "{n} kuntaa jätettiin pois, koska niiltä puuttuu painona käytettävä "
            "työvoimaluku: {units}.",
        },
        "sv": {
            "one": "{n} kommun lämnades bort eftersom arbetskraftstalet som används som vikt "
            "saknas: {units}.",
            "other": "{n} kommuner lämnades bort eftersom arbetskraftstalet som används som "
            "vikt saknas: {units}.",
        },
        "en": {
            "one": "{n} municipality was left out because it has no labour force for the "
            "weight: {units}.",
            "other": "{n} municipalities were left out because they have no labour force for "
            "the weight: {units}.",
        },
    },
    "note.suppressed": {
        "fi": {
            "one": "Kuukaudet, joilta ei ole arvoa (salattu tai julkaisematta), jätettiin pois "
            "{n} kunnassa: {units} (poisjätettyjä kuntakuukausia yhteensä {rows}).",
            "other": "Kuukaudet, joilta ei ole arvoa (salattu tai julkaisematta), jätettiin "
            "pois {n} kunnassa: {units} (poisjätettyjä kuntakuukausia yhteensä {rows}).",
        },
        "sv": {
            "one": "Månader utan värde (skyddade eller inte publicerade) lämnades bort i {n} "
            "kommun: {units} (bortlämnade kommunmånader sammanlagt: {rows}).",
            "other": "Månader utan värde (skyddade eller inte publicerade) lämnades bort i "
            "{n} kommuner: {units} (bortlämnade kommunmånader sammanlagt: {rows}).",
        },
        "en": {
            "one": "Months without a value (suppressed or not published) were left out in {n} "
            "municipality: {units} (municipality-months left out in all: {rows}).",
            "other": "Months without a value (suppressed or not published) were left out in "
            "{n} municipalities: {units} (municipality-months left out in all: {rows}).",
        },
    },
    "note.rows_without_value": {
        "fi": {
            "one": "{n} kuntakuukausi ilman arvoa jätettiin pois.",
            "other": "{n} kuntakuukautta ilman arvoa jätettiin pois.",
        },
        "sv": {
            "one": "{n} kommunmånad utan värde lämnades bort.",
            "other": "{n} kommunmånader utan värde lämnades bort.",
        },
        "en": {
            "one": "{n} municipality-month without a value was left out.",
            "other": "{n} municipality-months without a value were left out.",
        },
    },
    "note.merged": {
        "fi": "Mäntyharju (507) ja Pertunmaa (588) ovat mukana erillisinä kuntina viimeiseen "
        "erilliseen kuukauteen asti ({month}); sen jälkeen luku julkaistaan vain kahdelle "
        "yhdessä (vuoden 2025 kuntajako), joten niiden myöhemmät kuukaudet jätetään pois.",
        "sv": "Mäntyharju (507) och Pertunmaa (588) är separata kommuner till och med "
        "{month}; senare publiceras talet bara för de två tillsammans (2025 års "
        "kommunindelning), så deras senare månader lämnas bort.",
        "en": "Mäntyharju (507) and Pertunmaa (588) are separate municipalities up to "
        "{month}; the later figure is published only for the two together (2025 division), "
        "so their later months are left out.",
    },
    "note.published_share": {
        "fi": "Lukumäärätietojen päätyttyä (viimeinen kuukausi: {month}) osuutena "
        "käytetään julkaistua yhden desimaalin lukua, koska lukumääriä ei ole aineistossa; "
        "kun molemmat ovat saatavilla, ne eroavat enintään pyöristyksen verran "
        "(0,05 prosenttiyksikköä).",
        "sv": "Efter {month} används den publicerade andelen med en decimal, eftersom antalen "
        "inte finns i data; där båda finns stämmer den med den beräknade andelen inom "
        "avrundningen (0,05 procentenheter).",
        "en": "After {month} the share is the published one-decimal figure, because the "
        "counts are not in the data; where both exist it agrees with the computed share to "
        "within rounding (0.05 percentage points).",
    },
    "note.vacancies_volatile": {
        "fi": "Avoimet työpaikat ovat monessa pienessä kunnassa salattuja tai nollia, jolloin "
        "suhdeluku puuttuu; paneeli on epätasapainoinen, ja suhdeluku vaihtelee "
        "voimakkaasti, kun avoimia työpaikkoja on vähän.",
        "sv": "Lediga arbetsplatser är skyddade eller noll i många små kommuner, så kvoten "
        "saknas där; panelen är obalanserad, och kvoten är instabil där de lediga "
        "arbetsplatserna är få.",
        "en": "Vacancies are suppressed or zero in many small municipalities, which makes the "
        "ratio missing there; the panel is unbalanced, and the ratio is volatile where "
        "vacancies are few.",
    },
    # Inference
    "note.few_treated": {
        "fi": {
            "one": "Vain {n} kokeilukunta: näin harvoilla kokeilukuntien klustereilla "
            "klusterirobustit keskivirheet ja esitrenditesti ovat epäluotettavia (yleensä "
            "liian optimistisia); luottamusväliä ja p-arvoja voi pitää vain suuntaa antavina.",
            "other": "Vain {n} kokeilukuntaa: näin harvoilla kokeilukuntien klustereilla "
            "klusterirobustit keskivirheet ja esitrenditesti ovat epäluotettavia (yleensä "
            "liian optimistisia); luottamusväliä ja p-arvoja voi pitää vain suuntaa antavina.",
        },
        "sv": {
            "one": "Endast {n} försökskommun: med så få kluster bland försökskommunerna är "
            "klusterrobusta medelfel och testet av förtrender otillförlitliga (oftast för "
            "optimistiska); intervallet och p-värdena är endast vägledande.",
            "other": "Endast {n} försökskommuner: med så få kluster bland försökskommunerna är "
            "klusterrobusta medelfel och testet av förtrender otillförlitliga (oftast för "
            "optimistiska); intervallet och p-värdena är endast vägledande.",
        },
        "en": {
            "one": "Only {n} trial municipality: with so few treated clusters, cluster-robust "
            "standard errors and the pre-trend test are unreliable (typically too "
            "optimistic); read the interval and p-values as indicative only.",
            "other": "Only {n} trial municipalities: with so few treated clusters, "
            "cluster-robust standard errors and the pre-trend test are unreliable (typically "
            "too optimistic); read the interval and p-values as indicative only.",
        },
    },
    "note.few_controls": {
        "fi": {
            "one": "Vain {n} vertailukunta: arvio perustuu hyvin harvan kunnan kehitykseen.",
            "other": "Vain {n} vertailukuntaa: arvio perustuu hyvin harvan kunnan kehitykseen.",
        },
        "sv": {
            "one": "Endast {n} jämförelsekommun: skattningen vilar på utvecklingen i mycket få "
            "kommuner.",
            "other": "Endast {n} jämförelsekommuner: skattningen vilar på utvecklingen i "
            "mycket få kommuner.",
        },
        "en": {
            "one": "Only {n} comparison municipality: the estimate rests on very few "
            "municipalities' paths.",
            "other": "Only {n} comparison municipalities: the estimate rests on very few "
            "municipalities' paths.",
        },
    },
    "note.matched_pretrend": {
        "fi": "Vertailukunnat on kaltaistettu kokeilua edeltävän tason ja trendin perusteella, "
        "joten kaltaistetun ryhmän esitrenditesti on heikompi näyttö yhdensuuntaisista "
        "trendeistä kuin kaltaistamattoman ryhmän.",
        "sv": "Jämförelsekommunerna matchades på nivå och trend före försöket, så ett test av "
        "förtrender för den matchade gruppen är svagare belägg för parallella trender än för "
        "en omatchad grupp.",
        "en": "The comparison municipalities were matched on pre-trial levels and trends, so "
        "a pre-trend test on the matched group is weaker evidence for parallel trends than "
        "on an unmatched one.",
    },
    "note.weighted": {
        "fi": "Painona on kunnan keskimääräinen työvoima jakson kokeilua edeltävinä "
        "kuukausina: arvio on vaikutus työvoimaan kuuluvaa kohden, ja suuret kaupungit "
        "hallitsevat sitä.",
        "sv": "Viktad med varje kommuns genomsnittliga arbetskraft under periodens månader "
        "före försöket: skattningen är en effekt per person i arbetskraften och domineras av "
        "de stora städerna.",
        "en": "Weighted by each municipality's mean labour force over the pre-trial months of "
        "the window: the estimate is an effect per member of the labour force, dominated by "
        "the large cities.",
    },
    # The comparison group
    "group.unverified_excluded": {
        "fi": "Vahvistamattomat kokeilujäsenyydet ({names}) jätetään pois sekä kokeilu- että "
        "vertailuryhmästä.",
        "sv": "Obekräftade försöksmedlemskap ({names}) lämnas utanför både försöks- och "
        "jämförelsegruppen.",
        "en": "Unverified trial memberships ({names}) are left out of both the trial and the "
        "comparison side.",
    },
    "group.unverified_included": {
        "fi": "Vahvistamattomat kokeilujäsenyydet lasketaan kokeilukunniksi: {names}.",
        "sv": "Obekräftade försöksmedlemskap räknas som försökskommuner: {names}.",
        "en": "Unverified trial memberships count as trial municipalities: {names}.",
    },
    "group.same_regions": {
        "fi": {
            "one": "Vertailukunnat sijaitsevat samoissa maakunnissa kuin kokeilukunnat "
            "({n} maakunta: {regions}).",
            "other": "Vertailukunnat sijaitsevat samoissa maakunnissa kuin kokeilukunnat "
            "({n} maakuntaa: {regions}).",
        },
        "sv": {
            "one": "Jämförelsekommunerna ligger i samma landskap som försökskommunerna "
            "({n} landskap: {regions}).",
            "other": "Jämförelsekommunerna ligger i samma landskap som försökskommunerna "
            "({n} landskap: {regions}).",
        },
        "en": {
            "one": "The comparison municipalities lie in the regions of the trial "
            "municipalities ({n} region: {regions}).",
            "other": "The comparison municipalities lie in the regions of the trial "
            "municipalities ({n} regions: {regions}).",
        },
    },
    "group.matched": {
        "fi": {
            "one": "Kaltaistetut vertailukunnat: kullekin kokeilukunnalle {n} lähin "
            "TE-toimiston palvelema kunta, palauttaen (sama kunta voi olla usean kokeilukunnan "
            "vertailukunta); eri vertailukuntia {peers}, kokeilukuntia {treated}.",
            "other": "Kaltaistetut vertailukunnat: kullekin kokeilukunnalle {n} lähintä "
            "TE-toimiston palvelemaa kuntaa, palauttaen (sama kunta voi olla usean "
            "kokeilukunnan vertailukunta); eri vertailukuntia {peers}, kokeilukuntia "
            "{treated}.",
        },
        "sv": {
            "one": "Matchade jämförelsekommuner: för varje försökskommun den {n} närmaste "
            "kommunen som TE-byrån betjänade, med återläggning (samma kommun kan jämföras med "
            "flera försökskommuner); olika jämförelsekommuner: {peers}, försökskommuner: "
            "{treated}.",
            "other": "Matchade jämförelsekommuner: för varje försökskommun de {n} närmaste "
            "kommunerna som TE-byråerna betjänade, med återläggning (samma kommun kan "
            "jämföras med flera försökskommuner); olika jämförelsekommuner: {peers}, "
            "försökskommuner: {treated}.",
        },
        "en": {
            "one": "Matched comparison: the {n} nearest TE-office municipality of each trial "
            "municipality, with replacement (one municipality can be the peer of several); "
            "distinct comparison municipalities: {peers}, trial municipalities: {treated}.",
            "other": "Matched comparison: the {n} nearest TE-office municipalities of each "
            "trial municipality, with replacement (one municipality can be the peer of "
            "several); distinct comparison municipalities: {peers}, trial municipalities: "
            "{treated}.",
        },
    },
    "group.matched_without_replacement": {
        "fi": {
            "one": "Kaltaistetut vertailukunnat: kullekin kokeilukunnalle {n} lähin "
            "TE-toimiston palvelema kunta, palauttamatta (kukin kunta on enintään yhden "
            "kokeilukunnan vertailukunta); eri vertailukuntia {peers}, kokeilukuntia "
            "{treated}.",
            "other": "Kaltaistetut vertailukunnat: kullekin kokeilukunnalle {n} lähintä "
            "TE-toimiston palvelemaa kuntaa, palauttamatta (kukin kunta on enintään yhden "
            "kokeilukunnan vertailukunta); eri vertailukuntia {peers}, kokeilukuntia "
            "{treated}.",
        },
        "sv": {
            "one": "Matchade jämförelsekommuner: för varje försökskommun den {n} närmaste "
            "kommunen som TE-byrån betjänade, utan återläggning (varje kommun jämförs med "
            "högst en försökskommun); olika jämförelsekommuner: {peers}, försökskommuner: "
            "{treated}.",
            "other": "Matchade jämförelsekommuner: för varje försökskommun de {n} närmaste "
            "kommunerna som TE-byråerna betjänade, utan återläggning (varje kommun jämförs "
            "med högst en försökskommun); olika jämförelsekommuner: {peers}, "
            "försökskommuner: {treated}.",
        },
        "en": {
            "one": "Matched comparison: the {n} nearest TE-office municipality of each trial "
            "municipality, without replacement (each municipality is the peer of one at "
            "most); distinct comparison municipalities: {peers}, trial municipalities: "
            "{treated}.",
            "other": "Matched comparison: the {n} nearest TE-office municipalities of each "
            "trial municipality, without replacement (each municipality is the peer of one at "
            "most); distinct comparison municipalities: {peers}, trial municipalities: "
            "{treated}.",
        },
    },
    "group.class_fallback": {
        "fi": "Samassa kuntaryhmässä (kaupunkimaiset, taajaan asutut ja maaseutumaiset kunnat) "
        "ei ollut tarpeeksi ehdokkaita seuraaville kokeilukunnille, joten lähimmät toisen "
        "kuntaryhmän kunnat täydentävät niiden vertailukunnat (merkitty "
        "kaltaistustaulukkoon): {names}.",
        "sv": "I samma kommungrupp (stadskommuner, tätortskommuner och landsbygdskommuner) "
        "fanns för få kandidater för följande försökskommuner, så de närmaste kommunerna i "
        "en annan grupp kompletterar deras jämförelsekommuner (markerade i "
        "matchningstabellen): {names}.",
        "en": "The same urban/rural class had too few candidates for the following trial "
        "municipalities, so the nearest municipalities of another class complete their "
        "peers (flagged in the match table): {names}.",
    },
    "group.unmatched": {
        "fi": "Kokeilukunnille, joiden kaltaistusmuuttujat ovat puutteellisia, ei valittu "
        "vertailukuntia: {names}.",
        "sv": "Försökskommuner med ofullständiga matchningsvariabler fick inga "
        "jämförelsekommuner: {names}.",
        "en": "Trial municipalities with incomplete covariates got no peers: {names}.",
    },
    "group.short": {
        "fi": {
            "one": "Ehdokkaat loppuivat, ja seuraavat kokeilukunnat saivat alle {n} "
            "vertailukunnan: {names}.",
            "other": "Ehdokkaat loppuivat, ja seuraavat kokeilukunnat saivat alle {n} "
            "vertailukuntaa: {names}.",
        },
        "sv": {
            "one": "Kandidaterna tog slut, och följande försökskommuner fick färre än {n} "
            "jämförelsekommun: {names}.",
            "other": "Kandidaterna tog slut, och följande försökskommuner fick färre än {n} "
            "jämförelsekommuner: {names}.",
        },
        "en": {
            "one": "The candidates ran out, and the following trial municipalities got fewer "
            "than {n} peer: {names}.",
            "other": "The candidates ran out, and the following trial municipalities got "
            "fewer than {n} peers: {names}.",
        },
    },
    "group.incomplete": {
        "fi": {
            "one": "{n} TE-toimiston palvelema kunta jäi kaltaistuksen ulkopuolelle, koska sen "
            "kaltaistusmuuttujat ovat puutteellisia (salattuja arvoja): {names}.",
            "other": "{n} TE-toimiston palvelemaa kuntaa jäi kaltaistuksen ulkopuolelle, koska "
            "niiden kaltaistusmuuttujat ovat puutteellisia (salattuja arvoja): {names}.",
        },
        "sv": {
            "one": "{n} kommun som TE-byrån betjänade kunde inte matchas eftersom dess "
            "matchningsvariabler är ofullständiga (skyddade värden): {names}.",
            "other": "{n} kommuner som TE-byråerna betjänade kunde inte matchas eftersom deras "
            "matchningsvariabler är ofullständiga (skyddade värden): {names}.",
        },
        "en": {
            "one": "{n} TE-office municipality could not be matched because its covariates "
            "are incomplete (suppressed values): {names}.",
            "other": "{n} TE-office municipalities could not be matched because their "
            "covariates are incomplete (suppressed values): {names}.",
        },
    },
    "group.kitee": {
        "fi": "Kiteen ryhmä (alue A25a: {names}) hyväksyttiin kokeiluun vuonna 2020, mutta se "
        "ei osallistunut; sen kunnat ovat tässä TE-toimistojen palvelemia kuntia.",
        "sv": "Kitee-gruppen (område A25a: {names}) godkändes 2020 men deltog inte; dess "
        "kommuner räknas här som kommuner som TE-byråerna betjänade.",
        "en": "The Kitee group (area A25a: {names}) was accepted in 2020 but did not take "
        "part; its municipalities are TE-office municipalities here.",
    },
    "group.aland": {
        "fi": {
            "one": "Ahvenanmaan {n} kunta ei ole vertailuryhmässä: Ahvenanmaalla "
            "työvoimapalvelut järjestää maakunnan oma viranomainen (AMS), ei TE-toimisto.",
            "other": "Ahvenanmaan {n} kuntaa eivät ole vertailuryhmässä: Ahvenanmaalla "
            "työvoimapalvelut järjestää maakunnan oma viranomainen (AMS), ei TE-toimisto.",
        },
        "sv": {
            "one": "{n} åländsk kommun ingår inte i jämförelsegruppen: på Åland ordnar "
            "landskapets egen myndighet (AMS) arbetskraftsservicen, inte TE-byrån.",
            "other": "De {n} åländska kommunerna ingår inte i jämförelsegruppen: på Åland "
            "ordnar landskapets egen myndighet (AMS) arbetskraftsservicen, inte TE-byrån.",
        },
        "en": {
            "one": "{n} Åland municipality is not in the comparison group: on Åland the "
            "employment services are run by Åland's own authority (AMS), not by a TE office.",
            "other": "The {n} Åland municipalities are not in the comparison group: on Åland "
            "the employment services are run by Åland's own authority (AMS), not by the TE "
            "offices.",
        },
    },
    # Short warnings in the per-area table
    "evaluation.col.flags": {"fi": "Huomautukset", "sv": "Anmärkningar", "en": "Notes"},
    "flag.few_treated": {
        "fi": {
            "one": "{n} kokeilukunta: klusteroitu päättely epävarmaa",
            "other": "{n} kokeilukuntaa: klusteroitu päättely epävarmaa",
        },
        "sv": {
            "one": "{n} försökskommun: klustrad inferens osäker",
            "other": "{n} försökskommuner: klustrad inferens osäker",
        },
        "en": {
            "one": "{n} trial municipality: clustered inference unreliable",
            "other": "{n} trial municipalities: clustered inference unreliable",
        },
    },
    "flag.few_controls": {
        "fi": {"one": "Vain {n} vertailukunta", "other": "Vain {n} vertailukuntaa"},
        "sv": {"one": "Endast {n} jämförelsekommun", "other": "Endast {n} jämförelsekommuner"},
        "en": {
            "one": "Only {n} comparison municipality",
            "other": "Only {n} comparison municipalities",
        },
    },
    "flag.pretrend_undefined": {
        "fi": "Esitrenditestiä ei voi laskea (klustereita on vähemmän kuin testattavia kuukausia)",
        "sv": "Testet av förtrender kan inte beräknas (färre kluster än testade månader)",
        "en": "Pre-trend test undefined (fewer clusters than leads)",
    },
    "flag.not_estimated": {
        "fi": "Ei arviota näillä valinnoilla",
        "sv": "Ingen skattning med dessa val",
        "en": "No estimate with these choices",
    },
}
