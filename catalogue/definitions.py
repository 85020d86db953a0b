"""The indicator catalogue: every indicator Seuranta knows, defined once.

Stored indicators are series that a source publishes and the loader writes into the reporting
database. Derived indicators are computed from stored ones (ratio of sums, sums of components)
and are never stored. The reporting database's ``indicators`` table is filled from this module.

Every indicator has its name and its definition in Finnish, Swedish and English, in the terms of
the Employment Service Statistics (työnvälitystilasto / arbetsförmedlingsstatistiken) of
Statistics Finland and the Ministry of Economic Affairs and Employment (TEM / ANM).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["count", "rate", "ratio", "sum", "level"]
Better = Literal["lower", "higher", "neutral"]

LANGS: tuple[str, ...] = ("fi", "sv", "en")

STATFIN_12R5 = "Statistics Finland, StatFin 12r5 (Employment Service Statistics, TEM)"
STATFIN_OLD = "Statistics Finland, old StatFin tyonv tables (Employment Service Statistics, TEM)"
KELA = "Kela, Kelasto: municipality-funded labour market subsidy (NIT089CL)"

# The Employment Service Statistics count stocks on their reference day (laskentapäivä /
# räknedag), the last working day of the month.
REFERENCE_DAY_FI = "laskentapäivänä (kuukauden viimeisenä työpäivänä)"
REFERENCE_DAY_SV = "på räknedagen (månadens sista arbetsdag)"
REFERENCE_DAY_EN = "on the reference day, the last working day of the month"

# Where a rate or ratio covers several municipalities (a trial area, a comparison group).
RATIO_OF_SUMS_FI = "Useamman kunnan luku on summien suhde."
RATIO_OF_SUMS_SV = "För flera kommuner tillsammans är värdet kvoten av summorna."
RATIO_OF_SUMS_EN = "Aggregates are the ratio of the sums."


@dataclass(frozen=True)
class Indicator:
    """One indicator of the catalogue.

    ``kind`` says how it aggregates: counts sum; a rate is ``scale`` × Σnumerator / Σdenominator;
    a ratio is Σnumerator / Σdenominator; a sum adds its ``components``; a level (an average
    duration, say) does not aggregate at all.
    """

    code: str
    name_fi: str
    name_sv: str
    name_en: str
    unit: str
    kind: Kind
    better: Better
    source: str
    definition_en: str
    definition_fi: str
    definition_sv: str
    numerator: str | None = None
    denominator: str | None = None
    scale: float = 1.0
    components: tuple[str, ...] = field(default_factory=tuple)
    stored: bool = True
    annual: bool = False
    statfin_code: str | None = None
    statfin_label_fi: str | None = None
    target: bool = False

    def name(self, lang: str) -> str:
        """The indicator's name in ``lang`` (fi, sv or en)."""
        return str(getattr(self, f"name_{lang}", self.name_en))

    def definition(self, lang: str) -> str:
        """The definition in ``lang`` (fi, sv or en).

        There is no fallback to English: every indicator carries all three languages (a test
        checks it), so a missing translation shows instead of being papered over.
        """
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
        return str(getattr(self, f"definition_{lang}"))


def _count(
    code: str,
    fi: str,
    sv: str,
    en: str,
    *,
    definition_fi: str,
    definition_sv: str,
    definition: str = "",
    better: Better = "neutral",
    source: str = STATFIN_12R5,
    label: str | None = None,
    statfin: str | None = None,
    annual: bool = False,
    target: bool = False,
    unit: str = "persons",
) -> Indicator:
    """A stored count. Its Finnish and Swedish definitions are required; the English one
    defaults to "<name>: persons on the reference day, the last working day of the month.".
    """
    return Indicator(
        code,
        fi,
        sv,
        en,
        unit,
        "count",
        better,
        source,
        definition or f"{en}: persons {REFERENCE_DAY_EN}.",
        definition_fi,
        definition_sv,
        statfin_code=statfin,
        statfin_label_fi=label,
        annual=annual,
        target=target,
    )


SERVICE_COMPONENTS = (
    "in_subsidised_employment",
    "in_work_tryout_or_coaching",
    "in_work_or_training_trial",
    "in_labour_market_training",
    "in_coaching",
    "in_other_services",
)

