"""The `/gap` grammar: command text in, a plain Command out. No Slack here.

Slack sends mentions as `<@U123|name>` or `<@U123>`, user groups as `<!subteam^S123|@name>`,
channels as `<#C123|name>`; those are pulled out as ids. Anything unparseable becomes a question,
and so does text that starts with a subcommand word when the rest does not fit that subcommand
("results for callbacks in the study", "help me read the brand numbers").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from insights.studies import NAMED_STUDY, STOPWORDS, STUDY_WORDS, Studies, asked_part, load, tokens, unaccented

MAX_TEXT = 8000  # longer than Slack ever sends; anything beyond is ignored

USER_RE = re.compile(r"<@([UW][A-Z0-9]+)(?:\|@?([^>]*))?>")  # id, and the name Slack put in, if any
GROUP_RE = re.compile(r"<!subteam\^([A-Z0-9]+)(?:\|@?([^>]*))?>")
CHANNEL_RE = re.compile(r"<#([CG][A-Z0-9]+)(?:\|[^>]*)?>")
LANG_RE = re.compile(r"(?:^|\s)lang(?:uage)?\s+(\S+)", re.IGNORECASE)  # a digest's language: "lang sv"

SUBCOMMANDS = {
    "help",
    "list",
    "study",
    "region",
    "roles",
    "statements",
    "poll",
    "results",
    "digest",
    "export",
    "privacy",
    "comments",
    "actions",
}


@dataclass(frozen=True)
class Command:
    name: str  # one of SUBCOMMANDS, or "question"
    action: str = ""  # second word for roles/statements/poll/digest (e.g. "now", "schedule")
    args: str = ""  # the rest, as the person typed it (plain(): never trusted, always escaped when echoed)
    users: tuple[str, ...] = field(default_factory=tuple)
    groups: tuple[str, ...] = field(default_factory=tuple)
    channels: tuple[str, ...] = field(default_factory=tuple)
    lang: str = ""  # digests: the channel's language as typed ("sv"), checked by the handler
    names: tuple[tuple[str, str], ...] = ()  # (id, name) Slack put in the mentions: mention_names()
    # a question asked beside the usage or the list ("what can you answer, and who ran the study?"): the
    # question as read, without the clauses asking for those (action: "help", "list" or "help list")
    asks: str = ""


def mention_names(text: str) -> dict[str, str]:
    """{id: name} from the names Slack puts in mentions: '<@U1|ana> <!subteam^S1|@cx>' -> {'U1': 'ana', 'S1': 'cx'}."""
    return {ident: name for regex in (USER_RE, GROUP_RE) for ident, name in regex.findall(text) if name}


def plain(text: str) -> str:
    """What the person typed: Slack sends the `&`, `<` and `>` someone types in a command as `&amp;`,
    `&lt;` and `&gt;` (its own `<@U…>`, `<#C…>` tokens stay raw, and are read before this). Text that
    is kept or echoed is this plain form; render escapes it again wherever it is shown."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def clean(text: str | None) -> str:
    """Printable, single-spaced, bounded text."""
    text = (text or "")[:MAX_TEXT]
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())


ACTIONS = {
    "roles": {"exec", "agent", "remove", "list"},
    "statements": {"list", "add", "remove", "comment", "translate"},
    "poll": {"now", "schedule", "status", "close", "stop"},
    "digest": {"schedule", "status", "stop"},
    "comments": {"hide"},
    "actions": {"list", "done"},
}


