"""Is a claim really made? Paraphrases that must fire, and look-alikes that must pass."""

import pytest

from api.compliance.review import review_message
from api.compliance.ruleset import RuleSet

TYPES = {"WMFI01": "wmp_fixed_income", "TD1Y": "time_deposit", "SDG3M": "structured_deposit"}


def fired(
    ruleset: RuleSet, text: str, lang: str = "zh", codes: list[str] | None = None
) -> set[str]:
    codes = codes or []
    review = review_message(
        text,
        lang,  # type: ignore[arg-type]
        product_types={code: TYPES[code] for code in codes},
        product_codes=codes,
        ruleset=ruleset,
    )
    return set(review.rules_fired)


@pytest.mark.parametrize(
    ("text", "lang", "rule"),
    [
        # words in between, passive, either order
        ("Returns on this plan are guaranteed at 4.8% for three years.", "en", "guaranteed_return"),
        ("这款产品的本金有银行担保。", "zh", "guaranteed_principal"),
        # certainty placed after the verb
        ("黄金ETF近期走势强劲，后市继续上涨是必然的。", "zh", "market_certainty"),
        ("Gold has nowhere to go but up this year.", "en", "market_certainty"),
        ("This fund will rally hard next quarter, I'm certain of it.", "en", "market_certainty"),
        # implied safety by comparison with deposits
        ("这款理财和存款一样安全，收益还更高。", "zh", "risk_free"),
        (
            "Think of this WMP as a deposit with a higher rate, it's just as safe.",
            "en",
            "risk_free",
        ),
        ("It's safer than keeping money in a savings account.", "en", "risk_free"),
        # risk-free and can't-lose in other words
        ("这款理财几乎没有什么风险。", "zh", "risk_free"),
        ("There's essentially no chance of a loss.", "en", "sure_win"),
        ("Our fixed-income product has never lost a single cent for clients.", "en", "sure_win"),
        (
            "Relax, even in a crash you wouldn't lose any of your principal.",
            "en",
            "guaranteed_principal",
        ),
        # a floor in other words
        ("该基金最差也不会低于5%的年化收益。", "zh", "promised_minimum_return"),
        (
            "Historically 8% a year, and it won't drop below 5% going forward.",
            "en",
            "promised_minimum_return",
        ),
        # the bank covering losses
        ("万一出问题，银行肯定会负责到底。", "zh", "rigid_redemption"),
        ("If it ever loses, come to me and I'll make it right.", "en", "rigid_redemption"),
    ],
)
def test_paraphrased_claims_fire(ruleset: RuleSet, text: str, lang: str, rule: str) -> None:
    assert rule in fired(ruleset, text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("不能说没有风险，任何理财都有波动。", "zh"),  # one negation of "no risk"
        ("Returns on this plan are not guaranteed.", "en"),  # negation between the parts
        ("收益不保证，可能亏损。", "zh"),
        ("Neither principal nor returns are guaranteed.", "en"),  # one negation, two words
        ("理财不像存款那样安全。", "zh"),  # a negated comparison
        ("A deposit is safer than any fund.", "en"),  # the deposit is the subject
        ("Diversification cannot guarantee that you won't lose money.", "en"),
        ("We can't say when stocks will rise.", "en"),
        ("没有一款产品能同时做到高收益和零风险。", "zh"),  # 同时 does not end the scope
        ("A guaranteed return is something no wealth product can legally offer.", "en"),
    ],
)
def test_negated_claims_pass(ruleset: RuleSet, text: str, lang: str) -> None:
    assert fired(ruleset, text, lang) == set()


def test_a_rhetorical_question_negates_a_negation(ruleset: RuleSet) -> None:
    assert "guaranteed_principal" in fired(ruleset, "谁说理财不能保本？")
    assert fired(ruleset, "谁说一定涨？市场有涨有跌。") == set()


