"""The tests' fake Slack is the sandbox's stand-in: one module, not a copy."""

from sandbox.slack_standin import BOT_TOKEN, BOT_USER, TEAM, SlackStandIn

FakeSlack = SlackStandIn

__all__ = ["BOT_TOKEN", "BOT_USER", "TEAM", "FakeSlack", "SlackStandIn"]