LIST_WORDS = {"", "metrics", "all", "topics", "figures", "everything"}
# The help asked in other words, or in Swedish or Italian (the subcommands themselves are English)
HELP_WORDS = {"?", "-h", "--help", "usage", "hjälp", "hjalp", "aiuto"}
# A question about the bot itself, "what can you answer": the list of what the studies cover
ABOUT_ME_RE = re.compile(
    r"(what|which) (topics|subjects|figures|metrics|questions|things|kpis|stats) (can|do|could) (you|i) "
    r"(answer|cover|know|ask|ask you|ask about|ask you about|answer about|answer questions about|help with)"
    r"|what (can|do|does) (you|u|this thing|this bot|the bot|it|pulsegap|gap) (answer|cover|know|know about)"
    r"|what can i ask( you| it| this thing| this bot| the bot)?( about)?"
    r"|(what|which) (topics|subjects|questions|things) (are you|is it|is the bot|is this bot) able to (answer|cover)"
    r"( questions)?( about| on)?"
    r"|((could|can|would) you |please )?list (all )?(the )?(topics|subjects|things|metrics) (you|u|it|the bot)"
    r" (know|cover|can answer|are able to answer|answer)( questions)?( about| on)?"
    r"|what (else )?can (you|u|it|this bot|the bot|pulsegap|gap) tell (me|us)( about)?"
    r"|what (topics|subjects|questions) (can|do|could) (you|this bot|this thing|the bot|it|pulsegap) (answer|cover)( on| about)?"
    r"|what (kinds?|sorts?|types?) of (things|questions|topics|stuff) (can|do|could) (you|i) (answer|ask|cover)( about)?"
    r"|vad kan (jag|man) fraga (boten|dig|den|pulsegap)( om)?"
    r"|vilka (amnen|fragor|frageomraden|omraden) kan (du|tjansten|boten|den) (svara pa|besvara)"
    r"|vad kan (du|jag|boten|den|pulsegap) (svara pa|fraga( dig)?( om)?)|vilka (amnen|fragor|siffror) kan (du|jag) (svara pa|fraga om)"
    r"|(a )?(che )?cosa (sai fare|sai|sai dirmi|mi sai dire|sai rispondere|puoi rispondere|puoi dirmi|posso chiederti|posso chiedere|ti posso chiedere|gli posso chiedere|le posso chiedere)( al bot| a pulsegap| a questo bot)?|(su )?quali (temi|argomenti|domande) (puoi|posso) "
    r"(rispondere|fare|chiedere)|quali (temi|argomenti) (e in grado di|sai|sa|puoi|puo) (coprire|trattare)( questo bot| il bot)?"
)
ABOUT_ME_SEARCH_RE = re.compile(
    rf"\b({ABOUT_ME_RE.pattern}|(che|quali) (temi|argomenti) (copre|tratta|conosce|conosci)|cosa sai fare"
    r"|(che|quali) domande (posso|si possono) fare( a gap| al bot| a pulsegap| a questo bot)?|(che|quali) domande posso (farti|fargli|farle)"
    r"|(che|quali) domande ti posso fare"
    r"|(che )?cosa (posso|si puo) (chiedergli|chiederti|chiedere al bot|chiedere a gap)"
    r"|what (topics|metrics|subjects|questions)( (and |or )?(topics|metrics|subjects))? (can|do) (you|u) answer( questions)?( on| about)?"
    # what the bot can be asked, in more words ("what kind of stuff can you tell me about", "what topics
    # from these studies can u answr", "cosa sa rispondere questo bot", "su quali argomenti mi puoi rispondere")
    r"|what (kinds? of |sorts? of |types? of )?(topics|subjects|stuff|things|questions|figures|metrics)"
    r"( or (topics|subjects|figures|metrics))?( [a-z]+){0,3} ((can|could|do|does) (you|u|it|this bot|the bot|pulsegap|gap)"
    r"|(you|u|it|this bot|the bot) (can|could)) (answer|answr|anwser|cover|tell me|tell us|help with|know)"
    r"|(che )?cosa (sa|puo) (rispondere|dirmi|fare)( questo bot| il bot| pulsegap| gap)?|cosa si (puo|possono) chiedere"
    r"|(su )?(quali|che) (temi|argomenti|domande) (mi |gli |ti )?(puoi|puo|posso|sai|sa) (rispondere|fare|chiedere|coprire)"
    r"|vad kan (man|jag) fraga om|vilka (amnen|fragor) (kan|klarar|tacker|besvarar|svarar) (du|boten|botten|den|pulsegap|gap)"
    r"|vad kan (du|boten|botten|den|pulsegap|gap) (svara pa|svara om|besvara)"
    r"|vilka (amnen|fragor) kan (man|jag) (fraga|stalla)( dig| boten| den)?( om)?"
    # "kan du visa allt du kan svara på?", "vilka ämnen och siffror finns i den?"
    r"|(kan du )?visa allt (du kan svara pa|du kan|du vet)|vilka amnen( och siffror)? finns( det)? (i den|i boten)"
    r"|(su )?(quali|che) (temi|argomenti) (risponde|rispondi|copre|copri|tratta|tratti|conosce|conosci)"
    # "su quali argomenti posso interrogare il bot?", "su quali argomenti gli si può chiedere?"
    r"|(su )?(quali|che) (temi|argomenti) (posso|possiamo|si puo|gli si puo|le si puo) (interrogar\w*|chieder\w*|domandar\w*)"
    # "elencami gli argomenti su cui posso farti domande"
    r"|(elencami|elenca|listami) (gli |i |tutti gli )?(argomenti|temi)( su cui( ti)? posso (farti|fare) (delle )?domande| che conosci)?"
    r"|(l )?(elenco|lista|list|forteckning)( completo| completa| full| hela)? (of |di |degli |dei |over |of all |di tutti gli |over alla )?"
    r"(the )?(topics|argomenti|temi|amnen|subjects)( che conosce| you know| you cover)?)\b"
)
BOT_RE = re.compile(  # the bot named, with the verb that uses it ("usare questo bot" asks no figure on usage)
    r"\b((use|using|usare|anvanda) )?(this |the |il |questo |sto |den har )?(bot|boten|pulsegap|gap|app|command|comando|kommandot)\b"
)
RESULTS_RE = re.compile(r"#?\d+")


