"""Cases found by scripted conversations through the gateway (both languages)."""

import asyncio
from typing import Any

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import ActionAcceptOffer
from actions.glossary import ActionExplainTerm
from actions.illustration import ActionIllustrateReturn, ValidateIllustrationForm
from actions.products import ActionCompareProducts, ActionProductInfo, name_fragments
from actions.questionnaire import ActionAskRiskAnswer, ActionScoreQuestionnaire, ValidateRiskForm
from actions.recommendations import ActionRecommend
from tests.actions.conftest import FakeApi, make_tracker
from tests.actions.test_products import IF03
from tests.actions.test_questionnaire import setup_questions


def run(action: Any, tracker: Any) -> tuple[list, list]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return events, dispatcher.messages


COMPARISON = {
    "products": [{"code": "MMF01", "name": "日日盈"}, {"code": "WMFI01", "name": "稳盈90天"}],
    "rows": [
        {"field": "risk_level", "label": "风险等级", "values": ["R1", "R2"]},
        {"field": "principal_protected", "label": "本金保障", "values": ["否", "否"]},
    ],
}


def test_comparison_names_missed_by_the_extractor_are_searched(api: FakeApi) -> None:
    api.on(
        "GET",
        "/api/products/search",
        lambda params, _j: (
            [{"code": "WMFI01", "name": "稳盈90天", "score": 0.95}]
            if params["q"] == "稳盈90天"
            else [{"code": "MMF01", "name": "日日盈", "score": 1.0}]
        ),
    )
    api.on("POST", "/api/products/compare", COMPARISON)
    tracker = make_tracker(
        "对比日日盈和稳盈90天",
        intent="compare_products",
        entities=[{"entity": "product", "value": "MMF01"}],
    )
    events, [message] = run(ActionCompareProducts(), tracker)
    assert api.posted("/api/products/compare")[0]["codes"] == ["MMF01", "WMFI01"]
    # The API's "本金保障" label reads as a guarantee to the review: relabelled.
    assert "本金保障" not in message["text"]
    assert "是否受存款保险保障：否 | 否" in message["text"]
    assert events == [SlotSet("product", "MMF01")]


def test_an_unknown_name_in_a_comparison_gets_closest_matches(api: FakeApi) -> None:
    api.on(
        "GET",
        "/api/products/search",
        lambda params, _j: (
            [{"code": "WMFI04", "name": "稳盈180天", "score": 0.83}]
            if "180" in params["q"]
            else [{"code": "MMF01", "name": "日日盈", "score": 1.0}]
        ),
    )
    api.on("GET", "/api/products/MMF01", {"code": "MMF01", "name": "日日盈货币基金A"})
    tracker = make_tracker(
        "对比日日盈和稳享180天",
        intent="compare_products",
        entities=[{"entity": "product", "value": "MMF01"}],
    )
    events, [message] = run(ActionCompareProducts(), tracker)
    assert events == []
    assert "稳享180天" in message["text"] and "日日盈货币基金A" in message["text"]
    assert message["buttons"][0]["payload"] == '/compare_products{"product": ["MMF01", "WMFI04"]}'
    assert not api.posted("/api/products/compare")


def test_name_fragments_drop_the_comparison_words() -> None:
    assert name_fragments("what is the difference between DailyPlus and CoinPurse?") == [
        "DailyPlus",
        "CoinPurse",
    ]
    assert name_fragments("比较一下安瑞纯债与均衡优选的区别") == ["安瑞纯债", "均衡优选"]


def test_a_question_naming_two_products_is_answered_side_by_side(api: FakeApi) -> None:
    api.on("POST", "/api/products/compare", COMPARISON)
    tracker = make_tracker(
        "tell me about MMF01 and WMFI01",
        intent="ask_product_info",
        entities=[
            {"entity": "product", "value": "MMF01"},
            {"entity": "product", "value": "WMFI01"},
        ],
    )
    _, [message] = run(ActionProductInfo(), tracker)
    assert message["custom"]["type"] == "comparison"


