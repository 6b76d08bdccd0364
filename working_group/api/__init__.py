"""The working group's REST API: public reads and the members' task tracking (ADR 0004)."""
