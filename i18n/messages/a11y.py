"""The accessibility statement (saavutettavuusseloste, tillgänglighetsutlåtande), in Finnish,
Swedish and English: the structure of the Finnish model statement under the Act on the
Provision of Digital Services (306/2019). What it says was tested is what
``tests/e2e/test_a11y.py`` runs; change them together.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str] | dict[str, dict[str, str]]] = {
    "a11y.title": {
        "fi": "Saavutettavuusseloste",
        "sv": "Tillgänglighetsutlåtande",
        "en": "Accessibility statement",
    },
    # Streamlit's "Skip to main content" link, translated by ui/style.py's script
    "a11y.skip_link": {
        "fi": "Siirry pääsisältöön",
        "sv": "Hoppa till huvudinnehållet",
        "en": "Skip to main content",
    },
    # The names Streamlit gives its own controls (aria-label, in English only), read out in
    # the page's language: translated by ui/style.py's script
    "a11y.chrome.sidebar": {"fi": "Sivupalkki", "sv": "Sidofält", "en": "Sidebar"},
    "a11y.chrome.collapse_sidebar": {
        "fi": "Piilota sivupalkki",
        "sv": "Dölj sidofältet",
        "en": "Collapse sidebar",
    },
    "a11y.chrome.expand_sidebar": {
        "fi": "Näytä sivupalkki",
        "sv": "Visa sidofältet",
        "en": "Expand sidebar",
    },
    "a11y.chrome.app_pages": {"fi": "Sivut", "sv": "Sidor", "en": "App pages"},
    "a11y.chrome.main_menu": {"fi": "Päävalikko", "sv": "Huvudmeny", "en": "Main menu"},
    "a11y.chrome.link_to_heading": {
        "fi": "Linkki otsikkoon",
        "sv": "Länk till rubriken",
        "en": "Link to heading",
    },
    "a11y.chrome.open": {"fi": "Avaa", "sv": "Öppna", "en": "Open"},
    "a11y.intro": {
        "fi": "Kuinka saavutettava Seuranta on, mitä siinä vielä on puutteita, miten se on "
        "testattu ja miten voit antaa palautetta.",
        "sv": "Hur tillgänglig Seuranta är, vilka brister som återstår, hur den har testats "
        "och hur du kan ge respons.",
        "en": "How accessible Seuranta is, what shortcomings remain, how it was tested and "
        "how you can give feedback.",
    },
    "a11y.scope": {
        "fi": "Tämä saavutettavuusseloste koskee Seuranta-palvelua, työllisyyden "
        "kuntakokeilujen seurantaa, kaikkine sivuineen suomeksi, ruotsiksi ja englanniksi. "
        "Palvelua koskee laki digitaalisten palvelujen tarjoamisesta (306/2019), jonka "
        "mukaan julkisten verkkopalvelujen on täytettävä WCAG 2.1 -ohjeiston A- ja "
        "AA-tason vaatimukset.",
        "sv": "Detta tillgänglighetsutlåtande gäller tjänsten Seuranta, uppföljningen av "
        "kommunförsöken med sysselsättning, med alla dess sidor på finska, svenska och "
        "engelska. Tjänsten omfattas av lagen om tillhandahållande av digitala tjänster "
        "(306/2019), enligt vilken offentliga webbtjänster ska uppfylla kraven på nivå A och "
        "AA i riktlinjerna WCAG 2.1.",
        "en": "This accessibility statement applies to Seuranta, the monitoring service of "
        "the municipal employment trials, with all its pages in Finnish, Swedish and English. "
        "The service is covered by the Act on the Provision of Digital Services (306/2019), "
        "under which public web services must meet the level A and AA requirements of the "
        "WCAG 2.1 guidelines.",
    },
    "a11y.status_heading": {
        "fi": "Saavutettavuuden tila",
        "sv": "Tillgänglighetsstatus",
        "en": "Compliance status",
    },
    "a11y.status": {
        "fi": "Seuranta täyttää saavutettavuusvaatimukset **osittain**. Alla luetellut "
        "puutteet ovat tiedossa.",
        "sv": "Seuranta uppfyller tillgänglighetskraven **delvis**. Bristerna nedan är kända.",
        "en": "Seuranta is **partially compliant** with the accessibility requirements. The "
        "shortcomings listed below are known.",
    },
    "a11y.gaps_heading": {
        "fi": "Ei-saavutettava sisältö",
        "sv": "Innehåll som inte är tillgängligt",
        "en": "Non-accessible content",
    },
    "a11y.gaps": {
        "fi": "- **Kaaviot ja kartat ovat ruudunlukijalle kuvia** (WCAG 1.1.1, 1.3.1). "
        "Ruudunlukija lukee kaaviosta yhden tekstivastineen, jossa on kaavion aihe, kausi ja "
        "valitun kuukauden luvut, mutta ei yksittäisiä arvoja. Samat luvut ovat sivulla "
        "taulukkoina ja ladattavissa CSV- ja Excel-tiedostoina.\n"
        "- **Kartalta valitseminen vaatii hiiren tai kosketuksen** (WCAG 2.1.1). Saman "
        "kunnan tai alueen voi valita näppäimistöllä kartan vieressä olevasta luettelosta.\n"
        "- **Taulukot piirtää Streamlitin taulukkokomponentti.** Niitä voi selata "
        "nuolinäppäimillä, mutta ruudunlukijalla solu kerrallaan lukeminen voi olla "
        "hankalampaa kuin tavallisessa HTML-taulukossa (WCAG 1.3.1). Jokaisen taulukon voi "
        "ladata tiedostona.\n"
        "- **Osa Streamlitin omista teksteistä on aina englanniksi**, esimerkiksi taulukoiden "
        "ja kaavioiden työkalujen nimet (merkitty englanninkielisiksi) ja ohjepainikkeiden "
        "nimet (WCAG 3.1.2). Sivun kieli asetetaan vasta sivun latauduttua.\n"
        "- **Kuukausikatsauksen PDF-versiota ei ole tarkistettu** saavutettavuuden osalta. "
        "Sama sisältö on HTML-versiona ja palvelun sivulla.",
        "sv": "- **Diagram och kartor är bilder för en skärmläsare** (WCAG 1.1.1, 1.3.1). "
        "Skärmläsaren läser en textbeskrivning av diagrammet med ämne, period och talen för "
        "den valda månaden, men inte de enskilda värdena. Samma tal finns på sidan som "
        "tabeller och kan laddas ned som CSV- och Excel-filer.\n"
        "- **Att välja på kartan kräver mus eller pekskärm** (WCAG 2.1.1). Samma kommun "
        "eller område kan väljas med tangentbordet i listan bredvid kartan.\n"
        "- **Tabellerna ritas av Streamlits tabellkomponent.** De kan bläddras med "
        "piltangenterna, men att läsa dem cell för cell med skärmläsare kan vara svårare "
        "än i en vanlig HTML-tabell (WCAG 1.3.1). Varje tabell kan laddas ned som fil.\n"
        "- **En del av Streamlits egna texter är alltid på engelska**, till exempel namnen "
        "på tabellernas och diagrammens verktyg (märkta som engelska) och på hjälpknapparna "
        "(WCAG 3.1.2). Sidans språk anges först när sidan har laddats.\n"
        "- **PDF-versionen av månadsöversikten har inte granskats** med avseende på "
        "tillgänglighet. Samma innehåll finns i HTML-versionen och på tjänstens sida.",
        "en": "- **Charts and maps are images to a screen reader** (WCAG 1.1.1, 1.3.1). A "
        "screen reader reads one text alternative for a chart, with its subject, period and "
        "the figures of the chosen month, but not the individual values. The same figures "
        "are on the page as tables and can be downloaded as CSV and Excel files.\n"
        "- **Choosing on the map needs a mouse or touch** (WCAG 2.1.1). The same "
        "municipality or area can be chosen with the keyboard from the list beside the "
        "map.\n"
        "- **The tables are drawn by Streamlit's table component.** They can be browsed with "
        "the arrow keys, but reading them cell by cell with a screen reader may be harder "
        "than in a plain HTML table (WCAG 1.3.1). Every table can be downloaded as a file.\n"
        "- **Some of Streamlit's own texts are always in English**, for example the names of "
        "the table and chart tools (marked as English) and of the help buttons (WCAG 3.1.2). "
        "The page's language is set only once the page has loaded.\n"
        "- **The PDF version of the monthly brief has not been checked** for accessibility. "
        "The same content is in the HTML version and on the service's page.",
    },
    "a11y.tested_heading": {
        "fi": "Miten saavutettavuus on testattu",
        "sv": "Hur tillgängligheten har testats",
        "en": "How accessibility was tested",
    },
    "a11y.tested": {
        "fi": "Seloste perustuu palvelun kehittäjien omaan arvioon ja automaattisiin testeihin, "
        "jotka ajetaan jokaisen muutoksen yhteydessä:\n\n"
        "- **axe-core {axe}** (Deque Systems) Chromium-selaimessa, WCAG 2.0- ja 2.1-säännöt "
        "tasoilla A ja AA: jokainen sivu suomeksi, ruotsiksi ja englanniksi 1440 pikselin "
        "levyisenä sekä jokainen sivu 1024 ja 390 pikselin levyisenä, laajennettavat osiot "
        "avattuina. Vakavia tai kriittisiä virheitä ei sallita.\n"
        "- **Näppäimistö:** ensimmäiset sarkainpysähdykset osuvat näkyviin säätimiin, joissa "
        "on näkyvä kohdistuksen korostus.\n"
        "- **Ruudunlukijan teksti:** kuvakkeiden nimet (kuvakkeet ovat sivulla tekstiä, "
        "jonka fontti piirtää kuvaksi) eivät kuulu luettavaan tekstiin, ja jokaisella "
        "kaaviolla on tekstivastine.\n"
        "- **Asettelu:** yleiskuva 1024, 390 ja 320 pikselin ja vertailu 320 pikselin "
        "levyisenä; mitään ei leikata eikä sivu ole näyttöä leveämpi.\n\n"
        "Ei vielä testattu: ruudunlukijoilla (NVDA, JAWS, VoiceOver, TalkBack), "
        "200–400 %:n suurennuksella muilla kuin yllä mainituilla leveyksillä eikä käyttäjien "
        "kanssa. Automaattinen testaus löytää vain osan saavutettavuuden ongelmista.",
        "sv": "Utlåtandet grundar sig på tjänstens utvecklares egen bedömning och på "
        "automatiska tester som körs vid varje ändring:\n\n"
        "- **axe-core {axe}** (Deque Systems) i webbläsaren Chromium, WCAG 2.0- och "
        "2.1-reglerna på nivå A och AA: varje sida på finska, svenska och engelska i 1440 "
        "pixlars bredd och varje sida i 1024 och 390 pixlars bredd, med de expanderbara "
        "avsnitten öppna. Inga allvarliga eller kritiska fel tillåts.\n"
        "- **Tangentbord:** de första tabbstoppen hamnar på synliga kontroller med synlig "
        "fokusmarkering.\n"
        "- **Skärmläsarens text:** ikonernas namn (ikonerna är text på sidan som typsnittet "
        "ritar som bild) ingår inte i texten som läses upp, och varje diagram har en "
        "textbeskrivning.\n"
        "- **Layout:** översikten i 1024, 390 och 320 pixlars bredd och jämförelsen i 320 "
        "pixlars bredd; inget skärs av och sidan är inte bredare än skärmen.\n\n"
        "Inte testat ännu: med skärmläsare (NVDA, JAWS, VoiceOver, TalkBack), med "
        "förstoring 200–400 % i andra bredder än de ovan och med användare. Automatiska "
        "tester hittar bara en del av tillgänglighetsproblemen.",
        "en": "This statement is based on a self-assessment by the service's developers and "
        "on automated tests run with every change:\n\n"
        "- **axe-core {axe}** (Deque Systems) in the Chromium browser, the WCAG 2.0 and 2.1 "
        "rules at levels A and AA: every page in Finnish, Swedish and English at 1440 pixels "
        "wide, and every page at 1024 and 390 pixels wide, with the expandable sections "
        "open. No serious or critical violation is allowed.\n"
        "- **Keyboard:** the first tab stops land on visible controls with a visible focus "
        "indicator.\n"
        "- **Screen reader text:** icon names (the icons are text on the page that the font "
        "draws as a picture) are not part of the text read out, and every chart has a text "
        "alternative.\n"
        "- **Layout:** the overview at 1024, 390 and 320 pixels wide and the evaluation at "
        "320 pixels; nothing is cut and no page is wider than the screen.\n\n"
        "Not tested yet: with screen readers (NVDA, JAWS, VoiceOver, TalkBack), at 200–400 % "
        "zoom at widths other than those above, and with users. Automated testing finds only "
        "some accessibility problems.",
    },
    "a11y.feedback_heading": {
        "fi": "Palaute ja yhteystiedot",
        "sv": "Respons och kontaktuppgifter",
        "en": "Feedback and contact information",
    },
    "a11y.feedback": {
        "fi": "Huomasitko saavutettavuuspuutteen? Kerro siitä palvelun ylläpitäjälle. "
        "Palautteeseen on vastattava 14 päivän kuluessa. Voit myös pyytää saavutettavassa "
        "muodossa tietoa, joka ei ole saavutettavaa.",
        "sv": "Har du upptäckt en tillgänglighetsbrist? Meddela den som driver tjänsten. "
        "Responsen ska besvaras inom 14 dagar. Du kan också begära information som inte är "
        "tillgänglig i tillgänglig form.",
        "en": "Did you notice an accessibility shortcoming? Tell the organisation that runs "
        "the service. Feedback must be answered within 14 days. You can also ask for "
        "information that is not accessible in an accessible form.",
    },
    "a11y.contact": {
        "fi": "Saavutettavuuspalaute:",
        "sv": "Respons om tillgänglighet:",
        "en": "Accessibility feedback:",
    },
    "a11y.no_contact": {
        "fi": "Palvelua ylläpitävä organisaatio ei ole vielä asettanut palautekanavaa "
        "(ympäristömuuttuja tai salaisuus SEURANTA_A11Y_CONTACT). Ylläpitäjä asettaa sen "
        "ennen palvelun julkaisua.",
        "sv": "Organisationen som driver tjänsten har ännu inte angett någon responskanal "
        "(miljövariabeln eller hemligheten SEURANTA_A11Y_CONTACT). Den anges innan tjänsten "
        "publiceras.",
        "en": "The organisation that runs the service has not set its feedback channel yet "
        "(the environment variable or secret SEURANTA_A11Y_CONTACT). It is set before the "
        "service is published.",
    },
    "a11y.authority_heading": {
        "fi": "Valvontaviranomainen",
        "sv": "Tillsynsmyndighet",
        "en": "Enforcement procedure",
    },
    "a11y.authority": {
        "fi": "Jos huomaat palvelussa saavutettavuusongelmia, anna ensin palautetta palvelun "
        "ylläpitäjälle. Jos et ole tyytyväinen vastaukseen tai et saa vastausta kahden "
        "viikon kuluessa, voit tehdä ilmoituksen Liikenne- ja viestintävirasto Traficomiin. "
        "Traficomin sivuilla kerrotaan, miten ilmoituksen voi tehdä ja miten asia "
        "käsitellään.\n\n"
        "Liikenne- ja viestintävirasto Traficom  \n"
        "Digitaalisen esteettömyyden ja saavutettavuuden valvontayksikkö  \n"
        "saavutettavuusvaatimukset.fi",
        "sv": "Om du upptäcker tillgänglighetsproblem i tjänsten, ge först respons till den "
        "som driver tjänsten. Om du inte är nöjd med svaret eller inte får något svar inom "
        "två veckor kan du anmäla saken till Transport- och kommunikationsverket Traficom. "
        "På Traficoms webbplats finns information om hur du gör en anmälan och hur ärendet "
        "behandlas.\n\n"
        "Transport- och kommunikationsverket Traficom  \n"
        "Enheten för tillsyn av tillgänglighet  \n"
        "webbplatstillganglighet.fi",
        "en": "If you notice accessibility problems in the service, first give feedback to "
        "the organisation that runs it. If you are not satisfied with the answer, or get no "
        "answer within two weeks, you can notify the Finnish Transport and Communications "
        "Agency Traficom. Traficom's website tells how to file a notification and how it is "
        "handled.\n\n"
        "Finnish Transport and Communications Agency Traficom  \n"
        "Digital Accessibility Supervision Unit  \n"
        "accessibilityrequirements.fi",
    },
    "a11y.dates": {
        "fi": "Seloste on laadittu {prepared}. Saavutettavuus on arvioitu sovelluksen "
        "omissa testeissä; seloste päivitetään, kun palveluun tulee uusia sivuja tai "
        "puutteita korjataan.",
        "sv": "Utlåtandet har utarbetats {prepared}. Tillgängligheten har bedömts i "
        "tillämpningens egna tester; utlåtandet uppdateras när tjänsten får nya sidor eller "
        "brister åtgärdas.",
        "en": "This statement was prepared on {prepared}. Accessibility was assessed in the "
        "application's own tests; the statement is updated when the service gets new pages "
        "or shortcomings are fixed.",
    },
}
