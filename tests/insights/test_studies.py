from __future__ import annotations

import csv
from pathlib import Path

import pytest

from insights.commands import qa_accuracy
from insights.doubt import held_out
from insights.studies import Studies, load, normalize, spelled_figures

QA = list(csv.DictReader(open(Path(__file__).resolve().parents[2] / "data" / "qa.csv", encoding="utf-8")))


@pytest.fixture(scope="module")
def bm() -> Studies:
    return load()


def test_qa_file_has_what_the_issue_asks():
    assert len(QA) >= 150
    assert sum(r["expect"] == "none" for r in QA) >= 40
    assert sum(r["language"] in ("sv", "it") for r in QA) >= 30
    assert len({r["question"] for r in QA}) == len(QA)
    assert 0.15 < sum(held_out(r["question"]) for r in QA) / len(QA) < 0.25


def test_qa_tuning_split_is_answered_right_per_class(bm):
    scores = qa_accuracy(bm, [r for r in QA if not held_out(r["question"])])
    print("tuning split:", scores)
    assert set(scores) == {"answerable en", "answerable sv/it", "unanswerable en", "unanswerable sv/it"}
    for cls, (right, n) in scores.items():
        assert right / n >= 0.95, f"{cls}: {right}/{n}"


def test_qa_held_out_split_is_reported(bm):
    """The fifth never tuned on (its failures were not looked at while tuning), per class: each
    now holds 250 questions or more, enough for a floor of its own (the issue's goal is 95%)."""
    scores = qa_accuracy(bm, [r for r in QA if held_out(r["question"])])
    print("held-out split:", scores)
    assert min(n for _, n in scores.values()) >= 250, scores
    for cls, (right, n) in scores.items():
        assert right / n >= 0.9, f"{cls}: {right}/{n}"


def test_paired_gaps_are_exec_minus_cs(bm):
    gaps = {m: bm.view(m).gap for m, metric in bm.metrics.items() if metric.kind == "paired"}
    assert gaps == {
        "cc_strategic": 0.0,
        "brand_identity": 7.0,
        "clv_measured": 13.0,
        "asa_critical": -15.0,
        "selfservice_quality": 6.0,
        "revenue_per_call": 8.0,
        "feedback_to_sales": 16.0,
    }


def test_stated_gap_cites_only_sources_that_state_a_gap(bm):
    view = bm.view("feedback_to_sales")
    assert [(r.value, r.languages) for r in view.get("gap")] == [(16.0, ["en", "it"])]
    assert [r.languages for r in view.get("unclear")] == [["sv"]]


def test_disagreements_are_kept_with_their_sources(bm):
    uk = bm.view("branch_offices").get("all", "uk")
    assert [(r.value, r.languages) for r in uk] == [(39.0, ["en"]), (49.0, ["sv"])]
    apac = bm.view("virtualization").get("all", "apac")
    assert [(r.value, r.languages) for r in apac] == [(49.0, ["en", "sv"])]  # one finding, two labels
    assert bm.region_label("apac", apac) == "Asia Pacific (en) / Sydostasien, Southeast Asia (sv)"
    assert bm.view("virtualization").regions == ["apac", "uk"]


def test_respondents_are_not_all_organisations(bm):
    view = bm.view("revenue_per_call")
    assert view.get("all") == [] and [r.value for r in view.get("respondents")] == [30.0]


def test_nearly_and_about_are_one_reading_with_each_wording_kept(bm):
    realtime = bm.view("realtime_views").get("all")
    assert [(r.value, r.qualifier, r.languages) for r in realtime] == [(30.0, "nearly", ["en", "it", "sv"])]
    assert {f.language: f.qualifier for f in realtime[0].figures} == {"en": "nearly", "sv": "nearly", "it": "about"}


def test_notes_are_not_repeated(bm):
    assert bm.view("clv_measured").notes == [
        "Only the English release gives the CS figure (60%); the Swedish article says just "
        "'ett lägre antal', a lower number."
    ]
    assert bm.view("branch_offices").notes == []


def test_regions_and_agents_are_detected(bm):
    result = bm.search("what do agents in Deutschland say about callback")
    assert result.regions == ["germany"] and result.asks_about_agents
    assert result.best.metric.id == "callback"
    for name in ("asia pacific", "southeast asia", "sydostasien", "sea", "apac"):
        assert bm.find_regions(name) == ["apac"], name
    assert bm.find_regions("germny") == ["germany"]
    assert bm.find_regions("de") == ["germany"] and bm.find_regions("es") == ["spain"]
    assert [m for m, r, _ in bm.region_figures("asia") if r == "apac"] == [bm.metrics["virtualization"]]


def test_short_region_aliases_are_not_common_words(bm):
    assert bm.find_regions("hur många av de tillfrågade mäter svarstid") == []
    assert bm.find_regions("es el tiempo de espera") == []
    assert bm.find_regions("sea of data") == []
    assert bm.answer("anser cheferna att kontaktcentret är strategiskt").label == "cc_strategic"


def test_answer_kinds(bm):
    assert bm.answer("brand and self service").label == "brand_identity+selfservice_quality"
    assert bm.answer("largest gap in the study").order == "largest"
    assert bm.answer("which figures do CS managers rate higher than executives").order == "cs_higher"
    assert bm.answer("where are executives rosier than cs").order == "exec_higher"
    assert bm.answer("which country leads on callbacks").label == "leaders:callback"
    src = bm.answer("where does the 54% come from")
    assert src.label == "source:54" and {(f.id, f.language) for f in src.figures} == {("F023", "en"), ("F056", "sv")}
    aht = bm.answer("average handling time")
    assert aht.kind == "unmeasured" and aht.unmeasured[0].closest == ("asa_critical", "pay_quality")
    assert bm.answer("when was the fieldwork done").label == "fact:fieldwork"


def test_nonsense_finds_nothing(bm):
    for q in ("", "qwerty zzz", "🙂🙂", "\x00\x01", "x" * 5000):
        assert bm.search(q).matches == []
        assert bm.answer(q).kind == "none"


def test_normalize_folds_spelling_and_accents():
    assert (
        normalize("Virtualisation in España, self service & call-backs!")
        == "virtualization in espana selfservice and callback"
    )
    assert normalize("E-mail och e-post") == "email och epost"


def test_lemmas_and_synonyms_are_one_word():
    from insights.studies import tokens

    assert tokens("passing answering running") == ("pass", "answer", "run")
    assert tokens("firms businesses organisations enterprises") == ("company",) * 4
    assert tokens("sales per call, intäkt per kontakt") == ("sale", "percontact", "intakt", "percontact")


def test_an_acronym_in_capitals_is_never_a_stopword(bm):
    answer = bm.answer("do we use AI")
    assert (answer.kind, [u.id for u in answer.unmeasured]) == ("unmeasured", ["none:chatbots"])
    assert bm.answer("cosa dicono ai dirigenti").kind == "none"  # the Italian "ai" stays a stopword


def test_a_study_fact_yields_to_a_topic_the_other_words_ask_for(bm):
    assert bm.answer("how many firms measure income per contact").label == "revenue_per_call"
    assert bm.answer("how many businesses were surveyed").label == "study_companies"


