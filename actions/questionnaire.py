"""The risk questionnaire as a Rasa form: one question per turn, why, back, pause/resume, score."""

from __future__ import annotations

import time
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import client
from actions.constants import (
    AGE,
    AMOUNT,
    HORIZON_MONTHS,
    INVESTOR_LEVEL,
    LOWEST_CATEGORY,
    OFFER,
    OFFER_NONE,
    OFFER_QUESTIONNAIRE,
    PROFILE_VALID_UNTIL,
    RISK_ANSWER,
    RISK_ANSWERS,
    RISK_FORM,
)
from actions.texts import button, language_of, say, texts

_CACHE_SECONDS = 60
# Intents that clearly ask for something else: when such a message is no answer to the
# question, say so and show the way out (pause) instead of only "not understood".
OFF_TOPIC_INTENTS = {
    "ask_recommendation",
    "browse_products",
    "compare_products",
    "calculate_return",
    "ask_risk_profile",
    "help",
    "greet",
    "bot_challenge",
    "out_of_scope",
    "give_feedback",
}
# Messages that start or resume the questionnaire: never read as an answer.
FORM_TRIGGERS = {"start_risk_assessment", "resume"}
_questionnaires: dict[str, tuple[float, dict[str, Any]]] = {}


async def questionnaire(lang: str) -> dict[str, Any]:
    cached = _questionnaires.get(lang)
    if cached and time.monotonic() - cached[0] < _CACHE_SECONDS:
        return cached[1]
    data = await client.get("/api/questionnaire", lang=lang)
    _questionnaires[lang] = (time.monotonic(), data)
    return data


def answers_of(tracker: Tracker) -> dict[str, str]:
    return dict(tracker.get_slot(RISK_ANSWERS) or {})


def current_question(
    data: dict[str, Any], answers: dict[str, str]
) -> tuple[int, dict[str, Any] | None]:
    questions = data["questions"]
    for index, question in enumerate(questions):
        if question["id"] not in answers:
            return index, question
    return len(questions), None


async def answer_in_passing(tracker: Tracker, lang: str) -> list[EventType] | None:
    """Inside the questionnaire, a message the NLU took for another question ("只懂存款" read
    as a product question) may still answer the current one: record it if the API can
    interpret it, so the form moves on instead of answering something not asked."""
    text = str(tracker.latest_message.get("text") or "")
    if tracker.active_loop_name != RISK_FORM or not text or text.startswith("/"):
        return None
    answers = answers_of(tracker)
    try:
        data = await questionnaire(lang)
        _, question = current_question(data, answers)
        if question is None:
            return None
        option = await interpret(question, text, lang)
    except (client.ApiUnavailable, client.ApiError):
        return None
    if option is None:
        return None
    return [SlotSet(name, value) for name, value in record(data, answers, question, option).items()]


async def interpret(question: dict[str, Any], text: str, lang: str) -> str | None:
    """The option a free-text answer chooses, as the API reads it (None: unclear)."""
    interpreted = await client.post(
        "/api/questionnaire/interpret", {"question_id": question["id"], "text": text, "lang": lang}
    )
    option = interpreted.get("option_id")
    return str(option) if option is not None else None


def record(
    data: dict[str, Any], answers: dict[str, str], question: dict[str, Any], option: str
) -> dict[str, Any]:
    """The form's slots once `option` answers `question` ("done" after the last one)."""
    answers[question["id"]] = option
    done = len(answers) >= len(data["questions"])
    return {RISK_ANSWERS: answers, RISK_ANSWER: "done" if done else None}


class ActionStartQuestionnaire(Action):
    """Start the form: afresh, or where a paused questionnaire left off."""

    def name(self) -> str:
        return "action_start_questionnaire"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        # Answers kept from a paused questionnaire are resumed, whatever words the customer
        # used to carry on; a finished questionnaire leaves none, so a retake starts afresh.
        fresh = not answers_of(tracker)
        dispatcher.utter_message(
            text=say("questionnaire_intro" if fresh else "questionnaire_resume", lang)
        )
        answers: dict[str, str] = {} if fresh else answers_of(tracker)
        return [
            SlotSet(RISK_ANSWERS, answers),
            SlotSet(RISK_ANSWER, None),
            SlotSet(OFFER, OFFER_NONE),
        ]


