"""The local sandbox: the real app, a Slack stand-in at the wire, and a web page to drive it."""