RULES = {  # what each rule of understanding gets right, as qa.csv labels answers
    "a figure asked per industry or per company size is a breakdown the studies do not give": [
        ("which verticals track customer lifetime value the most?", "none"),
        ("quali settori misurano di più il fatturato per chiamata", "none"),
        ("callbacks at companies with over 2,500 agents", "none"),
        ("le piccole aziende usano più il self service?", "none"),
        ("vilka branscher var med i studien", "fact:industries"),  # no figure asked: the industries sampled
        ("what share of respondents came from companies with more than 2500 agents", "study_share_large"),
        ("the industry average for speed to answer", "none"),  # the trade as a whole: a target, not a split
    ],
    "one C-level title's view, a country typed as US, and Swedish and Italian group words": [
        ("what did the CIOs think about self-service?", "none"),
        ("my CFO says we measure revenue per call - do execs agree?", "revenue_per_call"),
        ("US figures on branch offices", "none"),
        ("tell us about branch offices", "branch_offices"),
        ("vem svarade, vd:ar eller förmän?", "fact:respondents"),  # "förmän" is no typo of "formazione"
    ],
    "comparisons and ranks in more words": [
        ("dove i responsabili rispondono più dei dirigenti?", "rank:cs_higher"),
        ("su quale dato il divario è più ampio?", "rank:largest"),
        ("finns det något där kundtjänst säger ja oftare än ledningen", "rank:cs_higher"),
        ("what's the biggest split between the two groups", "rank:largest"),
        ("who is number one on virtualization", "leaders:virtualization"),
        ("where is callback furthest along", "leaders:callback"),
    ],
    "one question word picks one study fact": [
        ("när gjordes enkäten?", "fact:fieldwork"),
        ("in quale periodo è stata fatta l'indagine", "fact:fieldwork"),
        ("who did Genesys survey?", "fact:respondents"),
        ("who answered - execs only?", "fact:respondents"),
        ("quando sono usciti i dati", "fact:published"),
    ],
    "the planned projects' horizon, totals, quoted figures and typed places": [
        ("by when should the priority projects like callbacks and real-time consoles be done?", "projects_horizon"),
        ("total number of companies in the study", "study_companies"),
        ("someone quoted 67% at me - 67% of what?", "source:67"),
        ("novità sulla Fracnia?", "region:france"),
        ("self service a livello globale: misurato sulla qualità?", "selfservice_quality"),
        ("are agents judged on how much money each call brings in", "revenue_per_call"),
    ],
    "who asks, rosy glasses, months and fill-ins": [
        ("Ops lead here. how many companies plan callbacks?", "callback"),  # not "lead": who asks
        ("which numbers do execs see through rose-tinted glasses?", "rank:exec_higher"),
        ("entro quanti mesi sono previsti i progetti prioritari?", "projects_horizon"),
        ("who filled in the Strativity questionnaire?", "fact:strativity_respondents"),
        ("vad svarade IT-cheferna (CIO) om varumärket?", "none"),  # one title's answers
        ("self-service measured on quality instead of just how much money it saves?", "selfservice_quality"),
    ],
    "the CS side in more words, shops, and predictions": [
        ("anything where the customer service folks are more positive than the execs?", "rank:cs_higher"),
        ("do big shops measure revenue per call more than small ones", "none"),
        ("will the gap between execs and cs close in the next few years?", "none"),
        ("il divario si chiuderà in futuro?", "none"),
    ],
    "a question in two clauses, thousands as k, and years ahead": [
        ("brand and self-service - execs vs CS? it's for the cost review", "brand_identity+selfservice_quality"),
        ("budget time, so: where do execs and CS disagree most?", "rank:largest"),  # a comparison asked alone
        ("callback adoption at companies with more than 5k employees", "none"),
        ("what will the gap look like in five years?", "none"),
    ],
    "a broad fact gives way, typos of words with no topic, and negated comparisons": [
        ("lower bound on company size in the sample?", "study_company_size_min"),  # not all the sizes
        ("what range of company sizes was sampled", "fact:sizes"),
        ("how many employes did the smallest firms have", "study_company_size_min"),  # not "employer"
        ("which figures do execs not rate higher than CS?", "rank:cs_higher"),
        ("where are execs less positive than cs", "rank:cs_higher"),
    ],
    "the Italian sources' 'manager', each counted thing, the study by its year, two regions": [
        ("in quali voci i manager sono più ottimisti degli operatori?", "rank:exec_higher"),  # executives
        ("quanti manager del contact center dicono che il servizio è strategico?", "cc_strategic"),
        ("su cosa la pensano allo stesso modo dirigenti e operatori?", "rank:agree"),
        ("hur många länder och företag var med?", "study_companies+study_countries"),
        ("the 2004 survey: who were the respondents?", "fact:strativity_respondents"),
        ("german and spanish figures?", "region:germany+region:spain"),
        ("when did they put the results out?", "fact:published"),
        ("do execs and CS agree that service is what the brand stands for?", "brand_identity"),  # no definition
        ("var går de största skiljelinjerna?", "rank:largest"),
    ],
    "roles, the sample by its size, spending on people, and more": [
        ("which roles answered the Genesys survey?", "fact:respondents"),
        ("quali figure professionali hanno risposto?", "fact:respondents"),
        ("of the 927, what share had fewer than 500 agents?", "study_share_small"),  # no figure asked of 927
        ("where does the 927 come from", "source:927"),
        ("does the company spend more on its people than on technology?", "invest_people"),
        ("smallest company in the sample, headcount wise?", "study_company_size_min"),
        ("true or false: Germany tops the ranking for callbacks", "leaders:callback"),
        ("self-service: judged on quality or is it all about deflection savings?", "selfservice_quality"),
        ("when was the survey in the field", "fact:fieldwork"),
        ("who commissioned it? and who ran it?", "fact:commissioned"),
        ("Hvor mange bedrifter var med?", "study_companies"),
        ("borde vi virtualisera våra kontaktcenter?", "none"),  # advice
    ],
    "queues and speed add no second topic; a figure 'of something'": [
        ("branch staff into the queues at peaks: how common?", "branch_offices"),  # not ASA beside it
        ("queue time", "asa_critical"),  # alone, the topic
        ("someone said 41% of something about self-service. what was it?", "source:41"),
    ],
    "adjectives for places, totals, departments, two question words, quotes and 'by country'": [
        ("anything specific about British companies?", "region:uk"),
        ("how many agents altogether at the responding companies?", "study_agents_covered"),
        ("how many of the respondents were marketing directors?", "none"),
        ("who ran the survey and when was it fielded?", "fact:commissioned+fact:fieldwork"),
        ("när gjordes undersökningen? vilka datum?", "fact:fieldwork"),  # "vilka" is which, not who
        ('"both groups agree customer service is key to the brand" - what were the numbers?', "brand_identity"),
        ("Strativity loyalty numbers by country", "none"),
        ("systematic feedback processes, by country?", "feedback_processes"),  # regional figures exist
        ("our WFM lead asks: how many companies use branch offices at peaks?", "branch_offices"),
        ("gli operatori hanno il potere decisionale per risolvere i problemi dei clienti?", "tools_authority"),
        ("velocità di risposta critica per le aziende sotto i 500 agenti?", "none"),
    ],
    "guessed examples, time spans, filler adverbs and the Italian 'il customer service'": [
        ("vilka branscher var med, finans och telekom?", "fact:industries"),  # examples guessed from typos
        ("över hur lång tid ska de prioriterade projekten genomföras?", "projects_horizon"),
        ("underskattar cheferna generellt hur mycket man mäter livstidsvärde?", "clv_measured"),
        ("su quali dati il customer service è più ottimista dei dirigenti?", "rank:cs_higher"),
    ],
    "quoted figures, agreeing, titles compared, sizes and asides after a comparison": [
        ("the Swedish article says 16% - for what?", "source:16"),
        ("nell'articolo si parla di 18... 18 cosa?", "source:18"),
        ("on which points are both groups agreeing the most?", "rank:agree"),
        ("did CIOs answer differently from CEOs on self-service?", "none"),
        ("vad tycker IT-chefer jämfört med vd:ar om självbetjäningen?", "none"),
        ("max company size in the sample (employees)", "study_company_size_max"),
        ("self-service quality figure for companies under 50 employees?", "none"),  # a size, no quoted figure
        ("where's the biggest disconnect? top 3 would be ideal for the slide", "rank:largest"),
        ("how do companies close the gap? best practice", "none"),  # advice, said with the question
        ("sales ops analyst. how many companies measure revenue per call?", "revenue_per_call"),
        ("do companies treat ASA as a critical KPI? in the study, not in our team", "asa_critical"),
        ("finns det nåt nyckeltal där kundtjänst svarar högre än cheferna?", "rank:cs_higher"),
        ("vilket nordiskt land är bäst på kundfeedback till sälj?", "none"),
        ("vi ska lägga till en ring-upp-mig-knapp: hur många företag har en?", "callback"),
    ],
    "the group after the comparative, a fact named in full, and places and trades in other words": [
        ("which numbers look rosier from the top floor than from the contact center floor?", "rank:exec_higher"),
        ("which figures are higher for CS managers than for execs?", "rank:cs_higher"),
        ("the priority projects companies are planning: over what time horizon?", "projects_horizon"),
        ("by department, how did the Strativity loyalty answers split?", "none"),
        ("Strativity: the loyalty figure and the comp-on-quality figure?", "employer_loyalty+pay_quality"),
        ("quante aziende tedesche hanno il callback?", "callback"),  # Germany has a callback figure
        ("quante aziende tedesche virtualizzano i contact center?", "none"),  # ... and none for this
        ("quante aziende manifatturiere misurano il valore del cliente?", "none"),
        ("c'è qualche dato in cui gli operatori danno un valore più alto dei dirigenti?", "rank:cs_higher"),
    ],
    "who ran it beside an aside that asks, Swedish sizes": [
        ("Who commissioned this and who ran it? My CFO will ask if it's vendor research.", "fact:commissioned"),
        ("vilka företagsstorlekar fanns med i urvalet?", "fact:sizes"),
        ("hur stor andel av de små företagen mäter livstidsvärde?", "none"),
    ],
    "the second opinion weighs only words the rules did not read": [
        ("hold times", "asa_critical"),  # every word read as the metric's: nothing left to doubt
        ("waiting times on the phone", "asa_critical"),
        ("average handling time", "none"),  # not measured, by the rules themselves
    ],
    "a request without a question mark, adoption, the best way, a region a metric has no figure for": [
        ("Give me everything you have for Asia Pacific — I'm pitching a bank in Sydney tomorrow.", "region:apac"),
        ("click-for-a-call-back adoption rate?", "callback"),
        ("what's the best way to close the exec/CS gap?", "none"),  # advice
        ("is Germany also ahead on virtualization?", "none"),  # no German virtualization figure
        ("is Germany ahead on callbacks?", "leaders:callback"),
    ],
    "who the asker is says nothing of the topic": [
        ("Anything for Asia Pacific? I'm a CX analyst at a telco in Auckland", "region:apac"),
        ("I am a CS manager and want to know how many companies use callbacks", "callback"),  # not swallowed
        ("execs vs CS manager: where do they agree most?", "rank:agree"),  # a comparison, no introduction
        (
            "Sono il direttore operations, vorrei una console in tempo reale: quante aziende la pianificano?",
            "realtime_views",
        ),
        (
            "Hej! Jobbar som e-handelschef. Hur många tror att kundinformation skickas vidare till säljarna?",
            "feedback_to_sales",
        ),
        ("sanity check: is the contact center seen as very strategic by CS staff too?", "cc_strategic"),
        ("sono l'after-sales manager: quante aziende usano gli uffici remoti nei picchi?", "branch_offices"),
    ],
    "a common word adds no second topic": [
        ("quante aziende vogliono strumenti con viste in tempo reale", "realtime_views"),  # any tools
        ("callbacks and tools and authority", "callback+tools_authority"),  # named whole
        ("il piano retributivo privilegia la qualità?", "pay_quality"),  # "privilegia" is no "privi di"
        ("retribuzioni medie degli operatori", "none"),  # salaries
    ],
    "a framing inside a topic's own keyword is no framing": [
        ("how much is a customer worth to the company", "none"),  # an amount of money
        ("do we know what customers are worth over the whole relationship?", "clv_measured"),
        ("execs overestimate how much we track lifetime value?", "clv_measured"),
    ],
    "disagreeing, thinking alike and a document, in more words": [
        ("var är ledning och kundtjänst mest oense?", "rank:largest"),
        ("c'è qualcosa su cui executive e operatori la pensano uguale?", "rank:agree"),
        ("saw '927 companies' in a LinkedIn post, which doc says that?", "source:927"),
    ],
    "a share of one job title is the split by role the studies do not give": [
        ("quanti CFO pensano che il servizio sia misurato sul fatturato per chiamata?", "none"),
        # (but the CEOs' view is the executives' figure, as qa.csv labels it throughout; how many took part is not given)
        ("what share of CEOs say the contact center is strategic", "cc_strategic"),
        ("how many CEOs took part", "none"),
        ("ceo view on brand", "brand_identity"),  # no share asked: the executives' figure
    ],
    "where a figure is highest asks which region leads": [
        ("where is click-to-callback adoption highest", "leaders:callback"),
        ("dove è più diffuso il callback", "leaders:callback"),
        ("where is the gap highest", "rank:largest"),  # no regional figures: the gaps ranked
    ],
    "a word met only inside a longer keyword is weak alone": [
        ("how many companies plan call back buttons", "callback"),  # not "compensation plan"
        ("using branch offices at peak times", "branch_offices"),  # not "wait time"
        ("when did the survey run", "fact:fieldwork"),  # not "run as one"
    ],
    "a further topic needs a whole keyword, not a guess": [
        ("VoC to sales gap", "feedback_to_sales"),  # one topic, so not a ranking
        ("formal feedback processes", "feedback_processes"),  # "formal" is not "formazione"
        ("ASA vs revenue per call?", "asa_critical+revenue_per_call"),
    ],
    "compounds, stems and typos": [
        ("vilket land är bäst på feedbackprocesser", "leaders:feedback_processes"),
        ("kundfeedback till sälj", "feedback_to_sales"),
        ("virtuella kontaktcenter", "virtualization"),
        ("contact center virtualizzati", "virtualization"),
        ("lifetime vaule", "clv_measured"),  # one letter off in five
    ],
    "what a comparison asks": [
        ("most aligned metric", "rank:agree"),
        ("where do execs and cs agree least", "rank:largest"),
        ("which metrics have no gap", "rank:agree"),
        ("classifica dei divari", "rank:largest"),
        ("region with the biggest callback share", "leaders:callback"),
    ],
    "when and who about the study": [
        ("när publicerades studien", "fact:published"),
        ("quando è stata pubblicata la ricerca", "fact:published"),
        ("chi ha condotto la ricerca", "fact:commissioned"),
        ("who did the research", "fact:commissioned"),
        ("vilka deltog i undersökningen", "fact:respondents"),
        ("who took the survey", "fact:respondents"),
    ],
    "counting is about the sample, a bare 'companies' is not": [
        ("how many companies took part", "study_companies"),
        ("hur många företag deltog", "study_companies"),
        ("quante aziende hanno risposto", "study_companies"),
        ("how many agents did the companies have", "study_agents_covered"),
        ("which CRM do companies use", "none"),
        ("hur många agenter slutar", "none"),  # turnover, unmeasured
    ],
    "a trend or a typical value is not measured; the average speed to answer is": [
        ("has the share of strategic contact centres gone up since 2004?", "none"),
        ("trend dal 2008 a oggi dei contact center strategici", "none"),
        ("how many agents per contact center", "none"),
        ("what's the average wait time for a callback", "none"),
        ("avg speed to answer critical??", "asa_critical"),
    ],
    "a metric asked for a country it has no figure in": [
        ("revenue per call in the uk", "none"),
        ("germany ASA numbers", "none"),
        ("callbacks in germany", "callback"),
        ("virtualizzazione in Asia?", "virtualization"),  # Asia's figure is Asia Pacific's
    ],
    "typos of comparison words; one letter off a word before a compound's head": [
        ("where do execs and cs disagre the most", "rank:largest"),
        ("quanti pensano che il contact center sia davvero stategico?", "cc_strategic"),  # not "state"
        ("che dimensioni hanno le aziende intervistatte", "fact:sizes"),  # a typed word wins a guessed one
    ],
    "a study's name says which study": [
        ("vilka branscher ingår i genesys-studien", "fact:industries"),
        ("when were the genesys results published?", "fact:published"),
        ("who were the respondents in the strativity study", "fact:strativity_respondents"),
        ("who ran the genesys study", "fact:commissioned"),
        ("loyalty to employer vs investment in people — the strativity gap", "employer_loyalty+invest_people"),
    ],
    "a keyword marked '=' counts only as typed": [
        ("Need the exact fieldwork dates for the Genesys survey, for a footnote", "fact:fieldwork"),  # not needs
        ("vad tjänar en kundtjänstagent i månaden", "none"),  # salaries
        ("förtjänar arbetsgivaren lojalitet", "employer_loyalty"),  # not "tjänar"
    ],
    "figures by industry are not measured; which industries took part is a fact": [
        ("vilken bransch mäter intäkt per samtal mest?", "none"),
        ("does the study break down ASA by industry, eg retail vs finance?", "none"),
        ("Quali settori sono stati coinvolti nell'indagine? C'è anche l'energia?", "fact:industries"),
        ("Vilka brancher ingick i studien?", "fact:industries"),  # a typo, not "branch" offices
    ],
    "a further topic may share a word with the one before": [
        (
            "feedback processes and passing customer info on to sales — I need both figures for one paragraph",
            "feedback_processes+feedback_to_sales",
        ),
    ],
    "which figures, who took part, who leads, amounts and advice": [
        (
            "Which figures do executives rate higher than customer service professionals? Need them for a slide",
            "rank:exec_higher",
        ),
        ("Were frontline agents surveyed, or only managers and executives?", "fact:respondents"),
        ("who's top for using branch ofices in peak periods", "leaders:branch_offices"),
        ("How much did Genesys pay Equation Research to run this?", "none"),
        ("What incentive scheme should we put in place to reward quality instead of speed?", "none"),
        ("vilken callback-lösning ska vi köpa, genesys eller nåt annat?", "none"),
        ("I'm new to leading a team: how much money does each callback save?", "none"),  # not who leads
        ("Share of respondants from companies with more than 2,500 agents?", "study_share_large"),
    ],
    "a framing yields to the fact it names; who leads where no country has a figure": [
        ("Quali settori copre lo studio? finance, telco...?", "fact:industries"),
        ("Breakdown of respondents by industry, in percent?", "none"),
        ("which country leads on real-time customer data consoles", "none"),
        ("which region is ahaed on running multiple centers as one virtual center?", "leaders:virtualization"),
        ("var är chefer och kundtjänst faktiskt överns?", "rank:agree"),  # a typo of a stemmed word
    ],
    "the metric's own statement, how often, where it says so, against the average": [
        ("is self-service judged on quality or just on how much money it saves?", "selfservice_quality"),
        ("bedöms självbetjäningen efter kvalitet eller bara efter hur mycket pengar den sparar", "selfservice_quality"),
        ("hur ofta skickas kundfeedback till sälj, varje vecka eller varje månad?", "none"),
        ("1,5 miljoner kundtjänstagenter – var står det?", "source:1500000"),
        ("il nostro contact center è più virtualizzato della media?", "none"),
        ("Hur svarade vårt säljteam i senaste pulsen om feedback?", "none"),  # the team's own pulses
    ],
    "round 18: a word of its own is no typo of a new keyword, past tenses, counting countries": [
        ("when was the survey done", "fact:fieldwork"),  # "done" is not the Italian "donne"
        ("Vilket land ledde när det gäller att föra vidare kundfeedback systematiskt?", "leaders:feedback_processes"),
        ("In quanti paesi è stata condotta la ricerca?", "study_countries"),
    ],
    "rounds 60-65: the asker's own figures, pulses and relayed questions stay out of what is asked": [
        (
            "At the bank our execs rate everything rosier than the floor, 15-20 pts higher on almost every item."
            " Which figures in the study did executives rate higher than CS professionals?",
            "rank:exec_higher",
        ),
        ("the deck says there's a 16% gap. gap in what exactly?", "source:16"),  # a figure read, not their own
        (
            "We're redesigning our service loop and I've been asked how many companies have a systematic"
            " process for passing customer feedback on. Our own pulse says 52% of supervisors think we have one."
            " What does the study say about that process?",
            "feedback_processes",
        ),
        (
            "In the agency's pulse just 22% agreed with 'we invest in people more than in systems'. Is there a"
            " comparable figure in the Strativity 2004 study?",
            "invest_people",
        ),
        (
            "Half of our airline's call volume comes from German-speaking customers. What were all the figures"
            " for Germany in the Genesys research?",
            "region:germany",
        ),
        (
            "We're building the roadmap on a 24-month cycle. Over what time horizon were the companies in the study"
            " planning their priority projects (callback, analytics and so on)?",
            "projects_horizon",
        ),
        (
            "Nella nostra banca manager e operatori sono d'accordo su una cosa sola. Nello studio su quali punti"
            " executive e operatori del customer service sono più allineati?",
            "rank:agree",
        ),
        ("how do companies close the gap between the boardroom and the front line? best practise", "none"),
        (
            "@legal asked: who commissioned the Executive Disconnect study and which firm actually ran it?",
            "fact:commissioned",
        ),
        ("how many people actually rate their contact center as very strategic in the Genesys study?", "cc_strategic"),
        ("how many people answered the survey?", "none"),
        ("who were the respondents in Strativity study, normal employees or managers?", "fact:strativity_respondents"),
        (
            "Strativity loyalty question - I don't mean the execs, I mean the frontline CS staff, what % say the"
            " employer deserves their loyalty?",
            "employer_loyalty",
        ),
        ("the priority projects are planned over which period? how many months", "projects_horizon"),
        ("where does the ~66, no 67%, come from?", "source:67"),
        ("on which item do the two groups agree the most? smallest gap", "rank:agree"),
        ("which items do they agree least on?", "rank:largest"),
        ("What date were the Executive Disconnect findings published?", "fact:published"),
        ("feedback passed on to sales - 78% of execs vs what for the customer service people?", "feedback_to_sales"),
        (
            "If I understand right there were two studies; could you tell me who actually answered the 2004"
            " Strativity one? I'm not sure whether it was agents or bosses.",
            "fact:strativity_respondents",  # named only by the study's name, but asked: who answered
        ),
        (
            "Vi är ett stort telekombolag med långt över 2 500 agenter, så jag undrar hur relevant det här är."
            " Hur stor del av deltagarna kom från företag med fler än 2 500 kundtjänstagenter?",
            "study_share_large",  # the asker's agents are no question about the sample's
        ),
        (
            "In the agency's pulse just 22% agreed with 'we invest in people more than in systems'. Is there a"
            " comparable figure in the Strativity 2004 study? Would help me argue for the training budget.",
            "invest_people",  # an aside after the question
        ),
        ("Skiljer sig svaren mellan vd:ar och ekonomichefer? Jag tänker på frågan om intäkt per kontakt.", "none"),
        (
            "uffici periferici coinvolti nei picchi di traffico e virtualizzazione dei contact center: mi dite le"
            " percentuali per entrambi?",
            "branch_offices+virtualization",
        ),
        ("what was the sample size per country like how many companies from each", "none"),
        ("how many countries and how many companies?", "study_companies+study_countries"),
    ],
    "rounds 66-71: rankings against topics in passing, public bodies, mobile shorthand, examples of a fact": [
        ("are there any measures where the CS professionals come out higher than the executives?", "rank:cs_higher"),
        ("when did the results come out?", "fact:published"),
        (
            "the bit where basically everyone, bosses and agents alike, said service matters a lot for the brand."
            " What were the numbers?",
            "brand_identity",  # a topic named whole is asked, not a ranking
        ),
        ("What's the gap on measuring customer lifetime value - exec number vs the CS number?", "clv_measured"),
        ("quella dove capi e operatori non sono d'accordo sui soldi per chiamata, numeri?", "revenue_per_call"),
        (
            "Which figures do the execs view through rose-tinted glasses compared to the people running the queues?",
            "rank:exec_higher",
        ),
        (
            "C'è qualche indicatore in cui i professionisti del customer service danno un valore più alto dei manager?",
            "rank:cs_higher",
        ),
        (
            "C'è qualche metrica in cui i manager danno un valore più basso di chi lavora nel customer service?",
            "rank:cs_higher",
        ),
        ("what did Gartner's survey find on the same topic?", "none"),
        ("var skilde sig ledningen och kundtjänst mest åt?", "rank:largest"),
        ("Quante aziende sanitarie pensano che il proprio contact center sia strategico?", "none"),
        ("Hur många regioner och landsting har virtualiserat sina kontaktcenter?", "none"),
        ("hur många procent av de norska företagen har klicka-för-kontakt?", "none"),
        ("does the data show a difference between B2B and B2C firms?", "none"),
        ("differenza tra CFO e CEO su quanto si misura il valore del cliente nel tempo?", "none"),
        ("do CIOs and CFOs differ on brand identity?", "none"),
        (
            "morning! need 2 things: %age that treat speed to answer as critical + %age measured on revenue per call",
            "asa_critical+revenue_per_call",
        ),
        (
            "Two things from the Strativity piece: how many said the company invests in people over technology, and"
            " how many said pay emphasises quality over productivity?",
            "invest_people+pay_quality",  # "how many said pay": a share, not an amount
        ),
        ("buongiorno, quanti rispondenti venivano da aziende piccole, sotto i 500 operatori?", "study_share_small"),
        ("which markets have detailed data - is North America one of them?", "fact:markets"),
        ("north america figures?", "none"),
        ("what exactly is root cause analytics, in plain words", "none"),
    ],
    "rounds 72-77: what is set aside, loose words for agreement and time, more follow-ups and nationalities": [
        (
            "apart from callbacks, how many companies were planning real-time info consoles and how many were going"
            " for root-cause analytics?",
            "realtime_views+root_cause_analytics",
        ),
        ("Hur ser det ut för Tyskland – inte bara callback, allt ni har", "region:germany"),
        ("not just brand - what about strategic too?", "cc_strategic"),
        ("ok not the biggest gaps - where do execs and CS actually line up?", "rank:agree"),
        (
            "how many contact centres are virtualizing, meaning they run several centres as one single?",
            "virtualization",
        ),
        (
            "how many customer service professionals think customer feedback actually gets passed on to sales?",
            "feedback_to_sales",
        ),
        ("Che percentuale delle richieste di call back viene richiamata entro un'ora?", "none"),
        ("Hur många av återuppringningarna sker faktiskt inom utlovad tid?", "none"),
        ("which market leans hardest on branch staff at peak times?", "leaders:branch_offices"),
        ("In che arco di tempo sono previsti i progetti per ridurre lo scollamento?", "projects_horizon"),
        ("over what timeframe are those fix-it projects planned? next year, or longer?", "projects_horizon"),
        ("quanti contact center stanno facendo lavorare più sedi come se fossero una sola?", "virtualization"),
        (
            "the one where service gets scored on how much money each call brings in... what did execs vs front line say",
            "revenue_per_call",
        ),
        ("Gjorde Genesys en ny mätning ett par år senare, och vad visade den?", "none"),
        ("Rispetto al 2004 la fedeltà dei dipendenti verso l'azienda è cresciuta o calata?", "none"),
        ("viste in tempo reale sui dati dei clienti", "realtime_views"),  # "in tempo" is no duration here
        (
            "Good afternoon. I'm consolidating two contact centres into one virtual operation and the CEO asked"
            ' "who\'s actually doing this well, globally?". Which country or region was furthest ahead on'
            " virtualizing contact centres in the survey?",
            "leaders:virtualization",  # a question quoted is someone else's
        ),
        (
            "On which questions did executives and service professionals in the study actually agree, or differ the"
            " least?",
            "rank:agree",
        ),
        (
            "Writing the methodology footnote for our retail service strategy doc. How many countries did the"
            " Genesys survey cover, and how many companies took part?",
            "study_companies+study_countries",
        ),
        (
            "My CEO asked who they actually asked when I showed him the numbers. Our pulse only goes to agents."
            " Who exactly answered the Executive Disconnect survey?",
            "fact:respondents",
        ),
        (
            "intern here — what does 'virtualizing' mean in this study and how many contact centers are doing it?",
            "virtualization",  # its meaning and its figures: the metric's answer gives both
        ),
        ("what does virtualization mean in this study?", "none"),  # a definition alone the studies do not give
    ],
    "rounds 78-83: the sample per region, formal sign-offs, wellbeing and scripts, figures in an article": [
        ("what share of respondents were based in Asia Pacific?", "none"),
        ("how far apart were execs and CS pros on average speed to answer being a critical metric?", "asa_critical"),
        ("Do companies actually measure customer lifetime value? What did the survey find?", "clv_measured"),
        (
            "Dear colleagues, I would be grateful for all available figures for the United Kingdom. Kind regards,"
            " Alistair",
            "region:uk",
        ),
        ("what sizes of companies took part? only giant enterprises or normal ones too?", "fact:sizes"),
        ("how many agents said they're burned out? that's the number i'd want", "none"),
        ("Tyskland: sjukfrånvaro bland agenterna?", "none"),
        ("did the agents say anything about scripts? do they want more freedom on calls?", "none"),
        ("Did the customer service pros also agree that service drives the brand, and by how much?", "brand_identity"),
        ("How many marketing qualified leads come from the contact center?", "none"),
        ("how many sales leads come from customer feedback", "none"),
        (
            "what does Arussy mean when he says about 2/3 don't have the tools, authority or investment?",
            "lacking_means",
        ),
        (
            "does the swedish article also have the 67% worldwide figure or is that only in the english release?",
            "source:67",
        ),
        ("Hej, vad betyder de 16 procenten i artikeln i Telekom idag?", "source:16"),
        (
            "mi confronti i feedback passati alle vendite con i processi sistematici per girare i feedback dei"
            " clienti?",
            "feedback_processes+feedback_to_sales",
        ),
        (
            "I'm VP Marketing. In this study would someone like me count as a C-level exec or as a CS professional?",
            "fact:respondents",
        ),
        ("is the contact centre seen as strategic by the bosses or just a cost centre?", "cc_strategic"),
        ("dove è più grande il disallineamento tra executive e customer service?", "rank:largest"),
        ("Borde vi införa callback, lönar det sig?", "none"),
    ],
    "rounds 84-89: a message asking two or three different things gets each answered": [
        ("uk figures? and separately, who leads on branch offices in peak periods", "leaders:branch_offices+region:uk"),
        ("france figures + who's the leader on click for call back", "leaders:callback+region:france"),
        (
            "Someone in the QBR deck quoted 54% without a source, where is that from? And what's the global number"
            " for click for a call back?",
            "callback+source:54",
        ),
        (
            "Where's the biggest exec vs frontline gap in the study? And is there anything they actually agree on?",
            "rank:agree+rank:largest",
        ),
        (
            "hey, quick one - what % of execs vs CS folks think their contact center is very strategic? and how many"
            " say service is key to brand identity",
            "brand_identity+cc_strategic",
        ),
        # ... not a follow-up on the first, a guess, the candidates of a ranking, or a fact in passing
        ("Quante aziende misurano il customer lifetime value? differenza tra dirigenti e operatori?", "clv_measured"),
        ("where's the 39% from? branch offices maybe? or am I thinking of something else", "source:39"),
        ("chi e in testa sulla virtualizzazione? UK o asia pacific?", "leaders:virtualization"),
        ("Who commissioned it and which agency did the fieldwork?", "fact:commissioned"),
        (
            "How many execs think customer feedback is collected and handed over to sales, and how many CS managers"
            " agree with them?",
            "feedback_to_sales",
        ),
        ("Meglio investire in analytics o in console in tempo reale? cosa mi consigli per un claims center?", "none"),
        ("su quali dati i dirigneti sono piu ottimisti degli operatori", "rank:exec_higher"),
        ("First call resolution rates by country?", "none"),
        ("Hur många agenter per teamledare är vanligt?", "none"),
        ("someone quoted 1.5 millon agents in a pitch deck - which study is that from", "source:1500000"),
        ("var kommer 78 % och 62 % ifrån?", "source:62+source:78"),  # figures asked together: each
        (
            "I keep seeing 927 and 1.5 million in our slides. what do those numbers refer to?",
            "source:1500000+source:927",
        ),
        ("what's the 30% about revenue per call — is it a separate number from the 36 and the 28?", "source:30"),
        (
            "which region leads on branch offices and which one on virtualisation?",
            "leaders:branch_offices+leaders:virtualization",
        ),
        (
            "Quale paese è in testa sulla virtualizzazione e quale sul call back?",
            "leaders:callback+leaders:virtualization",
        ),
        ("same for Germany? give me all the German numbers", "region:germany"),  # a follow-up naming its topic
        ("is the score the same for execs and CS?", "rank:agree"),
        (
            "Stämmer det att Tyskland är bäst på att systematiskt vidarebefordra kundfeedback?",
            "leaders:feedback_processes",
        ),
        ("è vero che la Germania è prima in classifica per il click for call back?", "leaders:callback"),
        (
            "hej! är det sant att kundtjänst tycker att kundservice betyder mer för varumärket än vad ledningen tycker?",
            "brand_identity",  # "betyder mer för": matters more for, not "what does it mean"
        ),
        ("è vero che i CFO sono più scettici dei CEO sul ruolo del customer service per il brand?", "none"),
        (
            'Pasting from the PR: "nearly 30% of those surveyed plan to enable information consoles to provide'
            ' real-time views" – real-time views of what exactly?',
            "realtime_views",  # a figure in a pasted quote is what the source said, not the figure asked about
        ),
        ('Saw "more than 1.5 million agents" on a vendor slide, where\'s that from?', "source:1500000"),  # unless asked
        ("Germany - I know about the callback stat, is there anything else on them?", "region:germany"),
        ("Hallo, everything you have on Asia please (feedback etc)", "region:asia"),
        ("is it true the biggest exec vs CS disconnect is on speed to answer?", "rank:largest"),  # a belief checked
        ("is it true execs and customer service staff actually agree on at least one item?", "rank:agree"),
        ("is it true Forrester found the same exec disconnect in their research?", "none"),
        (
            'Hi, I manage the DACH team out of Frankfurt, 70 agents. My German MD asked "what does this study say'
            ' about Germany specifically?" What figures are there for Germany?',
            "region:germany",  # a sentence ends after a quoted question too
        ),
        ("which region has the highest CSAT?", "none"),
        (
            "Our retail bank is thinking about getting branch staff to help during peaks. My director asked 'who's"
            " doing this the most, which country?' so we can look for case studies. Which country leads in bringing"
            " branch offices into customer service?",
            "leaders:branch_offices",  # a single-quoted question is someone else's too
        ),
        (
            "Hallo from the Frankfurt team! We're 35 agents serving DACH customers. Can you give me all the German"
            " figures?",
            "region:germany",
        ),
        ("tasso di risoluzione al primo contatto per paese?", "none"),
        (
            "raccolta feedback clienti e passaggio alle vendite: c'è davvero un gap tra executive e contact center?",
            "feedback_to_sales",
        ),
    ],
    "rounds 19-20: asides, the longer keyword, breakdowns, figures asked about, who answered": [
        ("for my onboarding deck: do CS managers think feedback really gets passed to sales?", "feedback_to_sales"),
        (
            "do companies invest in people more than technology? need a stat for new-hire training",
            "invest_people",
        ),
        ("How have these numbers moved since 2008 — is the executive disconnect narrowing?", "none"),
        (
            "what share of execs feel they don't have the tools, authority or investment to serve customers",
            "lacking_means",
        ),
        (
            "Strativity numbers: employer loyalty vs investment in people vs tools and authority, side by side",
            "employer_loyalty+invest_people+tools_authority",
        ),
        ("does company size affect whether they measure revenue per call", "none"),
        ("Com'era distribuito il campione per dimensione aziendale?", "fact:sizes"),
        ("hur stor andel av de svarande kom från bolag med färre än 500 agenter?", "study_share_small"),
        ("someone on our team keeps quoting 78% — which study is that", "source:78"),
        ("the 927 — is that companies or people?", "source:927"),
        ("1.5 million agents", "study_agents_covered"),
        ("are the 'customer service professionals' in the study agents or managers?", "fact:respondents"),
        ("När gjordes intervjuerna i Genesysstudien?", "fact:fieldwork"),
        ("hur manga bolag var med i surveyn", "study_companies"),
        ("did germany really come out as the leader on call-back?", "leaders:callback"),
        ("which country has the fastest speed to answr", "none"),
        ("hur implementerar man virtualisering rent praktiskt, steg for steg?", "none"),
    ],
    "round 21: the question read alone, the sample's make-up, Slack's escaped symbols, a figure as subject": [
        ("Who paid for this study? Im guessing a vendor.", "fact:commissioned"),
        ("Were financial services firms included in the sample at all?", "fact:industries"),
        ("What share of the respondents were CFOs?", "none"),
        ("cs &gt; execs -&gt; which items", "rank:cs_higher"),  # as Slack sends "cs > execs -> which items"
        ("context for 38% pls", "source:38"),
        ("what exactly does the 40% measure", "source:40"),
        ("rev per call measurment stats", "revenue_per_call"),
        ("do execs overestimate how much service gets measured on rev per call?", "revenue_per_call"),
        ("how many companies in the UK sample", "none"),
        ("In airlines specifically, do they measure CLV?", "none"),
        ("how many Fortune 500 companies were in it", "none"),
        ("i clienti cosa ne pensano del self service?", "none"),
        ("var har ledningen en rosigare bild än kundtjänst", "rank:exec_higher"),
        ("finns det nåt där kundtjänstfolket svarar högre än cheferna?", "rank:cs_higher"),
        ("quello scolamento del 16% sui feedback dei clienti da dove salta fuori?", "source:16"),
        (
            "Potrebbe indicarmi, con riferimento all'indagine commissionata da Genesys, in quale dei parametri"
            " considerati si registri la maggiore distanza tra la percezione degli executive e quella dei"
            " professionisti del customer service?",
            "rank:largest",
        ),
        ("vilka branscher var med, telekom också?", "fact:industries"),
        ("what % of respondents were executives vs cs managers", "none"),
    ],
    "round 22: a figure with a word between, typos of what is counted, which results a country has": [
        ("what does the 16% gap mean exactly", "source:16"),
        ('someone wrote "only 33%" in the maturity deck, what is that 33 measuring?', "source:33"),
        ("how many countires does it cover", "study_countries"),
        ("how many compnaies took part", "study_companies"),
        ("quante azinede hanno il contact center in cloud", "none"),
        ("how does france come out in the survey", "region:france"),
        (
            "Vilka resultat finns det för Storbritannien, vi har ett dotterbolag där så det vore intressant.",
            "region:uk",
        ),
        ("snabbt: hur manga agenter totalt omfattade studien", "study_agents_covered"),
        ("Quando è stato svolto il lavoro sul campo?", "fact:fieldwork"),
        ("Vilka resultat bedömer ledningen mer positivt än kundtjänstcheferna gör?", "rank:exec_higher"),
    ],
    "round 23: idioms, 'how often' only as typed, which team in our company, nouns before 'più grandi'": [
        ("sure look, how many companies were surveyed in the end?", "study_companies"),
        ("is the 67% for ASA execs, CS people, or everyone combined?", "source:67"),
        ("smallest company in the sample by headcount?", "study_company_size_min"),
        ("which team in our organisation has the lowest pluse score", "none"),
        (
            "hi, lecturer here — did customer service managers or executives rate self-service on quality more"
            " often? need it for a seminar",
            "selfservice_quality",
        ),
        ("bedöms självbetjäningen på kvalitet och inte bara på hur mycket pengar den sparar?", "selfservice_quality"),
        ("var är glappet störst mellan företagsledningen och kundtjänst?", "rank:largest"),
        ("le aziende più grandi del campione quanti dipendenti hanno?", "study_company_size_max"),
        ("quante aziende di logistica e trasporti hanno partecipato?", "none"),
        ("che quota di chiamate viene gestita in self-service?", "none"),
    ],
    "round 24: the bottom of a ranking, a split is no country, contractions, compounds' definite ends": [
        ("which company size is furthest ahead on callback", "none"),
        ("which country is worst at passing feedback on", "none"),
        ("the 'two thirds don't have the tools or authority' line — can you tell me more about that?", "lacking_means"),
        ("Jag ska dra det här för bankens ledningsgrupp: vad säger studien om Storbritannien?", "region:uk"),
        ("kan du berätta vilka som svarde på enkäten?", "fact:respondents"),
        ("vet du om det finns nån fråga där kundtjänsten svarar högre än ledningen?", "rank:cs_higher"),
        ("revenue per call in education vs government", "none"),
        ("what tools do agents need to solve problems on first contact", "none"),
    ],
    "customers' own views, and the Italian 'usa' (uses)": [
        ("do customers agree that customer service is key to the brand?", "none"),
        ("what do customers themselves say about self-service quality", "none"),
        ("velocita media di risposta come metrica critica: chi la usa davvero?", "asa_critical"),
    ],
    "round 58: a long message asks in its question sentences; the rest tells of the asker": [
        (
            "Our pulse had a question on whether we pass customer insight on to sales and only 44% of my team said"
            " yes, which feels low. What did the study find on collecting info about customer and market needs and"
            " handing it over to sales? pretty sure there was an exec vs frontline gap there",
            "feedback_to_sales",
        ),
        (
            "context: sales wants to put a revenue target on every inbound call for our retention desk and my team"
            " is not thrilled. did the survey say how many companies measure customer service on revenue per call?",
            "revenue_per_call",
        ),
        (
            "When was the survey actually in the field? Our own pulse runs every April so it would be neat if"
            " theirs lined up.",
            "fact:fieldwork",
        ),
        (
            "We've got a 40-seat team in Madrid handling Iberian customers and their team lead asked me how Spain"
            " compares. What does the survey say about Spain?",
            "region:spain",
        ),
        (
            "Vi är ett medelstort logistikföretag med ungefär 800 anställda och 60 personer i kundtjänst. Hur stora"
            " var företagen som deltog i undersökningen?",
            "fact:sizes",
        ),
        (
            "For balance I want to show my leadership team one area where the top floor and the front line see"
            " things the same way. Which questions had the smallest gap between execs and CS pros?",
            "rank:agree",
        ),
        (
            "what's the average agent attrition rate across the companies surveyed? ours is at 38% annualised and"
            " HR is freaking out",
            "none",
        ),
        # ... but a question that leaves its topic to the other sentences is read whole
        ("We're scoping a callback button for next year. How many companies in the survey have it?", "callback"),
        ("and the really big operations, 2500+ agents... roughly what share of the respondents?", "study_share_large"),
        ("Vad står 67 procent för? Har det i en gammal CX-presentation men minns inte källan", "source:67"),
        ("har agenterna verktyg och befogenheter att lösa kundernas problem enl. strativity?", "tools_authority"),
    ],
    "rounds 54-59: the study's title, claims checked, durations, leaders in other words, Swedish compounds": [
        ("How many countries did The Executive Disconnect cover?", "study_countries"),
        ("where is the biggest executive disconnect?", "rank:largest"),  # not the title
        (
            "Can I quote '41% of C-levels say self-service is measured on quality, not just cost savings'?",
            "selfservice_quality",
        ),
        ("what are the 18 months about?", "source:18"),
        ("what is the 1.5 million", "source:1500000"),
        ("Is there an ASA target in seconds? someone quoted 20 seconds as the norm", "none"),
        ("Which country or region is out in front on virtualization in the survey?", "leaders:virtualization"),
        ("Qual è il paese in testa per il click for a call back?", "leaders:callback"),
        (
            "Is the UK really number one for using branch offices at peak times, or is it Spain?",
            "leaders:branch_offices",
        ),
        ("which finding is the 37 about?", "source:37"),
        ("Hur stor andel av just telekombolagen tycker att kundtjänst är strategiskt?", "none"),
        ("Hur många av e-handelsföretagen ser sin kundtjänst som strategisk?", "none"),
        ("Curious what the survey found on self-service quality, execs vs CS?", "selfservice_quality"),
        ("where do execs and managers kinda agree tho", "rank:agree"),
        ("Ireland figures for feedback processes?", "none"),
        ("I progetti prioritari, entro quanto tempo le aziende pensavano di realizzarli?", "projects_horizon"),
        ("Står det något i undersökningen om hur många som mäts på intäkt per kontakt?", "revenue_per_call"),
        ("vad står ASA för", "none"),
        ("is the comp plan weighted to quality or to productivity — what did the execs say?", "pay_quality"),
        ("was the sample weighted by country?", "none"),
        ("what are the top root causes behind why customers call in?", "none"),  # the causes, not the plans
        ("quali sono i motivi principali per cui i clienti chiamano?", "none"),
        ("what share of companies plan analytics to find root causes?", "root_cause_analytics"),
        ("does Gartner or Forrester have similar exec disconnect data?", "none"),
        ("Vilka siffror finns för Asien/Stillahavsområdet (APAC)?", "region:apac"),
        ("il tempo medio di risposta è importante?", "asa_critical"),
        ("exec vs CS gap by company size", "none"),
        ("biggest gap by industry", "none"),
        ("how many travel companies were in the sample?", "none"),
        ("were travel companies included in the sample?", "fact:industries"),
        # a second question of its own keeps its fact beside the first's
        ("Who commissioned the study and how many countries did it cover?", "fact:commissioned+study_countries"),
        ("chi ha commissionato lo studio e quanti paesi copre?", "fact:commissioned+study_countries"),
        ("Who commissioned the study, and who ran the fieldwork?", "fact:commissioned"),  # one fact answers both
        ("In quanti paesi è stata condotta la ricerca?", "study_countries"),
        (
            "How many companies in the survey treat speed to answer as a critical metric, and how many measure"
            " revenue per call?",
            "asa_critical+revenue_per_call",
        ),
    ],
    "round 114: the keenest country leads; out of touch is a disconnect; 'vad står 75 % för'": [
        ("Which country is keenest on click for a call back?", "leaders:callback"),
        ("where are the bosses most out of touch with the front line?", "rank:largest"),
        ("Hej! Var är ledningen mest ute och cyklar jämfört med kundtjänst?", "rank:largest"),
        ("Dove il top management è più scollegato dal customer service?", "rank:largest"),  # not "più" alone
        ("Ciao, su cosa i manager sono più scollegati dal customer service?", "rank:largest"),
        ("Vad står 75 % för i undersökningen?", "source:75"),
        ("vad står 1,5 miljoner för", "source:1500000"),
    ],
    "round 116: a question that names nothing asks the one it relays, quoted or reported": [
        (
            "hi, we're redesigning our bonus scheme. right now it's all calls per hour and my boss wants to add some "
            'quality weighting. she asked "how many companies actually reward quality over productivity?". what\'s '
            "the figure from the strativity reserach?",
            "pay_quality",
        ),
        (
            'so my boss is debating our KPI set for next year. she asked "how many companies use speed to answer as a '
            'critical metric, and how many measure revenue per call?" we currently track both and the team hates the '
            "revenue one. what are the numbers for each?",
            "asa_critical+revenue_per_call",
        ),
        (
            'Leadership is pushing chatbots hard this year. My boss asked me "what share of companies already have a '
            "chatbot live?\" We're 18 agents on chat and email and a bit nervous. Does the study say?",
            "none",  # not the team's 18 agents
        ),
        (
            "we're replacing our IVR and my director asked how many of the surveyed companies use speech recognition "
            "in the IVR. we're a 40 seat team. any data?",
            "none",
        ),
        (
            "Metà del mio team lavora in smart working e la mia responsabile mi ha chiesto quanti operatori lavorano "
            "da casa nelle aziende intervistate. Siamo 24 in tutto. C'è un numero?",
            "none",
        ),
        ("are people paid for quality or for volume?", "pay_quality"),  # pay, not who paid for the study
        ("who paid for this survey", "fact:commissioned"),
    ],
    "rounds 117-119: job titles apart, study years, seasons, relayed questions in more words, a figure's split": [
        ("hur många procent av CIO:erna tycker att kontaktcentret är strategiskt?", "none"),  # "CIO:erna" one word
        ("Ser IT-chefer och vd:ar olika på om kontaktcentret är strategiskt?", "none"),
        ("i CFO sono più allineati al customer service rispetto ai CIO?", "none"),
        ("Hur många av deltagarna var vd:ar?", "none"),
        ("quanti dei partecipanti erano CEO?", "none"),
        ("what was the share treating speed to answer as critical back in 2004?", "none"),  # a 2008 figure
        ("speed to answer in 2008", "asa_critical"),  # its own year is no doubt
        ("När genomfördes undersökningen? Var det våren 2008?", "fact:fieldwork"),  # spring, not "vården"
        ("the ~40% virtualizing figure — is that execs or CS people? what's the split?", "virtualization"),
        ("which stat is the 67% one", "source:67"),
        (
            "Hej! Jag är teamledare på kundtjänst hos ett försäkringsbolag, vi är 18 handläggare. Min chef frågade på "
            "veckomötet om andra företag faktiskt ser sitt kontaktcenter som strategiskt eller om det bara är fina ord. "
            "Hon vill ha en siffra till ledningsgruppen. Vad kom undersökningen fram till?",
            "cc_strategic",
        ),
        (
            "Vi ska bygga upp en process för att systematiskt föra vidare kundernas feedback internt. Min chef frågade "
            "vilket land som ligger längst fram med sådana processer, så att vi kan titta på hur de gör. Vilket land leder?",
            "leaders:feedback_processes",
        ),
        (
            "hi, we're writing a business case for a formal voice-of-customer process. my director said 'show me how "
            "common it is for companies to have a systematic process for passing customer feedback on'. what does the "
            "study say about companies having processes like that?",
            "feedback_processes",  # not the business case's advice
        ),
        (
            "My CFO read the Genesys survey and asked specifically what CFOs said about measuring service on revenue "
            "per call, compared with CEOs and CIOs. He doesn't care about the overall exec number. Is there a "
            "breakdown by exec role?",
            "none",
        ),
    ],
    "rounds 120-122: several things in one message, each answered; everyday words for findings": [
        ("where's the 54% from? also the 927", "source:54+source:927"),
        ("where does the 16% come from, and the 18?", "source:16+source:18"),
        ("which source says 49, and which one says 39?", "source:39+source:49"),
        ("Var kommer 927 ifrån? och 1,5 miljoner?", "source:1500000+source:927"),
        # (not a comparison's two sides, nor a team's own figure in another sentence)
        ("Fatturato per chiamata: l'articolo riporta 36% executive contro 28%. Da dove viene?", "source:36"),
        (
            'In an old board pack I found the line "survey covered over 1.5 million agents". We\'re a team of 40 so '
            "the number looked wild. Where does the 1.5 million come from?",
            "source:1500000",
        ),
        ("När gjordes Genesys-undersökningen och när publicerades resultaten?", "fact:fieldwork+fact:published"),
        (
            "Who answered the Genesys survey vs who answered the Strativity one?",
            "fact:respondents+fact:strativity_respondents",
        ),
        (
            "how many nations does the sample span, and how many agents does it cover overall?",
            "study_agents_covered+study_countries",
        ),
        (
            "Chi ha commissionato l'indagine e per quali mercati ci sono dati dettagliati?",
            "fact:commissioned+fact:markets",
        ),
        ("Who commissioned it and which agency did the fieldwork?", "fact:commissioned"),  # the agency is who ran it
        (
            "which figures do execs rate higher than the CS people, and is there any where CS comes out higher?",
            "rank:cs_higher+rank:exec_higher",
        ),
        (
            "Var är klyftan störst mellan ledningen och kundtjänst, och var är de mest överens?",
            "rank:agree+rank:largest",
        ),
        ("branch offices: worldwide %, and which country leads on it", "branch_offices+leaders:branch_offices"),
        ("which numbers are the bosses rosier about than the front line?", "rank:exec_higher"),
        ("is there anything where us front line folks give a higher number than the C-suite?", "rank:cs_higher"),
        ("money per phone call... how many places actually get judged on that?", "revenue_per_call"),
        ("whether staff are allowed to fix stuff themselves - what did that survey say?", "tools_authority"),
        (
            "quick q: how many people reckon their contact centre is genuinely strategic and not just a cost centre",
            "cc_strategic",
        ),
        ("tycker folk att kundtjänsten är strategisk eller mest en kostnad?", "cc_strategic"),
        (
            "misuriamo davvero quanto vale un cliente nel tempo? cosa dice lo studio, manager vs operatori",
            "clv_measured",
        ),
        ("how much is a customer worth over time, do companies measure it?", "clv_measured"),
    ],
    "the sample's largest companies by headcount are a size, not the workforce": [
        ("largest company size in the survey (headcount)?", "study_company_size_max"),
        ("how big were the largest companies surveyed (headcount)?", "study_company_size_max"),
        ("biggest cos in the survey - how many staff", "study_company_size_max"),
        ("Qual era l'azienda più grande del campione, in numero di dipendenti?", "study_company_size_max"),
        ("l'azienda più piccola del campione?", "study_company_size_min"),
        ("qual è il divario maggiore tra le aziende?", "rank:largest"),  # not the largest company
        ("what is the average headcount of a contact center?", "none"),
        (
            "Quanti agenti coprono in totale le aziende rispondenti e qual era l'azienda piu grande in termini di dipendenti?",
            "study_agents_covered+study_company_size_max",
        ),
    ],
    "rounds 123-125: how many as one word asks; a pasted sentence names what a bare question asks; nationalities": [
        (
            "Over what time frame are those priority projects planned? and how many companies have or will add "
            "click-for-callback",
            "callback+projects_horizon",
        ),
        (
            "Hey! What company sizes were covered, and roughly how many agents in total?",
            "fact:sizes+study_agents_covered",
        ),
        (
            "How many companies have a systematic process for passing on customer feedback – and is there a "
            "difference between what execs and CS people say?",
            "feedback_processes",  # that metric's own gap, not a ranking
        ),
        (
            'L\'articolo dice "circa il 40% dei contact center si sta virtualizzando". Quale paese è più avanti su questo?',
            "leaders:virtualization",
        ),
        (
            'Jag klistrar in från artikeln: "följt av Asien, Frankrike och Spanien på 74 procent". Min kollega fattar '
            "inte vad det syftar på och inte jag heller. Vad handlar de 74 procenten om?",
            "source:74",
        ),
        (
            "noi il valore del cliente nel tempo non lo calcoliamo proprio. quanti executive e quanti operatori dicono "
            "che la loro azienda lo misura?",
            "clv_measured",  # a share who say it, not a count of agents
        ),
        ("how many agents did the companies cover?", "study_agents_covered"),
        ("Cosa dice lo studio sulle aziende spagnole?", "region:spain"),
    ],
    "rounds 126-128: more ways of asking two things; a quoted sentence's words are not the question's": [
        ("ASA as a critical metric: exec vs CS? and revenue per call too", "asa_critical+revenue_per_call"),
        ("Callback: execs vs CS split? Same for the real-time views", "callback+realtime_views"),
        ("virtualisation % worldwide and who's ahead on it", "leaders:virtualization+virtualization"),
        (
            "how many countries, how many companies, how many agents",
            "study_agents_covered+study_companies+study_countries",
        ),
        (
            "Var är ledningen och kundtjänst överens, och var ser cheferna det hela ljusare?",
            "rank:agree+rank:exec_higher",
        ),
        (
            "Skiljer sig ledningen och kundtjänst åt när det gäller klicka-för-samtal-funktionen? hur många har den?",
            "callback",
        ),
        ("which country is ahead on virtualization? not the UK i think? or was it", "leaders:virtualization"),
        (
            "”i Tyskland anger så många som 54 procent av företagen att de kommer att stödja detta” – vilka andra "
            "siffror finns för Tyskland?",
            "region:germany",
        ),
        (
            "”Sydostasien och Storbritannien är duktigast på detta” står det. Vilka siffror finns för "
            "Asien-Stillahavsområdet över huvud taget?",
            "region:apac",  # the region asked, not those quoted
        ),
        ("varumärkesbetydelsen uppdelad på CFO kontra CIO?", "none"),
        ("il dato sul brand separato per Cfo e Cto?", "none"),
        ("vad är 75 procent för nåt?", "source:75"),
    ],
    "one kind of CS professional alone is never given; where the asker's office is, is not asked": [
        (
            "What did marketing directors specifically say about brand identity, separately from the other CS professionals?",
            "none",
        ),
        ("Did sales directors rate the feedback-to-sales handoff higher than contact center managers did?", "none"),
        ("do they split the CS side into team leads vs directors for the speed-to-answer question?", "none"),
        ("Singapore numbers on virtualisation? APAC is too broad for me", "none"),
        ("our APAC hub is in Singapore — what did the research report for Asia Pacific?", "region:apac"),
        ("Vi har kontor i Barcelona – vad säger studien om Spanien?", "region:spain"),
        ("Tja, vi har kontor i Hamburg – vilka siffror finns det för Tyskland?", "region:germany"),
    ],
    "rounds 129-131: a belief about one topic's gap is that topic; 'and who leads?'; Italian 'che' opens a question": [
        ("È vero che c'è un gap del 16% sui feedback dei clienti girati alle vendite?", "feedback_to_sales"),
        (
            "ciao, ma è vero che executive e operatori erano d'accordo sull'importanza del customer service per "
            "l'immagine del brand? che percentuali",
            "brand_identity",
        ),
        ("is it true the biggest exec vs CS disconnect is on speed to answer?", "rank:largest"),  # a superlative
        (
            "branch offices for peak volume – how many companies are doing it, and who leads?",
            "branch_offices+leaders:branch_offices",
        ),
        (
            "var skiljer sig ledningen och kundtjänst mest åt? och var ligger kundtjänst högre än cheferna?",
            "rank:cs_higher+rank:largest",
        ),
        (
            "Hur lång tidshorisont har projekten och hur många planerar realtidsvyer över kunddatan?",
            "projects_horizon+realtime_views",
        ),
        ("che dimensioni avevano le aziende e quanti agenti in tutto?", "fact:sizes+study_agents_covered"),
        ("è vero che manager e operatori sono d'accordo almeno su qualcosa? dove la distanza è minima?", "rank:agree"),
        ("vad svarade vd:ar respektive IT-chefer om självbetjäning?", "none"),
    ],
    "rounds 132-134: a comparison asked beside a quoted sentence; more ways of asking two things": [
        (
            "“their opinions diverge notably as one moves into the details” ok so where is the biggest disconnect "
            "between execs and CS people?",  # (a Slack quote line, as /gap reads it)
            "rank:largest",  # not the "details" of the quoted sentence
        ),
        (
            'I&T: "C-level execs and front line customer service people agree about the importance of service to the '
            'brand". where else do they basically agree?',
            "rank:agree",
        ),
        (
            '"Both groups agree that customer service is key to brand identity — with 92% of C-level executives and '
            '85% of customer-centric employees agreeing." so the frontline number is lower? by how much',
            "brand_identity",  # that topic's own gap
        ),
        (
            'My boss has "54% of companies" on one of her slides with no source and no context. She\'s asking me where '
            "it comes from and what it actually measures, can you help?",
            "source:54",
        ),
        (
            "root cause analytics plans, what %? and over how many months are those projects",
            "projects_horizon+root_cause_analytics",
        ),
        (
            "feedback passed on to sales - exec vs cs? and which country has the most companies with feedback processes",
            "feedback_to_sales+leaders:feedback_processes",
        ),
        ("I 18 mesi citati nel report a cosa si riferiscono?", "source:18"),
        (
            "Che percentuale di executive e di operatori considera il contact center strategico? E chi ha commissionato "
            "lo studio?",
            "cc_strategic+fact:commissioned",
        ),
        ("smallest and largest companies in the sample (headcount)?", "study_company_size_max+study_company_size_min"),
        ("Vilka var det som svarade i Strativitys studie?", "fact:strativity_respondents"),
        ("vad vet vi om Tyskland?", "region:germany"),  # what there is, not the team's own
    ],
    "rounds 135-137: a figure told in a sentence of its own is no figure asked; 'same for' asks again": [
        (
            "Nära 40 procent virtualiserar enligt artikeln. Skiljer det sig mellan chefer och medarbetare?",
            "virtualization",
        ),
        (
            "Hej! I Telekom idag-artikeln står det att 55 procent av beslutsfattarna ser genomsnittlig svarstid som ett "
            "kritiskt nyckeltal. Vad svarade de på kundtjänst?",
            "asa_critical",
        ),
        ("Someone mentioned 75% at the meeting this morning. Where does it come from?", "source:75"),  # still asked
        (
            "self-service measured on quality not just cost savings: execs vs CS? same for measuring customer lifetime value",
            "clv_measured+selfservice_quality",
        ),
        (
            "How many agents were covered overall, and how big was the biggest company in the sample?",
            "study_agents_covered+study_company_size_max",  # not every size again
        ),
        ("Per quali aree geografiche l'indagine fornisce dati dettagliati?", "fact:markets"),  # "fornisce": no vendor
    ],
    "rounds 138-140: two comparisons in one message; 'rosier at the top'; 'how many companies took part'": [
        (
            "biggest disconnect between execs and frontline? and which numbers are rosier at the top?",
            "rank:exec_higher+rank:largest",
        ),
        ("how many companies took part, and roughly how big were they?", "fact:sizes+study_companies"),
        (
            "Var är cheferna mer positiva än kundtjänst, och finns det fall där det är tvärtom?",
            "rank:cs_higher+rank:exec_higher",
        ),
        (
            "Su cosa sono d'accordo manager e operatori? e dove gli operatori danno valori più alti dei manager?",
            "rank:agree+rank:cs_higher",
        ),
    ],
    "'both' or '+' lets a second topic be typed with a typo; 'the smallest and the largest'": [
        ("branch offices and virtualisaton - both %", "branch_offices+virtualization"),
        ("calback + virtualiztion adoption, both globally", "callback+virtualization"),
        (
            "Given that we're considering both a callback option and consolidating our three sites into one virtual "
            "center, what did the research find on adoption of each of those?",
            "callback+virtualization",  # (a third, guessed, does not come with them)
        ),
        (
            "How big were the smallest and the largest companies in the sample, in employees?",
            "study_company_size_max+study_company_size_min",
        ),
    ],
    "rounds 141-143: 'and the other way round?', 'plus whatever you have for the UK', '+ ...' after a question": [
        (
            "does the study show which figures execs rate higher than CS? and the other way round?",
            "rank:cs_higher+rank:exec_higher",
        ),
        (
            "did most Strativity respondents think their company invests in people more than in technology? wasn't it "
            "the opposite?",
            "invest_people",  # a belief checked, no second question
        ),
        ("root cause analytics plans %, plus whatever you have for the UK", "region:uk+root_cause_analytics"),
        (
            "self service misurato sulla qualità e non solo sui risparmi: % manager vs professionisti? + misurazione "
            "del valore del cliente nel tempo",
            "clv_measured+selfservice_quality",
        ),
        (
            "aziende più piccole e più grandi del campione, come numero di dipendenti?",
            "study_company_size_max+study_company_size_min",
        ),
    ],
    "round 116: the question's own ranking, not one the rest's words suggest": [
        (
            "Hey, after a pretty tense quarterly review, my manager wants to open the next meeting on a positive note. "
            'He asked "is there anything the execs and the service folks actually agree on?" Where are the smallest '
            "gaps between the two groups?",
            "rank:agree",
        ),
        (
            "Il nostro AD racconta sempre di un'azienda super orientata al cliente, ma in sala operativa la vediamo "
            "diversamente. La mia capa mi ha chiesto di verificare se è una cosa tipica. Su quali indicatori i top "
            "manager danno valori più alti rispetto ai professionisti del customer service?",
            "rank:exec_higher",
        ),
    ],
    "round 147: a pulse figure told, then the study's figure asked in words that name only the study": [
        (
            "Medarbetarundersökningen kom i dag och 61 % av mitt team tycker att företaget förtjänar deras lojalitet. HR "
            "nämnde en gammal Strativity-studie med samma påstående. Vad var siffran där?",
            "employer_loyalty",
        ),
        (
            "Our pulse says 58% of agents think speed to answer matters. How does that compare with the study?",
            "asa_critical",
        ),
    ],
    "round 147: what the asker wants to say, relayed ('I'd like to mention how many ...')": [
        (
            "Putting together the methodology footnote for our board paper. Besides the number of companies and "
            "countries, I'd like to mention how many customer service agents the responding companies represent in "
            "total. What was that figure?",
            "study_agents_covered",
        ),
        (
            "Skriver metodavsnittet till vår rapport till ledningen. Förutom antal företag och länder vill jag ange hur "
            "många kundtjänstagenter undersökningen omfattade totalt. Vad var den siffran? Tack!",
            "study_agents_covered",
        ),
        # (the sample a relayed question asks of is not the topic the message names)
        (
            "ciao, il cliente ci contesta che guardiamo troppo la velocita media di risposta. mi ha chiesto quante aziende "
            "la considerano davvero un indicatore critico. nella ricerca del 2008 che numeri c'erano, executive vs operatori?",
            "asa_critical",
        ),
    ],
    "round 147: who quoted a figure is not the topic; a metric named whole is no listing of figures": [
        (
            "Il fornitore di analytics nella sua presentazione cita una percentuale di aziende che vogliono usare "
            "l'analisi per capire le cause delle interazioni dei clienti. Prima di girarla al mio capo vorrei verificarla "
            "sulla fonte originale. Che percentuale riporta l'indagine Genesys?",
            "root_cause_analytics",
        ),
        (
            "Our CEO keeps saying we 'invest in people, not tech'. The COO, half joking, asked me how many execs elsewhere "
            "would honestly say their company invests in people more than in technology. I think the Strativity study "
            "asked exactly that. What was the number?",
            "invest_people",
        ),
        (
            "Buongiorno a tutti. Il mio direttore ha chiesto, testuale: 'quanti manager pensano davvero che il customer "
            "service conti per il brand?'. Nel nostro pulse l'82% degli operatori dice di sì. Nella ricerca Genesys che "
            "percentuali c'erano per executive e operatori?",
            "brand_identity",
        ),
    ],
    "rounds 144-147: more or less, results that came out, facts joined by '&', the sample per country, titles": [
        ("On which points are execs and CS more or less of the same opinion?", "rank:agree"),
        (
            "Su quali punti executive e professionisti del customer service la pensano più o meno allo stesso modo?",
            "rank:agree",
        ),
        ("Vem beställde undersökningen och när kom resultaten ut?", "fact:commissioned+fact:published"),
        ("when were the results published & what company sizes were included", "fact:published+fact:sizes"),
        ("How many respondents came from each country?", "none"),
        ("Vad svarade vd:ar jämfört med ekonomichefer om varumärket? och IT-cheferna?", "none"),
        ("tycker ekonomicheferna (CFO) att kontaktcentret är strategiskt?", "none"),
        ("quanti responsabili marketing, da soli, pensano che il contact center sia strategico?", "none"),
        ("hur många av de mindre bolagen mäter kundens livstidsvärde?", "none"),
    ],
    "round 149: what the sentences before 'what did the study find on that?' name, each read alone": [
        (
            "Nel nostro pulse solo il 50% degli operatori dice che le informazioni raccolte dai clienti arrivano davvero "
            "al commerciale. Il direttore generale invece è convinto del contrario. Cosa ha trovato lo studio su questo?",
            "feedback_to_sales",
        ),
        (
            "Il premio di produzione dei miei operatori si basa solo sul numero di pratiche chiuse, la qualità non conta "
            "niente. Ne ho parlato con l'HR e mi hanno detto che 'è così in tutte le aziende'. Cosa dice la ricerca su questo?",
            "pay_quality",
        ),
        (
            "hey, quick one. Marketing keeps telling us the brand is their job, but 88% of my team said in the pulse that "
            "customer service is what really shapes it. Who's right here? what does the study say about that?",
            "brand_identity",
        ),
        # (not a question that names what it asks, nor one about a figure's source)
        ("I saw '62%' on a slide about feedback reaching the sales team. Which source is that from?", "source:62"),
        (
            "Hälften av mina handläggare jobbar hemifrån tre dagar i veckan och pulsen är bättre än någonsin. Vd:n vill "
            "ändå ha tillbaka alla på kontoret. Hur många av företagen i studien lät agenterna jobba på distans?",
            "none",
        ),
    ],
    "rounds 148-151: the other way round in Swedish, e-commerce, loyal in Italian, the sample surveyed": [
        (
            "Vilka siffror tror ledningen är bättre än vad kundtjänst tycker? Och finns det något åt andra hållet?",
            "rank:cs_higher+rank:exec_higher",
        ),
        ("ricavo per chiamata nell'e-commerce?", "none"),
        (
            "quanti dicono di non avere strumenti, autorita o investimenti per servire i clienti? e quanti si sentono leali "
            "verso l'azienda?",
            "employer_loyalty+lacking_means",
        ),
        (
            "root cause analytics plans worldwide, plus how many companies were surveyed",
            "root_cause_analytics+study_companies",
        ),
        ("I CIO rispondono diversamente dai CFO sulla domanda del brand? e i CTO?", "none"),
        ("how do they calc clv", "none"),  # round 155: how it is calculated, a definition
    ],
    "rounds 145-154: a ranking beside another question, a topic asked for in a few words before a question": [
        (
            "qual e lo scollamento piu grosso tra manager e operatori? e i contact center sono considerati strategici?",
            "cc_strategic+rank:largest",
        ),
        ("smallest gaps between C-level and CS? and whats the 'very strategic' number", "cc_strategic+rank:agree"),
        ("dove sono piu distanti manager e operatori? e su cosa invece vanno d'accordo?", "rank:agree+rank:largest"),
        ("callback exec/cs split please, plus where 28% comes from", "callback+source:28"),
        (
            "Hur många planerar realtidsvyer av kunddata, och över vilken tidshorisont gäller projekten?",
            "projects_horizon+realtime_views",
        ),
        (
            "When were the results published and over what timeframe are those priority projects planned?",
            "fact:published+projects_horizon",
        ),
        # (not a follow-up's opening, nor the study named before the question)
        ("and the really big operations, 2500+ agents... roughly what share of the respondents?", "study_share_large"),
        # rounds 157-158: figures asked in turn after ';' or with an elided article, the survey as 'rilevazione'
        ("where does 67% come from; what about 70%?", "source:67+source:70"),
        ("Da dove arriva il 92%? E l'85%?", "source:85+source:92"),
        ("Quando è stata fatta la rilevazione?", "fact:fieldwork"),
    ],
    "who pitched a figure is not the topic; customers' words passed to sales are the feedback; a compound's stem": [
        (
            "Our telephony vendor keeps pitching 'click for a call back' on the website and claims it's becoming "
            "standard. My team is split, 6 for and 5 against. How common was it in the study, how many companies have "
            "it or will add it?",
            "callback",
        ),
        (
            "En säljare från en leverantör påstod att studien 'täcker miljontals agenter'. Låter som säljsnack tbh. Hur "
            "många kundtjänstagenter omfattade undersökningen egentligen?",
            "study_agents_covered",
        ),
        (
            "förs det kunderna säger vidare till säljarna? vad tror ledningen jämfört med kundtjänst",
            "feedback_to_sales",
        ),
        (
            "do companies do a good job gathering what customers want and handing it over to the sales guys?",
            "feedback_to_sales",
        ),
        (
            '"C-level executives (73%) overestimate the effort in their companies to measure customer lifetime value" '
            "- ok but what did the CS managers actually say?",
            "clv_measured",
        ),
        (
            "Kontaktcentervirtualiseringen – hur stor andel av kontaktcentren världen över håller på med den eller "
            "planerar den?",
            "virtualization",
        ),
    ],
    "rounds 168-171: a second part's topic typed with another ending, the smallest and the largest, a fact beside a metric": [
        ("what % are doing callback and what % are virtualising?", "callback+virtualization"),
        (
            "Worldwide, how many centres are virtualising and how many firms are bringing in branch offices for peaks?",
            "branch_offices+virtualization",
        ),
        (
            "Hur många anställda hade de minsta resp. största företagen i undersökningen?",
            "study_company_size_max+study_company_size_min",
        ),
        (
            "Dimensioni delle aziende nel campione: quanti dipendenti aveva la più piccola e quanti la più grande?",
            "study_company_size_max+study_company_size_min",
        ),
        (
            "Hur stora var företagen som deltog – det minsta och det största?",
            "study_company_size_max+study_company_size_min",
        ),
        ("saw '49%' and '50%' on a vendor deck, which figures are those?", "source:49+source:50"),
        (
            "hey, two quick ones: what % of execs vs CS people say their contact centre is very strategic, and how many "
            "companies were in the survey?",
            "cc_strategic+study_companies",
        ),
        # a numbered list: each item, on lines of its own or run together as a slash command's text arrives
        (
            "1) how many execs say they measure customer lifetime value\n2) what do the CS pros say to that\n3) who "
            "actually ran the study",
            "clv_measured+fact:commissioned",
        ),
        (
            "1) which country leads on branch offices 2) which leads on virtualization 3) germany's numbers",
            "leaders:branch_offices+leaders:virtualization+region:germany",
        ),
        (
            "1) quanti passano i feedback dei clienti alle vendite\n2) quando e stato fatto il sondaggio",
            "fact:fieldwork+feedback_to_sales",
        ),
        (
            "Feedback processes:\n* what % of companies pass on customer feedback systematically\n* which region is top",
            "feedback_processes+leaders:feedback_processes",
        ),
        ("- where do execs and CS people disagree the most\n- where do they actually agree", "rank:agree+rank:largest"),
        ("1. brand identity CEO vs customer care\n2. biggest exec-CS gap overall", "brand_identity+rank:largest"),
        # (who answered, beside one study's findings, is that study's respondents)
        (
            "What did the Strativity survey find on loyalty to the employer, and who took it?",
            "employer_loyalty+fact:strativity_respondents",
        ),
        (
            "Strativity: hur stor andel tycker att arbetsgivaren förtjänar deras lojalitet, och vilka var det som svarade?",
            "employer_loyalty+fact:strativity_respondents",
        ),
        ("intäkt per samtal – chefer vs kundtjänst, plus vilka branscher var med?", "fact:industries+revenue_per_call"),
        (
            "Quick q about the callback number: is that 28% execs or CS people? And how many countries took part?",
            "callback+study_countries",
        ),
        (
            "branch offices helping out in peak periods — who's the leader, and what's the worldwide share?",
            "branch_offices+leaders:branch_offices",
        ),
        # round 183: shorthand
        ("biggest co size covered", "study_company_size_max"),
        ("virtualization leader?", "leaders:virtualization"),
        ("who is the team leader", "none"),
        ("cos'è il callback?", "callback"),
        ("cos'hanno detto i manager sul brand?", "brand_identity"),  # (the Italian "cos'", not "companies")
        # (a count asked of a topic, with no word for the study, stays that topic's)
        ("uffici periferici nei picchi di traffico, quante aziende li coinvolgono?", "branch_offices"),
    ],
    "rounds 164-167: the CEOs' view, the top floor, a year checked against the study's date, a country on top": [
        (
            "morning all :) quick one - what share of CEOs actually say their contact centre is very strategic?",
            "cc_strategic",
        ),
        ("How many CEOs took part", "none"),
        ("in which areas does the top paint a rosier picture than the people on the floor?", "rank:exec_higher"),
        ("in which areas is the top floor rosier than the people on the phones?", "rank:exec_higher"),
        ("quando sono usciti i risultati dello studio Genesys? è vero che è del 2009?", "fact:published"),
        ("when was the 2012 update published?", "none"),
        (
            "Är det sant att Storbritannien ligger i topp när det gäller att använda lokala kontor vid hög belastning?",
            "leaders:branch_offices",
        ),
    ],
    "round 162: a wish about what the message said is not relayed; 'ciò' is that; what the vendor sells is the speaker": [
        (
            "Morning all. Our quarterly pulse came back and only 14% of the team think leadership treats the contact "
            "centre as strategic, which my director found pretty depressing. I want to know if that's unusual or just "
            "normal. What did the study find on that?",
            "cc_strategic",
        ),
        (
            "I senaste medarbetarpulsen svarade 81 % av cheferna att företaget förtjänar deras lojalitet. HR är nöjda men "
            "jag undrar hur det står sig mot andra. Vad fann Strativity om det?",
            "employer_loyalty",
        ),
        (
            "Abbiamo tre sedi (Milano, Bari e Cagliari) e stiamo valutando di gestirle come un unico contact center. Il "
            "consulente dice che lo fanno in tanti. Cosa dice lo studio su ciò?",
            "virtualization",
        ),
        (
            "Il fornitore del software WFM sostiene che la velocità media di risposta è l'unico KPI che conta davvero. Nel "
            "nostro pulse il 70% degli operatori dice di essere valutato soprattutto su quello. Che risultati ha "
            "l'indagine su ciò?",
            "asa_critical",
        ),
        (
            "Vi har kontor i Malmö, Umeå och Göteborg och diskuterar att köra dem som ett enda kontaktcenter.",
            "virtualization",
        ),
        # (a question relayed about its own subject stays relayed)
        (
            "The Genesys press release talks about companies launching priority projects to fix the misalignment. Our PMO "
            "lead asked over what time frame those projects were planned, since our roadmap is two years. Did they say?",
            "projects_horizon",
        ),
        (
            "Morning all. Our new COO keeps telling the board that the contact centre is 'a strategic asset' and that "
            "every exec he knows sees it that way. I'm pretty skeptical, honestly. Is that what the Genesys study found? "
            "How many execs actually called their contact centers very strategic?",
            "cc_strategic",
        ),
    ],
    # rounds 184-191
    "the verbs a finding is asked with name no topic: the second opinion does not weigh them": [
        ("do most companies measure revenue per call?", "revenue_per_call"),
        ("do most companies offer click for a call back?", "callback"),
        ("% of companies using IVR", "none"),  # (not "use": adopting a channel is not measured)
    ],
    "branch offices brought in at peak times are no money brought in": [
        ("how many bring in branch offices at peak times? was it about 40 percent?", "branch_offices"),
        ("how much revenue do calls bring in per year?", "none"),
    ],
    "a Swedish 'var det ...' checks a figure ('was it'), it asks no source ('var', where)": [
        ("Hur många företag tar in lokala kontor vid hög belastning? Var det runt 40 procent?", "branch_offices"),
    ],
    "a request after 'and', or a question after ';', is a question of its own": [
        ("who leads on call back adoption by country, and give me the UK numbers", "leaders:callback+region:uk"),
        (
            "Hur många kundtjänstagenter täckte undersökningen; hur stor andel av svaren kom från företag med färre än 500 agenter",
            "study_agents_covered+study_share_small",
        ),
    ],
    "a few words ending in 'too' ask for one more topic": [
        ("brand identity exec vs cs? customer lifetime value too", "brand_identity+clv_measured"),
        ("brand identity? clv också tack", "brand_identity+clv_measured"),
        (
            "how many think customer service is key to brand identity? not just the execs, I need the CS side too",
            "brand_identity",
        ),
    ],
    "who is behind a figure asks its source; who was behind the study, who ran it": [
        ("vem står bakom 54 %?", "source:54"),
        ("who is behind the 54%?", "source:54"),
        ("Hej! Hur många länder omfattade undersökningen, och vem låg bakom den?", "fact:commissioned+study_countries"),
        ("raw respondent counts behind the 28% callback figure", "none"),
    ],
    "a Swedish compound ending in 'branschen' is an industry; 'ligger främst' leads": [
        ("hur många i telekombranschen tycker att kontaktcentret är strategiskt?", "none"),
        ("Vilket land ligger främst när det gäller klicka-för-kontakt-funktionen?", "leaders:callback"),
    ],
    "metrics described in everyday words": [
        (
            "what share of execs think their company keeps track of how much a customer is worth to us over the whole relationship?",
            "clv_measured",
        ),
        (
            "hey, how many of these companies actually see their contact centre as central to where the business is heading?",
            "cc_strategic",
        ),
        (
            "bedöms självservicen på webben efter hur bra den funkar för kunden eller bara efter vad den sparar in?",
            "selfservice_quality",
        ),
        (
            "quante aziende valutano il customer service in base a quanti soldi porta ogni telefonata?",
            "revenue_per_call",
        ),
        ("quante aziende vogliono usare i dati per capire perché i clienti ci chiamano?", "root_cause_analytics"),
    ],
    # rounds 192-199
    "'what did the study find?' after the team's own figure: the topic its sentences name, not the figure": [
        (
            "I vår senaste pulsmätning svarade bara 35 procent av medarbetarna att de har rätt verktyg och mandat att "
            "lösa kundernas problem. Min chef tycker det är en katastrof. Hur såg det ut i Strativitys undersökning?",
            "tools_authority",
        ),
        (
            "Ran an engagement pulse this month: 81% of my team said the company deserves their loyalty. HR says "
            "that's way above the norm. What did the Strativity study find on that?",
            "employer_loyalty",
        ),
        (
            "In our last engagement pulse, 58% of our service managers said the company deserves their loyalty. "
            "HR thinks that's low. I remember the Strativity study asked executives. What did they find?",
            "employer_loyalty",
        ),
        # (not when it asks which study or source the figure is)
        ("heard 1.5 million agents quoted in a deck. which study is that?", "source:1500000"),
        ("När gjordes undersökningen egentligen? Jag trodde att den gjordes hösten 2008", "fact:fieldwork"),
    ],
    "'is it normal that ...' asks how common a finding is, not a typical value": [
        ("is it normal for comp plans to emphasise quality over productivity?", "pay_quality"),
        ("e normale che i piani retributivi premino la qualità piu della produttività?", "pay_quality"),
        ("what's a normal ASA?", "none"),
    ],
    "a request's verb and why the figures are needed name no topic": [
        ("send me the asia pacific numbers", "region:apac"),
        ("send me the country count for the executive disconnect study", "study_countries"),
        (
            "send me the strativity people-vs-tech and compensation plan numbers, need them for a budget pitch",
            "invest_people+pay_quality",
        ),
        ("how much budget do companies need for callbacks?", "none"),
        ("is there a guide to the callback figures?", "callback"),
    ],
    "the planned projects' horizon yields only to a topic named by a strong keyword": [
        ("how long is the timeframe for those planned improvement projects?", "projects_horizon"),
    ],
    "'più d'accordo', 'mest överens': where they agree": [
        ("Mostrami dove manager e professionisti del customer service sono più d'accordo", "rank:agree"),
        ("var är de mest överens?", "rank:agree"),
    ],
    # rounds 200-207
    "companies beside countries, or 'numero aziende', are the sample's counts": [
        ("companies and countries in the Genesys sample?", "study_companies+study_countries"),
        ("numero aziende + paesi. subito.", "study_companies+study_countries"),
        ("which countries and companies lead on callbacks?", "leaders:callback"),
    ],
    "a further question after 'by whom', 'across', 'can I get', 'anche:', ', poi'": [
        (
            "Who ran the survey, when, and across how many countries?",
            "fact:commissioned+fact:fieldwork+study_countries",
        ),
        (
            "which country leads on virtualization, and can I get all the UK numbers too",
            "leaders:virtualization+region:uk",
        ),
        (
            "Qual è l'orizzonte temporale dei progetti, anche: quante aziende coinvolgono le filiali nei picchi di traffico?",
            "branch_offices+projects_horizon",
        ),
        (
            "prima dimmi quando sono usciti i risultati, poi per quali mercati ci sono dati dettagliati",
            "fact:markets+fact:published",
        ),
    ],
    "Slack's *bold* and _italics_ around a figure or a topic": [
        ("someone quoted a _16%_ gap on customer feedback in #cx-leads. what's that from?", "source:16"),
        ("*brand identity* exec vs cs?", "brand_identity"),
    ],
    "hiring a research firm is who ran the study; a headcount covered is the agents covered": [
        (
            "hey all, quick one: was the Genesys study actually done by Genesys or did they hire a research firm?",
            "fact:commissioned",
        ),
        ("total agent headcount covered by the survey?", "study_agents_covered"),
        ("what's the average agent headcount?", "none"),
    ],
    "what a figure told before means, or stands for, asks its source": [
        ("saw the number 927 on a slide about the genesys research, no caption. what does it mean?", "source:927"),
        ("cosa indica il 927?", "source:927"),
        ("Vad står 927 och 1,5 miljoner för?", "source:1500000+source:927"),
        ("how many bring branch offices in for peak periods", "branch_offices"),
    ],
    # rounds 208-215
    "who pushes or talks up a topic is a speaker; 'il CFO' is one person, not the CFOs' view": [
        (
            'Our telephony vendor is pushing click-for-callback on the website again, says "everyone\'s doing it now". '
            "I'm skeptical. What share of companies in the study had it or were adding it?",
            "callback",
        ),
        (
            "il CFO vuole misurarci sul fatturato per chiamata, dice che lo fanno tutti. quante aziende lo fanno davvero "
            "secondo lo studio?",
            "revenue_per_call",
        ),
        ("what did the CFOs say about revenue per call?", "none"),
    ],
    "'are we unusual?' after the team's own figure asks what the study found on its topic": [
        (
            "Agents on my team constantly escalate because they can't issue refunds over 20 quid without a supervisor. "
            "In our pulse only 29% said they have the tools and authority to fix customer problems. Are we unusual?",
            "tools_authority",
        ),
        # (someone on the team who quotes a figure is a speaker, not the team's pulse)
        (
            "someone on my team says 36% plan analytics to find root causes of customer interactions. correct?",
            "root_cause_analytics",
        ),
    ],
    "a share of the participants is the sample's share, not who they were": [
        (
            "che quota di partecipanti veniva da aziende con meno di 500 operatori e quale da quelle con più di 2.500?",
            "study_share_large+study_share_small",
        ),
    ],
    "who answered, asked as a choice; 'likadant', 'stanno sopra'": [
        ("var det chefer som svarade?", "fact:respondents"),
        ("were they agents or managers?", "fact:respondents"),
        ("finns det nåt där cheferna och kundtjänstpersonalen faktiskt tycker likadant?", "rank:agree"),
        ("c'è qualche dato in cui i professionisti del customer service stanno sopra gli executive?", "rank:cs_higher"),
    ],
    # rounds 216-223
    "a country's figures asked in a short request without a question mark, beside another question": [
        ("germany numbers pls. also who actually answered the survey, which roles?", "fact:respondents+region:germany"),
        (
            "Spanien, alla siffror tack. Och hur stora var de största företagen i undersökningen?",
            "region:spain+study_company_size_max",
        ),
        (
            "hur ser siffrorna ut för Storbritannien? och hur manga kundtjanstagenter omfattades totalt",
            "region:uk+study_agents_covered",
        ),
    ],
    "the asker's own sites by their places, 'major markets', 'quick one', what kind of people answered": [
        (
            "I run our Singapore and Sydney centres – what did the research show for Asia Pacific overall?",
            "region:apac",
        ),
        ("For which major markets does the study claim to provide detailed data?", "fact:markets"),
        (
            "Hey all, quick one. In the Genesys survey, on which points are the C-suite more optimistic than the people "
            "actually running service?",
            "rank:exec_higher",
        ),
        ("what kind of people actually answered the Genesys survey?", "fact:respondents"),
        (
            "new COO wants us to track both speed to answer and revenue per call. how many companies measure each of those?",
            "asa_critical+revenue_per_call",
        ),
    ],
    # rounds 224-227
    "a country's figures asked in a few words after 'and', or as 'all the numbers'; 'erbjuder', 'churning through'": [
        ("feedback-to-sales split please, and France's numbers", "feedback_to_sales+region:france"),
        ("Spain: all the numbers you have. Also what industries were in the sample?", "fact:industries+region:spain"),
        ("Hur många företag erbjuder att kunden klickar och blir uppringd?", "callback"),
        # (a framing of the whole message does not hold when each question read alone is answered)
        (
            "Which markets have detailed data in the Genesys report, and what company sizes were included?",
            "fact:markets+fact:sizes",
        ),
        ("is pay set up to reward doing a good job or just churning through volume?", "pay_quality"),
    ],
    # rounds 228-233
    "'is that ... normal?', 'how do we stack up?' after the team's figures ask what the study found on their topics": [
        (
            "Our CFO swears we measure customer lifetime value religiously. I did a quick show of hands with my "
            "supervisors and barely half of them think we do. Is that kind of disconnect normal or is it just us?",
            "clv_measured",
        ),
        (
            "Our pulse results: 18% of managers say our centre is very strategic, 80% say customer service is key to "
            "the brand. How do we stack up on both against the research?",
            "brand_identity+cc_strategic",
        ),
        ("how do we score against the 67% on ASA?", "none"),
        ("how do we improve CLV?", "none"),
    ],
    "a study fact asked in a message that names one study is that study's; a question after ' / '": [
        (
            "The Strativity loyalty numbers keep getting quoted at us as if they were agent opinions. Who were the "
            "respondents in that study, really?",
            "fact:strativity_respondents",
        ),
        ("Who answered the Genesys survey?", "fact:respondents"),
        ("When were the Genesys results published / which markets got detailed data?", "fact:markets+fact:published"),
    ],
    # rounds 234-237
    "a country's figures beside a metric it has none for, joined without a question word, are each asked": [
        ("uk figures pls + revenue per call exec vs cs", "region:uk+revenue_per_call"),
        ("revenue per call in the UK?", "none"),
        ("Strativity loyalty numbers by country", "none"),
    ],
    "the question that opens a message, naming what all of it is about, beside a later one; 'whats'; 'siffran 20'": [
        (
            "Feedback raccolti e passati alle vendite, manager contro operatori? E in che arco di tempo sono previsti i "
            "progetti?",
            "feedback_to_sales+projects_horizon",
        ),
        (
            "which country leads on feedback processes, and whats the feedback-to-sales number?",
            "feedback_to_sales+leaders:feedback_processes",
        ),
        ("Vad betyder siffran 54 procent? och 1,5 miljoner?", "source:1500000+source:54"),
    ],
    "'by whom', 'fieldwork dates' and the jobs of who answered ask their facts beside another; '1.5m' is 1.5 million": [
        ("When was the fieldwork done, and by whom?", "fact:commissioned+fact:fieldwork"),
        ("who ran it + fieldwork dates", "fact:commissioned+fact:fieldwork"),
        ("who answered, and which sectors were they from?", "fact:industries+fact:respondents"),
        ("settori coinvolti e ruoli degli intervistati?", "fact:industries+fact:respondents"),
        ("vilka branscher var med?", "fact:industries"),
        ("1.5m agents - which doc says that?", "source:1500000"),
    ],
    "one question after sentences that tell: a topic only the telling named is not asked": [
        (
            "we're finally building a formal voice-of-customer loop. what share of companies have processes for "
            "systematically passing on customer feedback? want a benchmark before I pitch it",
            "feedback_processes",
        ),
        (
            "Per la presentazione al CdA della multiutility mi serve la dimensione del campione, altrimenti mi fanno a "
            "pezzi. Su quante aziende è stata fatta l'indagine?",
            "study_companies",
        ),
        ("sample size? companies and countries", "study_companies+study_countries"),
        ("feedback to sales: exec vs cs numbers. And CLV too", "clv_measured+feedback_to_sales"),
    ],
    "a gap told by its figure ('a 16% gap') asks where that figure comes from, not which gap is largest": [
        ("the exec summary my director forwarded just says 'a 16% gap'. a gap in what exactly?", "source:16"),
        (
            "My boss keeps quoting 'a 16% gap' from some customer service report. Nobody on the team knows what it "
            "refers to. Where does that number come from, and what is it the gap between?",
            "source:16",
        ),
        ("is the 16 point gap the biggest one?", "rank:largest"),
    ],
    "rounds 238-241: a count checked in words, 'senior leaders', 'for a ... client', 'best practice', 'gulf', 'go public'": [
        ("did the Genesys survey really cover over 900 companies?", "study_companies"),
        (
            "Reading the Genesys press release and it mentions a 'major (16%) gap'. 16% between what and what?",
            "source:16",
        ),
        (
            "Do senior leaders believe their company is effective at gathering insight on customer and market needs and "
            "handing it over to the sales function, and do the customer service professionals share that view?",
            "feedback_to_sales",
        ),
        (
            "How widespread is the practice of operating several contact centres as if they were a single virtual entity?",
            "virtualization",
        ),
        ("best practice for ASA?", "none"),
        ("how do companies close the gap between the boardroom and the front line? best practise", "none"),
        (
            "Where is the gulf between the leadership view and the service professionals' view most pronounced? Ideally "
            "ranked, please.",
            "rank:largest",
        ),
        ("When did the Executive Disconnect findings go public?", "fact:published"),
        (
            "who did Strativity talk to, and what % feel the company invests in people over technology?",
            "fact:strativity_respondents+invest_people",
        ),
        (
            "What proportion of the participants came from operations with fewer than five hundred service agents?",
            "study_share_small",
        ),
        ("when are peak periods typically - december?", "none"),
    ],
    "the sources' own sentences read as the topic they state: their words are no unmeasured topic, typo or industry": [
        (
            "But C-level executives (73%) overestimate the effort in their companies to measure customer lifetime value, "
            "compared to a smaller number of customer-level employees.",
            "clv_measured",
        ),
        (
            "Oltre il 28% delle aziende intervistate dispone già o pensa di aggiungere la funzionalità “click for a call "
            "back”; per supportare la gestione del business, circa il 30% degli intervistati pensa di adottare strumenti "
            "per disporre di viste in tempo reale sui dati dei clienti.",
            "callback+realtime_views",
        ),
        (
            "While C-level execs and front line customer service people agree about the importance of service to the "
            "brand, their opinions diverge notably as one moves into other areas.",
            "brand_identity",
        ),
        ("On a worldwide basis 67% of all organizations considered this a key metric. what's this?", "source:67"),
        ("Il self-service viene valutato sulla qualità o solo sul risparmio sui costi?", "selfservice_quality"),
        (
            "The Insurance & Technology piece says 41 percent of C-level execs believe their companies measure "
            "self-service by quality rather than cost savings. Is that right, and what did the front line say?",
            "selfservice_quality",
        ),
        ("across how many countries was the genesys survey fielded?", "study_countries"),
        ("what is the average customer effort score?", "none"),
        ("are small companies more likely to offer callbacks?", "none"),
    ],
    "who answered and who paid, asked in Swedish and Italian; companies who think are no customers' view": [
        ("viste in tempo reale sui dati clienti, quante aziende pensano di adottarle?", "realtime_views"),
        ("i clienti cosa ne pensano del self service?", "none"),
        ("Chi ha risposto all'indagine? c'erano anche i CFO?", "fact:respondents"),
        ("è vero che hanno risposto CEO, CIO, CFO e responsabili di contact center?", "fact:respondents"),
        ("how many execs vs how many cs managers actually responded", "none"),
        ("stämmer det att det var 927 företag som deltog?", "study_companies"),
        ("where does 927 companies come from?", "source:927"),
        ("chi ha condotto l'indagine? Equation Research per conto di Genesys?", "fact:commissioned"),
        ("vem låg bakom undersökningen, är den oberoende eller beställd av en leverantör?", "fact:commissioned"),
        ("which vendor do most firms use?", "none"),
    ],
    "a guess about the largest gap ('I'd bet it's ...', 'min kollega påstår ...') is checked against the ranking": [
        (
            "where's the biggest gap between execs and CS pros? I'd bet it's the feedback-to-sales one",
            "rank:largest",
        ),
        (
            "Where is the biggest disconnect between execs and CS pros? My boss is convinced it's on whether the contact "
            "centre is strategic.",
            "rank:largest",
        ),
        (
            "where's the biggest disconnect between the C-suite and the people actually answering the phones?",
            "rank:largest",
        ),
        ("do the people on the phones think speed to answer is critical?", "asa_critical"),
    ],
    "how a country stands ('how does Asia do on ...', 'hur ligger asien till på ...') is all its figures": [
        ("how does Asia do on passing on customer feedback systematically?", "region:asia"),
        ("Com'è messa l'Asia sui processi per passare sistematicamente i feedback dei clienti?", "region:asia"),
        ("hur ligger asien till på feedbackprocesser", "region:asia"),
        ("how are british companies doing on virtualisation and branch offices", "region:uk"),
        ("how do uk companies do on feedback processes", "none"),  # (the UK has no figure there)
        ("”Internationellt sätt är Tyskland bäst på detta” – hur ligger de nordiska länderna till?", "none"),
    ],
    "feedback passed on: to sales, or by a process ('föra vidare till sälj', 'a set routine', 'processi strutturati')": [
        (
            "hur stort är glappet mellan ledningen och kundtjänst när det gäller att föra feedback vidare till säljarna?",
            "feedback_to_sales",
        ),
        ("what share of firms have a set routine for passing customer comments on?", "feedback_processes"),
        (
            "feedback dei clienti: quanti lo passano alle vendite e quante aziende hanno processi strutturati per farlo?",
            "feedback_processes+feedback_to_sales",
        ),
    ],
    "two rankings in one message: a ranking asked first in a few words, 'and vice versa', 'och tvärtom'": [
        (
            "Biggest exec/frontline gap, and where are execs more optimistic than their teams?",
            "rank:exec_higher+rank:largest",
        ),
        ("i vilka frågor är cheferna mer positiva än kundtjänst, och tvärtom?", "rank:cs_higher+rank:exec_higher"),
        ("where do execs rate things higher than CS, and vice versa?", "rank:cs_higher+rank:exec_higher"),
        (
            "is there anything where the CS pros score higher than the executives? feels like it's always the other way "
            "round",
            "rank:cs_higher",
        ),
    ],
    "the countries counted, asked after another question, are asked too (not 'per country')": [
        (
            "brand identity numbers for execs and frontline + how many countries did it cover",
            "brand_identity+study_countries",
        ),
        (
            "Sul click for a call back: il dato è diviso tra executive e professionisti del contact center? E quanti "
            "paesi c'erano?",
            "callback+study_countries",
        ),
        (
            "What share of companies have processes for systematically passing on customer feedback? Is there a global "
            "number or only per country?",
            "feedback_processes",
        ),
    ],
    "what the asker needs the figures for asks nothing ('need both for the coaching workshop')": [
        (
            "tools & authority + comp plan numbers from Strativity pls, need both for the coaching workshop",
            "pay_quality+tools_authority",
        ),
    ],
    "the asker's own budget meeting asks no cost": [
        (
            "Inför budgetmötet på torsdag behöver jag veta hur många som uppger att kundservicen mäts på intäkt per "
            "samtal.",
            "revenue_per_call",
        ),
        ("for the budget meeting on thursday I need the revenue per call figure", "revenue_per_call"),
        ("what budget do contact centres have?", "none"),
    ],
    "a second question after a metric: 'förresten' is no Forrester, 'in che arco di tempo' still asks, 'rosiest'": [
        (
            "Mäter man kundens livstidsvärde enligt cheferna vs kundtjänst? När publicerades resultaten förresten?",
            "clv_measured+fact:published",
        ),
        (
            "quante aziende hanno o aggiungeranno il click for a call back, e in che arco di tempo sono previsti questi "
            "progetti?",
            "callback+projects_horizon",
        ),
        (
            "where do the execs paint the rosiest picture vs CS? and the 92% - what's that one",
            "rank:exec_higher+source:92",
        ),
    ],
    "'e che quota' asks a question of its own; the long-term value of customers is their lifetime value": [
        (
            "quanti operatori coperti in totale e che quota di risposte da aziende con più di 2.500 agenti?",
            "study_agents_covered+study_share_large",
        ),
        (
            "Quick one for a client workshop: how many organisations claim to track the long-term value of their "
            "customers, and is there a difference between what the C-suite believes and what the service teams report?",
            "clv_measured",
        ),
    ],
    "operational managers are people who answered; Italian words for answering are no speed to answer": [
        ("Chi sono i rispondenti? Solo C-level o anche manager operativi del customer care?", "fact:respondents"),
        (
            "Which job roles were actually polled in the Genesys study - purely C-level, or operational managers too?",
            "fact:respondents",
        ),
        (
            "Il mio capo mi ha chiesto chi ha risposto al sondaggio: solo i CEO o anche i responsabili dei contact "
            "center? Devo rispondergli entro stasera.",
            "fact:respondents",
        ),
        ("is the contact centre strategic or operational?", "cc_strategic"),
    ],
    "the smallest and the biggest companies asked together are both ends of the sample's sizes": [
        (
            "what's the smallest company size in the sample, and the biggest?",
            "study_company_size_max+study_company_size_min",
        ),
        (
            "vad var det minsta och det största företaget i urvalet, räknat i antal anställda?",
            "study_company_size_max+study_company_size_min",
        ),
        (
            "Che dimensioni avevano le aziende intervistate? Solo grandi gruppi o anche aziende piccole?",
            "fact:sizes",
        ),
    ],
    "the industries named as examples of what the sample held are the fact's own words, not a figure per industry": [
        ("Does the study include retail companies, or just banks and telcos?", "fact:industries"),
        ("were retail banks / financial services included in the research", "fact:industries"),
        ("Hur många försäkringsbolag var med i undersökningen?", "none"),
        ("Quante aziende del campione sono del settore sanitario?", "none"),
    ],
    "a share said of a topic named whole ('two thirds of orgs ...') is that topic's, not the author's two thirds": [
        (
            "Someone in the VP sync said two thirds of orgs worldwide treat ASA as a key metric. Does that match the study?",
            "asa_critical",
        ),
        ("two thirds lack the tools", "lacking_means"),
        (
            "hey, a vendor rep told me today that average speed to answer is the metric every contact center lives and dies by. he said like two thirds of orgs treat it as critical. is that right according to the study?",
            "asa_critical",
        ),
    ],
    "the planned fixes are the planned projects, asked over what time": [
        ("what's the timeframe on those planned fixes – next year, next five?", "projects_horizon"),
    ],
    "a ranking asked for in a few words before another question, and the largest gap beside the smallest, are each answered": [
        ("biggest disconnect + how many countries", "rank:largest+study_countries"),
        ("biggest exec vs CS gaps + what's the revenue per call number?", "rank:largest+revenue_per_call"),
        ("biggest gap and smallest gap please, side by side", "rank:agree+rank:largest"),
        ("rank the exec vs cs gaps from biggest to smallest pls", "rank:largest"),
    ],
    "the group a comparative holds among is the one that rates higher": [
        ("which figures are rosier among the execs, and which gap is the worst?", "rank:exec_higher+rank:largest"),
    ],
    "a ranking asked after a topic's question ('..., and in general which ...', '..., and is that the only place where ...') is a question of its own": [
        (
            "Morning! Quick one: % of execs who think average speed to answer is a critical metric vs the CS folks, and in general which figures do execs rate rosier?",
            "asa_critical+rank:exec_higher",
        ),
        (
            "avg speed to answer as a critical metric: which side rates it higher, and is that the only place where CS is above the execs?",
            "asa_critical+rank:cs_higher",
        ),
        (
            "what share of respondents were from firms with more than 2,500 agents; and generally how big were the companies",
            "fact:sizes+study_share_large",
        ),
    ],
    "'in total' said of the companies and countries counted is theirs, not the agents covered": [
        ("how many companies and how many countries were in it, in total?", "study_companies+study_countries"),
        ("Su quali mercati ci sono dati dettagliati, e quanti paesi in tutto?", "fact:markets+study_countries"),
        ("total agents covered by the respondents", "study_agents_covered"),
    ],
    "asked when of a fact that says who is the fact that says when, and a count asked beside the study's dates keeps its fact": [
        ("hur manga länder omfattar studien och när gjordes den", "fact:fieldwork+study_countries"),
        (
            "Ciao, su quante aziende è stata condotta l'indagine Genesys e in che periodo?",
            "fact:fieldwork+study_companies",
        ),
        (
            "quanti paesi, quante aziende e in che periodo è stata fatta?",
            "fact:fieldwork+study_companies+study_countries",
        ),
        ("vem beställde studien och vem genomförde den?", "fact:commissioned"),
        ("When was the fieldwork for the 47-country survey done?", "fact:fieldwork"),
    ],
    "a country asked after a figure it has one for is that figure there; asked on the whole, it is the country's figures": [
        (
            "Hur många företag har eller ska införa klicka-för-återuppringning? och hur ser det ut i Tyskland",
            "callback",
        ),
        (
            "is there an exec vs CS split on the click-for-callback figure? and whats the Germany number on it",
            "callback",
        ),
        (
            "how many firms are pulling branch offices in for peak periods + what's the UK picture overall",
            "branch_offices+region:uk",
        ),
        (
            "lokalkontor som extra resurs vid toppar - hur stor andel? och vad finns det för siffror för spanien",
            "branch_offices+region:spain",
        ),
    ],
    "a later question that asks a figure, not a leader, beside a leader asked is that figure": [
        (
            "lokalkontor vid toppar – vem leder? och hur många virtualiserar globalt?",
            "leaders:branch_offices+virtualization",
        ),
        (
            "who's ahead on click-for-callback by country, and what's the global share of contact centres virtualizing",
            "leaders:callback+virtualization",
        ),
        (
            "which country leads on click for a call back, and which one on virtualisation?",
            "leaders:callback+leaders:virtualization",
        ),
        (
            "Qual è il primo paese per l'uso degli uffici periferici nei momenti di picco? e quanti contact center si stanno virtualizzando nel mondo?",
            "leaders:branch_offices+virtualization",
        ),
    ],
    "a country's figures asked beside words that only hint at a topic are that country's figures; software is technology, not advice": [
        (
            "spain numbers pls 🇪🇸 (yes I'm going there on holiday next week, yes this is loosely related to work, no I will not be answering slack from the beach 🏖️😎)",
            "region:spain",
        ),
        ("do companies put their money into people or into gadgets and software?", "invest_people"),
        ("spain virtualizaton", "none"),
        ("Genesys vs competitors — who's the market leader in CX software?", "none"),
    ],
    "a figure told before a dash, then the other group's figure asked, asks the finding, not the figure's source": [
        (
            "92% of C-level say customer service is key to brand identity - what was the number for the service people?",
            "brand_identity",
        ),
        ("the branch office figure (28%) — is that what execs said or what the CS people said?", "branch_offices"),
        ("what's the 49% - where does it come from?", "source:49"),
    ],
    "questions of different kinds joined by '+', 'plus the ...', 'and how ...', or after a request for all of a country's figures, are each answered": [
        ("APAC figures + the 36%, what is that", "region:apac+source:36"),
        ("give me everything you have for Germany, plus the ASA numbers", "asa_critical+region:germany"),
        (
            "saw '1.5 million' on a slide, what does it refer to? and how big were the companies generally",
            "fact:sizes+source:1500000",
        ),
        (
            "Spanien: alla siffror. Och hur långt fram i tiden gäller de planerade projekten?",
            "projects_horizon+region:spain",
        ),
        (
            "feedback dei clienti girati alle vendite, executive vs customer service + a cosa si riferisce il 74",
            "feedback_to_sales+source:74",
        ),
        (
            "execs vs cs on average speed to answer, and is that one where CS rates it higher?",
            "asa_critical+rank:cs_higher",
        ),
    ],
    "the sample's facts asked one after another ('...? and how many agents in total', ', e quanto erano grandi ...'), and 'det minsta/största företaget', are each the sample's": [
        (
            "smallest companies in the sample by headcount? and how many agents in total did they cover",
            "study_agents_covered+study_company_size_min",
        ),
        (
            "Quanti agenti di customer service coprono le aziende intervistate, e quanto erano grandi le aziende più grandi?",
            "study_agents_covered+study_company_size_max",
        ),
        ("tjena, vad var det största företaget i undersökningen, räknat i antal anställda?", "study_company_size_max"),
        (
            "Were the really big operations represented? What share came from companies with more than 2,500 agents?",
            "study_share_large",
        ),
    ],
    "a figure asked after a leader, and 'vad är X för siffra' after another question, are each answered": [
        (
            "Hur många har eller ska införa klicka-för-kontakt (callback)? och vilket land ligger först med processer för kundfeedback",
            "callback+leaders:feedback_processes",
        ),
        ("hur många kontaktcenter virtualiserar? och vad är 1,5 miljoner för siffra", "source:1500000+virtualization"),
    ],
    "words people use for the studies' own: 'the kit, the say-so' are tools and authority, 'storm i kön' the queue, 'le aziende intervistate' the sample, 'a chi è stato sottoposto' who answered": [
        (
            "what share of leaders basically dont have the kit, the say-so or the investment to look after customers",
            "lacking_means",
        ),
        ("hur många företag drar in lokalkontoren när det är storm i kön", "branch_offices"),
        ("quanto erano grandi le aziende intervistate?", "fact:sizes"),
        (
            "Lo studio di Strativity Group a chi è stato sottoposto, dipendenti o dirigenti?",
            "fact:strativity_respondents",
        ),
    ],
    "a figure asked, a ranking asked in a few words, and a fact of the study a question names, beside another question, are each answered": [
        ("hey so what's the 20% about, and the 36%?", "source:20+source:36"),
        ("biggest exec/CS disconnect? and the brand identity numbers for both groups", "brand_identity+rank:largest"),
        (
            "What share measure the self-service experience on quality rather than just cost savings, execs and CS separately? Second question: who took part in the Strativity survey?",
            "fact:strativity_respondents+selfservice_quality",
        ),
    ],
    "a question that asks next after 'poi', 'then', 'sedan' is one of its own": [
        (
            "analisi delle cause alla base delle interazioni: che % di aziende? poi chi ha condotto la ricerca, e su quale orizzonte sono pianificati i progetti",
            "fact:commissioned+projects_horizon+root_cause_analytics",
        ),
    ],
    "a figure of one group told beside a named finding, and the other group's asked, asks the finding": [
        (
            "Is it right that 92% of execs think customer service is key to brand identity? And what was the number for the customer service people?",
            "brand_identity",
        ),
        (
            "CFO here – I was told only 28% of CS staff say they're measured on revenue per call, while a lot more execs think so. Is that right? what are the exact figures",
            "revenue_per_call",
        ),
        ("which document has the 92% of executives on the brand?", "source:92"),
    ],
    "'what are the numbers' after findings named whole asks their figures, not which figures differ": [
        (
            "my boss says execs and agents disagree on both speed to answer and revenue per call. what are the numbers",
            "asa_critical+revenue_per_call",
        ),
        (
            "in strativity, is the 'invests in people more than technology' figure the same as the 'about two thirds lack tools' claim? what are both numbers?",
            "invest_people+lacking_means",
        ),
    ],
    "a country without figures guessed beside the question of who leads leaves the question asked": [
        ("Vilket land är bäst på att virtualisera kontaktcenter? Någon sa Sverige", "leaders:virtualization"),
        ("which country leads on virtualisation - is it sweden?", "leaders:virtualization"),
        ("which Nordic country is best at virtualisation?", "none"),
    ],
    "a figure told of what the studies never measured is no figure of theirs, unless its source is asked": [
        ("Our CSAT dipped to 78% this quarter – what CSAT levels did companies in the research report?", "none"),
        ("Heard agents spend 20% of their time on after-call work - is that from this study?", "none"),
        ("someone quoted 54% in a vendor deck, where does that come from?", "source:54"),
    ],
    "a comparison asked of what the clause before named ('NPS: do execs rate it higher?'), and pay levels compared, are about what the studies never measured": [
        ("NPS: do execs rate it higher than agents?", "none"),
        ("is it true CS agents get paid more in Germany than in the UK?", "none"),
        ("agent attrition - do execs underestimate it compared to team leads?", "none"),
    ],
    "a gap asked to have shrunk or narrowed asks a trend, which one snapshot cannot give": [
        ("ci sono dati del 2011 o del 2012? il divario si è ridotto?", "none"),
        ("Finns det siffror från 2015 års undersökning? Och har gapet krympt sen 2008?", "none"),
    ],
    "words that only look like a topic's: 'del genere' is 'of that kind' (not gender), 'slå ihop' is merge (not an SLA), 'il direttore operativo' is a person, and tools 'del genere' are the ones the message told of": [
        (
            "Stiamo valutando una console con viste in tempo reale sui dati dei clienti per tutta l'azienda. Il vendor dice che ormai la metà delle aziende lo sta facendo. Quante aziende pianificavano strumenti del genere secondo lo studio?",
            "realtime_views",
        ),
        (
            "IT vill slå ihop våra tre kontaktcenter så att de körs som ett enda virtuellt center. Konsulten påstår att det är standard numera. Hur stor andel höll på med det eller planerade det i undersökningen?",
            "virtualization",
        ),
        (
            "Il direttore operativo vuole una console con la vista in tempo reale su tutti i dati del cliente, l'IT dice che ci vogliono due anni. Prima di rispondergli vorrei dei numeri. Quante aziende pensano di adottare strumenti del genere?",
            "realtime_views",
        ),
    ],
    "'nonché' joins one more topic, as 'and' does": [
        (
            "velocita media di risposta come metrica critica: executive vs operatori? nonché fatturato per chiamata",
            "asa_critical+revenue_per_call",
        ),
    ],
    "a language version of a source ('the Swedish article', 'la versione inglese') names no country, and asks no source by itself": [
        (
            "Engelska pressmeddelandet säger 39 % för UK men den svenska artikeln säger 49. Vad gäller egentligen för Storbritannien?",
            "region:uk",
        ),
        (
            "Does the Italian article give the same ~30% for real-time information consoles as the English release?",
            "realtime_views",
        ),
        (
            "I svenska artikeln står det 73 procent för kundens värde över tiden men ingen siffra för kundtjänst, vad är den?",
            "clv_measured",
        ),
        ("Nella fonte inglese si parla dell'Asia al 74%: che altri dati ci sono sull'Asia?", "region:asia"),
    ],
    "which figures one group rates higher, and which ones it rates lower, asks both ways": [
        (
            "which figures do CS pros rate higher than the c-suite, and which ones do they rate lower",
            "rank:cs_higher+rank:exec_higher",
        ),
    ],
    "a fact named whole in a question of its own after 'also' follows a finding's question": [
        (
            "Branch office figure split by execs vs customer service professionals? Also how big were the companies in general",
            "branch_offices+fact:sizes",
        ),
    ],
    "'ed', 'al contrario' and 'concur' are read as 'and', 'vice versa' and 'agree'": [
        (
            "Su quali metriche i manager sono più ottimisti degli operatori, e ci sono casi al contrario?",
            "rank:cs_higher+rank:exec_higher",
        ),
        (
            "quante aziende pensano di usare gli analytics per capire le cause delle interazioni coi clienti, ed entro quanti mesi sono previsti questi progetti?",
            "projects_horizon+root_cause_analytics",
        ),
        ("On which items do executives and customer care staff broadly concur?", "rank:agree"),
    ],
    "a second question after ', och var kommer', '+ any where', ', e che dimensioni' is one of its own": [
        (
            "top disconnects between C-suite and front line + any where CS rates higher than the execs?",
            "rank:cs_higher+rank:largest",
        ),
        (
            "vilket land ligger i topp på att använda lokalkontor vid toppar, och var kommer 38 % ifrån?",
            "leaders:branch_offices+source:38",
        ),
        ("quanti paesi copre lo studio, e che dimensioni avevano le aziende coinvolte?", "fact:sizes+study_countries"),
        (
            "Ciao! il contact center è considerato strategico? dati manager vs operatori, e che dimensioni avevano le aziende?",
            "cc_strategic+fact:sizes",
        ),
    ],
    "'non hanno (gli) strumenti' is lacking the means, 'hanno gli strumenti' the tools and authority": [
        (
            "Strativity: quanti sentono che l'azienda merita la loro fedeltà, e quanti invece non hanno gli strumenti o l'autorità per servire bene i clienti?",
            "employer_loyalty+lacking_means",
        ),
        (
            "chi ha risposto allo studio Strativity? e cos'è questa storia dei 2/3 che non hanno strumenti e autorità?",
            "fact:strativity_respondents+lacking_means",
        ),
        ("Har personalen verktygen och mandatet att lösa kundernas problem?", "tools_authority"),
    ],
    "the asker's own budget and the release's 'areas of investment' name no topic": [
        (
            "We have budget for ONE project next year: either real-time customer data views or root-cause analytics. How many companies were planning each of these?",
            "realtime_views+root_cause_analytics",
        ),
        (
            "The release mentions two investment areas making companies more dynamic - branch offices and virtualization. What are the worldwide figures for both?",
            "branch_offices+virtualization",
        ),
    ],
    "'under hur lång tid' keeps its question word beside the time frame": [
        (
            "hur många planerar realtidsvyer av kunddata, och under hur lång tid ska projekten genomföras?",
            "projects_horizon+realtime_views",
        ),
    ],
    "a vendor who tells or sells is the asker's story; which vendor to pick is a question about CRM systems and vendors": [
        (
            "En leverantör var här igår och sålde in 'klicka för att bli uppringd' på webben, och påstod att alla har det nu. Hur många företag har eller planerar en sån funktion?",
            "callback",
        ),
        (
            "Il nostro fornitore di centralino spinge tanto la funzione 'click for a call back' sul sito. Dice che ce l'hanno quasi tutti. Che percentuale di aziende ce l'ha o la vuole aggiungere secondo l'indagine?",
            "callback",
        ),
    ],
    "which country has the largest exec-vs-CS gap asks a split per country the studies do not give": [
        ("which country has the largest exec vs CS disconnect overall?", "none"),
        ("in quale paese i manager sono più ottimisti rispetto agli operatori?", "none"),
    ],
    "how much branch offices add at peaks (extra agents, a share of peak volume) is a volume the studies never measured, not how many companies use them": [
        ("how many extra agents do branch offices add at peak, in headcount?", "none"),
        ("what % of interactions go to branch offices during peaks", "none"),
        ("branch offices used for peak volume, what share of compnies", "branch_offices"),
    ],
    "a last question typed without its question mark, after one with it (round 258); a question that goes on after 'Plus,'": [
        (
            "vilka siffror ser ledningen ljusare på än kundtjänst? finns det nåt där kundtjänst är mer positiv",
            "rank:cs_higher+rank:exec_higher",
        ),
        (
            "Ok lite bakgrund: vår kundtjänst på e-handeln har bonus på antal ärenden per timme, och i pulsen svarade 14 % att lönemodellen belönar kvalitet. Chefen säger att det är likadant överallt. Vad visade Strativity om att ersättningsmodellen betonar kvalitet framför produktivitet, och skilde det sig mellan chefer och vanliga medarbetare? Finns det ingen uppdelning så duger totalsiffran.",
            "pay_quality",
        ),
        (
            "In the Strativity article the author says roughly how many lack the tools/authority/investment to serve customers? Plus, what % said comp emphasises quality over productivity",
            "lacking_means+pay_quality",
        ),
    ],
    "'took part' names no part of the world; the projects' time period (round 255, 261)": [
        ("How many companies took part worldwide?", "study_companies"),
        ("the priority projects they mention, over what time period are they planned?", "projects_horizon"),
        ("those improvement projects companies have lined up - over what timeframe?", "projects_horizon"),
        ("what time period was the survey done?", "fact:fieldwork"),
    ],
    "everyday words for findings (round 255): what a customer is worth is no amount of money; phone menus, a set process, sticking with it, skärmar med kunddata live": [
        (
            "Morning! prepping for our QBR - how many bosses vs agents said we work out what a customer is worth long-term?",
            "clv_measured",
        ),
        (
            "do execs think the automated phone menus get judged on how good they are more often than agents do?",
            "selfservice_quality",
        ),
        (
            "which country is best at having a set process for passing on what customers say?",
            "leaders:feedback_processes",
        ),
        ("in that 2004 study did people feel their company deserves them sticking with it?", "employer_loyalty"),
        ("planerar företagen skärmar där man ser kunddata live i hela bolaget?", "realtime_views"),
        ("is pay set up to reward doing a good job or just churning through volume?", "pay_quality"),
        ("vad sticker ut för Spanien i undersökningen?", "region:spain"),
    ],
    "solving the customer's problem, in Swedish (round 258)": [
        (
            "har folk verktygen och mandatet att lösa kundernas problem? och satsar bolagen mer på människor än på teknik?",
            "invest_people+tools_authority",
        ),
        ("hur stor andel saknar verktyg, mandat eller investeringar för att kunna ge bra service?", "lacking_means"),
    ],
    "how much money each call brings in is revenue per call; a team that asks for the asker is no team of theirs (round 262, 263)": [
        ("how many places judge the service team on how much money each call brings in", "revenue_per_call"),
        (
            "Morning! Our quality team is asking how many customer care pros vs execs think their contact centre is very strategic",
            "cc_strategic",
        ),
        ("how much revenue per call do companies make, in dollars?", "none"),
    ],
    "a country that stands out is the leader; two figures side by side with only 'vs' between are both asked (round 267, 269)": [
        ("Just curious whether any country stands out on click-for-callback adoption?", "leaders:callback"),
        ("92 vs 85, what are those", "source:85+source:92"),
        ("38% vs 39% for branch offices — which source has which?", "source:38+source:39"),
        ("execs 78 vs cs 62 on feedback - right?", "feedback_to_sales"),
    ],
    "who answered, asked by the jobs named (marketing, sales); a customer's value over time in Swedish (round 266, 268)": [
        ("Chi ha risposto all'indagine? solo CEO o anche marketing e vendite?", "fact:respondents"),
        (
            "Tjena, marknad här. Kundservice och varumärket + mätning av kundens värde över tid – vad säger studien om de två?",
            "brand_identity+clv_measured",
        ),
        ("how many think customer feedback gets passed to sales?", "feedback_to_sales"),
    ],
    "findings described in everyday words (round 272-276): why customers contact us, live screens, a call-you-back button, announced publicly, how low it went; 'the 78% one'; 'var har flest'; less difference is agreement, most differently the largest gap": [
        (
            "Are companies looking into WHY customers contact us in the first place, by digging through the data?",
            "root_cause_analytics",
        ),
        (
            "the bit about gathering what customers need and handing it over to sales + the bit about live screens showing customer data across the whole company pls",
            "feedback_to_sales+realtime_views",
        ),
        (
            "two things: % of companies adding a 'we'll call you back' button on the website, and % using analytics to work out why customers get in touch in the first place",
            "callback+root_cause_analytics",
        ),
        ("When did the Genesys findings get announced publicly?", "fact:published"),
        ("did the sample include really small firms? how low did it go in headcount", "study_company_size_min"),
        ("wait, what was that 78% one about?", "source:78"),
        ("wait times for callbacks?", "asa_critical+callback"),
        ("Var har flest företag infört att kunden kan klicka för att bli uppringd?", "leaders:callback"),
        ("in quali punti c'è meno differenza tra executive e professionisti del contact center?", "rank:agree"),
        ("su quali punti dirigenti e operatori la pensano in modo più diverso?", "rank:largest"),
    ],
    "'fick ... svara' is who answered; a detailed cut is the markets (round 270-277)": [
        ("fick agenterna själva svara eller bara cheferna?", "fact:respondents"),
        ("which regions got a detailed cut, and how many countries overall?", "fact:markets+study_countries"),
        ("Chi ha commissionato l'indagine? Non sarà mica marketing di un fornitore...", "fact:commissioned"),
    ],
    "which of two findings a figure is (round 281, 283); the split the widest; which areas they agree on": [
        ("the slide deck says 49% — is that APAC virtualisation or UK branch offices??", "source:49"),
        ("73% - is that the CLV number or the strativity loyalty number?", "source:73"),
        ("49 procent – är det lokalkontoren i UK eller virtualiseringen?", "source:49"),
        ("the branch office figure (28%) — is that what execs said or what the CS people said?", "branch_offices"),
        ("hey! quick one before my 2pm - where's the exec vs customer service split the widest?", "rank:largest"),
        ("good morning, in which areas do top management and frontline agree?", "rank:agree"),
        ("quale area è più avanti nel passare sistematicamente i feedback dei clienti?", "leaders:feedback_processes"),
    ],
    "figures written out in words, in the three languages, and a fraction whose source is asked: the figure, or the nearest one (round 288)": [
        ("what does the sixteen percent gap refer to?", "source:16"),
        ("my VP keeps saying nine hundred and twenty-seven companies. what survey is that from?", "source:927"),
        ("thirty-seven per cent shows up twice in my notes, what does it refer to?", "source:37"),
        ("more than a quarter of companies bringing in branch offices at peak times — which source?", "source:28"),
        ("drygt hälften av de tyska företagen ska stödja klicka-för-kontakt, vilken undersökning är det?", "source:54"),
        ("vad syftar 'var femte chef tycker att kontaktcentret är strategiskt' på?", "source:20"),
        ("novecentoventisette aziende, qual e la fonte?", "source:927"),
        ("i diciotto mesi citati nell'indagine a cosa si riferiscono?", "source:18"),
        ("saw 'nearly four in ten contact centres' on a slide — where's that from?", "source:40"),
        ("is it true half of the respondents came from huge operations with 2,500+ agents?", "study_share_large"),
        (
            "two things: the speed-of-pickup-as-key-metric one and the judged-on-money-per-call one",
            "asa_critical+revenue_per_call",
        ),
        (
            "what was the number on judging the do-it-yourself channels by how good they are and not just by what they save",
            "selfservice_quality",
        ),
    ],
    "one sentence that names the asker's team and asks the study's own figure (round 289, 290)": [
        ("vi mäts på intäkt per samtal i mitt team, är det vanligt enligt studien?", "revenue_per_call"),
        (
            "stiamo valutando il click for a call back per il mio team, quante aziende ce l'hanno già o lo aggiungeranno?",
            "callback",
        ),
        ("our pulse results on employer loyalty, where do we stand", "none"),
        (
            "my german team wants to add call-back buttons, how common is that over there according to the study?",
            "callback",
        ),
    ],
    "a figure's study asked as 'genesys or strativity'; an ellipsis after a word goes on with the sentence; who beats whom, who is further along (round 289, 294, 297)": [
        ("927 företag – är det Genesys-studien eller Strativity?", "source:927"),
        ("seventy percent of CS pros say ASA is critical... is that genesys or strativity?", "source:70"),
        (
            "self service judged on quality or just on saving money... and do they measure service by sales per call?",
            "revenue_per_call+selfservice_quality",
        ),
        (
            'pasting from the Insurance & Technology piece: "41 percent of C-level execs believe their companies measure the experience of self-service by quality rather than cost savings" ... and what did the CS pros say?',
            "selfservice_quality",
        ),
        ("does the UK beat APAC on virtualization?", "leaders:virtualization"),
        ("uk or spain, who's further along with branch offices in customer service?", "leaders:branch_offices"),
    ],
    "rosier for execs, from the exec side: the group the comparative is said for (round 306)": [
        ("which numbers look rosier from the exec side?", "rank:exec_higher"),
        ("which figures are higher for cs than for execs?", "rank:cs_higher"),
    ],
    "a figure's study asked as 'dello studio Genesys o di Strativity?' (round 320)": [
        ("l'85% è dello studio Genesys o di Strativity?", "source:85"),
    ],
}


