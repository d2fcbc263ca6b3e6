"""The /gap grammar, fuzzed: any text parses, never raises, and mentions come out as ids."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from insights.commands import SUBCOMMANDS, Command, answer_label, mention_names, parse
from insights.studies import load

ids = st.from_regex(r"[A-Z0-9]{4,10}", fullmatch=True)


@pytest.fixture(scope="module", autouse=True)
def studies_read():
    """The studies read once before the fuzzing (a parse may read them; the first read is no parse's time)."""
    load()


@settings(max_examples=500)
@given(st.text(max_size=6000))
def test_any_text_parses(text):
    cmd = parse(text)
    assert cmd.name in SUBCOMMANDS | {"question"}
    assert len(cmd.args) <= 8000 and all(c.isprintable() for c in cmd.args)


@given(
    st.lists(ids, min_size=1, max_size=5, unique=True),
    st.lists(ids, max_size=3, unique=True),
    st.sampled_from(["exec", "agent", "remove"]),
)
def test_mentions_and_groups_become_ids(users, groups, action):
    text = (
        f"roles {action} "
        + " ".join(f"<@U{u}|name {u}>" for u in users)
        + " "
        + " ".join(f"<!subteam^S{g}|@team-{g}>" for g in groups)
    )
    cmd = parse(text)
    assert (cmd.name, cmd.action) == ("roles", action)
    assert cmd.users == tuple(f"U{u}" for u in users)
    assert cmd.groups == tuple(f"S{g}" for g in groups)


def test_typed_text_is_plain_and_only_slacks_own_tokens_are_mentions():
    cmd = parse("roles exec <@U1AA|ana> &lt;@U2BB|eve&gt; Q&amp;A")
    assert (cmd.users, cmd.names, cmd.args) == (("U1AA",), (("U1AA", "ana"),), "<@U1AA|ana> <@U2BB|eve> Q&A")
    assert parse("statements add Speed &amp; quality &lt;3").args == "Speed & quality <3"
    assert parse("execs &gt; cs? &amp;lt; is typed").args == "execs > cs? &lt; is typed"


def test_examples():
    assert parse(None).name == "help" and parse("   ").name == "help"
    assert [parse(word).name for word in ("hjälp", "Hjälp", "hjalp", "aiuto", "?")] == ["help"] * 5
    assert parse("hjälp med återuppringning").name == "question"  # the rest is no help topic
    assert parse("POLL Now").action == "now"
    assert parse("digest schedule <#C1ABC|cx-leads> weekly mon 09:00").channels == ("C1ABC",)
    assert parse("roles execs <@U1AA>").action == "exec"
    q = parse("what about feedback?")
    assert (q.name, q.args) == ("question", "what about feedback?")


def test_subcommand_words_start_questions_when_the_rest_does_not_fit():
    for text in (
        "results for callbacks in the study",
        "help me read the brand numbers",
        "list of figures on loyalty",
        "region with the most callbacks",
        "study fieldwork dates",
        "roles of the respondents",
        "poll results on feedback",
        "digest of the findings",
        "export figures for revenue",
        "statements about brand",
    ):
        assert parse(text) == Command("question", args=text), text
    assert (parse("results 3").name, parse("results").name, parse("list").name) == ("results", "results", "list")
    assert (parse("help poll").name, parse("study").name, parse("export").name) == ("help", "study", "export")
    assert parse("region asia pacific").args == "asia pacific" and parse("region narnia").name == "region"
    assert parse("region de").name == "region" and parse("digest <#C1|x>").name == "digest"
    assert parse("poll").name == "poll" and parse("statements add We listen.").action == "add"


def test_a_question_about_what_the_bot_can_answer_is_the_list():
    for text in (
        "what topics can you answer?",
        "What can I ask about",
        "Vad kan du svara på?",
        "cosa sai?",
        "what topics can you answer questions about?",
    ):
        assert parse(text) == Command("list"), text
    assert parse("cosa posso chiederti? elenco degli argomenti") == Command("list")  # each clause asks it
    assert parse("what can you answer? list of topics pls") == Command("list")  # thanks and please are no topic
    assert parse("elencami gli argomenti su cui posso farti domande") == Command("list")  # round 194
    assert parse("list all the topics you know about") == Command("list")  # round 217
    # round 238: "botten" typed for "boten", beside an opener that asks nothing
    assert parse("Hej! Ny här i kanalen. Vilka ämnen kan botten svara på, finns det en lista nånstans?") == Command(
        "list"
    )
    # ... and the usage: using the bot is no usage of a channel ("usare questo bot"); "come devo scrivere le domande?"
    text = "Ciao! Mi hanno detto di usare questo bot per i dati sul customer service, ma come funziona? Come devo scrivere le domande?"
    assert parse(text) == Command("help")
    assert parse("come devo scrivere le domande?") == Command("help")
    # "hur funkar den här boten", "what kind of question should I type?", "can my Stockholm team ask in swedish?"
    for text in (
        "hur funkar den här boten, hur ska jag fråga?",
        "how do I use /gap? what kind of question should I type?",
        "which languages do you understand? can my Stockholm team ask in swedish?",
    ):
        assert parse(text) == Command("help"), text
    assert parse("Innan jag börjar fråga: vilka ämnen och siffror finns i den? Kan du visa allt du kan svara på?") == (
        Command("list")
    )
    assert parse("Tyskland – vilka siffror finns?").name == "question"  # a country's figures, not the list
    text = "before I start pasting quotes from the Genesys release at you: what topics can you actually answer? full list pls"
    assert parse(text) == Command("list")  # round 229
    assert parse("Before I start: could you list all the topics you are able to answer questions on?") == Command(
        "list"
    )
    # round 185: nor a preamble ("before I bug you with ...")
    assert parse("before I bug you with my team's pulse stuff - what topics can you actually answer? list pls") == (
        Command("list")
    )
    assert parse("Quali argomenti è in grado di coprire questo bot? Mi servirebbe un elenco.") == Command("list")
    # round 243-244: the topics it can be asked about ("interrogare", "gli si può chiedere"), how to write the command
    assert parse("Su quali argomenti posso interrogare il bot?") == Command("list")
    assert parse("Su quali argomenti gli si può chiedere? C'è un elenco?") == Command("list")
    assert parse("Hur skriver jag kommandot, finns det nån hjälp?") == Command("help")
    # round 250-251: "are you able to answer", "che domande posso fare a /gap?" beside a question
    assert parse("Which topics are you able to answer questions about?") == Command("list")
    assert answer_label(load(), "Che domande posso fare a /gap? Poi, su quante aziende è stata fatta l'indagine?") == (
        "cmd:list+study_companies"
    )
    # round 246: how to ask about one country, a number or a topic, in the three languages
    for text in (
        "How do I ask this bot about a particular country?",
        "hur frågar jag boten om ett visst land?",
        "come posso chiedere di un paese specifico?",
    ):
        assert parse(text) == Command("help"), text
    for text in (
        "what sort of questions can I ask?",
        "vad kan man fråga boten om?",
        "what topics can this bot cover?",
        "cosa sai dirmi? vorrei l'elenco degli argomenti",
        "Cosa sai rispondere?",
        "Che cosa posso chiederti?",
        "hey, what kinds of questions can you answer?",
        "Vilka frågeområden kan tjänsten besvara? Jag vill gärna ha en förteckning över samtliga ämnen.",
        "what can this thing answer? list of topics pls",  # the bot named as "this thing"
        "Cosa posso chiedere al bot? Mi serve l'elenco degli argomenti",
        "what topics can you actually answer? list pls",  # a filler adverb asks nothing
        "cosa sai fare? dammi l'elenco degli argomenti",
        "so yeah what can you actually answer give me the list of topics",  # dictated, run together
        "ciao cosa sai fare su che argomenti puoi rispondere",
        "che argomenti copre il bot? mi fai l'elenco",
        "What topics / metrics can you answer questions on?",
        "what can u answer? list of topics pls",
        "Che domande posso fare al bot? mi serve l'elenco degli argomenti",
        "che argomenti conosci? mi fai l'elenco",
        "vad kan boten svara på?",
        "what topics can this thing answer?",
        "cosa ti posso chiedere esattamente? è vero che rispondi solo su queste due ricerche?",
        "what can /gap answer? list of topics pls",
        "che domande ti posso fare? mi dai l'elenco degli argomenti",
        "Che domande posso farti? mi dai l'elenco degli argomenti",
        # round 114: what the bot can be asked, in more words
        "what kind of stuff can you tell me about? list pls",
        "what topics can u answr",  # a typo of "answer"
        "before I start pasting quotes at you: what topics from these studies can you actually answer?",
        "ciao! su quali argomenti mi puoi rispondere? mi fai la lista?",
        "cosa sa rispondere questo bot? c'è un elenco degli argomenti?",
        "cosa si può chiedere al bot? c'è un elenco degli argomenti?",
        "è vero che posso chiedere al bot l'elenco di tutti gli argomenti che conosce?",
        "Che argomenti copre /gap? mi fai l'elenco completo?",  # "completo" is no typo of "completion"
        "what can you tell me about",
        "Hej! Jag är ny som teamledare. Innan jag börjar ställa frågor vill jag veta vad den kan svara på. Vilka ämnen täcker du?",
        # round 146: "you can" without inversion, the bot's name with a typo
        "what kind of topics you can answer about?",
        "vad kan botten svara på? ge mig en lista på ämnena",
        "vilka ämnen kan man fråga dig om?",  # round 159
        "list of topics pls",  # round 165: the subcommand's word, then a list of topics and a please
    ):
        assert parse(text) == Command("list"), text
    for text in ("what can you tell me about callbacks", "what do you know about brand?"):
        assert parse(text) == Command("question", args=text), text
    assert parse("what topics") == Command("list")  # (round 254: a list word, and nothing the studies find)


def test_how_to_use_and_what_to_ask_together_get_both():
    for text in (
        "how do I use /gap? and what topics can it actually cover",
        "hur funkar /gap och vad kan jag fråga om?",
        "come si usa il bot? che domande posso fare",
        "come si usa il bot? e cosa gli posso chiedere?",
        "come si usa il bot? e che domande posso fargli?",
        "Come si usa il comando /gap? e cosa posso chiedergli?",
        "first time using this - how do I ask it stuff and what topics does it actually cover?",  # round 157
        "what can this bot answer and how am I supposed to phrase questions?",  # round 182
        "Come si usa il bot? E su quali argomenti risponde?",
        "new here - what can this bot answer, and how am I supposed to ask it stuff?",
    ):
        assert parse(text) == Command("help", action="list"), text
        assert answer_label(load(), text) == "cmd:help+cmd:list"
    # how to ask about a region, and that region asked: both (qa.csv's label)
    text = "How do I ask the bot about a specific region? e.g. what's there for Asia Pacific"
    assert answer_label(load(), text) == "cmd:help+region:apac"


def test_the_usage_or_the_list_asked_beside_a_question_gets_both():
    bm = load()
    for text, action, asks, label in (
        ("hey, what can you answer, and who ran the study?", "list", "who ran the study", "fact:commissioned"),
        ("come funziona il bot, e da dove arriva il 49%?", "help", "da dove arriva il 49", "source:49"),
        ("Hej! Vad kan du svara på och vem beställde studien?", "list", "vem bestallde studien", "fact:commissioned"),
        (
            "is there a list of what you know? and which country tops virtualization",
            "list",
            "which country tops virtualization",
            "leaders:virtualization",
        ),
        ("hur använder jag /gap? och hur många länder var med?", "help", "hur manga lander var med", "study_countries"),
        (  # round 165: how to put a question, beside a ranking
            "which figures show the biggest disconnect? also how should I phrase questions to you",
            "help",
            "which figures show the biggest disconnect",
            "rank:largest",
        ),
        # round 159: what the bot is for, how to ask it things, after an opener
        (
            "what can you do? and which country is ahead on click-for-callback?",
            "list",
            "which country is ahead on click for callback",
            "leaders:callback",
        ),
        (
            "ok how do I ask you things? and what share of orgs measure revenue per call?",
            "help",
            "what share of orgs measure revenue per call",
            "revenue_per_call",
        ),
        # round 228: the list, beside what a figure means
        (
            "vilka ämnen kan du svara på? och vad betyder siffran 20 procent",
            "list",
            "vad betyder siffran 20 procent",
            "source:20",
        ),
        # round 201-203: "btw"
        (
            "which metrics do CS pros rate higher than the execs do? + how does this bot work btw",
            "help",
            "which metrics do cs pros rate higher than the execs do",
            "rank:cs_higher",
        ),
        # round 185: after a greeting run into it ("new here 👋"); the help word typed first
        (
            "hi! new here 👋 what can you tell me about? plus what's the biggest disconnect",
            "list",
            "what s the biggest disconnect",
            "rank:largest",
        ),
        (
            "help — how am I supposed to phrase questions? also where does 40% come from",
            "help",
            "where does 40 come from",
            "source:40",
        ),
    ):
        assert parse(text) == Command("question", action=action, args=text, asks=asks), text
        assert answer_label(bm, text) == f"cmd:{action}+{label}"
    # the command typed again before the help word (round 201-203)
    text = "/gap help - also who commissioned this study?"
    assert parse(text) == Command("question", action="help", args=text[5:], asks="who commissioned this study")
    assert answer_label(bm, text) == "cmd:help+fact:commissioned"
    # not a list of findings ("ranked list"), nor how to put a question, nor a long message's asides
    for text in (
        "Where do execs and CS managers disagree most? Ranked list for a deck",
        "how do I use this bot? do I just type /gap and then my question?",
        "what can you tell me about callbacks",
        "what can you do to cut queues?",
    ):
        assert parse(text).action == "", text
    assert parse("what can you do") == Command("question", args="what can you do")  # (alone: labelled none)
    assert parse("help list") == Command("help", args="list")  # the help of `list`, typed as a subcommand


def test_a_slack_quote_line_stays_a_quote():
    cmd = parse("&gt; Both groups agree that service is key to the brand\nwhat were the numbers?")
    assert cmd == Command(
        "question", args="“Both groups agree that service is key to the brand” what were the numbers?"
    )
    assert parse("&gt; 50% of what?") == Command("question", args="> 50% of what?")  # nothing but the line


def test_how_do_i_use_this_is_the_help():
    for text in ("how do i use this thing", "How does this work?", "hur använder jag den?", "come funziona?"):
        assert parse(text) == Command("help"), text
    assert parse("how do i use callbacks to cut queues") == Command(
        "question", args="how do i use callbacks to cut queues"
    )
    for text in (  # with how to put a question ("can I paste a quote from the press release?")
        "hey, how do I use /gap? can I just paste a quote from the press release?",
        "Hej! Hur funkar /gap, kan jag klistra in ett citat på svenska?",
        "How do I use /gap, is there a particular way to phrase questions?",
        "I'm not sure how it works. How do I use the /gap command, do I just type a question after it?",
        "what commands does /gap take? how should I phrase questions",  # round 150
        "capisci l'italiano o devo scrivere in inglese?",  # round 159: which languages it reads
        "förstår boten svenska?",
        "how do I use /gap? is it true I can just type a question in plain English?",  # round 167
        "hur använder man /gap? kan jag skriva frågan på svenska?",  # round 186: in Swedish and Italian too
        "come si usa? posso scrivere la domanda in italiano?",
        "give me a quick how-to for this bot",  # round 194
        "hur funkar /gap egentligen, hur ska jag formulera mina frågor?",  # round 202
        "how do I use /gap? can I ask by country?",
        "how do i ask this bot things?",  # round 225
    ):
        assert parse(text) == Command("help"), text
    # more than one clause, each asking for the usage
    for text in (
        "how do i use /gap? syntax?",
        "come funziona questo bot? come faccio le domande",
        "hur frågar man?",
        "come funziona sto bot, che devo scrivere?",
        "what do I type? examples please",
        "how does this gap bot work? do I just type my question after it?",
        "come si usa? scrivo /gap e poi la domanda?",
        "come si usa sto bot? scrivo la domanda dopo /gap e basta?",
        "how do I use /gap, just type a question after it?",
        "come si usa il comando /gap?",
        "how do I use this bot? just /gap and then my question?",
        "how do I use /gap, any syntax I should know",
        "how I use this /gap command? sorry, first time for me",
        "Come si usa questo bot? scusate, sono nuovo nel canale",
        "hur funkar /gap, hur ställer jag en fråga?",
        "Hur använder jag den här boten?",
        "hur använder jag boten? vad skriver jag efter /gap?",
        "Come si usa il comando /gap? Basta scrivere la domanda subito dopo?",
        "Hur använder man /gap? Första gången jag testar",  # "first time" says nothing, in Swedish too
        "scusate, come si usa questo bot? basta scrivere /gap e poi la domanda anche in italiano?",
        "how do i use this bot like what do i type",  # inside more words, with no topic asked
        "hej hur funkar boten vad ska jag skriva",
        "förlåt om jag frågar dumt men hur använder jag /gap?",
        "hey, new here. I run the pulse survey (63% response rate this quarter). how do I actually use /gap?",
        "Hur funkar /gap? Hur ska jag ställa frågorna?",
    ):
        assert parse(text) == Command("help"), text
    for text in (  # a topic is a question
        "how do i use this? callbacks?",
        "come funziona il callback?",
        "how does this bot work with chatbots?",
        "how do i use callbacks to cut queues",
    ):
        assert parse(text).name == "question", text


def test_a_short_message_the_studies_find_nothing_in_is_read_for_help_or_list_words():
    # round 254: what no fuller reading knew, with "help", "phrase", "list" or "topics" in it
    assert parse("help pls") == Command("help")
    assert parse(
        "Can you explain how to phrase questions? Do I need the exact metric names or can I just ask normally?"
    ) == Command("help")
    assert parse("list of topics you cover pls + how do i ask a question properly") == Command("help", action="list")
    for text in (  # round 262-269: without what asks nothing, nor the bot's own name ("first time" is no first contact)
        "first time using /gap - how does it work, what do I type",
        "Hi! I'm new here and was wondering how I'm supposed to use /gap?",
        "Förlåt om det är en dum fråga, men jag undrar hur man egentligen använder /gap?",
    ):
        assert parse(text) == Command("help"), text
    for text in ("how do I use chatbots?", "hur använder man callback?", "list of topics on brand"):
        assert parse(text).name == "question", text
    # round 297-298: the studies named are no topic; "list" beside a ranking asks it listed
    assert parse("what topics can you answer on the Genesys and Strativity studies? list pls") == Command("list")
    assert parse("where is the top floor rosier than the front line? list pls").name == "question"
    # round 302-309: what kind of things can be asked is the list; "first time using this thing" asks nothing
    assert parse("what kinds of things can I ask /gap about? is there a list of topics somewhere") == Command("list")
    assert parse("first time using this thing, how do I ask /gap a question?") == Command("help")
    for text in (  # advice asked of the studies is no tip on asking the bot
        "tips for getting execs and CS aligned?",
        "consigli pratici per allineare marketing e customer service?",
        "what do you have on south africa?",
    ):
        assert parse(text).name == "question", text
    assert parse("help me read the brand numbers").name == "question"  # a topic is a question


def test_mention_names_are_the_names_slack_put_in():
    assert mention_names("<@U1|ana> <@U2> <!subteam^S1|@cx-leads> <#C1|general> <!here|here>") == {
        "U1": "ana",
        "S1": "cx-leads",
    }
