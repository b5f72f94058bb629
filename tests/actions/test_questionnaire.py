import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions import questionnaire
from actions.questionnaire import ValidateRiskForm
from tests.actions.conftest import FakeApi, make_tracker

QUESTIONS = {
    "version": "t",
    "questions": [
        {
            "id": "q01",
            "text": "年龄？",
            "why": "因为…",
            "options": [{"id": "a", "text": "<30"}, {"id": "b", "text": ">=30"}],
        },
        {
            "id": "q02",
            "text": "收入？",
            "why": "因为…",
            "options": [{"id": "a", "text": "低"}, {"id": "b", "text": "高"}],
        },
    ],
}


def setup_questions(api: FakeApi) -> None:
    questionnaire._questionnaires.clear()
    api.on("GET", "/api/questionnaire", QUESTIONS)


def validate(tracker, value):  # type: ignore[no-untyped-def]
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ValidateRiskForm().validate_risk_answer(value, dispatcher, tracker, {}))
    return result, dispatcher.messages


def test_a_button_answer_is_stored_and_the_form_continues(api: FakeApi) -> None:
    setup_questions(api)
    tracker = make_tracker(
        '/inform{"option":"b"}', intent="inform", entities=[{"entity": "option", "value": "b"}]
    )
    result, messages = validate(tracker, "b")
    assert result == {"risk_answer": None, "risk_answers": {"q01": "b"}}
    assert messages == []


def test_free_text_is_interpreted_by_the_api(api: FakeApi) -> None:
    setup_questions(api)
    api.on("POST", "/api/questionnaire/interpret", {"option_id": "a", "confidence": 0.9})
    tracker = make_tracker("收入不太高", intent="inform", slots={"risk_answers": {"q01": "b"}})
    result, _ = validate(tracker, "收入不太高")
    assert result == {"risk_answer": "done", "risk_answers": {"q01": "b", "q02": "a"}}
    assert api.posted("/api/questionnaire/interpret")[0]["question_id"] == "q02"


def test_an_answer_that_cannot_be_matched_is_asked_again(api: FakeApi) -> None:
    setup_questions(api)
    api.on("POST", "/api/questionnaire/interpret", {"option_id": None, "confidence": 0.0})
    result, messages = validate(make_tracker("嗯……", intent="inform"), "嗯……")
    assert result == {"risk_answer": None}
    assert "没能理解" in messages[0]["text"]


def test_the_button_that_starts_the_form_is_not_an_answer(api: FakeApi) -> None:
    setup_questions(api)
    result, messages = validate(
        make_tracker("/start_risk_assessment", intent="start_risk_assessment"),
        "/start_risk_assessment",
    )
    assert result == {"risk_answer": None}
    assert messages == []
    assert not api.posted("/api/questionnaire/interpret")


def test_typed_words_that_start_or_resume_the_form_are_not_an_answer(api: FakeApi) -> None:
    setup_questions(api)
    for text, intent in (("开始风险测评", "start_risk_assessment"), ("继续测评", "resume")):
        result, messages = validate(make_tracker(text, intent=intent), text)
        assert result == {"risk_answer": None}
        assert messages == []
    assert not api.posted("/api/questionnaire/interpret")
