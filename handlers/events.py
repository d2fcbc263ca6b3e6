"""Events: the App Home tab, and its admin buttons."""

from __future__ import annotations

from slack_bolt import Ack, App

import i18n
from handlers.admin import refusal
from i18n import _
from render.home import home_view
from render.setup import setup_rows
from services import results as results_service
from services import roles
from services.runtime import Runtime


def publish_home(rt: Runtime, user: str) -> None:
    res = results_service.results(rt)
    pulse = rt.store.open_pulse_row()
    counts = rt.store.delivery_counts(pulse["id"]) if pulse else {}
    admin = rt.is_admin(user, max_age=60)  # only which buttons Home shows
    poll, digests = rt.scheduler.describe("poll"), rt.scheduler.digest_schedules()
    with i18n.use(rt.language(user)):
        view = home_view(
            res,
            results_service.headline(rt, res) if res else None,
            pulse,
            counts,
            poll,
            digests,
            admin,
            rt.polls.small_roles_warning() if admin else "",
            command=rt.config.slash_command,
            setup=setup_rows(roles.members(rt), len(rt.store.statements()), poll, digests) if admin else None,
        )
    rt.client.views_publish(user_id=user, view=view)


def register(app: App, rt: Runtime) -> None:
    def just_ack(ack: Ack) -> None:
        ack()

    def on_home(event: dict) -> None:
        if event.get("tab", "home") == "home" and event.get("user"):
            publish_home(rt, event["user"])

    def on_poll_now(body: dict) -> None:
        user = body["user"]["id"]
        with i18n.use(rt.language(user)):
            refused = refusal(rt, user, _("run a pulse"))
            if refused:
                rt.dm(user, "the outcome", text=refused)
                return
            _pulse, text = rt.polls.start_pulse("now", user)
        rt.dm(user, "the outcome", text=text)
        publish_home(rt, user)

    def on_digest(body: dict, action: dict) -> None:
        user, channel = body["user"]["id"], action.get("selected_channel")
        with i18n.use(rt.language(user)):
            refused = refusal(rt, user, _("post digests"))
            if refused:
                rt.dm(user, "the outcome", text=refused)
                return
            if channel:
                _ok, text = rt.digests.post(channel)
                rt.dm(user, "the outcome", text=text)

    # acked at once; the work (Web API calls) runs after the response, as lazy listeners
    app.event("app_home_opened")(ack=just_ack, lazy=[on_home])
    app.action("home_poll_now")(ack=just_ack, lazy=[on_poll_now])
    app.action("home_digest")(ack=just_ack, lazy=[on_digest])
