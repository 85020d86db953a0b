"""The indicator catalogue: every indicator Seuranta knows, defined once.

Stored indicators are series that a source publishes and the loader writes into the reporting
database. Derived indicators are computed from stored ones (ratio of sums, sums of components)
and are never stored. The reporting database's ``indicators`` table is filled from this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["count", "rate", "ratio", "sum", "level"]
Better = Literal["lower", "higher", "neutral"]

STATFIN_12R5 = "Statistics Finland, StatFin 12r5 (Employment Service Statistics, TEM)"
STATFIN_OLD = "Statistics Finland, old StatFin tyonv tables (Employment Service Statistics, TEM)"
KELA = "Kela, Kelasto: municipality-funded labour market subsidy (NIT089CL)"


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
    definition_fi: str = ""
    definition_sv: str = ""
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
        """The definition in ``lang``, falling back to English where not yet translated."""
        return str(getattr(self, f"definition_{lang}", "") or self.definition_en)


def _count(
    code: str,
    fi: str,
    sv: str,
    en: str,
    *,
    better: Better = "neutral",
    source: str = STATFIN_12R5,
    label: str | None = None,
    statfin: str | None = None,
    definition: str = "",
    annual: bool = False,
    target: bool = False,
    unit: str = "persons",
) -> Indicator:
    return Indicator(
        code,
        fi,
        sv,
        en,
        unit,
        "count",
        better,
        source,
        definition or f"{en}: persons at the end of the month.",
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
    ),
    _count(
        "jobseekers_total",
        "Työnhakijat yhteensä",
        "Arbetssökande totalt",
        "All jobseekers",
        label="Työnhakijoita laskentapäivänä",
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
        "100 × työttömät työnhakijat / työvoima.",
        "100 × arbetslösa arbetssökande / arbetskraften.",
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
        "Lediga jobb",
        "Open vacancies",
        better="higher",
        statfin="AVPAIKATLOPUSSA",
        label="Avoimet työpaikat laskentapäivänä",
        definition="Vacancies open at the employment services on the last working day of "
        "the month.",
    ),
    _count(
        "new_vacancies",
        "Uudet avoimet työpaikat",
        "Nya lediga jobb",
        "New vacancies",
        better="higher",
        label="Uudet avoimet työpaikat kuukauden aikana",
        definition="Vacancies notified during the month.",
    ),
    _count(
        "unemployed_men",
        "Työttömät miehet",
        "Arbetslösa män",
        "Unemployed men",
        better="lower",
        statfin="TYOTTOMATMIEHET",
        label="Työttömät miehet",
    ),
    _count(
        "unemployed_women",
        "Työttömät naiset",
        "Arbetslösa kvinnor",
        "Unemployed women",
        better="lower",
        statfin="TYOTTOMATNAISET",
        label="Työttömät naiset",
    ),
    _count(
        "unemployed_under20",
        "Alle 20-vuotiaat työttömät",
        "Arbetslösa under 20 år",
        "Unemployed under 20",
        better="lower",
        statfin="TYOTTOMAT20",
        label="Alle 20-v.",
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
    ),
    _count(
        "unemployed_over50",
        "Yli 50-vuotiaat työttömät",
        "Arbetslösa över 50 år",
        "Unemployed over 50",
        better="lower",
        statfin="TYOTTOMAT50",
        label="Yli 50-v.",
    ),
    _count(
        "unemployed_disabled_or_ill",
        "Vammaiset tai pitkäaikaissairaat työttömät",
        "Arbetslösa med funktionsnedsättning eller långvarig sjukdom",
        "Unemployed, disabled or long-term ill",
        better="lower",
        statfin="TYOTTOMATSAIR",
        label="Vamm./pitkäaik.sair.",
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
        definition="Unemployed jobseekers whose unemployment has lasted 12 months or more.",
    ),
    _count(
        "unemployed_fund_members",
        "Työttömyyskassan jäsenet (työttömät)",
        "Arbetslösa medlemmar i arbetslöshetskassa",
        "Unemployed members of an unemployment fund",
        label="Kassan jäseniä",
    ),
    _count(
        "fully_laid_off",
        "Kokoaikaisesti lomautetut",
        "Heltidspermitterade",
        "Fully laid off",
        better="lower",
        label="Kokoaikaisesti lomautetut",
    ),
    _count(
        "on_reduced_working_week",
        "Lyhennetyllä työviikolla",
        "Förkortad arbetsvecka",
        "On a reduced working week",
        label="Lyhennetyllä työviikolla",
    ),
    _count(
        "in_subsidised_employment",
        "Työllistettynä",
        "I sysselsättning med stöd",
        "In subsidised employment",
        label="Työllistettynä",
    ),
    _count(
        "in_work_tryout_or_coaching",
        "Työharjoittelussa tai työelämävalmennuksessa",
        "I arbetspraktik eller arbetslivsträning",
        "In work try-out or work-life coaching",
        label="Työharj./työelämävalmennuksessa",
    ),
    _count(
        "in_work_or_training_trial",
        "Työ- ja koulutuskokeilussa",
        "I arbets- och utbildningsprövning",
        "In work or training trial",
        label="Työ- ja koulutuskokeilussa",
    ),
    _count(
        "in_labour_market_training",
        "Työvoimakoulutuksessa",
        "I arbetskraftsutbildning",
        "In labour market training",
        label="Työvoimakoulutuksessa",
    ),
    _count("in_coaching", "Valmennuksessa", "I träning", "In coaching", label="Valmennuksessa"),
    _count(
        "in_other_services",
        "Muissa palveluissa",
        "I övriga tjänster",
        "In other services",
        label="Muissa palveluissa",
    ),
    _count(
        "structurally_unemployed",
        "Rakennetyöttömät",
        "Strukturarbetslösa",
        "Structurally unemployed",
        better="lower",
        source=STATFIN_OLD + " 6211",
        definition="Long-term unemployed, comparable long-term unemployed and people moving "
        "between services and unemployment (table 6211).",
    ),
    _count(
        "unemployed_excl_laid_off",
        "Työttömät ilman lomautettuja",
        "Arbetslösa utan permitterade",
        "Unemployed excluding laid-off",
        better="lower",
        source=STATFIN_OLD + " 1205",
        definition="Unemployed jobseekers without fully laid-off persons (table 1205, summed "
        "over ages by the data's publisher).",
    ),
    _count(
        "unemployed_excl_laid_off_under30",
        "Alle 30-vuotiaat työttömät ilman lomautettuja",
        "Arbetslösa under 30 år utan permitterade",
        "Unemployed under 30, excluding laid-off",
        better="lower",
        source=STATFIN_OLD + " 1205",
        target=True,
        definition="Unemployed jobseekers aged 15–29 without fully laid-off persons (table "
        "1205, ages 15–19, 20–24 and 25–29 summed by the data's publisher).",
    ),
    _count(
        "foreign_labour_force",
        "Ulkomaalainen työvoima",
        "Utländsk arbetskraft",
        "Foreign labour force",
        source=STATFIN_OLD + " 1261",
        annual=True,
    ),
    _count(
        "labour_force_under25",
        "Alle 25-vuotias työvoima",
        "Arbetskraft under 25 år",
        "Labour force under 25",
        source=STATFIN_OLD + " 1263",
        annual=True,
    ),
    Indicator(
        "avg_jobseeking_duration_weeks",
        "Työnhaun keskimääräinen kesto",
        "Arbetssökandets genomsnittliga längd",
        "Average duration of jobseeking",
        "weeks",
        "level",
        "lower",
        STATFIN_OLD + " 1207",
        "Average length of the current jobseeking period in weeks (table 1207). A level: "
        "it does not aggregate over municipalities.",
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
        "Share of people in services among the unemployed and people in services, as "
        "published (table 4250). Its components are not in the shipped data, so it is "
        "shown only where published.",
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
    ),
    _count(
        "kela_lms_recipients",
        "Kunnan osarahoittaman työmarkkinatuen saajat",
        "Mottagare av arbetsmarknadsstöd som kommunen delfinansierar",
        "Recipients of municipality co-funded labour market subsidy",
        better="lower",
        source=KELA,
    ),
    _count(
        "kela_lms_paid_eur",
        "Maksettu työmarkkinatuki (kunnan osarahoittama)",
        "Utbetalt arbetsmarknadsstöd (kommunen delfinansierar)",
        "Labour market subsidy paid (municipality co-funded)",
        better="lower",
        source=KELA,
        unit="EUR",
        definition="Gross benefit paid in the month, euros.",
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
    ),
    # Derived indicators: computed from the stored ones, never stored.
    Indicator(
        "unemployed_per_vacancy",
        "Työttömiä työnhakijoita avointa työpaikkaa kohden",
        "Arbetslösa arbetssökande per ledigt jobb",
        "Unemployed jobseekers per open vacancy",
        "ratio",
        "ratio",
        "lower",
        STATFIN_12R5,
        "Unemployed jobseekers / open vacancies (ratio of sums when aggregated).",
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
        "100 × long-term unemployed / unemployed jobseekers.",
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
        "100 × unemployed under 25 / unemployed jobseekers.",
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
        "100 × unemployed foreign nationals / unemployed jobseekers.",
        numerator="unemployed_foreign_nationals",
        denominator="unemployed_jobseekers",
        scale=100.0,
        stored=False,
    ),
    Indicator(
        "in_services",
        "Palveluissa olevat",
        "I tjänster",
        "People in services",
        "persons",
        "sum",
        "neutral",
        STATFIN_12R5,
        "Sum of the six service stocks of table 12r5 (subsidised employment, work try-out "
        "or coaching, work or training trial, labour market training, coaching, other).",
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
