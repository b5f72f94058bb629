"""Handoff requests: a conversation waiting for, or being served by, a person."""
