"""Seed data loaded at start-up (`python -m api.prestart`): each domain contributes a loader.

A loader takes a session, is idempotent, and returns a one-line summary for the log.
"""

from collections.abc import Callable

from sqlalchemy.orm import Session

from api.products.catalogue import seed_products

Seeder = Callable[[Session], str]

SEEDERS: list[Seeder] = []
SEEDERS += [seed_products]  # the catalogue first: other domains refer to products


def seed_all(session: Session) -> list[str]:
    return [seeder(session) for seeder in SEEDERS]
