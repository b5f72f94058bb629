"""Compliance audit and product lookup around `review_message` (which itself needs no DB)."""

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from api.compliance.models import ComplianceReview
from api.compliance.review import Review
from api.products.service import product_types as catalogue_product_types

MAX_LISTED_REVIEWS = 1000


def normalise_codes(codes: Sequence[str]) -> list[str]:
    """Catalogue codes are upper case (api.products); keep order, drop duplicates."""
    return list(dict.fromkeys(code.strip().upper() for code in codes if code.strip()))


def resolve_product_types(codes: Sequence[str], *, session: Session) -> dict[str, str]:
    """code → type for the known codes; unknown codes are simply absent (non-deposit)."""
    return catalogue_product_types(codes, session=session) if codes else {}


def record_review(
    review: Review,
    *,
    text: str,
    lang: str,
    product_codes: Sequence[str],
    conversation_id: str | None,
    session: Session,
) -> ComplianceReview:
    row = ComplianceReview(
        conversation_id=conversation_id,
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        lang=lang,
        approved=review.approved,
        rules_fired=review.rules_fired,
        rule_version=review.rule_version,
        product_codes=list(product_codes),
    )
    session.add(row)
    session.flush()
    return row


def _like_literal(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_reviews(
    *,
    session: Session,
    approved: bool | None = None,
    rule: str | None = None,
    since: datetime | None = None,
    limit: int = 100,
) -> list[ComplianceReview]:
    """Newest first. `rule` keeps reviews where that rule fired."""
    query = select(ComplianceReview)
    if approved is not None:
        query = query.where(ComplianceReview.approved == approved)
    if rule:
        # rules_fired is a JSON list: match the quoted name portably (SQLite and PostgreSQL).
        pattern = f'%"{_like_literal(rule)}"%'
        query = query.where(cast(ComplianceReview.rules_fired, String).like(pattern, escape="\\"))
    if since is not None:
        if since.tzinfo is not None:
            since = since.astimezone(UTC).replace(tzinfo=None)
        query = query.where(ComplianceReview.created_at >= since)
    query = query.order_by(ComplianceReview.created_at.desc(), ComplianceReview.id.desc())
    return list(session.scalars(query.limit(min(limit, MAX_LISTED_REVIEWS))))
