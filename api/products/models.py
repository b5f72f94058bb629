"""The `products` table: one row per catalogue product, both languages side by side."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, utcnow


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True, index=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    risk_level: Mapped[str] = mapped_column(String(2), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(160))
    aliases_zh: Mapped[list[str]] = mapped_column(JSON, default=list)
    aliases_en: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Yields are percent per year; their meaning depends on yield_kind (never just "yield").
    yield_kind: Mapped[str] = mapped_column(String(32))
    yield_low: Mapped[float] = mapped_column(Float)
    yield_high: Mapped[float] = mapped_column(Float)
    yield_mid: Mapped[float] = mapped_column(Float)
    yield_note_zh: Mapped[str] = mapped_column(Text)
    yield_note_en: Mapped[str] = mapped_column(Text)
    term_months: Mapped[int | None]
    lockup_days: Mapped[int] = mapped_column(default=0)
    liquidity: Mapped[str] = mapped_column(String(16))
    early_exit_rate: Mapped[float | None] = mapped_column(Float)
    redemption_zh: Mapped[str] = mapped_column(Text)
    redemption_en: Mapped[str] = mapped_column(Text)
    min_investment: Mapped[float] = mapped_column(Float)
    fees: Mapped[dict[str, Any]] = mapped_column(JSON)
    target_segments: Mapped[list[str]] = mapped_column(JSON, default=list)
    qualified_investor_only: Mapped[bool] = mapped_column(default=False)
    principal_protected: Mapped[bool] = mapped_column(default=False)
    underlying_zh: Mapped[str] = mapped_column(Text)
    underlying_en: Mapped[str] = mapped_column(Text)
    key_risks_zh: Mapped[list[str]] = mapped_column(JSON, default=list)
    key_risks_en: Mapped[list[str]] = mapped_column(JSON, default=list)
    features_zh: Mapped[list[str]] = mapped_column(JSON, default=list)
    features_en: Mapped[list[str]] = mapped_column(JSON, default=list)
    disclosure_zh: Mapped[str] = mapped_column(Text)
    disclosure_en: Mapped[str] = mapped_column(Text)
    # Which catalogue release wrote the row, and a hash of that entry: the seeder rewrites
    # a row only when its entry in the file changed, so admin edits survive restarts.
    catalogue_version: Mapped[str | None] = mapped_column(String(32))
    source_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    def text(self, field: str, lang: str) -> Any:
        """The `field_zh` or `field_en` value, e.g. `product.text("name", "en")`."""
        return getattr(self, f"{field}_{'en' if lang == 'en' else 'zh'}")

    @property
    def is_closed(self) -> bool:
        return self.status == "closed"

    def __repr__(self) -> str:
        return f"Product({self.code}, {self.type}, {self.risk_level}, {self.status})"