# "how do I use this": the usage help
HOW_TO_USE_RE = re.compile(
    r"how (do|can|should) (i|we|you) use (this|this thing|this bot|this app|it|you|pulsegap|gap"
    r"|the (gap |pulsegap )?(command|bot|app|slash command)|the gap)( exactly)?"
    r"|how (i|to) use (this|the)?( gap)?( command| bot| thing)?"
    r"|how does (this|this thing|this bot|it|pulsegap) work|hur (anvander|funkar) (jag|man|den|du)( den| dig| det)?"
    r"|hur (anvander|funkar) (jag|man) (boten|den har boten|pulsegap|gap)|vad (skriver|ska) (jag|man)( skriva)? efter gap"
    r"|hur funkar (det|den|pulsegap|gap)|come (si usa|funziona|uso)( questo| questa| il| sto| sta)?( bot| app| pulsegap| gap)?"
    r"|what (do|should|can) i (type|write)|vad (ska|kan) jag skriva|(che|cosa) (devo|posso) scrivere"
    r"|how does (this|the)( gap| pulsegap)?( thing| bot| command| app)? work"
    r"|(i )?just (type|write|ask|put) (a |my |the )?question( after it| after gap| after that)?"
    r"|just gap and then (my|a|the) question|basta scrivere la domanda( subito)? dopo"
    r"|come (si usa|funziona|uso) (il |questo )?comando( gap)?"
    r"|(do|should|can) i (just )?(type|write|put|enter|ask)( in)? (a |my |the )?(question|questions|text)( after it| after gap| after that)?"
    r"|(scrivo|devo scrivere|basta scrivere) (gap )?e poi (la |una )?domanda( anche in (italiano|inglese|svedese))?|scrivo (la |una )?domanda dopo (gap)?( e basta)?|(skriver|skriva) (jag )?(gap )?(och )?(sen|sedan) (min |en )?fragan?"
    r"|how (do|should) i ask( (it|you|this bot|the bot|this thing))?( questions| things| stuff| something| anything)?|hur (fragar|staller) (jag|man)( fragor| en fraga)?"
    # which languages it reads ("can my team ask in Swedish?", "förstår boten svenska?", "capisci l'italiano?")
    r"|(which|what) languages? (do|can|does) (you|u|it|the bot|this bot|pulsegap|gap) (understand|speak|support|read|know)"
    r"|(do|can) (you|u|it|the bot) (understand|speak|read) (swedish|italian|english)"
    r"|(forstar|talar|kan|laser) (du|boten|den) (svenska|engelska|italienska)"
    r"|(capisci|parli|capisce|parla)( l)? (italiano|inglese|svedese)( o devo scrivere in (inglese|italiano|svedese))?"
    r"|how (do|should|can) (i|we) (phrase|word|formulate) (my |the |a )?questions?"
    r"|what commands (does|do|can) (gap|it|the bot|this bot|pulsegap) (take|have|accept|support|know)"
    r"|how (am i|are we) supposed to (ask|use|phrase|word)( it| this| you| the bot| my| the)?( stuff| things| questions)?"
    # "give me a quick how-to for this bot", "a short guide to pulsegap"
    r"|((give|send|show) me |i need )?(a |some )?(quick |short |brief )?(how to|guide|tutorial|instructions)"
    r"( for| to| on)( using)? (this|the|gap|pulsegap)( bot| thing| app| command)?"
    r"|hur ska (jag|man) (stalla|formulera) (fragorna|fragor|en fraga|min fraga)"
    r"|come (faccio|si fanno|posso fare|devo fare) (le )?domande"
    r"|come (devo|posso|si devono|si possono) (scrivere|fare|formulare|porre) (le |una |la )?domand[ae]"
    r"|hur funkar (den har boten|boten|gap|pulsegap)|hur ska (jag|man) (fraga|skriva)( fragorna| fragor| min fraga| den)?"
    r"|hur (skriver|anger) (jag|man) (kommandot|fragan|fragorna)"
    # "how do I ask this bot about a particular country?"
    r"|how (do|should|can) (i|we) ask( (it|you|this bot|the bot|this thing))? (about|for) (a |one )?(specific |particular "
    r"|single |given )?(country|region|market|number|figure|topic|metric)"
    r"|hur (fragar|soker) (jag|man)( boten| den)? (om|efter) (ett |en )?(visst |viss |specifikt |specifik )?"
    r"(land|region|marknad|siffra|amne)"
    r"|come (chiedo|faccio a chiedere|posso chiedere|si chiede)( al bot| a gap)? (di |per |su )?(un |una )?"
    r"(paese|regione|mercato|numero|dato|argomento)( specifico| specifica| particolare)?"
    r"|what (kind|sort|type)s? of questions? (should|can|do) (i|we) (type|write|put)( in| it| you)?"
    r"|what (kind|sort|type)s? of questions? should (i|we) ask( it| you)?"
)
HOW_TO_USE_SEARCH_RE = re.compile(rf"\b({HOW_TO_USE_RE.pattern}|hur funkar (boten|den|det))\b")
# One more clause after a how-to-use question that also asks for the usage ("how do I use /gap? syntax?")
HELP_NOUNS = {
    "syntax",
    "commands",
    "usage",
    "help",
    "examples",
    "kommandon",
    "exempel",
    "sintassi",
    "comandi",
    "esempi",
}
# ... and after a what-can-you-answer question, one that also asks for the list ("elenco degli argomenti")
LIST_NOUNS = {
    "list",
    "topics",
    "list of topics",
    "the list",
    "lista",
    "amnen",
    "lista over amnen",
    "elenco",
    "argomenti",
    "elenco degli argomenti",
    "mi servirebbe un elenco",
    "i need a list",
    "jag behover en lista",
    "lista degli argomenti",
}
NOT_WORD_RE = re.compile(r"[^a-z0-9]+")
QUOTE_LINE_RE = re.compile(r"^[ \t]*(?:&gt;|>)[ \t]?(.*?)[ \t]*$", re.MULTILINE)
# ... or a clause that names what it wants in so many words ("any syntax I should know", "jag vill
# gärna ha en förteckning över samtliga ämnen")
HELP_ASK_RE = re.compile(
    r"\b(syntax|commands|usage|examples|kommandon|exempel|sintassi|comandi|esempi)\b"
    # how to put a question ("can I just paste a quote?", "is there a particular way to phrase questions?")
    r"|\b(paste|klistra in|incollare|incollo)\b|\b(phrase|word|formulate|formulera|formulare|porre|stalla) "
    r"(my |the |a |mina |min |le mie |la mia )?(questions?|fragor(na)?|fragan|domande|domanda)\b"
    # "is it true I can just type a question in plain English?"
    r"|\b(type|write|ask) (a |my )?questions? in (plain )?(english|swedish|italian|svenska|engelska|italiano|inglese)\b"
    # how it can be asked ("can I ask by country?", "kan man fråga per land?", "posso chiedere per paese?")
    r"|\b(can|could) (i|we|you) (ask|search|filter|look up)( it| you| things)? (by|per) (country|region|topic|market|language)\b"
    r"|\bkan (jag|man|vi) (fraga|soka) (per|efter) (land|region|amne|marknad)\b"
    r"|\b(posso|possiamo|si puo) (chiedere|cercare|filtrare) per (paese|regione|argomento|mercato)\b"
    # "kan jag skriva frågan på svenska?", "posso scrivere la domanda in italiano?"
    r"|\b(skriva|stalla|fraga) (fragan |fragorna |fragor |en fraga )?pa (svenska|engelska|italienska)\b"
    r"|\b(scrivere|fare|porre) (la domanda |le domande |una domanda )?in (italiano|inglese|svedese)\b"
    # "can my Stockholm team ask in swedish?"
    r"|\b(can|could) (i|we|my|our|the)( [a-z]+){0,2} (ask|write|type)( it| you| questions)? in (swedish|italian|english)\b"
)
LIST_ASK_RE = re.compile(r"\b(list|lista|listan|elenco|forteckning|overview|oversikt|panoramica)\b")
# Words around such a question that ask nothing: thanks, an apology, a greeting, "I'm new here"
POLITE_RE = re.compile(
    r"\s*\b(pls|plz|please|thanks|thank you|thx|ty|tack|tack sa mycket|grazie|per favore|perfavore|btw|by the way)$"
    r"|^(sorry|sorry first time( for me| here)?|first time( for me| here| using (this|it|the bot|gap|pulsegap|this thing|this bot))?|before i start( [a-z ]+)?"
    r"|ok|okay|scusa|scusate|ursakta|forlat)$"
    r"|^(forsta gangen( jag (testar|anvander|provar)( den| det| boten)?)?|(e )?la prima volta( che (lo|la) (uso|provo))?)$"
    r"|^(hey|hi|hello|hej|hejsan|ciao|salve|buongiorno|morning|good morning)$"  # a greeting is no topic either
    r"|^((i m|im|i am) new( here)?|sono nuov[oa]( qui| nel canale)?|jag ar ny( har)?)$"
    r"|^((i m |im |i am )?new here|(sono )?nuov[oa] qui|(jag ar )?ny har) (?=\S)"  # "new here 👋 what can you tell me about"
    # a preamble that asks nothing ("before I bug you with all my team's pulse stuff - ...")
    r"|^(before|innan|prima che) (i|jag|ti) (bug|bother|pester|trouble|stor|disturbo|assillo) (you|u|dig)\b.*$"
)


