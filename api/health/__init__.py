"""Liveness and readiness of the API and the services behind it."""