def test_no_rule_is_shown_by_a_held_out_question():
    """The rules' examples come from the tuning part: none is a question of the held-out fifth."""
    held = {r["question"] for r in QA if held_out(r["question"])}
    assert [q for examples in RULES.values() for q, _ in examples if q in held] == []


@pytest.mark.parametrize("rule", RULES)
def test_understanding_rules(bm, rule):
    assert {q: bm.answer(q).label for q, _ in RULES[rule]} == dict(RULES[rule])


def test_questions_about_the_team_go_to_results(bm):
    for q in ("how is our team doing on brand", "what's our team's gap", "how many people answered our poll"):
        answer = bm.answer(q)
        assert (answer.kind, answer.about_team) == ("none", True), q
    assert bm.answer("do we pass customer insights on to the sales team").label == "feedback_to_sales"


def test_an_unmeasured_kpi_is_the_answer_even_beside_a_metric(bm):
    answer = bm.answer("customer satisfaction with self service")
    assert answer.kind == "unmeasured"
    assert [u.id for u in answer.unmeasured] == ["none:csat"] and [t.id for t in answer.topics] == [
        "selfservice_quality"
    ]
    assert bm.answer("fidelizzazione").unmeasured[0].id == "none:churn"  # customers' loyalty, not the employer's
    assert bm.answer("IVR containment rate").unmeasured[0].id == "none:containment"
    for q, unmeasured, named in (
        ("2023 benchmarks for ASA", "none:other_years", ["asa_critical"]),  # any year but 2004 and 2008
        (
            "do execs listen to agent feedback",
            "none:staff_feedback",
            ["feedback_to_sales"],
        ),  # not the customers' feedback
        ("how many customers use self service", "none:customers", ["selfservice_quality"]),
        ("how is CLV calculated", "none:definitions", ["clv_measured"]),
    ):
        answer = bm.answer(q)
        assert (answer.kind, [u.id for u in answer.unmeasured], [t.id for t in answer.topics]) == (
            "unmeasured",
            [unmeasured],
            named,
        ), q