def test_embedded_questions_are_asked_not_claimed_unless_answered_yes(ruleset: RuleSet) -> None:
    assert fired(ruleset, "本金能不能全部拿回，取决于产品到期时的净值。") == set()
    assert (
        fired(ruleset, "The question is whether returns are guaranteed; they are not.", "en")
        == set()
    )
    assert "guaranteed_principal" in fired(ruleset, "您问是否保本：是的，请放心。")


def test_a_deposit_as_subject_states_what_is_true_of_it(ruleset: RuleSet) -> None:
    assert fired(ruleset, "定期存款的利息是固定的，到期一次性支付。") == set()
    assert fired(ruleset, "The interest on a time deposit is fixed at the start.", "en") == set()
    # a structured deposit's floating return is not fixed; other products never are
    assert "guaranteed_return" in fired(ruleset, "结构性存款的收益是固定的。")
    assert "guaranteed_return" in fired(ruleset, "这款理财的收益是固定的。")


def test_comparisons_with_deposits_are_true_of_deposits(ruleset: RuleSet) -> None:
    text = "这款产品和定期存款一样安全。"
    assert fired(ruleset, text, codes=["TD1Y"]) == set()
    assert "risk_free" in fired(ruleset, text, codes=["WMFI01"])


def test_a_goal_pointing_to_deposits_is_not_a_promise(ruleset: RuleSet) -> None:
    assert fired(ruleset, "如果您更看重本金安全，可以考虑定期存款。") == set()
    assert (
        fired(
            ruleset,
            "I understand you want your principal to be safe; time deposits suit you better.",
            "en",
        )
        == set()
    )
    assert "guaranteed_principal" in fired(
        ruleset, "如果您更看重本金安全，这款理财本金安全有保障。"
    )


def test_a_customers_wish_refuted_in_the_answer_passes(ruleset: RuleSet) -> None:
    assert fired(ruleset, "您刚才说想找一款稳赚的产品，说实话这样的产品是不存在的。") == set()
    assert (
        fired(
            ruleset,
            "You said you're looking for a product that can't lose; no such product exists.",
            "en",
        )
        == set()
    )


def test_figures_with_commas_stay_one_clause(ruleset: RuleSet) -> None:
    text = "Invest 100,000 now and you'll have at least 120,000 in three years."
    assert "promised_minimum_return" in fired(ruleset, text, "en")


# --- rules 2025.11.6: paraphrase batch F and the probes after it


