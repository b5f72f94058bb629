"""Slot, form and intent names shared by the action modules (one place, as in domain.yml)."""

LANGUAGE = "language"
PRODUCT = "product"
PRODUCTS = "products"
PRODUCT_TYPE = "product_type"
RISK_LEVEL = "risk_level"
AMOUNT = "amount"
HORIZON_MONTHS = "horizon_months"
AGE = "age"
INVESTOR_LEVEL = "investor_level"
LOWEST_CATEGORY = "lowest_category"
PROFILE_VALID_UNTIL = "profile_valid_until"
RISK_ANSWER = "risk_answer"
RISK_ANSWERS = "risk_answers"
OFFER = "offer"
FALLBACK_COUNT = "fallback_count"
LAST_ANSWER = "last_answer"
HANDOFF_ID = "handoff_id"

RISK_FORM = "risk_form"
ILLUSTRATION_FORM = "illustration_form"

OFFER_QUESTIONNAIRE = "questionnaire"
OFFER_HUMAN = "human"
OFFER_ABOVE_LEVEL = "above_level"
OFFER_NONE = "none"

SILVER_AGE = 60
HIGH_NET_WORTH_AMOUNT = 10_000_000