@pytest.mark.parametrize(
    "question, unmeasured",
    [
        ("how much revenue does the average call bring in", "none:money"),
        ("what is the industry average speed to answer", "none:targets"),
        ("how do I measure customer lifetime value", "none:advice"),
        ("what does ASA stand for", "none:definitions"),
        ("what do customers think of ivr menus", "none:customers"),
        ("vad tycker kunderna om självbetjäning", "none:customers"),
        ("quanto fatturato genera ogni chiamata", "none:money"),
    ],
)
def test_an_amount_a_definition_advice_or_customers_views_are_not_measured(bm, question, unmeasured):
    """Asked of a metric, these want what the studies have for no metric: the answer says so
    first, and the metric named is only a suggestion."""
    assert not held_out(question)
    got = bm.answer(question)
    assert (got.kind, [u.id for u in got.unmeasured]) == ("unmeasured", [unmeasured])


@pytest.mark.parametrize(
    "question, label",
    [
        ("vilka branscher var med i undersökningen", "fact:industries"),  # which, not who
        ("do customers like talking to virtual agents", "none"),  # bots, not virtualization
        ("virtuella kontaktcenter", "virtualization"),
        ("what share lack the means to serve customers", "lacking_means"),  # not a definition
        ("how important is service for the brand", "brand_identity"),
    ],
)
def test_near_misses_of_those_rules_keep_their_topic(bm, question, label):
    assert bm.answer(question).label == label


def test_figures_written_out_in_words_are_digits():
    for text, digits in (
        ("nine hundred and twenty-seven companies", "927 companies"),
        ("thirty-seven per cent", "37 per cent"),
        ("sjuttioatta procent", "78 procent"),
        ("novecentoventisette aziende", "927 aziende"),
        ("nearly four in ten", "nearly 40%"),
        ("var femte chef", "20% chef"),
        ("un milione e mezzo di operatori", "1.5 million di operatori"),
        ("one percent", "1 percent"),
        ("twenty five hundred agents", "2500 agents"),
        ("il sedici per cento", "il 16 per cento"),
    ):
        assert spelled_figures(text) == digits, text
    for text in (
        "which one is it",
        "sei sicuro?",
        "due to costs",
        "two things: the one",
        "ten thousand employees",
        "per cent",
        "trenta e quaranta per cento",  # (two figures, not seventy; "cento" alone is no hundred)
    ):
        assert spelled_figures(text) == text, text  # words, not figures (and the larger ones read whole elsewhere)
