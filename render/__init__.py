"""Everything Slack users see is built here, by pure functions (Block Kit JSON, PNG charts)."""