# ... nor a filler adverb inside one ("what topics can you actually answer?")
FILLER_RE = re.compile(r" (actually|really|exactly|egentligen|faktiskt|davvero|esattamente)\b")


def _folded(text: str) -> str:
    """Lower case, accents and punctuation folded: enough for ABOUT_ME_RE, at a fraction of normalize()'s cost."""
    return " ".join(NOT_WORD_RE.sub(" ", unaccented(text)).split())


CLAUSE_END_RE = re.compile(r"[?!.:,]+")


def _clauses(text: str, ends: re.Pattern = CLAUSE_END_RE) -> list[str]:
    """A text's clauses, folded, without the words that ask nothing (thanks, a greeting, a filler adverb)."""
    return [FILLER_RE.sub("", POLITE_RE.sub("", _folded(c))) for c in ends.split(text)]


def _asks(text: str, question: re.Pattern, nouns: set[str], naming: re.Pattern) -> bool:
    """'how do I use this' (HOW_TO_USE_RE), or such a question with more of the same after it ('how
    do I use /gap? syntax?', 'cosa posso chiederti? elenco degli argomenti'): every clause asks it."""
    clauses = [c for c in _clauses(text) if c]
    return (
        bool(clauses)
        and any(question.fullmatch(c) for c in clauses)
        and all(question.fullmatch(c) or c in nouns or naming.search(c) for c in clauses)
    )


