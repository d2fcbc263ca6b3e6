"""Bolt listeners. Thin: ack fast, parse, call services/insights, render, send."""

from __future__ import annotations

from slack_bolt import App

from handlers import actions, commands, comments, events, owned_actions, setup
from handlers.guards import ShapeGuard
from services.runtime import Runtime


def register(app: App, rt: Runtime) -> None:
    app.use(ShapeGuard())
    commands.register(app, rt)
    actions.register(app, rt)
    events.register(app, rt)
    comments.register(app, rt)
    owned_actions.register(app, rt)
    setup.register(app, rt)
