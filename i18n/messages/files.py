"""Texts of the export files (provenance labels, sheets, legends), disclosure control and units."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # Provenance lines of every export (the About sheet, the CSV header, the chart footer)
    "file.title": {"fi": "Otsikko", "sv": "Rubrik", "en": "Title"},
    "file.source": {"fi": "Lähde", "sv": "Källa", "en": "Source"},
    "file.vintage": {"fi": "Aineiston versio", "sv": "Version", "en": "Vintage"},
    "file.disclosure": {"fi": "Tietosuoja", "sv": "Sekretess", "en": "Disclosure control"},
    "file.view_url": {"fi": "Näkymän osoite", "sv": "Vyns adress", "en": "Link to this view"},
    "file.generated_at": {"fi": "Luotu", "sv": "Skapad", "en": "Generated"},
    "file.notes": {"fi": "Huomautukset", "sv": "Anmärkningar", "en": "Notes"},
    "file.sheet.data": {"fi": "Tiedot", "sv": "Data", "en": "Data"},
    "file.sheet.about": {"fi": "Tietoja", "sv": "Om", "en": "About"},
    "file.empty_legend": {
        "fi": "tyhjä solu = tieto puuttuu",
        "sv": "tom cell = uppgift saknas",
        "en": "empty cell = no figure available",
    },
    "file.yes": {"fi": "Kyllä", "sv": "Ja", "en": "Yes"},
    "file.no": {"fi": "Ei", "sv": "Nej", "en": "No"},
    # Disclosure control
    "disclosure.legend": {
        "fi": ".. = tieto on salattu tietosuojasyistä",
        "sv": ".. = uppgiften visas inte av sekretesskäl",
        "en": ".. = not shown for confidentiality",
    },
    # Finnish numerals take the genitive ending -n whatever the number ("alle 5:n").
    "disclosure.note": {
        "fi": "Alle {n}:n lukumäärät on salattu (..). Tarvittaessa myös muita lukuja on "
        "salattu, jotta salattua lukua ei voi laskea yhteissummasta ja muista luvuista.",
        "sv": "Antal under {n} visas inte av sekretesskäl (..). Vid behov har även andra "
        "värden dolts, så att ett dolt värde inte kan räknas fram ur summan och de övriga "
        "värdena.",
        "en": "Counts below {n} are suppressed (..). Where needed, other values are suppressed "
        "too, so that a suppressed value cannot be worked out from the total and the other "
        "values.",
    },
    # Units: the short forms fit cards, tables and narrow screens alike
    "unit.pp": {"fi": "%-yks.", "sv": "p.e.", "en": "pp"},
    "unit.pp_long": {
        "fi": "prosenttiyksikköä",
        "sv": "procentenheter",
        "en": "percentage points",
    },
    "unit.percent": {"fi": "%", "sv": "%", "en": "%"},
    "unit.persons": {"fi": "henkilöä", "sv": "personer", "en": "persons"},
    "unit.ratio": {"fi": "suhdeluku", "sv": "kvot", "en": "ratio"},
    "unit.eur": {"fi": "euroa", "sv": "euro", "en": "euros"},
    "unit.days": {"fi": "päivää", "sv": "dagar", "en": "days"},
    "unit.weeks": {"fi": "viikkoa", "sv": "veckor", "en": "weeks"},
    "unit.index": {"fi": "indeksi", "sv": "index", "en": "index"},
}