def _fits(cmd: Command) -> bool:
    """Does the text after the subcommand word fit that subcommand's grammar?"""
    rest = cmd.args.lower()
    if cmd.name == "help":
        return rest in SUBCOMMANDS or not rest
    if cmd.name == "list":  # ("list of topics pls")
        words = POLITE_RE.sub("", _folded(rest)).strip()
        return rest in LIST_WORDS or words in LIST_WORDS or f"list {words}" in LIST_NOUNS
    if cmd.name in ("study", "export"):
        return not rest
    if cmd.name == "results":
        return not rest or bool(RESULTS_RE.fullmatch(rest))
    if cmd.name == "region":  # a region's name, or a short unknown one ("region narnia")
        return len(rest.split()) <= 2 or bool(load().find_regions(rest))
    if cmd.name == "digest":
        return bool(cmd.action or cmd.channels or not rest)
    if cmd.name == "roles":
        return bool(cmd.action or cmd.users or cmd.groups or not rest)
    return bool(cmd.action or not rest)  # statements, poll, comments, actions


def _asking(text: str) -> str:
    """A message folded, each clause without the words that ask nothing (thanks, a greeting, "first time here")."""
    return FILLER_RE.sub("", " ".join(POLITE_RE.sub("", _folded(c)) for c in re.split(r"[?!.:,]+|\s[—–-]+\s", text)))


