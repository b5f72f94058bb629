import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.orm import Session

from api.products.catalogue import (
    CATALOGUE_PATH,
    Catalogue,
    CatalogueError,
    default_catalogue,
    load_catalogue,
    seed_products,
)
from api.products.models import Product
from api.products.service import find_product
from api.products.vocabulary import DEPOSIT_TYPES, PRODUCT_TYPES

HAN = re.compile(r"[\u4e00-\u9fff]")
ZH_FIELDS = ("name", "yield_note", "redemption", "underlying", "disclosure")
LIST_FIELDS = ("aliases", "key_risks", "features")
# Claims no non-deposit product may make (DOMAIN §5); negations such as 不保本 are fine.
FORBIDDEN = re.compile(
    r"(?<!不)(?<!非)保本|保收益|无风险|零风险|稳赚|只赚不赔|刚性兑付|risk-free|guaranteed"
)


def _raw() -> dict[str, Any]:
    return yaml.safe_load(CATALOGUE_PATH.read_text(encoding="utf-8"))


def _write(tmp_path: Path, raw: dict[str, Any]) -> Path:
    path = tmp_path / "catalogue.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def _broken(tmp_path: Path, code: str, **changes: Any) -> str:
    raw = _raw()
    entry = next(item for item in raw["products"] if item["code"] == code)
    for field, value in changes.items():
        if value is None:
            entry.pop(field)
        else:
            entry[field] = value
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(_write(tmp_path, raw))
    return str(caught.value)


def test_catalogue_has_at_least_32_products_covering_every_type() -> None:
    catalogue = default_catalogue()
    assert catalogue.version
    assert len(catalogue.products) >= 32
    assert {entry.type for entry in catalogue.products} == set(PRODUCT_TYPES)
    codes = [entry.code for entry in catalogue.products]
    assert len(codes) == len(set(codes))


def test_every_product_is_complete_in_both_languages() -> None:
    for entry in default_catalogue().products:
        for field in ZH_FIELDS:
            assert HAN.search(getattr(entry, f"{field}_zh")), (entry.code, field)
            assert not HAN.search(getattr(entry, f"{field}_en")), (entry.code, field)
        for field in LIST_FIELDS:
            zh, en = getattr(entry, f"{field}_zh"), getattr(entry, f"{field}_en")
            assert zh and en, (entry.code, field)
            assert all(HAN.search(item) for item in zh), (entry.code, field)
            assert not any(HAN.search(item) for item in en), (entry.code, field)
        assert entry.name_zh != entry.name_en


def test_figures_are_realistic_for_the_market() -> None:
    products = default_catalogue().products
    for entry in products:
        if entry.type == "money_market_fund":
            assert entry.yield_kind == "seven_day_annualised"
            assert entry.yield_mid is not None and 1.2 <= entry.yield_mid <= 2.0
        if entry.type == "demand_deposit":
            assert 0.05 <= entry.yield_low <= 0.2
        if entry.type == "wmp_fixed_income":
            assert entry.yield_low >= 2.0 and entry.yield_high <= 3.5
        if entry.type in ("equity_fund", "index_fund"):
            assert entry.yield_kind == "historical_nav_growth" and entry.yield_low < 0
        if entry.type == "trust":
            assert entry.qualified_investor_only and entry.min_investment >= 1_000_000
        if entry.type == "large_cd":
            assert entry.min_investment >= 200_000
        assert entry.principal_protected == (entry.type in DEPOSIT_TYPES), entry.code
    three_year = {e.code: e.yield_low for e in products if e.term_months == 36}
    assert 1.5 <= three_year["TD3Y"] <= 2.0 and three_year["CD3Y"] > three_year["TD3Y"]
    assert {"pre_sale", "on_sale", "closed"} <= {entry.status for entry in products}


def test_non_deposit_texts_make_no_forbidden_claims() -> None:
    for entry in default_catalogue().products:
        if entry.principal_protected:
            continue
        texts = [getattr(entry, f"{f}_{lang}") for f in ZH_FIELDS for lang in ("zh", "en")]
        texts += [
            item
            for f in LIST_FIELDS
            for lang in ("zh", "en")
            for item in getattr(entry, f"{f}_{lang}")
        ]
        for text in texts:
            assert not FORBIDDEN.search(text), (entry.code, text)


@pytest.mark.parametrize(
    ("code", "changes", "field"),
    [
        ("TD3Y", {"risk_level": "R4"}, "risk_level"),
        ("TD3Y", {"risk_level": "R9"}, "risk_level"),
        ("MMF01", {"name_en": None}, "name_en"),
        ("MMF01", {"name_en": "日日盈"}, "name_en"),
        ("EF01", {"principal_protected": True}, "principal_protected"),
        ("TR01", {"min_investment": 500_000}, "min_investment"),
        ("WMFI01", {"yield_low": 3.0, "yield_high": 2.0}, "yield_low"),
        ("BF01", {"yield_kind": "fixed_rate"}, "yield_kind"),
        ("HF01", {"yield_mid": None}, "yield_mid"),
        ("CD1Y", {"term_months": None}, "term_months"),
    ],
)
def test_a_broken_entry_fails_naming_its_code_and_field(
    tmp_path: Path, code: str, changes: dict[str, Any], field: str
) -> None:
    message = _broken(tmp_path, code, **changes)
    assert f"product {code}: field {field}" in message


def test_a_bad_fee_names_the_nested_field(tmp_path: Path) -> None:
    raw = _raw()
    entry = next(item for item in raw["products"] if item["code"] == "BF01")
    entry["fees"]["redemption"] = [{"rate": 0}, {"under_days": 7, "rate": 1.5}]
    with pytest.raises(CatalogueError, match=r"product BF01: field fees\.redemption"):
        load_catalogue(_write(tmp_path, raw))


def test_duplicate_codes_and_a_missing_version_are_refused(tmp_path: Path) -> None:
    raw = _raw()
    raw["products"].append(dict(raw["products"][0]))
    with pytest.raises(CatalogueError, match="product DD01: field code: duplicated"):
        load_catalogue(_write(tmp_path, raw))
    del raw["version"]
    with pytest.raises(CatalogueError, match="version"):
        load_catalogue(_write(tmp_path, raw))


def test_seeding_again_changes_nothing(db_session: Session) -> None:
    summary = seed_products(db_session)
    assert summary.endswith("0 added, 0 updated, 34 unchanged")
    assert db_session.query(Product).count() >= 34


def test_seeding_keeps_admin_edits_until_the_file_entry_changes(db_session: Session) -> None:
    product = find_product("MMF02", session=db_session)
    assert product is not None
    product.name_en = "Edited By Admin"
    db_session.flush()
    seed_products(db_session)
    assert product.name_en == "Edited By Admin"

    catalogue = default_catalogue()
    changed = [
        entry.model_copy(update={"yield_mid": 1.29}) if entry.code == "MMF02" else entry
        for entry in catalogue.products
    ]
    summary = seed_products(db_session, Catalogue("next", tuple(changed)))
    assert "1 updated" in summary
    assert product.yield_mid == 1.29
    assert product.name_en == "CoinPurse Money Market Fund A"
    assert product.catalogue_version == "next"