CATALOGUE: tuple[Indicator, ...] = (
    _count(
        "unemployed_jobseekers",
        "Työttömät työnhakijat",
        "Arbetslösa arbetssökande",
        "Unemployed jobseekers",
        better="lower",
        statfin="TYOTTOMATLOPUSSA",
        label="Työttömät työnhakijat laskentapäivänä",
        definition="Unemployed jobseekers registered at the employment services on the last "
        "working day of the month.",
        definition_fi="Työvoimapalveluihin rekisteröityneet työttömät työnhakijat "
        f"{REFERENCE_DAY_FI}.",
        definition_sv="Arbetslösa arbetssökande registrerade vid arbetskraftsservicen "
        f"{REFERENCE_DAY_SV}.",
    ),
    _count(
        "jobseekers_total",
        "Työnhakijat yhteensä",
        "Arbetssökande totalt",
        "All jobseekers",
        label="Työnhakijoita laskentapäivänä",
        definition_fi=f"Kaikki työnhakijat: henkilöitä {REFERENCE_DAY_FI}.",
        definition_sv=f"Alla arbetssökande: antal personer {REFERENCE_DAY_SV}.",
    ),
    _count(
        "labour_force",
        "Työvoima",
        "Arbetskraft",
        "Labour force",
        statfin="TYOVOIMATK",
        label="TK:n työssäkäyntitilaston työvoima",
        annual=True,
        definition="Labour force from Statistics Finland's employment statistics; an annual "
        "figure used for every month of the year.",
        definition_fi="Tilastokeskuksen työssäkäyntitilaston työvoima; vuositieto, jota "
        "käytetään vuoden jokaisena kuukautena.",
        definition_sv="Arbetskraften enligt Statistikcentralens sysselsättningsstatistik; en "
        "årsuppgift som används för årets alla månader.",
    ),
    Indicator(
        "unemployed_share_pct",
        "Työttömien osuus työvoimasta",
        "Arbetslösas andel av arbetskraften",
        "Unemployed share of the labour force",
        "percent",
        "rate",
        "lower",
        STATFIN_12R5,
        "100 × unemployed jobseekers / labour force. Aggregates are the ratio of the sums; "
        "where a source publishes only the share (municipalities after 2023-10) the "
        "published value is shown and cannot be aggregated.",
        "100 × työttömät työnhakijat / työvoima. Useamman kunnan osuus on summien suhde; kun "
        "lähde julkaisee vain osuuden (kunnat lokakuun 2023 jälkeen), näytetään julkaistu "
        "arvo, eikä sitä voi yhdistää useamman kunnan luvuksi.",
        "100 × arbetslösa arbetssökande / arbetskraften. För flera kommuner tillsammans är "
        "andelen kvoten av summorna; där källan publicerar endast andelen (kommuner efter "
        "oktober 2023) visas det publicerade värdet, och det kan inte slås samman för flera "
        "kommuner.",
        numerator="unemployed_jobseekers",
        denominator="labour_force",
        scale=100.0,
        statfin_code="TYOTOSUUS",
        statfin_label_fi="Työttömien %-osuus työvoimasta",
        target=True,
    ),
    _count(
        "open_vacancies",
        "Avoimet työpaikat",
        "Lediga arbetsplatser",
        "Open vacancies",
        better="higher",
        statfin="AVPAIKATLOPUSSA",
        label="Avoimet työpaikat laskentapäivänä",
        definition="Vacancies open at the employment services on the last working day of "
        "the month.",
        definition_fi=f"Työvoimapalveluissa avoinna olevat työpaikat {REFERENCE_DAY_FI}.",
        definition_sv=f"Lediga arbetsplatser hos arbetskraftsservicen {REFERENCE_DAY_SV}.",
    ),
    _count(
        "new_vacancies",
        "Uudet avoimet työpaikat",
        "Nya lediga arbetsplatser",
        "New vacancies",
        better="higher",
        label="Uudet avoimet työpaikat kuukauden aikana",
        definition="Vacancies notified during the month.",
        definition_fi="Kuukauden aikana ilmoitetut uudet avoimet työpaikat.",
        definition_sv="Nya lediga arbetsplatser som anmälts under månaden.",
    ),
    _count(
        "unemployed_men",
        "Työttömät miehet",
        "Arbetslösa män",
        "Unemployed men",
        better="lower",
        statfin="TYOTTOMATMIEHET",
        label="Työttömät miehet",
        definition_fi=f"Työttömistä työnhakijoista miehet {REFERENCE_DAY_FI}.",
        definition_sv=f"Män bland de arbetslösa arbetssökandena {REFERENCE_DAY_SV}.",
    ),
    _count(
        "unemployed_women",
        "Työttömät naiset",
        "Arbetslösa kvinnor",
        "Unemployed women",
        better="lower",
        statfin="TYOTTOMATNAISET",
        label="Työttömät naiset",
        definition_fi=f"Työttömistä työnhakijoista naiset {REFERENCE_DAY_FI}.",
        definition_sv=f"Kvinnor bland de arbetslösa arbetssökandena {REFERENCE_DAY_SV}.",
    ),
    _count(
        "unemployed_under20",
        "Alle 20-vuotiaat työttömät",
        "Arbetslösa under 20 år",
        "Unemployed under 20",
        better="lower",
        statfin="TYOTTOMAT20",
        label="Alle 20-v.",
        definition_fi=f"Alle 20-vuotiaat työttömät työnhakijat {REFERENCE_DAY_FI}.",
        definition_sv=f"Arbetslösa arbetssökande under 20 år {REFERENCE_DAY_SV}.",
    ),
    _count(
        "unemployed_under25",
        "Alle 25-vuotiaat työttömät",
        "Arbetslösa under 25 år",
        "Unemployed under 25",
        better="lower",
        statfin="TYOTTOMAT25",
        label="Alle 25-v.",
        target=True,
        definition_fi=f"Alle 25-vuotiaat työttömät työnhakijat {REFERENCE_DAY_FI}.",
        definition_sv=f"Arbetslösa arbetssökande under 25 år {REFERENCE_DAY_SV}.",
    ),
    _count(
        "unemployed_over50",
        "Yli 50-vuotiaat työttömät",
        "Arbetslösa över 50 år",
        "Unemployed over 50",
        better="lower",
        statfin="TYOTTOMAT50",
        label="Yli 50-v.",
        definition_fi=f"Yli 50-vuotiaat työttömät työnhakijat {REFERENCE_DAY_FI}.",
        definition_sv=f"Arbetslösa arbetssökande över 50 år {REFERENCE_DAY_SV}.",
    ),
    _count(
        "unemployed_disabled_or_ill",
        "Vammaiset tai pitkäaikaissairaat työttömät",
        "Arbetslösa med funktionsnedsättning eller långvarig sjukdom",
        "Unemployed, disabled or long-term ill",
        better="lower",
        statfin="TYOTTOMATSAIR",
        label="Vamm./pitkäaik.sair.",
        definition_fi=f"Vammaiset tai pitkäaikaissairaat työttömät työnhakijat {REFERENCE_DAY_FI}.",
        definition_sv="Arbetslösa arbetssökande med funktionsnedsättning eller långvarig "
        f"sjukdom {REFERENCE_DAY_SV}.",
    ),
    _count(
        "unemployed_foreign_nationals",
        "Ulkomaalaiset työttömät",
        "Arbetslösa utländska medborgare",
        "Unemployed foreign nationals",
        better="lower",
        statfin="TYOTTOMATULK",
        label="Ulkomaalaisia työttömiä työnhakijoita",
        target=True,
        definition_fi="Työttömät työnhakijat, jotka ovat ulkomaan kansalaisia, "
        f"{REFERENCE_DAY_FI}.",
        definition_sv=f"Arbetslösa arbetssökande som är utländska medborgare, {REFERENCE_DAY_SV}.",
    ),
    _count(
        "long_term_unemployed",
        "Pitkäaikaistyöttömät",
        "Långtidsarbetslösa",
        "Long-term unemployed",
        better="lower",
        statfin="PITKAAIKAISTYOTTOMAT",
        label="Pitkäaikaistyöttömät",
        target=True,
        definition="Unemployed jobseekers whose unemployment has lasted without interruption "
        "for 12 months or more.",
        definition_fi="Työttömät työnhakijat, joiden työttömyys on jatkunut yhdenjaksoisesti "
        "vähintään 12 kuukautta.",
        definition_sv="Arbetslösa arbetssökande vars arbetslöshet har pågått utan avbrott i "
        "minst 12 månader.",
    ),
    _count(
        "unemployed_fund_members",
        "Työttömyyskassan jäsenet (työttömät)",
        "Arbetslösa medlemmar i arbetslöshetskassa",
        "Unemployed members of an unemployment fund",
        label="Kassan jäseniä",
        definition_fi="Työttömät työnhakijat, jotka ovat työttömyyskassan jäseniä, "
        f"{REFERENCE_DAY_FI}.",
        definition_sv="Arbetslösa arbetssökande som är medlemmar i en arbetslöshetskassa, "
        f"{REFERENCE_DAY_SV}.",
    ),
    _count(
        "fully_laid_off",
        "Kokoaikaisesti lomautetut",
        "Heltidspermitterade",
        "Fully laid off",
        better="lower",
        label="Kokoaikaisesti lomautetut",
        definition=f"Fully laid-off jobseekers {REFERENCE_DAY_EN}. They are counted among "
        "the unemployed jobseekers.",
        definition_fi=f"Kokoaikaisesti lomautetut työnhakijat {REFERENCE_DAY_FI}. He "
        "sisältyvät työttömiin työnhakijoihin.",
        definition_sv=f"Heltidspermitterade arbetssökande {REFERENCE_DAY_SV}. De ingår i de "
        "arbetslösa arbetssökandena.",
    ),
    _count(
        "on_reduced_working_week",
        "Lyhennetyllä työviikolla",
        "På förkortad arbetsvecka",
        "On a reduced working week",
        label="Lyhennetyllä työviikolla",
        definition_fi=f"Lyhennetyllä työviikolla olevat työnhakijat {REFERENCE_DAY_FI}.",
        definition_sv=f"Arbetssökande på förkortad arbetsvecka {REFERENCE_DAY_SV}.",
    ),
    _count(
        "in_subsidised_employment",
        "Työllistettynä",
        "I sysselsättning med stöd",
        "In subsidised employment",
        label="Työllistettynä",
        definition="In subsidised employment (pay-subsidised work, for example): persons "
        f"{REFERENCE_DAY_EN}.",
        definition_fi="Tuella työllistettyinä (esimerkiksi palkkatuetussa työssä) olevat "
        f"{REFERENCE_DAY_FI}.",
        definition_sv="Personer i sysselsättning med stöd (till exempel i lönesubventionerat "
        f"arbete) {REFERENCE_DAY_SV}.",
    ),
    _count(
        "in_work_tryout_or_coaching",
        "Työharjoittelussa tai työelämävalmennuksessa",
        "I arbetspraktik eller arbetslivsträning",
        "In work try-out or work-life coaching",
        label="Työharj./työelämävalmennuksessa",
        definition_fi=f"Työharjoittelussa tai työelämävalmennuksessa olevat {REFERENCE_DAY_FI}.",
        definition_sv=f"Personer i arbetspraktik eller arbetslivsträning {REFERENCE_DAY_SV}.",
    ),
    _count(
        "in_work_or_training_trial",
        "Työ- ja koulutuskokeilussa",
        "I arbets- och utbildningsprövning",
        "In work or training trial",
        label="Työ- ja koulutuskokeilussa",
        definition_fi=f"Työ- ja koulutuskokeilussa olevat {REFERENCE_DAY_FI}.",
        definition_sv=f"Personer i arbets- och utbildningsprövning {REFERENCE_DAY_SV}.",
    ),
    _count(
        "in_labour_market_training",
        "Työvoimakoulutuksessa",
        "I arbetskraftsutbildning",
        "In labour market training",
        label="Työvoimakoulutuksessa",
        definition_fi=f"Työvoimakoulutuksessa olevat {REFERENCE_DAY_FI}.",
        definition_sv=f"Personer i arbetskraftsutbildning {REFERENCE_DAY_SV}.",
    ),
    _count(
        "in_coaching",
        "Valmennuksessa",
        "I träning",
        "In coaching",
        label="Valmennuksessa",
        definition_fi=f"Valmennuksessa olevat {REFERENCE_DAY_FI}.",
        definition_sv=f"Personer i träning {REFERENCE_DAY_SV}.",
    ),
    _count(
        "in_other_services",
        "Muissa palveluissa",
        "I övriga tjänster",
        "In other services",
        label="Muissa palveluissa",
        definition_fi=f"Muissa palveluissa olevat {REFERENCE_DAY_FI}.",
        definition_sv=f"Personer i övriga tjänster {REFERENCE_DAY_SV}.",
    ),
    _count(
        "structurally_unemployed",
        "Rakennetyöttömät",
        "Strukturarbetslösa",
        "Structurally unemployed",
        better="lower",
        source=STATFIN_OLD + " 6211",
        definition="Long-term unemployed, comparable long-term unemployed and people moving "
        "from services back to unemployment or from one service to another (table 6211).",
        definition_fi="Pitkäaikaistyöttömät, pitkäaikaistyöttömyyteen rinnastettavat sekä "
        "palveluista takaisin työttömiksi tai palvelusta toiseen siirtyvät (taulukko 6211).",
        definition_sv="Långtidsarbetslösa, personer som jämställs med långtidsarbetslösa samt "
        "personer som från tjänster återgår till arbetslöshet eller övergår till en annan "
        "tjänst (tabell 6211).",
    ),
    _count(
        "unemployed_excl_laid_off",
        "Työttömät ilman lomautettuja",
        "Arbetslösa exklusive permitterade",
        "Unemployed excluding laid-off",
        better="lower",
        source=STATFIN_OLD + " 1205",
        definition="Unemployed jobseekers without fully laid-off persons (table 1205, summed "
        "over ages by the data's publisher).",
        definition_fi="Työttömät työnhakijat ilman kokoaikaisesti lomautettuja (taulukko 1205; "
        "ikäryhmät on laskenut yhteen aineiston julkaisija).",
        definition_sv="Arbetslösa arbetssökande exklusive heltidspermitterade (tabell 1205; "
        "åldersgrupperna har summerats av den som publicerat materialet).",
    ),
    _count(
        "unemployed_excl_laid_off_under30",
        "Alle 30-vuotiaat työttömät ilman lomautettuja",
        "Arbetslösa under 30 år exklusive permitterade",
        "Unemployed under 30, excluding laid-off",
        better="lower",
        source=STATFIN_OLD + " 1205",
        target=True,
        definition="Unemployed jobseekers aged 15–29 without fully laid-off persons (table "
        "1205, ages 15–19, 20–24 and 25–29 summed by the data's publisher).",
        definition_fi="15–29-vuotiaat työttömät työnhakijat ilman kokoaikaisesti lomautettuja "
        "(taulukko 1205; ikäryhmät 15–19, 20–24 ja 25–29 on laskenut yhteen aineiston "
        "julkaisija).",
        definition_sv="Arbetslösa arbetssökande i åldern 15–29 år exklusive heltidspermitterade "
        "(tabell 1205; åldersgrupperna 15–19, 20–24 och 25–29 år har summerats av den som "
        "publicerat materialet).",
    ),
    _count(
        "foreign_labour_force",
        "Ulkomaalainen työvoima",
        "Utländsk arbetskraft",
        "Foreign labour force",
        source=STATFIN_OLD + " 1261",
        annual=True,
        definition="Foreign nationals in the labour force (table 1261); an annual figure used "
        "for every month of the year.",
        definition_fi="Ulkomaan kansalaisten työvoima (taulukko 1261); vuositieto, jota "
        "käytetään vuoden jokaisena kuukautena.",
        definition_sv="Utländska medborgare i arbetskraften (tabell 1261); en årsuppgift som "
        "används för årets alla månader.",
    ),
    _count(
        "labour_force_under25",
        "Alle 25-vuotias työvoima",
        "Arbetskraft under 25 år",
        "Labour force under 25",
        source=STATFIN_OLD + " 1263",
        annual=True,
        definition="Labour force aged under 25 (table 1263); an annual figure used for every "
        "month of the year.",
        definition_fi="Alle 25-vuotiaiden työvoima (taulukko 1263); vuositieto, jota "
        "käytetään vuoden jokaisena kuukautena.",
        definition_sv="Arbetskraften under 25 år (tabell 1263); en årsuppgift som används för "
        "årets alla månader.",
    ),
    Indicator(
        "avg_jobseeking_duration_weeks",
        "Työnhaun keskimääräinen kesto",
        "Arbetssökningens genomsnittliga längd",
        "Average duration of jobseeking",
        "weeks",
        "level",
        "lower",
        STATFIN_OLD + " 1207",
        "Average length of the current jobseeking period in weeks (table 1207). A level: "
        "it does not aggregate over municipalities.",
        "Käynnissä olevan työnhakujakson keskimääräinen kesto viikkoina (taulukko 1207). "
        "Tasoluku: kuntien luvuista ei voi laskea useamman kunnan lukua.",
        "Den pågående arbetssökningsperiodens genomsnittliga längd i veckor (tabell 1207). "
        "En nivå: kommunernas värden kan inte slås samman för flera kommuner.",
    ),
    Indicator(
        "activation_rate_pct",
        "Aktivointiaste",
        "Aktiveringsgrad",
        "Activation rate",
        "percent",
        "rate",
        "higher",
        STATFIN_OLD + " 4250",
        "Share of people in services among the unemployed jobseekers and people in services, "
        "in percent, as published (table 4250). Shown only where published: it is stored as "
        "published, not computed from its components.",
        "Palveluissa olevien osuus työttömien työnhakijoiden ja palveluissa olevien "
        "yhteismäärästä prosentteina, sellaisena kuin se on julkaistu (taulukko 4250). "
        "Näytetään vain siellä, missä se on julkaistu: se tallennetaan julkaistuna eikä sitä "
        "lasketa osatekijöistään.",
        "Andelen personer i tjänster av de arbetslösa arbetssökandena och personerna i "
        "tjänster sammanlagt, i procent, såsom den publicerats (tabell 4250). Visas endast "
        "där den publicerats: den lagras såsom publicerad och beräknas inte ur sina "
        "komponenter.",
        scale=100.0,
        statfin_code="AKTASTE",
        statfin_label_fi="Aktivointiaste laskentapäivänä",
        target=True,
    ),
    _count(
        "in_services_total",
        "Palveluissa yhteensä",
        "I tjänster totalt",
        "In services, total",
        source=STATFIN_OLD + " 4250",
        statfin="PALVELUISSAYHTEENSA",
        label="Palveluissa yhteensä",
        definition="People in the services counted in the activation rate (table 4250) "
        f"{REFERENCE_DAY_EN}. More services than in 'People in services', among them "
        "rehabilitative work activity, self-motivated study and job alternation substitutes.",
        definition_fi="Aktivointiasteeseen luettavissa palveluissa olevat (taulukko 4250) "
        f"{REFERENCE_DAY_FI}. Mukana on useampia palveluja kuin luvussa ”Palveluissa olevat”, "
        "muun muassa kuntouttava työtoiminta, omaehtoinen opiskelu ja vuorottelusijaiset.",
        definition_sv="Personer i de tjänster som räknas in i aktiveringsgraden (tabell 4250) "
        f"{REFERENCE_DAY_SV}. Fler tjänster än i ”Personer i tjänster”, bland annat "
        "arbetsverksamhet i rehabiliteringssyfte, frivilliga studier och alterneringsvikarier.",
    ),
    _count(
        "kela_lms_recipients",
        "Kunnan osarahoittaman työmarkkinatuen saajat",
        "Mottagare av arbetsmarknadsstöd som kommunen delfinansierar",
        "Recipients of municipality co-funded labour market subsidy",
        better="lower",
        source=KELA,
        definition="Persons paid municipality co-funded labour market subsidy during the month.",
        definition_fi="Henkilöt, joille on kuukauden aikana maksettu kunnan osarahoittamaa "
        "työmarkkinatukea.",
        definition_sv="Personer som under månaden har fått arbetsmarknadsstöd som kommunen "
        "delfinansierar.",
    ),
    _count(
        "kela_lms_paid_eur",
        "Maksettu työmarkkinatuki (kunnan osarahoittama)",
        "Utbetalt arbetsmarknadsstöd (delfinansierat av kommunen)",
        "Labour market subsidy paid (municipality co-funded)",
        better="lower",
        source=KELA,
        unit="EUR",
        definition="Gross benefit paid in the month, euros.",
        definition_fi="Kuukauden aikana maksettu etuus bruttomääräisenä, euroa.",
        definition_sv="Under månaden utbetald förmån, bruttobelopp i euro.",
    ),
    _count(
        "kela_lms_days",
        "Korvatut työmarkkinatukipäivät",
        "Ersatta dagar med arbetsmarknadsstöd",
        "Compensated labour market subsidy days",
        better="lower",
        source=KELA,
        unit="days",
        definition="Benefit days compensated in the month.",
        definition_fi="Kuukauden aikana korvatut tukipäivät.",
        definition_sv="Under månaden ersatta stöddagar.",
    ),
    _count(
        "kela_lms_municipal_share_eur",
        "Kunnan rahoitusosuus työmarkkinatuesta",
        "Kommunens finansieringsandel av arbetsmarknadsstödet",
        "Municipal share of the labour market subsidy",
        better="lower",
        source=KELA,
        unit="EUR",
        target=True,
        definition="Euros the municipality paid: 50 % of the benefit after 300 days and "
        "70 % after 1,000 days of labour market subsidy.",
        definition_fi="Kunnan rahoittama osuus euroina: 50 % tuesta, kun työmarkkinatukea on "
        "maksettu vähintään 300 päivältä, ja 70 %, kun sitä on maksettu vähintään 1 000 "
        "päivältä.",
        definition_sv="Kommunens finansieringsandel i euro: 50 % av stödet när "
        "arbetsmarknadsstöd har betalats för minst 300 dagar och 70 % när det har betalats "
        "för minst 1 000 dagar.",
    ),
    # Derived indicators: computed from the stored ones, never stored.
    Indicator(
        "unemployed_per_vacancy",
        "Työttömiä työnhakijoita avointa työpaikkaa kohden",
        "Arbetslösa arbetssökande per ledig arbetsplats",
        "Unemployed jobseekers per open vacancy",
        "ratio",
        "ratio",
        "lower",
        STATFIN_12R5,
        "Unemployed jobseekers / open vacancies (ratio of sums when aggregated).",
        "Työttömät työnhakijat / avoimet työpaikat (useamman kunnan luku on summien suhde).",
        "Arbetslösa arbetssökande / lediga arbetsplatser (för flera kommuner tillsammans "
        "kvoten av summorna).",
        numerator="unemployed_jobseekers",
        denominator="open_vacancies",
        stored=False,
    ),
    Indicator(
        "long_term_share_pct",
        "Pitkäaikaistyöttömien osuus työttömistä",
        "Långtidsarbetslösas andel av de arbetslösa",
        "Long-term unemployed share",
        "percent",
        "rate",
        "lower",
        STATFIN_12R5,
        f"100 × long-term unemployed / unemployed jobseekers. {RATIO_OF_SUMS_EN}",
        f"100 × pitkäaikaistyöttömät / työttömät työnhakijat. {RATIO_OF_SUMS_FI}",
        f"100 × långtidsarbetslösa / arbetslösa arbetssökande. {RATIO_OF_SUMS_SV}",
        numerator="long_term_unemployed",
        denominator="unemployed_jobseekers",
        scale=100.0,
        stored=False,
        target=True,
    ),
    Indicator(
        "under25_share_pct",
        "Alle 25-vuotiaiden osuus työttömistä",
        "Andel under 25 år av de arbetslösa",
        "Under-25 share of the unemployed",
        "percent",
        "rate",
        "lower",
        STATFIN_12R5,
        f"100 × unemployed under 25 / unemployed jobseekers. {RATIO_OF_SUMS_EN}",
        f"100 × alle 25-vuotiaat työttömät työnhakijat / työttömät työnhakijat. {RATIO_OF_SUMS_FI}",
        "100 × arbetslösa arbetssökande under 25 år / arbetslösa arbetssökande. "
        f"{RATIO_OF_SUMS_SV}",
        numerator="unemployed_under25",
        denominator="unemployed_jobseekers",
        scale=100.0,
        stored=False,
    ),
    Indicator(
        "foreign_share_pct",
        "Ulkomaalaisten osuus työttömistä",
        "Utländska medborgares andel av de arbetslösa",
        "Foreign nationals' share of the unemployed",
        "percent",
        "rate",
        "neutral",
        STATFIN_12R5,
        f"100 × unemployed foreign nationals / unemployed jobseekers. {RATIO_OF_SUMS_EN}",
        "100 × ulkomaan kansalaisia olevat työttömät työnhakijat / työttömät työnhakijat. "
        f"{RATIO_OF_SUMS_FI}",
        "100 × arbetslösa arbetssökande som är utländska medborgare / arbetslösa "
        f"arbetssökande. {RATIO_OF_SUMS_SV}",
        numerator="unemployed_foreign_nationals",
        denominator="unemployed_jobseekers",
        scale=100.0,
        stored=False,
    ),
    Indicator(
        "in_services",
        "Palveluissa olevat",
        "Personer i tjänster",
        "People in services",
        "persons",
        "sum",
        "neutral",
        STATFIN_12R5,
        "Sum of the six service stocks of table 12r5 (subsidised employment, work try-out "
        "or coaching, work or training trial, labour market training, coaching, other).",
        "Taulukon 12r5 kuudessa palvelussa olevien summa (työllistettynä, työharjoittelussa "
        "tai työelämävalmennuksessa, työ- ja koulutuskokeilussa, työvoimakoulutuksessa, "
        "valmennuksessa ja muissa palveluissa olevat).",
        "Summan av personerna i de sex tjänsterna i tabell 12r5 (sysselsättning med stöd, "
        "arbetspraktik eller arbetslivsträning, arbets- och utbildningsprövning, "
        "arbetskraftsutbildning, träning och övriga tjänster).",
        components=SERVICE_COMPONENTS,
        stored=False,
    ),
    Indicator(
        "unemployed_plus_services",
        "Työttömät ja palveluissa olevat",
        "Arbetslösa och personer i tjänster",
        "Unemployed plus people in services",
        "persons",
        "sum",
        "lower",
        STATFIN_12R5,
        "Unemployed jobseekers plus the six service stocks of table 12r5: the trial's own "
        "measure, robust to moving people from unemployment into services.",
        "Työttömät työnhakijat ja taulukon 12r5 kuudessa palvelussa olevat yhteensä: "
        "kokeilun oma mittari, johon ihmisten siirtäminen työttömyydestä palveluihin ei "
        "vaikuta.",
        "Arbetslösa arbetssökande och personerna i de sex tjänsterna i tabell 12r5 "
        "sammanlagt: försökets eget mått, som inte påverkas av att personer flyttas från "
        "arbetslöshet till tjänster.",
        components=("unemployed_jobseekers", *SERVICE_COMPONENTS),
        stored=False,
        target=True,
    ),
)