def _about_the_bot(text: str) -> Command | None:
    """'so yeah what can you actually answer give me the list of topics', 'hej hur funkar boten vad ska
    jag skriva': a question about the bot inside more words (dictated, run together), when the
    studies find nothing else asked in it ('how do I use callbacks to cut queues' is a question)."""
    if len(text) > 200:
        return None
    folded = _asking(text)  # (without what asks nothing: "first time using this - how do I ask it stuff?")
    about_me, how_to = ABOUT_ME_SEARCH_RE.search(folded), HOW_TO_USE_SEARCH_RE.search(folded)
    if not about_me and not how_to:
        return None
    if how_to and not about_me:  # (nor how to put a question: "can I paste a quote from the press release?")
        clauses = (_folded(c) for c in CLAUSE_END_RE.split(text))
        folded = FILLER_RE.sub("", " ".join(c for c in clauses if not HELP_ASK_RE.search(c)))
    # what else is asked, without the bot's own name ("how do I use /gap, and what can I ask it?" asks both)
    rest = BOT_RE.sub(" ", HOW_TO_USE_SEARCH_RE.sub(" ", ABOUT_ME_SEARCH_RE.sub(" ", folded)))
    answer = load().answer(rest) if rest.strip() and not _names_only_the_studies(rest) else None
    if answer and (answer.kind != "none" or answer.about_team):
        return None
    if about_me and how_to:
        return Command("help", action="list")
    return Command("list" if about_me else "help")


# a list of what the bot knows ("list of metrics", "hela listan över ämnen"), not "a ranked list" of findings
LIST_OF_TOPICS_RE = re.compile(
    r"\b(list|lista|listan|elenco|forteckning)\b( [a-z]+){0,3} (topics|subjects|amnen|amnena|argomenti|temi|metrics"
    r"|everything|allt|tutto|things you|what you|vad du|cosa sai)\b"
)
# what the bot is for, beside a question ("what can you do? and which country leads on callbacks?")
ABILITY_RE = re.compile(
    r"what can (you|u|it|this bot|the bot|pulsegap) do|what is (this bot|this thing|this|it|pulsegap|gap) for"
    r"|vad kan (du|boten|den) gora|vad ar (boten|den har boten|pulsegap|gap) till for|a cosa serve( il bot| questo bot)?"
)
OPENER_RE = re.compile(r"^(ok|okay|so|hey|hi|hello|hej|ciao|allora|alright)\s+")  # "ok how do I ask you things"
# where one clause of a message ends and the next begins ("what can you answer, and who ran the study?")
BESIDE_RE = re.compile(r"[?!.:,;+&]+|\s[—–-]+\s|\b(?:and|also|plus|och|samt|sen|e|poi|inoltre)\b", re.IGNORECASE)


BARE_LISTS = {"list", "the list", "lista", "listan", "elenco", "l elenco"}  # a list of what the question asks


ASK_NOTHING = {"list", "lista", "elenco", "pls", "plz", "please", "tack", "grazie", "topic", "subject"}


def _names_only_the_studies(text: str) -> bool:
    """Words that name the studies and nothing else ("on the Genesys and Strativity studies")."""
    words = {w for w in tokens(text) if w not in STOPWORDS and w not in ASK_NOTHING}
    return bool(words) and words <= NAMED_STUDY.keys() | STUDY_WORDS


