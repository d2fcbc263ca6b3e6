"""What the tests and the benchmarks share: starting the bot, signing requests as Slack does."""
