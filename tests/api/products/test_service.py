import pytest
from sqlalchemy.orm import Session

from api.errors import Conflict, InvalidInput
from api.products.exceptions import ProductNotFound
from api.products.service import (
    create_product,
    find_product,
    get_product,
    list_products,
    product_types,
    retire_product,
    search_products,
    update_product,
)
from tests.api.products.conftest import catalogue_entry


def test_get_product_ignores_case_and_spaces(db_session: Session) -> None:
    product = get_product(" td3y ", session=db_session)
    assert product.code == "TD3Y"
    assert product.type == "time_deposit" and product.risk_level == "R1"
    assert product.yield_kind == "fixed_rate" and product.yield_low == product.yield_high == 1.55


def test_unknown_code_raises_not_found_with_closest_products(db_session: Session) -> None:
    with pytest.raises(ProductNotFound) as caught:
        get_product("MMF9", session=db_session, lang="en")
    error = caught.value
    assert error.status_code == 404
    assert [s["code"] for s in error.detail["suggestions"]][:2] == ["MMF01", "MMF02"]
    assert "Did you mean" in error.detail["message"]


def test_list_products_hides_closed_unless_asked(db_session: Session) -> None:
    codes = {p.code for p in list_products(session=db_session)}
    assert "WMFI04" not in codes and "MMF01" in codes
    assert [p.code for p in list_products(session=db_session, status="closed")] == ["WMFI04"]
    assert "WMFI04" in {p.code for p in list_products(session=db_session, include_closed=True)}


def test_list_products_filters_combine(db_session: Session) -> None:
    cheap_r1 = list_products(session=db_session, risk_level="R1", max_min_investment=100)
    assert cheap_r1 and all(p.risk_level == "R1" and p.min_investment <= 100 for p in cheap_r1)
    assert "CD1Y" not in {p.code for p in cheap_r1}
    up_to_r2 = list_products(session=db_session, max_risk_level="R2")
    assert {p.risk_level for p in up_to_r2} == {"R1", "R2"}
    deposits = list_products(session=db_session, type="deposit")
    assert {p.type for p in deposits} == {
        "demand_deposit",
        "time_deposit",
        "large_cd",
        "structured_deposit",
    }
    funds = list_products(session=db_session, type="index_fund")
    assert {p.code for p in funds} == {"IF01", "IF02", "IF03"}
    instant = list_products(session=db_session, liquidity="T0")
    assert {p.code for p in instant} == {"DD01", "WMC01", "MMF01"}
    silver = list_products(session=db_session, segment="silver")
    assert silver and all(p.risk_level in ("R1", "R2") for p in silver)
    assert [p.risk_level for p in up_to_r2] == sorted(p.risk_level for p in up_to_r2)


def test_product_types_maps_known_codes_only(db_session: Session) -> None:
    types = product_types(["mmf01", "TR01", "NOPE"], session=db_session)
    assert types == {"MMF01": "money_market_fund", "TR01": "trust"}
    assert product_types([], session=db_session) == {}


def test_search_products_reads_the_database(db_session: Session) -> None:
    matches = search_products("鑫钱包", session=db_session)
    assert matches[0].product.code == "MMF02"


def test_create_refuses_an_existing_code(db_session: Session) -> None:
    with pytest.raises(Conflict):
        create_product(catalogue_entry("MMF01"), session=db_session)
    entry = catalogue_entry("MMF01").model_copy(update={"code": "ZSVC01"})
    assert create_product(entry, session=db_session).code == "ZSVC01"
    assert find_product("zsvc01", session=db_session) is not None


def test_update_validates_the_merged_product(db_session: Session) -> None:
    product = update_product("mmf01", {"yield_mid": 1.40}, session=db_session)
    assert product.yield_mid == 1.40 and product.name_zh == "日日盈货币基金A"
    with pytest.raises(InvalidInput) as caught:
        update_product("MMF01", {"risk_level": "R5"}, session=db_session)
    assert caught.value.detail[0]["field"] == "risk_level"
    with pytest.raises(InvalidInput):
        update_product("MMF01", {"code": "MMF99"}, session=db_session)
    with pytest.raises(InvalidInput):
        update_product("MMF01", {"colour": "blue"}, session=db_session)


def test_retire_closes_without_deleting(db_session: Session) -> None:
    retire_product("HF02", session=db_session)
    product = find_product("HF02", session=db_session)
    assert product is not None and product.status == "closed"
    assert "HF02" not in {p.code for p in list_products(session=db_session)}
