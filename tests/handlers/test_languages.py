"""Each reader in their Slack language, at the wire: pulse DMs, votes, /gap help and questions,
statement translations, and digests in their channel's language (text and chart)."""

from __future__ import annotations

import io

from PIL import Image

from support.harness import AGENTS, EXECS, assign_team, block_texts, click, dms, replies_to, run
from tests.handlers.test_results import closed_pulse  # noqa: F401 (a fixture)


def test_a_swedish_readers_pulse_dm_is_swedish_and_answers_count_together(start_bot, team):
    bot = start_bot({"MIN_RESPONDENTS": "3"})
    team.add_user("UEXEC1", "Sven", locale="sv-SE")
    team.add_user("UEXEC3", "Giulia", locale="it-IT")
    assign_team(bot, team)
    run(bot, team, "statements add We fix root causes.")
    out = block_texts(run(bot, team, "statements translate 12 sv Vi åtgärdar grundorsaker."))
    assert out.startswith("Translated #12 into Swedish.\n*What the pulse asks*")
    run(bot, team, "poll now")
    team.wait_for("chat.postMessage", 9)
    bot.settle()
    sent = dms(team)
    sv, en, it = sent["UEXEC1"], sent["UEXEC2"], sent["UEXEC3"]
    assert sv["text"] == "Puls #1: 12 påståenden, ett klick var, anonymt"
    assert sv["blocks"][0]["text"]["text"].startswith(":bar_chart: *Puls #1: hur ser du på vår kundservice?*")
    assert sv["blocks"][1]["text"]["text"] == (
        "*1.* Vårt kontaktcenter är en strategisk funktion i företaget, inte bara en operativ."
    )
    assert [b["text"]["text"] for b in sv["blocks"][2]["elements"]] == [
        "Instämmer inte alls",
        "Instämmer inte",
        "Neutral",
        "Instämmer",
        "Instämmer helt",
    ]
    assert sv["blocks"][23]["text"]["text"] == "*12.* Vi åtgärdar grundorsaker."  # the admin's translation
    assert it["blocks"][23]["text"]["text"] == "*12.* We fix root causes."  # none in Italian: as typed
    assert it["blocks"][-1]["accessory"]["text"]["text"] == "Le mie risposte"
    assert en["blocks"][1]["text"]["text"] == (
        "*1.* Our contact center is a strategic function of the company, not just an operational one."
    )
    # the same statement, read in three languages: one count
    for user, value in zip(EXECS, (5, 4, 2), strict=True):
        click(bot, team, user, sent[user], 0, value)
    assert replies_to(team, "UEXEC1", 1)[0]["text"] == (
        "Registrerat: *Instämmer helt* för påstående 1 av 12. Bara du ser detta."
    )
    assert replies_to(team, "UEXEC3", 1)[0]["text"] == (
        "Registrato: *In disaccordo* per l'affermazione 1 di 12. Lo vedi solo tu."
    )
    for user in AGENTS:
        click(bot, team, user, sent[user], 0, 4)
    run(bot, team, "poll close")
    results = run(bot, team, "results")
    s1 = next(b for b in results["blocks"] if b.get("block_id") == "result:1")["text"]["text"]
    assert "Executives: *67%* agree (n=3) · Agents: *100%* agree (n=5)" in s1


def test_an_italian_users_gap_help_and_answers_are_italian(bot, team):
    team.add_user("UMEMBER", "Marta", locale="it-IT")
    out = run(bot, team, "help", user="UMEMBER")
    assert out["text"] == "Guida di Pulsegap"
    assert block_texts(out).startswith(
        "*Pulsegap* confronta come i vostri executive e i vostri operatori vedono il customer service"
    )
    answer = run(bot, team, "velocità media di risposta", user="UMEMBER")
    text = block_texts(answer)
    assert "Hai chiesto: velocità media di risposta" in text
    assert "*La velocità media di risposta è un criterio fondamentale*" in text
    assert "Executive: *55%* · Manager e direttori del customer service: *70%*" in text
    assert "“il 55% degli executive ritiene che sia utilizzato il criterio della velocità media di risposta" in text
    assert "\nArticolo di settore italiano, italiano · `002_52d3ecd18d99cca4.txt`" in text  # who published it
    assert "Comunicato stampa Genesys (supportindustry.com) (en), Telekom idag (sv), Articolo di settore" in text
    # the caveat whole in Italian, what the sources call the second group too (their own words quoted)
    assert (
        ":warning: Il secondo gruppo dell'indagine sono *manager e direttori* del customer service, non operatori "
        "di prima linea. L'articolo italiano li elenca come contact center manager, director of customer care, "
        "sales manager e director e marketing director (e una volta li chiama 'operatori di call center'); il "
        "comunicato stampa inglese parla di 'customer care professionals' e 'customer-centric employees', e "
        "l'articolo di Insurance &amp; Technology di 'front line customer service people'."
    ) in text.splitlines()
    assert run(bot, team, "help", user="UADMIN")["text"] == "Pulsegap help"
    refused = block_texts(run(bot, team, "poll now", user="UMEMBER"))
    assert refused == (
        ":lock: Solo gli amministratori del workspace Slack e di Pulsegap possono usare `poll now`. "
        "Non è stato modificato nulla."
    )


