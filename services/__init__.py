"""Stateful orchestration between storage, insights and the Slack Web API (no listeners here)."""