def test_lowest_category_gets_suitable_products_not_a_buying_path(api: FakeApi) -> None:
    api.on("GET", "/api/products/IF03", IF03)
    api.on(
        "POST",
        "/api/suitability/check",
        {"eligible": False, "reason": "最低类别仅限R1", "handoff_required": False},
    )
    tracker = make_tracker(
        "锐见创业板风险大吗",
        intent="ask_product_info",
        slots={"investor_level": "C1", "lowest_category": True, "offer": "human"},
        entities=[{"entity": "product", "value": "IF03"}],
    )
    events, [message] = run(ActionProductInfo(), tracker)
    assert SlotSet("offer", "none") in events  # an earlier offer of a person is withdrawn
    assert message["text"].count("R1") == 1  # the API's reason is not repeated
    assert [b["payload"] for b in message["buttons"]] == ["/ask_recommendation", "/request_human"]
    assert message["custom"]["suitability"] == "not_allowed"


def test_insisting_after_a_lowest_category_refusal_hears_no_again() -> None:
    refusal = {
        "event": "bot",
        "text": "…无法购买该产品",
        "data": {"custom": {"suitability": "not_allowed"}},
    }
    yes = {"event": "user", "text": "我还是想买", "parse_data": {"intent": {"name": "affirm"}}}
    tracker = make_tracker("我还是想买", intent="affirm", events=[refusal, yes])
    _, [message] = run(ActionAcceptOffer(), tracker)
    assert "不能为您办理" in message["text"]
    plain = make_tracker("好的", intent="affirm")
    _, [message] = run(ActionAcceptOffer(), plain)
    assert "还有什么可以帮您" in message["text"]


def test_every_question_offers_a_way_to_pause(api: FakeApi) -> None:
    setup_questions(api)
    _, [message] = run(
        ActionAskRiskAnswer(), make_tracker("开始测评", intent="start_risk_assessment")
    )
    assert message["buttons"][-1]["payload"] == "/stop"


def test_another_request_inside_the_questionnaire_shows_the_way_out(api: FakeApi) -> None:
    setup_questions(api)
    api.on("POST", "/api/questionnaire/interpret", {"option_id": None, "confidence": 0.0})
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("给我推荐点产品", intent="ask_recommendation")
    result = asyncio.run(
        ValidateRiskForm().validate_risk_answer("给我推荐点产品", dispatcher, tracker, {})
    )
    assert result == {"risk_answer": None}
    assert "暂停测评" in dispatcher.messages[0]["text"]
    assert "第1/2题" in dispatcher.messages[0]["text"]


def test_an_answer_read_as_a_product_question_still_answers_the_question(api: FakeApi) -> None:
    setup_questions(api)
    api.on("POST", "/api/questionnaire/interpret", {"option_id": "b", "confidence": 0.9})
    tracker = make_tracker(
        "债券基金、混合基金",
        intent="ask_product_info",
        slots={"risk_answers": {"q01": "a"}},
        entities=[{"entity": "product_type", "value": "bond_fund"}],
    )
    tracker.active_loop = {"name": "risk_form"}
    events, messages = run(ActionProductInfo(), tracker)
    assert messages == []
    assert SlotSet("risk_answers", {"q01": "a", "q02": "b"}) in events
    assert SlotSet("risk_answer", "done") in events


def test_the_result_says_in_plain_words_what_suits(api: FakeApi) -> None:
    api.on(
        "POST",
        "/api/risk-profile/score",
        {
            "level": "C3",
            "score": 50,
            "lowest_category": False,
            "valid_until": "2027-11-22",
            "explanation": "您的得分为50分。",
        },
    )
    tracker = make_tracker("b", intent="inform", slots={"risk_answers": {"q01": "a"}})
    _, [message] = run(ActionScoreQuestionnaire(), tracker)
    assert "R3及以下" in message["text"]


def test_silver_customers_get_a_short_answer_and_one_offer_of_a_person(api: FakeApi) -> None:
    api.on(
        "POST",
        "/api/suitability/match",
        {
            "recommendations": [
                {"code": "IF03", "reasons": ["理由一", "理由二", "理由三", "理由四"]},
            ],
            "notes": ["您已年满60岁……如需帮助，可随时转接人工理财顾问。"],
        },
    )
    api.on("GET", "/api/products/IF03", IF03)
    tracker = make_tracker(
        "推荐", intent="ask_recommendation", slots={"investor_level": "C2", "age": 65}
    )
    events, [message] = run(ActionRecommend(), tracker)
    assert "理由二" in message["text"] and "理由三" not in message["text"]
    assert "可以随时转人工" not in message["text"]  # the matcher's note already offers one
    assert SlotSet("offer", "human") in events


