"""Session 2, round 2 (rules 2025.11.7): definitions, goals, hearsay, deposits, double negatives."""

import pytest

from api.compliance.ruleset import RuleSet
from tests.api.compliance.test_claims import fired


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the body of a definition of a forbidden term describes the term
        ("刚性兑付是指产品到期时无论投资结果如何都按约定收益兑付。", "zh"),
        (
            "Rigid redemption means paying investors the promised return regardless of results.",
            "en",
        ),
        # the practice abolished "it", in the next sentence
        (
            "Rigid redemption paid the promised return whatever happened; the 2018 rules abolished it.",
            "en",
        ),
        # the goal is stated after the words it names, and the sentence points to deposits
        ("如果本金安全是您的首要目标，建议选择存款。", "zh"),
        (
            "If protecting your principal is your top priority, a time deposit suits you better.",
            "en",
        ),
        # 涨跌 is fluctuation; "对亏损兜底" is the object of a negated promise
        ("我们不会对涨跌做出判断。", "zh"),
        ("银行不会对理财亏损进行兜底。", "zh"),
        # a claim of others, refuted
        ('Any claim that a wealth product "can\'t lose" breaks regulatory rules.', "en"),
        # a worst past year is history, not a floor
        ("这只基金长期收益较高，但最差年份亏了23%。", "zh"),
        # 回本 inside 拿回本金, about a deposit; the other product said to differ
        ("存款到期您一定能拿回本金和利息，理财产品就不一样了。", "zh"),
        ("With a deposit you will get your principal and interest back at maturity.", "en"),
        # forecasts attributed to others are left to the rules
        ("Analysts think the index will rise strongly next year; forecasts are often wrong.", "en"),
    ],
)
def test_round2_look_alikes_pass(ruleset: RuleSet, text: str, lang: str) -> None:
    assert fired(ruleset, text, lang) == set()


@pytest.mark.parametrize(
    ("text", "lang", "rule"),
    [
        # telling the customer is not hearsay
        ("您就跟客户说本金不会亏。", "zh", "sure_win"),
        # a definition opening that names a product defines nothing
        ("This product means you never lose money.", "en", "sure_win"),
        ("R1 means there is no risk whatsoever.", "en", "risk_free"),
        # a figure in the body is an offer
        ("Guaranteed return means you get 5% no matter what.", "en", "guaranteed_return"),
        # a definition covers its own clause only
        ("刚兑的意思是银行保证兑付，现在这款产品是保本的。", "zh", "guaranteed_principal"),
        # double negatives and the bank behind a product
        ("银行肯定不会让它兑付不了。", "zh", "rigid_redemption"),
        ("有银行在后面托着，这款理财不可能兑付不了。", "zh", "rigid_redemption"),
        ("The bank would never let it miss a payout.", "en", "rigid_redemption"),
        (
            "No investor has ever been left short at maturity; the bank sees to that.",
            "en",
            "rigid_redemption",
        ),
        # certainty words
        ("明年确定是牛市。", "zh", "market_certainty"),
        ("净值肯定会回来的。", "zh", "market_certainty"),
        ("The index will absolutely break 4,000 points this year.", "en", "market_certainty"),
        (
            "The structured deposit is certain to pay its top rate of 2.35%.",
            "en",
            "guaranteed_return",
        ),
        ("这只债基每年固定给您3.6%的收益。", "zh", "guaranteed_return"),
        # hyperbole, evasive spelling
        ("钱生钱的速度超乎您想象。", "zh", "exaggerated_return"),
        ("This trust delivers stunning returns.", "en", "exaggerated_return"),
        ("保夲型理财，到期本金返还。", "zh", "guaranteed_principal"),
        ("None of our wealth products has ever lost money.", "en", "sure_win"),
        ("There's absolutely nothing that can go wrong with this product.", "en", "sure_win"),
    ],
)
def test_round2_claims_fire(ruleset: RuleSet, text: str, lang: str, rule: str) -> None:
    assert rule in fired(ruleset, text, lang)


def test_like_a_savings_account_but_pays_more_is_tolerated_with_the_risk_named(
    ruleset: RuleSet,
) -> None:
    claim = "It's basically like a savings account, but it pays more."
    assert "guaranteed_principal" in fired(ruleset, claim, "en")
    disclosed = "It is like a savings account but pays more, although it can lose value."
    assert fired(ruleset, disclosed, "en") == set()
