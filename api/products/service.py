"""Product lookups for every domain, and the admin changes to the catalogue.

Other domains rely on these names: `get_product`, `find_product`, `list_products`,
`product_types`, `search_products`, and the `Product` model's attributes.
"""

from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.errors import Conflict, InvalidInput
from api.products.catalogue import apply_entry, describe_error, entry_of
from api.products.entry import ProductEntry
from api.products.exceptions import ProductNotFound
from api.products.models import Product
from api.products.search import ProductMatch, rank_products
from api.products.vocabulary import RISK_LEVELS, TYPE_GROUPS, Lang, risk_rank

SUGGESTIONS = 3


def find_product(code: str, *, session: Session) -> Product | None:
    """The product with this code (case-insensitive), or None."""
    return session.scalar(select(Product).where(Product.code == code.strip().upper()))


def get_product(code: str, *, session: Session, lang: Lang = "zh") -> Product:
    """The product with this code; raises ProductNotFound (404) naming the closest ones."""
    product = find_product(code, session=session)
    if product is None:
        suggestions = search_products(code, session=session, limit=SUGGESTIONS)
        raise ProductNotFound(code, suggestions, lang)
    return product


def list_products(
    *,
    session: Session,
    type: str | None = None,
    risk_level: str | None = None,
    max_risk_level: str | None = None,
    max_min_investment: float | None = None,
    liquidity: str | None = None,
    status: str | None = None,
    segment: str | None = None,
    include_closed: bool = False,
) -> list[Product]:
    """Products matching every filter given, ordered by risk then code.

    `type` is a product type or a group of them: "deposit", "wmp" or "fund".

    Closed (retired) products are left out unless `status="closed"` or `include_closed`.
    """
    query = select(Product)
    if type:
        query = query.where(Product.type.in_(TYPE_GROUPS.get(type, {type})))
    if risk_level:
        query = query.where(Product.risk_level == risk_level.upper())
    if max_risk_level:
        allowed = RISK_LEVELS[: risk_rank(max_risk_level.upper())]
        query = query.where(Product.risk_level.in_(allowed))
    if max_min_investment is not None:
        query = query.where(Product.min_investment <= max_min_investment)
    if liquidity:
        query = query.where(Product.liquidity == liquidity)
    if status:
        query = query.where(Product.status == status)
    elif not include_closed:
        query = query.where(Product.status != "closed")
    products = list(session.scalars(query.order_by(Product.risk_level, Product.code)))
    if segment:
        # JSON containment differs between SQLite and PostgreSQL; the catalogue is small.
        products = [product for product in products if segment in product.target_segments]
    return products


def product_types(codes: Iterable[str], *, session: Session) -> dict[str, str]:
    """code → type for the known codes among `codes` (unknown ones are left out)."""
    wanted = {code.strip().upper() for code in codes}
    if not wanted:
        return {}
    rows = session.execute(select(Product.code, Product.type).where(Product.code.in_(wanted)))
    return {code: product_type for code, product_type in rows}


def search_products(query: str, *, session: Session, limit: int = 5) -> list[ProductMatch]:
    """Products whose code, name or alias (zh or en) resembles `query`, best first."""
    products = list(session.scalars(select(Product)))
    return rank_products(query, products, limit=limit)


def _validation_problems(exc: ValidationError) -> list[dict[str, str]]:
    return [
        {"field": field, "message": message} for field, message in map(describe_error, exc.errors())
    ]


def create_product(entry: ProductEntry, *, session: Session) -> Product:
    if find_product(entry.code, session=session) is not None:
        raise Conflict(f"product {entry.code} already exists; use PUT to change it")
    product = Product()
    apply_entry(product, entry)
    session.add(product)
    session.flush()
    return product


def update_product(code: str, changes: dict[str, Any], *, session: Session) -> Product:
    """Apply some fields to a product; the result must still be a valid catalogue entry."""
    product = get_product(code, session=session, lang="en")
    if "code" in changes and str(changes["code"]).strip().upper() != product.code:
        raise InvalidInput([{"field": "code", "message": "a product's code cannot change"}])
    try:
        entry = ProductEntry.model_validate({**entry_of(product), **changes})
    except ValidationError as exc:
        raise InvalidInput(_validation_problems(exc)) from exc
    apply_entry(product, entry)
    session.flush()
    return product


def retire_product(code: str, *, session: Session) -> Product:
    """Stop selling a product: it stays on record (past advice refers to it) as closed."""
    product = get_product(code, session=session, lang="en")
    product.status = "closed"
    session.flush()
    return product