def _beside_the_bot(text: str) -> Command | None:
    """'hey, what can you answer, and who ran the study?', 'come funziona il bot, e da dove arriva il 49%?': the
    usage or the list asked in a clause of its own beside a question the studies answer: both (in a few
    clauses: in a longer message, the other sentences tell of the asker)."""
    if len(text) > 160:
        return None
    clauses = [c for c in (POLITE_RE.sub("", OPENER_RE.sub("", c.strip())) for c in _clauses(text, BESIDE_RE)) if c]
    lists = [
        c
        for c in clauses
        if ABOUT_ME_SEARCH_RE.fullmatch(c) or ABILITY_RE.fullmatch(c) or c in LIST_NOUNS or LIST_OF_TOPICS_RE.search(c)
    ]
    helps = [
        c
        for c in clauses
        if c not in lists
        and (
            HOW_TO_USE_RE.fullmatch(c)
            or HOW_TO_USE_SEARCH_RE.fullmatch(c)
            or c in HELP_NOUNS
            # how to put a question, naming no topic ("how should I phrase questions to you")
            or HELP_ASK_RE.search(c)
            and load().answer(c).kind in ("none", "unmeasured")
        )
    ]
    # what else is asked: not how to put a question ("do I just type /gap and then my question?"), nor the bot's name
    rest = " ".join(c for c in clauses if c not in lists and c not in helps and not HELP_ASK_RE.search(c))
    rest = " ".join(BOT_RE.sub(" ", rest).split())
    if not (lists or helps) or not rest or _names_only_the_studies(ABOUT_ME_SEARCH_RE.sub(" ", rest)):
        return None  # (nor the studies named: "what topics can you answer on the Genesys and Strativity studies?")
    answer = load().answer(rest)
    if answer.kind in ("none", "unmeasured") or answer.about_team:
        return None
    if answer.kind in ("ranking", "leaders") and not helps and all(c in BARE_LISTS for c in lists):
        return None  # "where is the top floor rosier than the front line? list pls": the ranking, listed
    action = " ".join(name for name, asked in (("help", helps), ("list", lists)) if asked)
    return Command("question", action=action, args=plain(text), asks=rest)


# The last reading of a short message the studies find nothing in: words that ask how to put a question,
# or what the bot holds ("help pls", "how to phrase questions?", "what topics")
HELP_CUE_RE = re.compile(
    r"\b(help|hjalp|aiuto|syntax|instructions|guide|phrase|word my|how (do|should|can) (i|we) (ask|use|write|type)"
    r"|how does (this|it) work|hur (man |jag |vi )?(funkar|fungerar|anvander|fragar)|come (si usa|funziona|chiedo|faccio a chiedere)"
    r"|(use|using|anvander|anvanda|usa|usare|uso) (the |this |il |questo |den har )?(gap|pulsegap|bot|boten|comando|kommandot|command)"
    r"|(tips?|advice|consigli|knep|rad) (on|for|su come|per|om|for att) (asking|using|phrasing|chiedere|usare|formulare|fraga"
    r"|anvanda|stalla))\b"
)
LIST_CUE_RE = re.compile(  # (the words LIST_WORDS, LIST_NOUNS and LIST_ASK_RE know)
    r"\b(list|lista|listan|elenco|forteckning|topics|subjects|amnen|amnena|argomenti|temi|everything|overview|oversikt"
    r"|panoramica|(su )?cosa (risponde|rispondi)|what (do|can) (you|it) answer|vad (svarar|kan) (du|den|boten) svara pa)\b"
)
HOW_TO_READS = {"none:advice", "none:targets", "none:definitions"}  # what a how-to question can be read as


def _cued(text: str) -> Command | None:
    """'help pls', 'what topics': a short message that asks how to use the bot, or
    what it holds, in words no fuller reading knew, when the studies find nothing else asked in it."""
    if len(text) > 160:
        return None
    folded = _asking(text)  # (without what asks nothing: "first time using /gap - how does it work")
    helps, lists = HELP_CUE_RE.search(folded), LIST_CUE_RE.search(folded)
    if not helps and not lists:
        return None
    # what else is asked, without the bot's own name ("come si usa il bot" asks nothing of chatbots)
    rest = " ".join(BOT_RE.sub(" ", HELP_CUE_RE.sub(" ", LIST_CUE_RE.sub(" ", folded))).split())
    answer = load().answer(rest) if rest else None
    if answer and (
        answer.about_team
        or answer.kind != "none"
        and not (
            # (asking for tips, on asking, is no request for advice the studies never gave)
            helps
            and answer.kind == "unmeasured"
            and not answer.topics
            and {u.id for u in answer.unmeasured} <= HOW_TO_READS
        )
    ):
        return None
    return Command("help", action="list") if helps and lists else Command("help" if helps else "list")


