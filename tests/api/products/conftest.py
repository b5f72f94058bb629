"""Fixtures for product tests: a clean product cache, and scratch products removed afterwards."""

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, delete

from api.cache import Cache
from api.db import make_sessionmaker, unit_of_work
from api.products.caching import invalidate_products
from api.products.catalogue import default_catalogue
from api.products.entry import ProductEntry
from api.products.models import Product


@pytest.fixture(autouse=True)
def clean_product_cache(cache: Cache) -> Iterator[None]:
    # Both database backends share one Redis: never let one backend read the other's cache.
    invalidate_products(cache)
    yield
    invalidate_products(cache)


@pytest.fixture
def scratch_codes(engine: Engine) -> Iterator[list[str]]:
    """Codes a test creates through the API; their rows are deleted after the test."""
    codes: list[str] = []
    yield codes
    with unit_of_work(make_sessionmaker(engine)) as session:
        session.execute(delete(Product).where(Product.code.in_(codes)))


def catalogue_entry(code: str) -> ProductEntry:
    return next(entry for entry in default_catalogue().products if entry.code == code)