class ActionAskRiskAnswer(Action):
    def name(self) -> str:
        return "action_ask_risk_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        try:
            data = await questionnaire(lang)
        except (client.ApiUnavailable, client.ApiError):
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return [ActiveLoop(None), SlotSet("requested_slot", None)]
        index, question = current_question(data, answers_of(tracker))
        if question is None:
            return []
        total = len(data["questions"])
        buttons = [
            {"title": o["text"], "payload": f'/inform{{"option":"{o["id"]}"}}'}
            for o in question["options"]
        ]
        buttons.append(button("btn_why", lang, "/why_ask"))
        if index > 0:
            buttons.append(button("btn_back", lang, "/go_back"))
        buttons.append(button("btn_pause", lang, "/stop"))
        dispatcher.utter_message(
            text=say("question", lang, index=index + 1, total=total, text=question["text"]),
            buttons=buttons,
            json_message={
                "type": "questionnaire",
                "index": index + 1,
                "total": total,
                "question_id": question["id"],
            },
        )
        return []


class ValidateRiskForm(FormValidationAction):
    def name(self) -> str:
        return "validate_risk_form"

    async def validate_risk_answer(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        lang = language_of(tracker)
        answers = answers_of(tracker)
        try:
            data = await questionnaire(lang)
            index, question = current_question(data, answers)
            if question is None:
                return {RISK_ANSWER: "done"}
            option = self._chosen_option(tracker, question)
            intent = (tracker.latest_message.get("intent") or {}).get("name")
            if option is None and (str(value or "").startswith("/") or intent in FORM_TRIGGERS):
                # The message that started or resumed the form ("开始风险测评", a button):
                # no answer yet, and nothing to complain about — the question is simply asked.
                return {RISK_ANSWER: None}
            if option is None and value:
                option = await interpret(question, str(value), lang)
        except (client.ApiUnavailable, client.ApiError):
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return {RISK_ANSWER: None}
        if option is None:
            if intent == "switch_language":
                # The language slot already follows the message; confirm and ask again.
                dispatcher.utter_message(text=say("language_switched", lang))
            elif intent in OFF_TOPIC_INTENTS:
                dispatcher.utter_message(
                    text=say(
                        "question_off_topic", lang, index=index + 1, total=len(data["questions"])
                    )
                )
            else:
                dispatcher.utter_message(text=say("question_not_understood", lang))
            return {RISK_ANSWER: None}
        return record(data, answers, question, option)

    @staticmethod
    def _chosen_option(tracker: Tracker, question: dict[str, Any]) -> str | None:
        valid = {o["id"] for o in question["options"]}
        for entity in tracker.latest_message.get("entities", []):
            if entity.get("entity") == "option" and str(entity.get("value")) in valid:
                return str(entity["value"])
        return None


class ActionScoreQuestionnaire(Action):
    def name(self) -> str:
        return "action_score_questionnaire"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        answers = answers_of(tracker)
        try:
            result = await client.post(
                "/api/risk-profile/score",
                {"answers": answers, "customer_id": tracker.sender_id, "lang": lang},
            )
        except (client.ApiUnavailable, client.ApiError):
            dispatcher.utter_message(text=say("questionnaire_not_saved", lang))
            return [SlotSet(RISK_ANSWER, None)]
        key = "result_lowest" if result["lowest_category"] else "result"
        meaning_key = f"meaning_{result['level']}"
        dispatcher.utter_message(
            text=say(
                key,
                lang,
                meaning=say(meaning_key, lang) if meaning_key in texts() else "",
                level=result["level"],
                label=result.get("level_label", ""),
                score=result["score"],
                valid_until=result["valid_until"],
                explanation=result.get("explanation", ""),
            ),
            buttons=[
                button("btn_recommend", lang, "/ask_recommendation"),
                button("btn_browse", lang, "/browse_products"),
            ],
            json_message={
                "type": "risk_result",
                "level": result["level"],
                "score": result["score"],
                "lowest_category": result["lowest_category"],
                "valid_until": result["valid_until"],
            },
        )
        events: list[EventType] = [
            SlotSet(INVESTOR_LEVEL, result["level"]),
            SlotSet(LOWEST_CATEGORY, result["lowest_category"]),
            SlotSet(PROFILE_VALID_UNTIL, result["valid_until"]),
            SlotSet(RISK_ANSWER, None),
            SlotSet(RISK_ANSWERS, {}),
            # Figures typed as answers (income, years) are not an amount or horizon to invest.
            SlotSet(AMOUNT, None),
            SlotSet(HORIZON_MONTHS, None),
        ]
        if result.get("age") is not None:
            events.append(SlotSet(AGE, result["age"]))
        return events


class ActionExplainQuestion(Action):
    def name(self) -> str:
        return "action_explain_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        try:
            data = await questionnaire(lang)
        except (client.ApiUnavailable, client.ApiError):
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return []
        _, question = current_question(data, answers_of(tracker))
        why = question.get("why") if question else None
        dispatcher.utter_message(text=say("why_we_ask", lang, why=why or say("why_general", lang)))
        return []


class ActionQuestionnaireBack(Action):
    def name(self) -> str:
        return "action_questionnaire_back"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        answers = answers_of(tracker)
        if not answers:
            dispatcher.utter_message(text=say("back_at_first", lang))
            return []
        answers.pop(list(answers)[-1])
        dispatcher.utter_message(text=say("back_ok", lang))
        return [SlotSet(RISK_ANSWERS, answers), SlotSet(RISK_ANSWER, None)]


class ActionPauseQuestionnaire(Action):
    def name(self) -> str:
        return "action_pause_questionnaire"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        answered = len(answers_of(tracker))
        dispatcher.utter_message(
            text=say("paused", lang, answered=answered),
            buttons=[button("btn_resume", lang, "/resume")],
        )
        return [
            ActiveLoop(None),
            SlotSet("requested_slot", None),
            SlotSet(OFFER, OFFER_QUESTIONNAIRE),
        ]


class ActionShowRiskProfile(Action):
    def name(self) -> str:
        return "action_show_risk_profile"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        start = [button("btn_start_questionnaire", lang, "/start_risk_assessment")]
        try:
            profile = await client.get(f"/api/risk-profile/{tracker.sender_id}", lang=lang)
        except client.ApiError as exc:
            if exc.status == 404:
                dispatcher.utter_message(text=say("profile_none", lang), buttons=start)
                return [SlotSet(OFFER, OFFER_QUESTIONNAIRE)]
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return []
        except client.ApiUnavailable:
            dispatcher.utter_message(text=say("service_unavailable", lang))
            return []
        if profile.get("status") != "valid":
            dispatcher.utter_message(
                text=say(
                    "profile_expired",
                    lang,
                    level=profile["level"],
                    valid_until=profile["valid_until"],
                ),
                buttons=start,
            )
            return [SlotSet(INVESTOR_LEVEL, None), SlotSet(OFFER, OFFER_QUESTIONNAIRE)]
        dispatcher.utter_message(
            text=say(
                "profile_valid",
                lang,
                level=profile["level"],
                label=profile.get("level_label", ""),
                valid_until=profile["valid_until"],
            ),
            buttons=[button("btn_recommend", lang, "/ask_recommendation"), *start],
        )
        return [
            SlotSet(INVESTOR_LEVEL, profile["level"]),
            SlotSet(LOWEST_CATEGORY, profile["lowest_category"]),
            SlotSet(PROFILE_VALID_UNTIL, profile["valid_until"]),
        ]
