"""The catalogue file (`catalogue.yml`): loading, validation and seeding the products table.

A bad file fails loudly at start-up, naming each broken product's code and field. The
seeder upserts by code and rewrites a row only when that product's entry in the file
changed, so edits made through the admin API survive a restart with the same file.
"""

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.products.entry import ProductEntry
from api.products.models import Product

CATALOGUE_PATH = Path(__file__).with_name("catalogue.yml")


class CatalogueError(ValueError):
    """The catalogue file cannot be used; the message lists every problem found."""


@dataclass(frozen=True)
class Catalogue:
    version: str
    products: tuple[ProductEntry, ...]


def describe_error(error: ErrorDetails) -> tuple[str, str]:
    """(field, message) of one validation error, using the field our own rules name."""
    context = error.get("ctx") or {}
    if "field" in context:
        return str(context["field"]), str(context["problem"])
    field = ".".join(str(part) for part in error["loc"]) or "(product)"
    return field, error["msg"]


def load_catalogue(path: Path = CATALOGUE_PATH) -> Catalogue:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogueError(f"{path}: cannot read the catalogue: {exc}") from exc
    if (
        not isinstance(raw, dict)
        or not raw.get("version")
        or not isinstance(raw.get("products"), list)
    ):
        raise CatalogueError(f"{path}: needs a 'version' and a 'products' list")
    problems: list[str] = []
    entries: list[ProductEntry] = []
    seen: set[str] = set()
    for index, item in enumerate(raw["products"], start=1):
        code = str(item.get("code") or f"#{index}") if isinstance(item, dict) else f"#{index}"
        try:
            entry = ProductEntry.model_validate(item)
        except ValidationError as exc:
            for error in exc.errors():
                field, message = describe_error(error)
                problems.append(f"product {code}: field {field}: {message}")
            continue
        if entry.code in seen:
            problems.append(f"product {entry.code}: field code: duplicated")
        seen.add(entry.code)
        entries.append(entry)
    if problems:
        raise CatalogueError(f"{path} is invalid:\n  " + "\n  ".join(problems))
    return Catalogue(version=str(raw["version"]), products=tuple(entries))


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    return load_catalogue()


def entry_columns(entry: ProductEntry) -> dict[str, Any]:
    """The entry as `Product` column values (field names and column names are the same)."""
    return entry.model_dump(mode="json")


def entry_hash(entry: ProductEntry) -> str:
    canonical = json.dumps(entry_columns(entry), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def apply_entry(product: Product, entry: ProductEntry) -> None:
    for column, value in entry_columns(entry).items():
        setattr(product, column, value)


def entry_of(product: Product) -> dict[str, Any]:
    """A stored product back in catalogue form (the input to an admin update)."""
    return {field: getattr(product, field) for field in ProductEntry.model_fields}


def seed_products(session: Session, catalogue: Catalogue | None = None) -> str:
    catalogue = catalogue or default_catalogue()
    stored = {product.code: product for product in session.scalars(select(Product))}
    added = updated = 0
    for entry in catalogue.products:
        digest = entry_hash(entry)
        product = stored.get(entry.code)
        if product is None:
            product = Product()
            session.add(product)
            added += 1
        elif product.source_hash == digest:
            continue
        else:
            updated += 1
        apply_entry(product, entry)
        product.catalogue_version = catalogue.version
        product.source_hash = digest
    session.flush()
    unchanged = len(catalogue.products) - added - updated
    return (
        f"products: catalogue {catalogue.version}: {added} added, {updated} updated, "
        f"{unchanged} unchanged"
    )