def test_unknown_term_examples_in_english_use_english_commas(api: FakeApi) -> None:
    api.on(
        "GET",
        "/api/glossary/lookup",
        lambda _p, _j: (_ for _ in ()).throw(
            __import__("actions.client", fromlist=["ApiError"]).ApiError(
                404, {"suggestions": [{"name": "NAV"}, {"name": "ETF"}]}
            )
        ),
    )
    tracker = make_tracker("what is a zorp", intent="explain_term", slots={"language": "en"})
    _, [message] = run(ActionExplainTerm(), tracker)
    assert "NAV, ETF" in message["text"] and "、" not in message["text"]


def test_the_opening_message_of_an_illustration_can_name_the_product_in_words(
    api: FakeApi,
) -> None:
    api.on("GET", "/api/products/search", [{"code": "IF01", "name": "稳见沪深300", "score": 0.7}])
    tracker = make_tracker("测算一下沪深300那个基金", intent="calculate_return")
    dispatcher = CollectingDispatcher()
    found = asyncio.run(ValidateIllustrationForm().extract_product(dispatcher, tracker, {}))
    assert found == {}
    assert dispatcher.messages[0]["buttons"][0]["payload"] == '/inform{"product":"IF01"}'
    api.on("GET", "/api/products/search", [{"code": "IF01", "score": 0.95}])
    found = asyncio.run(ValidateIllustrationForm().extract_product(dispatcher, tracker, {}))
    assert found == {"product": "IF01"}


def test_an_illustration_caveat_is_not_repeated(api: FakeApi) -> None:
    api.on(
        "POST",
        "/api/illustrations",
        {
            "text": "DailyPlus: CNY 1,000.00 held for 12 months, illustrated from its 7-day yield: …",
            "assumptions": ["a"],
            "caveats": ["Past performance does not indicate future results.", "Other caveat."],
            "scenarios": [],
        },
    )
    tracker = make_tracker(
        "go", intent="inform", slots={"product": "MMF01", "amount": 1000, "horizon_months": 12}
    )
    _, [message] = run(ActionIllustrateReturn(), tracker)
    assert message["text"].lower().count("past performance") == 1
    assert "Other caveat." in message["text"]


def test_a_level_remembered_in_the_conversation_expires_too(api: FakeApi) -> None:
    tracker = make_tracker(
        "推荐",
        intent="ask_recommendation",
        slots={"investor_level": "C3", "profile_valid_until": "2020-01-01"},
    )
    events, [message] = run(ActionRecommend(), tracker)
    assert not api.posted("/api/suitability/match")
    assert SlotSet("offer", "questionnaire") in events
    assert message["buttons"][0]["payload"] == "/start_risk_assessment"


def test_unhelpful_feedback_is_recorded_and_offers_a_way_forward(api: FakeApi) -> None:
    from actions.feedback import ActionRecordFeedback

    api.on("POST", "/api/feedback/message", {"id": 1})
    tracker = make_tracker("not helpful at all", intent="give_feedback", slots={"language": "en"})
    _, [message] = run(ActionRecordFeedback(), tracker)
    assert api.posted("/api/feedback/message")[0]["helpful"] is False
    assert message["buttons"][0]["payload"] == "/request_human"


def test_yes_to_the_person_offered_after_two_misses_records_why() -> None:
    from actions.handoff import handoff_reason

    miss = {"event": "user", "text": "zxcv", "parse_data": {"intent": {"name": "nlu_fallback"}}}
    yes = {"event": "user", "text": "yes", "parse_data": {"intent": {"name": "affirm"}}}
    tracker = make_tracker("yes", intent="affirm", slots={"offer": "human"}, events=[miss, yes])
    assert handoff_reason(tracker) == "repeated_misunderstanding"


def test_cancel_withdraws_a_waiting_handoff(api: FakeApi) -> None:
    from actions.handoff import ActionStop

    api.on("POST", "/api/handoffs/7/cancel", {"id": 7, "status": "cancelled"})
    tracker = make_tracker("cancel", intent="stop", slots={"handoff_id": "7", "language": "en"})
    events, [message] = run(ActionStop(), tracker)
    assert SlotSet("handoff_id", None) in events
    assert "ticket 7" in message["text"]
    events, [message] = run(ActionStop(), make_tracker("算了", intent="stop"))
    assert events == [] and "已取消" in message["text"]
