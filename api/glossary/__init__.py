"""Glossary of wealth-management terms: the data file, term lookup in free text, endpoints."""