def test_a_swedish_reader_gets_the_sources_note_in_swedish(bot, team):
    team.add_user("UMEMBER", "Sven", locale="sv-SE")
    text = block_texts(run(bot, team, "intäkt per kontakt", user="UMEMBER"))
    assert "Obs: Den svenska artikeln säger intäkt per kontakt; det engelska pressmeddelandet säger per samtal." in text
    english = block_texts(run(bot, team, "revenue per contact", user="UADMIN"))
    assert "Note: The Swedish article says revenue per contact (intäkt per kontakt); the English release" in english


def test_what_the_studies_lack_and_their_facts_read_in_the_readers_language(bot, team):
    team.add_user("UMEMBER", "Sven", locale="sv-SE")
    team.add_user("UOTHER", "Giulia", locale="it-IT")
    text = block_texts(run(bot, team, "genomsnittlig hanteringstid", user="UMEMBER"))
    assert "Undersökningarna mäter inte *genomsnittlig hanteringstid*." in text
    text = block_texts(run(bot, team, "intäkt per samtal i storbritannien", user="UMEMBER"))
    assert "Undersökningarna har inga siffror för *UK* om detta." in text
    text = block_texts(run(bot, team, "quando è stata fatta la ricerca", user="UOTHER"))
    assert (
        "*Quando è stata svolta la rilevazione* (Genesys / Equation Research 2008)\n"
        "Tra il 1° aprile e il 9 maggio 2008, per Genesys, da Equation Research, un istituto di ricerca indipendente."
    ) in text
    assert "The studies don't measure *average handle time*." in block_texts(run(bot, team, "AHT", user="UADMIN"))


def test_a_digest_to_a_channel_set_to_italian_is_italian_chart_included(closed_pulse, team):  # noqa: F811
    team.reset()
    assert block_texts(run(closed_pulse, team, "digest <#C0LEADS|cx-leads> lang de")) == (
        "Digests can be written in en, sv or it (not de)."
    )
    out = block_texts(run(closed_pulse, team, "digest <#C0LEADS|cx-leads> lang it"))
    assert out == "Digest of Pulse #1 posted in <#C0LEADS>."  # to the admin, in the admin's language
    post = team.calls_to("chat.postMessage")[-1]
    text = block_texts(post)
    assert post["blocks"][0]["text"]["text"].startswith("Riepilogo Pulsegap: sondaggio #1 (")
    assert "*Divari maggiori*" in text
    assert "executive 100% vs operatori 20%, *+80 punti*, più rosea al vertice (indagine 2008: 0 punti)" in text
    complete = team.calls_to("files.completeUploadExternal")[-1]
    assert complete["files"][0]["title"] == "Sondaggio #1: executive vs operatori"
    png = Image.open(io.BytesIO(team.uploads[complete["files"][0]["id"]]))
    assert png.text["Title"] == "Sondaggio #1: executive vs operatori"
    words = png.text["Description"].splitlines()
    assert words[0] == "Il nostro contact center ha un ruolo strategico nell'azienda, non solo"
    assert words[-3:] == ["Indagine 2008: executive", "Indagine 2008: manager e direttori del CS"] + [
        "% d'accordo (D'accordo + Completamente d'accordo)"
    ]
    assert "I nostri executive" in words and "I nostri operatori" in words
    # the channel keeps its language; a schedule may set another
    run(closed_pulse, team, "digest <#C0LEADS|cx-leads>")
    assert block_texts(team.calls_to("chat.postMessage")[-1]).startswith("Riepilogo Pulsegap")
    scheduled = block_texts(run(closed_pulse, team, "digest schedule <#C0LEADS> weekly mon 09:00 UTC lang sv"))
    assert scheduled.startswith("Digests for <#C0LEADS> scheduled every Monday at 09:00 (UTC), in Swedish. Next: ")


def test_a_schedule_reads_in_the_readers_language_wherever_it_is_shown(bot, team):
    """A job is named by its schedule as typed, and described in the language of whoever reads it."""
    team.add_user("UADMIN", "Astrid", admin=True, locale="sv-SE")
    out = block_texts(run(bot, team, "poll schedule monthly sun 09:00 Europe/Stockholm"))
    assert out.startswith("Pulser schemalagda första söndagen i månaden kl. 09:00 (Europe/Stockholm). Nästa: ")
    assert bot.rt.scheduler.aps.get_job("poll").name == "monthly sun 09:00 Europe/Stockholm"
    team.add_user("UADMIN2", "Alba", admin=True, locale="it-IT")
    status = block_texts(run(bot, team, "poll status", user="UADMIN2"))
    assert "di domenica nella prima settimana del mese alle 09:00 (Europe/Stockholm)" in status
