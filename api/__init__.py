"""The bank assistant's public API: chat gateway, advisor services, compliance, pages."""
