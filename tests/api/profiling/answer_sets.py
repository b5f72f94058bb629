"""Build complete answer sets with an exact total, for band-boundary tests."""

from api.profiling.questionnaire import Questionnaire


def answers_totalling(questionnaire: Questionnaire, total: int) -> dict[str, str] | None:
    """Answers scoring exactly `total` without any lowest-category option, if possible."""
    questions = questionnaire.questions
    # reachable[i][t]: an option id for question i that leads to total t from question i on.
    reachable: list[dict[int, str]] = [{} for _ in questions]
    remaining: set[int] = {0}
    for index in range(len(questions) - 1, -1, -1):
        options = [o for o in questions[index].options if o.lowest_category is None]
        step: dict[int, str] = {}
        for option in options:
            for rest in remaining:
                step.setdefault(option.score + rest, option.id)
        reachable[index] = step
        remaining = set(step)
    if total not in reachable[0]:
        return None
    answers, left = {}, total
    for index, question in enumerate(questions):
        option_id = _option_towards(questionnaire, index, left, reachable)
        answers[question.id] = option_id
        left -= question.option(option_id).score  # type: ignore[union-attr]
    return answers


def _option_towards(
    questionnaire: Questionnaire, index: int, left: int, reachable: list[dict[int, str]]
) -> str:
    question = questionnaire.questions[index]
    for option in question.options:
        if option.lowest_category is not None:
            continue
        rest = left - option.score
        if index == len(questionnaire.questions) - 1:
            if rest == 0:
                return option.id
        elif rest in reachable[index + 1]:
            return option.id
    raise AssertionError(f"no option of {question.id} reaches {left}")


def extreme_answers(questionnaire: Questionnaire, *, highest: bool) -> dict[str, str]:
    pick = max if highest else min
    return {q.id: pick(q.options, key=lambda o: o.score).id for q in questionnaire.questions}