BY_CODE: dict[str, Indicator] = {ind.code: ind for ind in CATALOGUE}
STORED_CODES: frozenset[str] = frozenset(i.code for i in CATALOGUE if i.stored)

# Target groups of observations ("all" when a series is not broken down).
TARGET_GROUPS: dict[str, tuple[str, str, str]] = {
    "all": ("Kaikki", "Alla", "All"),
    "benefit_days_300_499": ("300–499 tukipäivää", "300–499 stöddagar", "300–499 benefit days"),
    "benefit_days_500_999": ("500–999 tukipäivää", "500–999 stöddagar", "500–999 benefit days"),
    "benefit_days_1000_plus": (
        "Vähintään 1 000 tukipäivää",
        "Minst 1 000 stöddagar",
        "1,000 or more benefit days",
    ),
    "under30": ("Alle 30-vuotiaat", "Under 30 år", "Under 30"),
    "foreign_language": ("Vieraskieliset", "Främmandespråkiga", "Foreign-language speakers"),
    "no_earnings_related": (
        "Ei ansiosidonnaista",
        "Utan inkomstrelaterad dagpenning",
        "Without earnings-related allowance",
    ),
}

# Who organised the services behind an observation ("all" when not known or not split).
# Åland's employment services are run by its own authority (Ålands arbetsmarknads- och
# studieservicemyndighet, AMS), not by the state TE offices: its 16 municipalities are no
# TE-office comparison municipalities.
ALAND_REGION = "MK21"

ORGANISERS: dict[str, tuple[str, str, str]] = {
    "all": ("Kaikki", "Alla", "All"),
    "municipal": ("Kuntakokeilu", "Kommunförsök", "Trial municipality"),
    "te_office": ("TE-toimisto", "TE-byrå", "TE office"),
}


def get(code: str) -> Indicator:
    """Return the indicator ``code``; raise ``KeyError`` naming it when unknown."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise KeyError(f"unknown indicator code {code!r}") from None


def inputs_of(code: str) -> tuple[str, ...]:
    """Stored indicator codes that ``code`` is computed from (itself when stored and a count)."""
    ind = get(code)
    if ind.kind in ("rate", "ratio") and ind.numerator and ind.denominator:
        return (ind.numerator, ind.denominator)
    if ind.kind == "sum":
        return ind.components
    return (code,)


def series_of(code: str) -> tuple[str, ...]:
    """The stored series ``code`` is shown from: its inputs, then ``code`` itself where a
    source publishes it too (a rate published where its counts are not).
    """
    own = (code,) if get(code).stored else ()
    return tuple(dict.fromkeys((*inputs_of(code), *own)))
