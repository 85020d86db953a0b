"""Texts of the area-level evaluation ("the area without the trial"), in fi, sv and en."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str] | dict[str, dict[str, str]]] = {
    "area.title": {
        "fi": "Alue ilman kokeilua",
        "sv": "Området utan försöket",
        "en": "The area without the trial",
    },
    "area.intro": {
        "fi": "Synteettinen verrokki on painotettu yhdistelmä kokeilun ulkopuolisia kuntia, "
        "joiden työttömien osuus kulki ennen maaliskuuta 2021 samoin kuin alueen. Kokeilun "
        "alettua alueen ja verrokin ero arvioi, mitä kokeilu muutti – jos mikään muu ei "
        "erottanut aluetta verrokistaan.",
        "sv": "Den syntetiska kontrollen är en viktad kombination av kommuner utanför "
        "försöken vars andel arbetslösa före mars 2021 följde områdets. Efter försökets start "
        "skattar skillnaden mellan området och kontrollen vad försöket ändrade – om inget "
        "annat skilde området från kontrollen.",
        "en": "The synthetic control is a weighted mix of municipalities outside the trials "
        "whose unemployment share tracked the area's before March 2021. After the start, the "
        "gap between the area and its synthetic control estimates what the trial changed – "
        "if nothing else set the area apart.",
    },
    "area.effect": {
        "fi": "Keskimääräinen ero kokeilun alettua",
        "sv": "Genomsnittlig skillnad efter starten",
        "en": "Average gap after the start",
    },
    "area.p": {
        "fi": "Placebo-p-arvo",
        "sv": "Placebo-p-värde",
        "en": "Placebo p-value",
    },
    "area.p_help": {
        "fi": "Osuus kunnista (alue mukaan luettuna), joiden ero kokeilun alun jälkeen oli "
        "suhteessa sovitteeseen ennen kokeilua vähintään yhtä suuri kuin alueen, kun kukin "
        "vertailukunta vuorollaan käsitellään kuin se olisi ollut kokeilussa.",
        "sv": "Andelen kommuner (området medräknat) vars skillnad efter försökets start i "
        "förhållande till anpassningen före försöket var minst lika stor som områdets, när "
        "varje jämförelsekommun i tur och ordning behandlas som om den varit med i försöket.",
        "en": "The share of municipalities (the area included) whose gap after the start, "
        "relative to their fit before the trial, was at least as large as the area's, when "
        "each comparison municipality in turn is treated as if it had been in the trial.",
    },
    "area.fit": {
        "fi": "Sovite ennen kokeilua (RMSPE)",
        "sv": "Anpassning före försöket (RMSPE)",
        "en": "Fit before the trial (RMSPE)",
    },
    "area.fit.good": {"fi": "hyvä", "sv": "god", "en": "good"},
    "area.fit.poor": {"fi": "heikko", "sv": "svag", "en": "poor"},
    "area.fit.pre_rmspe_large": {
        "fi": "ero ennen kokeilua on suuri kuntien välisiin eroihin nähden",
        "sv": "skillnaden före försöket är stor i förhållande till skillnaderna mellan kommunerna",
        "en": "the gap before the trial is large against the differences between municipalities",
    },
    "area.fit.outside_hull": {
        "fi": "alue on suuressa osassa ennen kokeilua olevia kuukausia kaikkien "
        "vertailukuntien ylä- tai alapuolella",
        "sv": "området ligger under en stor del av månaderna före försöket över eller under "
        "alla jämförelsekommuner",
        "en": "the area lies above or below every comparison municipality in much of the "
        "period before the trial",
    },
    "area.verdict_clear": {
        "fi": {
            "one": "Kokeilun ulkopuolisista {total} kunnasta {n} kunnassa ero oli suhteessa "
            "sovitteeseen vähintään yhtä suuri ({p}): alueen ero erottuu "
            "satunnaisvaihtelusta.",
            "other": "Kokeilun ulkopuolisista {total} kunnasta {n} kunnassa ero oli suhteessa "
            "sovitteeseen vähintään yhtä suuri ({p}): alueen ero erottuu "
            "satunnaisvaihtelusta.",
        },
        "sv": {
            "one": "Av {total} kommuner utanför försöket hade {n} en minst lika stor skillnad "
            "i förhållande till sin anpassning ({p}): områdets skillnad skiljer sig från "
            "slumpvariationen.",
            "other": "Av {total} kommuner utanför försöket hade {n} en minst lika stor "
            "skillnad i förhållande till sin anpassning ({p}): områdets skillnad skiljer "
            "sig från slumpvariationen.",
        },
        "en": {
            "one": "Among {total} municipalities outside the trial, {n} had a gap at least "
            "this large relative to its fit ({p}): the area's gap stands out from chance "
            "variation.",
            "other": "Among {total} municipalities outside the trial, {n} had a gap at least "
            "this large relative to their fit ({p}): the area's gap stands out from "
            "chance variation.",
        },
    },
    "area.verdict_unclear": {
        "fi": {
            "one": "Kokeilun ulkopuolisista {total} kunnasta {n} kunnassa ero oli suhteessa "
            "sovitteeseen vähintään yhtä suuri ({p}): alueen ero ei erotu "
            "satunnaisvaihtelusta.",
            "other": "Kokeilun ulkopuolisista {total} kunnasta {n} kunnassa ero oli suhteessa "
            "sovitteeseen vähintään yhtä suuri ({p}): alueen ero ei erotu "
            "satunnaisvaihtelusta.",
        },
        "sv": {
            "one": "Av {total} kommuner utanför försöket hade {n} en minst lika stor skillnad "
            "i förhållande till sin anpassning ({p}): områdets skillnad skiljer sig inte "
            "från slumpvariationen.",
            "other": "Av {total} kommuner utanför försöket hade {n} en minst lika stor "
            "skillnad i förhållande till sin anpassning ({p}): områdets skillnad skiljer "
            "sig inte från slumpvariationen.",
        },
        "en": {
            "one": "Among {total} municipalities outside the trial, {n} had a gap at least "
            "this large relative to its fit ({p}): the area's gap does not stand out "
            "from chance variation.",
            "other": "Among {total} municipalities outside the trial, {n} had a gap at least "
            "this large relative to their fit ({p}): the area's gap does not stand out "
            "from chance variation.",
        },
    },
    "area.verdict_poor_fit": {
        "fi": "Synteettinen verrokki ei seuraa alueen kehitystä ennen kokeilua riittävän "
        "tarkasti ({reasons}), joten sen ero ei kerro kokeilun vaikutuksesta.",
        "sv": "Den syntetiska kontrollen följer inte områdets utveckling före försöket "
        "tillräckligt noga ({reasons}), så dess skillnad säger inget om försökets effekt.",
        "en": "The synthetic control does not follow the area's path before the trial "
        "closely enough ({reasons}), so its gap says nothing about the trial's effect.",
    },
    "area.gap_sentence": {
        "fi": "Kokeilun alettua ({start}–{end}) alueen työttömien osuus oli keskimäärin "
        "{effect} sen synteettiseen verrokkiin verrattuna.",
        "sv": "Efter försökets start ({start}–{end}) var områdets andel arbetslösa i "
        "genomsnitt {effect} jämfört med dess syntetiska kontroll.",
        "en": "After the trial began ({start}–{end}), the area's unemployment share was on "
        "average {effect} against its synthetic control.",
    },
    "area.actual_title": {
        "fi": "Alue ja sen synteettinen verrokki",
        "sv": "Området och dess syntetiska kontroll",
        "en": "The area and its synthetic control",
    },
    "area.gap_title": {
        "fi": "Alueen ero verrokkiin ja placebokunnat",
        "sv": "Områdets skillnad mot kontrollen och placebokommunerna",
        "en": "The area's gap and the placebo municipalities",
    },
    "area.gap_axis": {
        "fi": "Ero synteettiseen verrokkiin (%-yks.)",
        "sv": "Skillnad mot syntetisk kontroll (p.e.)",
        "en": "Gap to the synthetic control (pp)",
    },
    "area.series.actual": {"fi": "Alue", "sv": "Området", "en": "The area"},
    "area.series.synthetic": {
        "fi": "Synteettinen verrokki",
        "sv": "Syntetisk kontroll",
        "en": "Synthetic control",
    },
    "area.series.placebo": {
        "fi": "Placebokunnat (kukin vuorollaan kokeilussa)",
        "sv": "Placebokommuner (var och en i tur och ordning i försöket)",
        "en": "Placebo municipalities (each in turn as if in the trial)",
    },
    "area.actual_alt": {
        "fi": "Viivakaavio {start}–{end}: alueen työttömien osuus ja sen synteettinen "
        "verrokki; kokeilun alku maaliskuussa 2021 merkitty.",
        "sv": "Linjediagram {start}–{end}: områdets andel arbetslösa och dess syntetiska "
        "kontroll; försökets start i mars 2021 markerad.",
        "en": "Line chart {start}–{end}: the area's unemployment share and its synthetic "
        "control; the trial's start in March 2021 marked.",
    },
    "area.gap_alt": {
        "fi": "Viivakaavio {start}–{end}: alueen ero verrokkiinsa ja harmaana {n} "
        "placebokunnan erot.",
        "sv": "Linjediagram {start}–{end}: områdets skillnad mot kontrollen och i grått "
        "skillnaderna för {n} placebokommuner.",
        "en": "Line chart {start}–{end}: the area's gap to its control and, in grey, the "
        "gaps of {n} placebo municipalities.",
    },
    "area.donors_title": {
        "fi": "Synteettisen verrokin kunnat",
        "sv": "Kommunerna i den syntetiska kontrollen",
        "en": "Municipalities in the synthetic control",
    },
    "area.col.municipality": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
    "area.col.weight": {"fi": "Paino", "sv": "Vikt", "en": "Weight"},
    "area.col.month": {"fi": "Kuukausi", "sv": "Månad", "en": "Month"},
    "area.col.actual": {"fi": "Alue", "sv": "Området", "en": "Area"},
    "area.col.synthetic": {
        "fi": "Synteettinen verrokki",
        "sv": "Syntetisk kontroll",
        "en": "Synthetic control",
    },
    "area.col.gap": {"fi": "Ero", "sv": "Skillnad", "en": "Gap"},
    "area.did_title": {
        "fi": "Erotusten erotus placebopäättelyllä",
        "sv": "Skillnad-i-skillnader med placeboinferens",
        "en": "Difference in differences with placebo inference",
    },
    "area.did_text": {
        "fi": "Alueen {members} kuntaa verrattuna {control} TE-toimistojen kuntaan "
        "({comparison}): {estimate}; 95 %:n väli {n_draws} placeboalueesta {low} … {high}, "
        "{p}.",
        "sv": "Områdets {members} kommuner jämförda med {control} TE-byråkommuner "
        "({comparison}): {estimate}; 95 % intervall från {n_draws} placeboområden {low} … "
        "{high}, {p}.",
        "en": "The area's {members} municipalities against {control} TE-office "
        "municipalities ({comparison}): {estimate}; 95 % interval from {n_draws} placebo "
        "areas {low} … {high}, {p}.",
    },
    "area.did_no_inference": {
        "fi": "Alueen {members} kuntaa verrattuna {control} kuntaan ({comparison}): "
        "{estimate}. Placeboalueita on liian vähän luotettavaan p-arvoon tai väliin.",
        "sv": "Områdets {members} kommuner jämförda med {control} kommuner ({comparison}): "
        "{estimate}. Det finns för få placeboområden för ett tillförlitligt p-värde eller "
        "intervall.",
        "en": "The area's {members} municipalities against {control} municipalities "
        "({comparison}): {estimate}. There are too few placebo areas for a reliable p-value "
        "or interval.",
    },
    "area.method_note": {
        "fi": "Samat luvut näkyvät Vertailu ja vaikutusarvio -sivulla samoilla valinnoilla. "
        "Jakso {start}–{end}; synteettisen verrokin p-arvossa sovitteen laatu mitataan "
        "{holdout} viimeisellä kokeilua edeltävällä kuukaudella, jotka jätetään painojen "
        "sovituksen ulkopuolelle. Klusteroituja keskivirheitä ei käytetä: yhden alueen "
        "arviossa ne eivät ole päteviä.",
        "sv": "Samma tal visas på sidan Jämförelse och effektutvärdering med samma val. "
        "Period {start}–{end}; i den syntetiska kontrollens p-värde mäts anpassningen under "
        "de {holdout} sista månaderna före försöket, som lämnas utanför viktningen. "
        "Klustrade medelfel används inte: för ett enda område är de inte giltiga.",
        "en": "The same figures appear on the Comparison and evaluation page for the same "
        "choices. Window {start}–{end}; the synthetic control's p-value measures the fit on "
        "the last {holdout} months before the trial, held out of the weight fit. Clustered "
        "standard errors are not used: for a single area they are not valid.",
    },
    # Why an estimate is missing, and caveats
    "area.no_members": {
        "fi": "Alueella ei ole vahvistettuja jäsenkuntia; ota vahvistamattomat mukaan "
        "nähdäksesi arvion.",
        "sv": "Området har inga bekräftade medlemskommuner; ta med de obekräftade för att se "
        "skattningen.",
        "en": "The area has no verified member municipalities; include the unverified ones "
        "to see the estimate.",
    },
    "area.not_estimated": {
        "fi": "Alueelle ei voi laskea arviota.",
        "sv": "För området kan ingen skattning beräknas.",
        "en": "No estimate can be computed for the area.",
    },
    "area.sc_incomplete": {
        "fi": "Alueen sarja on vajaa ({first}–{last}): synteettistä verrokkia ei muodosteta.",
        "sv": "Områdets serie är ofullständig ({first}–{last}): ingen syntetisk kontroll bildas.",
        "en": "The area's series has gaps ({first}–{last}): no synthetic control is formed.",
    },
    "area.sc_failed": {
        "fi": "Synteettistä verrokkia ei voitu muodostaa ({reason}).",
        "sv": "Den syntetiska kontrollen kunde inte bildas ({reason}).",
        "en": "The synthetic control could not be formed ({reason}).",
    },
    "area.sc_poor_fit": {
        "fi": "Synteettinen verrokki sopii alueeseen huonosti ennen kokeilua.",
        "sv": "Den syntetiska kontrollen passar området dåligt före försöket.",
        "en": "The synthetic control fits the area poorly before the trial.",
    },
    "area.did_failed": {
        "fi": "Erotusten erotusta ei voitu laskea ({reason}).",
        "sv": "Skillnad-i-skillnader kunde inte beräknas ({reason}).",
        "en": "The difference in differences could not be computed ({reason}).",
    },
    "area.few_placebos": {
        "fi": {
            "one": "Vain {n} placeboalue: p-arvoa ja väliä ei näytetä.",
            "other": "Vain {n} placeboaluetta: p-arvoa ja väliä ei näytetä.",
        },
        "sv": {
            "one": "Endast {n} placeboområde: inget p-värde eller intervall visas.",
            "other": "Endast {n} placeboområden: inget p-värde eller intervall visas.",
        },
        "en": {
            "one": "Only {n} placebo area: no p-value or interval is shown.",
            "other": "Only {n} placebo areas: no p-value or interval is shown.",
        },
    },
    "area.published_shares": {
        "fi": "Lokakuun 2023 jälkeen alueen osuus on jäsenkuntien julkaistujen osuuksien "
        "työvoimalla painotettu keskiarvo (työvoima viimeisimmän julkaistun vuoden mukaan); "
        "se vastaa summien suhdetta pyöristystä lukuun ottamatta.",
        "sv": "Efter oktober 2023 är områdets andel ett med arbetskraften viktat medelvärde "
        "av medlemskommunernas publicerade andelar (arbetskraften enligt det senast "
        "publicerade året); det motsvarar kvoten av summorna så när som på avrundning.",
        "en": "After October 2023 the area's share is the labour-force-weighted mean of its "
        "members' published shares (labour force of the latest published year); it equals "
        "the ratio of sums up to rounding.",
    },
    "area.merged_unit": {
        "fi": "{names} julkaistaan yhdessä {month} alkaen; niiden yhteinen luku edustaa niitä "
        "alueen sarjassa.",
        "sv": "{names} publiceras tillsammans från {month}; deras gemensamma tal står för dem "
        "i områdets serie.",
        "en": "{names} are published together from {month}; their joint figure stands for "
        "them in the area's series.",
    },
    # The evaluation page's per-area table
    "area.col.area": {"fi": "Alue", "sv": "Område", "en": "Area"},
    "area.col.members": {"fi": "Kuntia", "sv": "Kommuner", "en": "Municipalities"},
    "area.col.did": {"fi": "DiD (%-yks.)", "sv": "DiD (p.e.)", "en": "DiD (pp)"},
    "area.col.did_ci": {
        "fi": "DiD 95 %:n väli (placebot)",
        "sv": "DiD 95 % intervall (placebo)",
        "en": "DiD 95 % interval (placebos)",
    },
    "area.col.did_p": {"fi": "DiD p (placebot)", "sv": "DiD p (placebo)", "en": "DiD p (placebos)"},
    "area.col.sc": {
        "fi": "Synteettinen verrokki: ero",
        "sv": "Syntetisk kontroll: skillnad",
        "en": "Synthetic control: gap",
    },
    "area.col.sc_p": {
        "fi": "Synteettinen verrokki: p",
        "sv": "Syntetisk kontroll: p",
        "en": "Synthetic control: p",
    },
    "area.col.fit": {"fi": "Sovite", "sv": "Anpassning", "en": "Fit"},
    "area.table_title": {
        "fi": "Alueittain: erotusten erotus ja synteettinen verrokki",
        "sv": "Per område: skillnad-i-skillnader och syntetisk kontroll",
        "en": "By area: difference in differences and synthetic control",
    },
    "area.table_note": {
        "fi": "Alueittaiset p-arvot ja välit tulevat placebo-alueista (satunnaistamispäättely), "
        "ei klusteroiduista keskivirheistä, jotka eivät ole päteviä yhden tai muutaman "
        "käsitellyn klusterin kanssa.",
        "sv": "P-värdena och intervallen per område kommer från placeboområden "
        "(randomiseringsinferens), inte från klustrade medelfel, som inte är giltiga med ett "
        "eller några få behandlade kluster.",
        "en": "The per-area p-values and intervals come from placebo areas (randomisation "
        "inference), not from clustered standard errors, which are not valid with one or a "
        "few treated clusters.",
    },
    # The evaluation page: the comparison groups side by side
    "evaluation.comparisons_title": {
        "fi": "Vertailuryhmät rinnakkain",
        "sv": "Jämförelsegrupperna sida vid sida",
        "en": "The comparison groups side by side",
    },
    "evaluation.col.ci95": {
        "fi": "95 %:n luottamusväli",
        "sv": "95 % konfidensintervall",
        "en": "95 % CI",
    },
    "evaluation.col.verdict": {
        "fi": "Esitrenditesti",
        "sv": "Test av förtrender",
        "en": "Pre-trend test",
    },
    "evaluation.verdict.passes": {
        "fi": "ei hylkää yhdensuuntaisia trendejä",
        "sv": "förkastar inte parallella trender",
        "en": "does not reject parallel trends",
    },
    "evaluation.verdict.rejects": {
        "fi": "hylkää yhdensuuntaiset trendit",
        "sv": "förkastar parallella trender",
        "en": "rejects parallel trends",
    },
    "evaluation.verdict.untested": {"fi": "ei testiä", "sv": "inget test", "en": "no test"},
    "evaluation.lead_passes": {
        "fi": "Sivu näyttää ensin vertailuryhmän ”{lead}”: sen esitrenditesti ei hylkää "
        "yhdensuuntaisia trendejä ({p}).",
        "sv": "Sidan visar först jämförelsegruppen ”{lead}”: dess test av förtrender "
        "förkastar inte parallella trender ({p}).",
        "en": "The page leads with the comparison group “{lead}”: its pre-trend test does not "
        "reject parallel trends ({p}).",
    },
    "evaluation.lead_others_fail": {
        "fi": "Testi hylkää ne ryhmille {others}: niiden kunnat kehittyivät eri tavoin kuin "
        "kokeilukunnat jo ennen kokeilua, joten niiden arvioita ei voi lukea kokeilun "
        "vaikutukseksi.",
        "sv": "Testet förkastar dem för grupperna {others}: deras kommuner utvecklades "
        "annorlunda än försökskommunerna redan före försöket, så deras skattningar kan inte "
        "läsas som försökets effekt.",
        "en": "The test rejects them for {others}: those municipalities already moved "
        "differently from the trial municipalities before the trial, so their estimates "
        "cannot be read as the trial's effect.",
    },
    "evaluation.lead_none": {
        "fi": "Minkään vertailuryhmän esitrenditesti ei tue yhdensuuntaisia trendejä: lue "
        "kaikkia arvioita varauksin.",
        "sv": "Inget test av förtrender stöder parallella trender för någon jämförelsegrupp: "
        "läs alla skattningar med förbehåll.",
        "en": "No comparison group's pre-trend test supports parallel trends: read every "
        "estimate with caution.",
    },
    "evaluation.forest_pooled": {
        "fi": "Kaikki kokeilukunnat",
        "sv": "Alla försökskommuner",
        "en": "All trial municipalities",
    },
    "evaluation.forest_method": {
        "fi": "Luottamusväli",
        "sv": "Konfidensintervall",
        "en": "Interval",
    },
    "evaluation.method.clustered": {
        "fi": "kunnittain klusteroitu",
        "sv": "klustrat per kommun",
        "en": "clustered by municipality",
    },
    "evaluation.method.placebo": {
        "fi": "placeboalueista",
        "sv": "från placeboområden",
        "en": "from placebo areas",
    },
    "methods.calibration": {
        "fi": "Alueittaisten arvioiden kalibrointi",
        "sv": "Kalibrering av skattningarna per område",
        "en": "Calibration of the per-area estimates",
    },
    "methods.calibration_text": {
        "fi": "Kokeilun ulkopuolisista {pool} kunnasta arvottiin {n} valealuetta, joiden koot "
        "vastaavat todellisia alueita, ja kunkin katsottiin aloittaneen kokeilun maaliskuussa "
        "2021. Koska niissä ei ollut kokeilua, p < 0,05 kuuluu sattua noin 5 %:ssa. "
        "Synteettinen verrokki (sovitteen laatu mitattuna kokeilua edeltävien kuukausien "
        "lopusta): {sc}; erotusten erotus placebopäättelyllä: {did}. Tavanomainen sovitteen "
        "sisäinen suhdeluku hylkäsi {in_sample}:ssa tapauksista, siksi sitä ei käytetä. "
        "Mitattu {measured}.",
        "sv": "Bland {pool} kommuner utanför försöket drogs {n} låtsasområden med samma "
        "storlekar som de verkliga områdena, och vart och ett antogs ha börjat försöket i "
        "mars 2021. Eftersom de inte hade något försök ska p < 0,05 inträffa i cirka 5 %. "
        "Syntetisk kontroll (anpassningen mätt på de sista månaderna före försöket): {sc}; "
        "skillnad-i-skillnader med placeboinferens: {did}. Den vanliga kvoten inom "
        "anpassningen förkastade i {in_sample} och används därför inte. Mätt {measured}.",
        "en": "From the {pool} municipalities outside the trials, {n} fake areas of the real "
        "areas' sizes were drawn, each pretended to start the trial in March 2021. As none "
        "had a trial, p < 0.05 should happen in about 5 %. Synthetic control (fit measured "
        "on the last pre-trial months): {sc}; difference in differences with placebo "
        "inference: {did}. The usual in-sample ratio rejected in {in_sample}, so it is not "
        "used. Measured {measured}.",
    },
    "spec.outcome": {
        "fi": "Tulosmuuttuja: {outcome}",
        "sv": "Utfall: {outcome}",
        "en": "Outcome: {outcome}",
    },
    "spec.comparison": {
        "fi": "vertailuryhmä: {comparison}",
        "sv": "jämförelsegrupp: {comparison}",
        "en": "comparison group: {comparison}",
    },
    "spec.window": {
        "fi": "jakso {start}–{end}",
        "sv": "period {start}–{end}",
        "en": "window {start}–{end}",
    },
    "spec.reference": {
        "fi": "viitekuukausi {month} (−1)",
        "sv": "referensmånad {month} (−1)",
        "en": "reference month {month} (−1)",
    },
    "spec.binned": {
        "fi": "päätepisteet {low} ja {high} sisältävät aiemmat ja myöhemmät kuukaudet",
        "sv": "ändpunkterna {low} och {high} innehåller tidigare och senare månader",
        "en": "end points {low} and {high} pool the earlier and later months",
    },
    "spec.clustered": {
        "fi": "95 %:n luottamusvälit, keskivirheet klusteroitu kunnittain",
        "sv": "95 % konfidensintervall, medelfel klustrade per kommun",
        "en": "95 % confidence intervals, standard errors clustered by municipality",
    },
    "spec.per_area": {
        "fi": "alueittain: 95 %:n välit ja p-arvot placeboalueista, synteettinen verrokki "
        "pidätetyllä sovitteella",
        "sv": "per område: 95 % intervall och p-värden från placeboområden, syntetisk kontroll "
        "med reserverad anpassning",
        "en": "per area: 95 % intervals and p-values from placebo areas, synthetic control "
        "with a held-out fit",
    },
    "spec.n": {
        "fi": "{treated} kokeilu- ja {control} vertailukuntaa, {obs} havaintoa",
        "sv": "{treated} försöks- och {control} jämförelsekommuner, {obs} observationer",
        "en": "{treated} trial and {control} comparison municipalities, {obs} observations",
    },
    "evaluation.col.se": {"fi": "Keskivirhe", "sv": "Medelfel", "en": "Standard error"},
    "evaluation.col.binned": {
        "fi": "Päätepiste (yhdistetty)",
        "sv": "Ändpunkt (sammanslagen)",
        "en": "End point (pooled)",
    },
    "evaluation.col.reference": {
        "fi": "Viitekuukausi",
        "sv": "Referensmånad",
        "en": "Reference month",
    },
}