@pytest.mark.parametrize(
    ("text", "lang", "rule"),
    [
        # a short question answered by a dismissal
        ("亏损？在这只基金身上不存在的。", "zh", "sure_win"),
        ("Losing money with this fund? Not gonna happen.", "en", "sure_win"),
        ("Risk level? Zero.", "en", "risk_free"),
        # the worst case offered as harmless; the product treated as a deposit
        ("最坏的情况就是少赚一点。", "zh", "sure_win"),
        ("The worst that can happen is you earn a bit less.", "en", "sure_win"),
        ("您就当存了个定期，只是利息高点。", "zh", "risk_free"),
        # the bank making good a shortfall, or paying the expected return whatever happens
        ("到期如果没达到业绩基准，我们会补足差额。", "zh", "rigid_redemption"),
        (
            "If the underlying bonds default, we'll advance the money to you.",
            "en",
            "rigid_redemption",
        ),
        ("这款理财虽然是净值型，但到期会按照预期收益兑付。", "zh", "rigid_redemption"),
        # a floor stated after the figure
        ("Returns of 4%+ every year, minimum.", "en", "promised_minimum_return"),
        ("业绩比较基准4%，实际收益不会比这个低。", "zh", "promised_minimum_return"),
        # what goes in comes back; everyone made money
        ("您存进来多少，到期就能取走多少，还多出利息。", "zh", "guaranteed_principal"),
        ("Everyone who bought last year made money, and you will too.", "en", "sure_win"),
        # the market has bottomed; praise of returns without figures
        ("现在就是最低点了，再往下跌的空间没有了。", "zh", "market_certainty"),
        (
            "Our flagship fund delivers outstanding, market-beating returns.",
            "en",
            "exaggerated_return",
        ),
        # misspellings (rules.yml `spellings`) and a rhetorical question
        ("Guarenteed 6% return, sign up today!", "en", "guaranteed_return"),
        ("稳赚不陪，现在买还来得及。", "zh", "sure_win"),
        ("收益超高，还不赶紧入手？", "zh", "exaggerated_return"),
        # an apostrophe is not a quotation mark
        ("I've never seen anyone lose on this fund, and I don't expect to.", "en", "sure_win"),
    ],
)
def test_new_paraphrases_fire(ruleset: RuleSet, text: str, lang: str, rule: str) -> None:
    assert rule in fired(ruleset, text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a term defined or named, not claimed
        ("刚性兑付是指金融机构承诺到期必须足额兑付本息，资管新规已经打破了刚性兑付。", "zh"),
        (
            "什么是刚性兑付？就是产品到期必须按承诺兑付本息，不管亏没亏。资管新规出台后，这种做法被明确禁止。",
            "zh",
        ),
        # a practice said to be gone, later in the sentence or in the next one ("it")
        (
            "'Rigid redemption' meant paying investors in full at maturity regardless of losses; it is now prohibited.",
            "en",
        ),
        ("过去很多理财产品是保本保息的，但这种做法已经被禁止。", "zh"),
        # a question answered by naming the risk; a reporting tag before the answer
        ("客户问：“这个能稳赚不赔吗？”我们的回答是：任何投资都有亏损的可能。", "zh"),
        ("'Is it risk-free?' you asked. No: every investment carries some risk.", "en"),
        (
            "You asked 'Is my principal safe?' Only deposits are principal-protected; this fund is not.",
            "en",
        ),
        ("刚性兑付是资管新规之前的做法，现在银行理财不再刚兑。", "zh"),
        # deposits in general as the subject, other products denied after
        ("存款是保本的，理财不是，这是两者最大的区别。", "zh"),
        ("Deposits are principal-protected; wealth products are not.", "en"),
        # about data, not money
        ("您的个人信息我们会严格保密，绝对安全。", "zh"),
        # "and" starts a new statement inside a frame: each part has its own "not"
        ("The benchmark of 3.0-3.8% is not the actual return and is not a promise.", "en"),
        # a quoted claim, denied; a warning reaching past "and"
        ("Your friend mentioned a 'can't-lose' product; we don't offer anything like that.", "en"),
        (
            "Reminder: never believe anyone who promises principal protection and a guaranteed return.",
            "en",
        ),
        # the past, with the risk named
        ("历史上这只基金曾经翻倍，但也出现过腰斩，波动很大。", "zh"),
        (
            "This product had no losing month last year, but that doesn't mean it can't lose in future.",
            "en",
        ),
        # everyday words that look like claims
        ("We can't lose sight of your goals: a balanced mix suits you better.", "en"),
        ("利率最低的是活期存款，年利率0.35%。", "zh"),
        ("You could get back less than you put in.", "en"),
    ],
)
def test_new_look_alikes_pass(ruleset: RuleSet, text: str, lang: str) -> None:
    assert fired(ruleset, text, lang) == set()


def test_the_excuses_stay_narrow(ruleset: RuleSet) -> None:
    # a deposit compared with, not the subject; another product claimed alongside
    assert fired(ruleset, "收益至少是存款的两倍，这个我敢打包票。")
    assert "guaranteed_principal" in fired(ruleset, "存款保本，这款理财也保本。")
    # money, not data; a practice called gone, then claimed again
    assert "risk_free" in fired(ruleset, "账户里的钱绝对安全。")
    assert "guaranteed_principal" in fired(ruleset, "保本理财已被禁止，但我们这款产品依然保本。")
    # the past without the risk named is still a boast
    assert "exaggerated_return" in fired(ruleset, "这只基金去年翻倍了！")
