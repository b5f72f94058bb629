"""Product endpoints: catalogue reads (cached), free-text search, comparison, admin changes."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query

from api.deps import AdminDep, CacheDep, SessionDep, SettingsDep
from api.products import service
from api.products.caching import cache_key, invalidate_products, read_through
from api.products.comparison import compare_products
from api.products.entry import ProductEntry
from api.products.presenter import product_detail, product_summary
from api.products.schemas import (
    CompareRequest,
    ComparisonOut,
    ProductDetail,
    ProductMatchOut,
    ProductSummary,
)
from api.products.vocabulary import (
    TYPE_LABELS,
    Lang,
    Liquidity,
    Segment,
    Status,
    TypeFilter,
    label,
)

router = APIRouter(prefix="/api", tags=["products"])
RISK_PATTERN = "^[Rr][1-5]$"


@router.get("/products", response_model=list[ProductSummary])
def list_products(
    session: SessionDep,
    cache: CacheDep,
    settings: SettingsDep,
    type: TypeFilter | None = None,
    risk_level: Annotated[str | None, Query(pattern=RISK_PATTERN)] = None,
    max_risk_level: Annotated[str | None, Query(pattern=RISK_PATTERN)] = None,
    max_min_investment: Annotated[float | None, Query(gt=0)] = None,
    liquidity: Liquidity | None = None,
    status: Status | None = None,
    segment: Segment | None = None,
    lang: Lang = "zh",
) -> Any:
    filters: dict[str, Any] = {
        "type": type,
        "risk_level": risk_level and risk_level.upper(),
        "max_risk_level": max_risk_level and max_risk_level.upper(),
        "max_min_investment": max_min_investment,
        "liquidity": liquidity,
        "status": status,
        "segment": segment,
    }

    def compute() -> list[dict[str, Any]]:
        products = service.list_products(session=session, **filters)
        return [product_summary(p, lang).model_dump(mode="json", by_alias=True) for p in products]

    key = cache_key("list", lang, **filters)
    return read_through(cache, key, settings.cache_ttl_seconds, compute)


@router.get("/products/search", response_model=list[ProductMatchOut])
def search_products(
    session: SessionDep,
    cache: CacheDep,
    settings: SettingsDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=10)] = 5,
    lang: Lang = "zh",
) -> Any:
    def compute() -> list[dict[str, Any]]:
        return [
            ProductMatchOut(
                code=match.product.code,
                name=match.product.text("name", lang),
                type=match.product.type,
                type_label=label(TYPE_LABELS, match.product.type, lang),
                risk_level=match.product.risk_level,
                status=match.product.status,
                score=match.score,
                matched=match.matched,
            ).model_dump(mode="json")
            for match in service.search_products(q, session=session, limit=limit)
        ]

    key = cache_key("search", lang, q=q, limit=limit)
    return read_through(cache, key, settings.cache_ttl_seconds, compute)


@router.post("/products/compare", response_model=ComparisonOut)
def compare(
    body: CompareRequest, session: SessionDep, cache: CacheDep, settings: SettingsDep
) -> Any:
    def compute() -> dict[str, Any]:
        comparison = compare_products(body.codes, session=session, lang=body.lang)
        return comparison.model_dump(mode="json", by_alias=True)

    key = cache_key("compare", body.lang, codes=",".join(body.codes))
    return read_through(cache, key, settings.cache_ttl_seconds, compute)


@router.get("/products/{code}", response_model=ProductDetail)
def get_product(
    code: str, session: SessionDep, cache: CacheDep, settings: SettingsDep, lang: Lang = "zh"
) -> Any:
    def compute() -> dict[str, Any]:
        product = service.get_product(code, session=session, lang=lang)
        return product_detail(product, lang).model_dump(mode="json", by_alias=True)

    key = cache_key("detail", lang, code=code.strip().upper())
    return read_through(cache, key, settings.cache_ttl_seconds, compute)


def _changed(session: SessionDep, cache: CacheDep) -> None:
    # Commit before dropping the cache, so no reader can refill it from the old rows.
    session.commit()
    invalidate_products(cache)


@router.post("/admin/products", response_model=ProductDetail, status_code=201, tags=["admin"])
def create_product(
    entry: ProductEntry, _: AdminDep, session: SessionDep, cache: CacheDep, lang: Lang = "zh"
) -> Any:
    product = service.create_product(entry, session=session)
    _changed(session, cache)
    return product_detail(product, lang).model_dump(by_alias=True)


@router.put("/admin/products/{code}", response_model=ProductDetail, tags=["admin"])
def update_product(
    code: str,
    changes: Annotated[dict[str, Any], Body(description="catalogue fields to change")],
    _: AdminDep,
    session: SessionDep,
    cache: CacheDep,
    lang: Lang = "zh",
) -> Any:
    product = service.update_product(code, changes, session=session)
    _changed(session, cache)
    return product_detail(product, lang).model_dump(by_alias=True)


@router.delete("/admin/products/{code}", response_model=ProductDetail, tags=["admin"])
def retire_product(
    code: str, _: AdminDep, session: SessionDep, cache: CacheDep, lang: Lang = "zh"
) -> Any:
    product = service.retire_product(code, session=session)
    _changed(session, cache)
    return product_detail(product, lang).model_dump(by_alias=True)