GAP_TYPED_RE = re.compile(r"^/gap\s+(?=\S)", re.IGNORECASE)


def parse(text: str | None) -> Command:
    if text and QUOTE_LINE_RE.search(text) and QUOTE_LINE_RE.sub("", text).strip():
        text = QUOTE_LINE_RE.sub(r"“\1”", text)  # a Slack quote line above the question stays a quote on one line
    text = GAP_TYPED_RE.sub("", clean(text))  # "/gap help - also who ran it?": the command typed again
    if not text:
        return Command("help")
    head, _, rest = text.partition(" ")
    name = head.lower()
    if name in HELP_WORDS:
        name = "help"
    if name not in SUBCOMMANDS:
        if len(text) <= 160 and _asks(text, ABOUT_ME_RE, LIST_NOUNS, LIST_ASK_RE):  # a few clauses at most
            return Command("list")
        if len(text) <= 160 and _asks(text, HOW_TO_USE_RE, HELP_NOUNS, HELP_ASK_RE):
            return Command("help")
        # (in a longer message, its question sentences: "I run our pulse survey. How do I use /gap?")
        asked = asked_part(text)
        about = _beside_the_bot(text) or _about_the_bot(text) or (asked != text and _about_the_bot(asked))
        return about or _cued(text) or Command("question", args=plain(text))
    action = ""
    if name in ACTIONS:
        first, _, remainder = rest.partition(" ")
        if first.lower() in ACTIONS[name]:
            action, rest = first.lower(), remainder
        elif name == "roles" and first.lower() in ("execs", "executive", "executives", "agents"):
            action, rest = ("exec" if first.lower().startswith("exec") else "agent"), remainder
    lang = LANG_RE.search(rest) if name == "digest" else None
    if lang:
        rest = (rest[: lang.start()] + rest[lang.end() :]).strip()
    cmd = Command(
        name,
        action=action,
        args=plain(rest.strip()),
        users=tuple(dict.fromkeys(m.group(1) for m in USER_RE.finditer(rest))),
        groups=tuple(dict.fromkeys(m.group(1) for m in GROUP_RE.finditer(rest))),
        channels=tuple(dict.fromkeys(CHANNEL_RE.findall(rest))),
        lang=lang.group(1).lower() if lang else "",
        names=tuple(mention_names(rest).items()),
    )
    if cmd.name == "list" and _fits(cmd):
        return Command("list")  # (what follows the word only says which list: "list of topics pls", "list metrics")
    if _fits(cmd):
        return cmd
    if name == "list" and ABOUT_ME_RE.fullmatch(_folded(text)):
        return Command("list")  # "list all the topics you know about"
    # "help — how do I phrase questions? also where does 40% come from": the usage beside a question
    return (name in ("help", "list") and (_beside_the_bot(text) or _cued(text))) or Command(
        "question", args=plain(text)
    )


def answer_label(bm: Studies, text: str) -> str:
    """What `/gap <text>` answers, in data/qa.csv's labels ("cmd:list" for a subcommand)."""
    cmd = parse(text)
    if cmd.name == "help" and cmd.action == "list":  # the usage and the list, asked together
        return "cmd:help+cmd:list"
    if cmd.name == "question":  # (with the usage or the list asked beside it)
        return "+".join([*(f"cmd:{a}" for a in cmd.action.split()), bm.answer(cmd.asks or cmd.args).label])
    return f"cmd:{cmd.name}"


def qa_accuracy(bm: Studies, rows: list[dict]) -> dict[str, tuple[int, int]]:
    """(right, asked) per class of labelled questions: answerable/unanswerable x en/sv+it."""
    out: dict[str, list[int]] = {}
    for row in rows:
        got = answer_label(bm, row["question"])
        cls = ("unanswerable" if row["expect"] == "none" else "answerable") + (
            " en" if row["language"] == "en" else " sv/it"
        )
        acc = out.setdefault(cls, [0, 0])
        acc[0] += set(got.split("+")) == set(row["expect"].split("+"))
        acc[1] += 1
    return {cls: (right, n) for cls, (right, n) in sorted(out.items())}
