"""Pure Python: no Slack, no I/O beyond reading the files in data/.

Nothing in this package may import slack_bolt or slack_sdk (tests/insights/test_purity.py).
"""
