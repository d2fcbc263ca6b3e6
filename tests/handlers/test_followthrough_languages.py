"""Comments, owned actions and setup in each reader's language, at the wire: the comment modal and
its thanks, the owner's DM and reminder (the owner's language, not the admin's), the digest's
follow-through sections (the channel's language) and the setup chooser."""

from __future__ import annotations

from datetime import date, timedelta

import i18n
from support.harness import AGENTS, EXECS, block_texts, click, dms, run, wait_until
from tests.handlers.test_anonymity import open_pulse
from tests.handlers.test_comments import open_form, submit
from tests.handlers.test_owned_actions import GROUP, own_submit, pulse
from tests.handlers.test_setup import opened, shortcut


def italian(day: date) -> str:
    with i18n.use("it"):
        return i18n.format_date(day)


def test_a_swedish_readers_comment_modal_and_its_thanks_are_swedish(bot, team):
    team.add_user("UAGENT1", "Gus Andersson", locale="sv-SE")
    sent = open_pulse(bot, team)
    prompt = sent["UAGENT1"]["blocks"][-2]
    assert prompt["text"]["text"] == (
        "*Frivilligt:* Vad skulle ledningen bli förvånad över att höra? "
        "Din kommentar skrivs i ett privat formulär, aldrig i den här chatten."
    )
    form = open_form(bot, team, "UAGENT1", sent["UAGENT1"])
    assert [form["title"]["text"], form["submit"]["text"], form["close"]["text"]] == [
        "Anonym kommentar",
        "Skicka",
        "Avbryt",
    ]
    assert form["blocks"][1]["label"]["text"] == "Vad skulle ledningen bli förvånad över att höra?"
    thanks = submit(bot, "UAGENT1", "Verktygen kraschar varje måndag.")
    assert block_texts(thanks["view"]) == ("Tack: din kommentar är sparad. Den visas utan namn när Puls #1 stänger.")
    assert thanks["view"]["close"]["text"] == "Stäng"
    english = open_form(bot, team, AGENTS[1], sent[AGENTS[1]])  # the next reader's own language
    assert english["title"]["text"] == "Anonymous comment"


def test_an_italian_owners_dm_and_reminder_are_italian_while_the_admin_reads_english(start_app, team):
    team.add_user("UEXEC2", "Marco Rossi", locale="it-IT")
    bot = start_app({"MIN_RESPONDENTS": "3", "TICK_SECONDS": "1"})
    pulse(bot, team, [5, 5, 4], [1, 1, 2, 2, 1, 1])
    due = date.today() + timedelta(days=1)
    saved = own_submit(bot, "UADMIN", owner="UEXEC2", text="Turni mensili in sala", due=due.isoformat())
    assert block_texts(saved["view"]) == "Saved. <@UEXEC2> gets a DM with the action."
    assert saved["view"]["title"]["text"] == "Own this gap"

    def to_owner():
        return [c for c in team.calls_to("chat.postMessage") if c["channel"] == "UEXEC2" and "<@UADMIN>" in c["text"]]

    def reminders():
        return [c for c in team.calls_to("chat.postMessage") if c["text"].startswith("Un promemoria:")]

    told = wait_until(to_owner, what="the owner's DM")[0]["text"]
    statement = "Il nostro contact center ha un ruolo strategico nell'azienda, non solo operativo."
    assert told.startswith(f"<@UADMIN> ti ha nominato responsabile di un divario: *{statement}*\n")
    assert f"\nAzione: Turni mensili in sala\nScadenza: {italian(due)}. " in told
    assert told.endswith(
        "Alla chiusura del prossimo sondaggio il riepilogo mostra come si è mosso questo divario. "
        "`/gap actions done 1` la segna come fatta."
    )
    reminder = wait_until(reminders, what="the reminder")[0]
    assert reminder["channel"] == "UEXEC2"
    assert reminder["text"].startswith(f"Un promemoria: la tua azione su *{statement}* scade il {italian(due)}: ")
    assert reminder["text"].endswith(": Turni mensili in sala\n`/gap actions done 1` la segna come fatta.")
    assert block_texts(run(bot, team, "actions", user="UEXEC2")).startswith(
        "*1.* Il nostro contact center ha un ruolo strategico nell'azienda, non solo…: Turni mensili in sala"
        f" · responsabile <@UEXEC2> · scadenza {italian(due)} · aperta\n"
    )
    assert block_texts(run(bot, team, "actions done 1", user="UEXEC2")).startswith(
        "L'azione 1 è fatta. Il suo divario viene misurato alla chiusura del prossimo sondaggio."
    )


def test_a_digest_to_an_italian_channel_has_italian_actions_and_comments(start_app, team):
    bot = start_app({"MIN_RESPONDENTS": "3", "MIN_COMMENTS": "3"})
    pulse(bot, team, [5, 5, 4], [1, 1, 2, 2, 1, 1])  # +100 points: rosier at the top, then owned
    own_submit(bot, "UADMIN")
    before = len(team.calls_to("chat.postMessage"))
    run(bot, team, "poll now")  # the next pulse: agents now agree too, and three of them comment
    team.wait_for("chat.postMessage", before + 9)
    bot.settle()
    sent = dms(team)
    for user, value in [*zip(EXECS, (5, 5, 4), strict=True), *zip(GROUP, (5, 4, 4, 5, 4, 5), strict=True)]:
        click(bot, team, user, sent[user], 0, value)
    for user, text in zip(AGENTS[:3], ("Mancano gli strumenti.", "Turni lunghi.", "Nessuno ascolta."), strict=True):
        open_form(bot, team, user, sent[user])
        submit(bot, user, text, pulse_id="2")
    run(bot, team, "poll close")
    team.add_channel("C0LEADS", "cx-leads")
    team.reset()
    assert block_texts(run(bot, team, "digest <#C0LEADS|cx-leads> lang it")) == (
        "Digest of Pulse #2 posted in <#C0LEADS>."
    )
    text = block_texts(team.calls_to("chat.postMessage")[-1])
    assert "1 divario preso in carico su 1 si è ridotto dal sondaggio #1." in text
    assert "*Azioni e che cosa è cambiato* dal sondaggio #1" in text
    assert (
        "• Il nostro contact center ha un ruolo strategico nell'azienda, non solo… (Monthly shifts on the floor)"
        in text
    )
    assert ": *ridotto*: +100 punti allora, 0 punti ora (variazione −100, IC 95% da −156 a −21)" in text
    assert "*Commenti*: «Che cosa sorprenderebbe sentire ai vertici?»" in text
    assert "*Gli operatori hanno detto:*" in text
    assert "Actions and what moved" not in text and "Agents said" not in text


def test_a_swedish_admins_setup_chooser_is_swedish(bot, team):
    team.add_user("UADMIN", "Ada Admin", admin=True, locale="sv-SE")
    assert shortcut(bot).status_code == 200
    menu = opened(team)
    assert [menu["title"]["text"], menu["close"]["text"]] == ["Pulsegap-inställningar", "Stäng"]
    text = block_texts(menu)
    assert "*Påståenden*: en puls frågar om 11 påståenden" in text
    assert "*Pulsschema*: inte schemalagt" in text
    assert "*Sammanfattningar*: inga schemalagda" in text
    rows = [b["accessory"]["text"]["text"] for b in menu["blocks"] if "accessory" in b]
    assert rows == ["Ändra"] * 4
