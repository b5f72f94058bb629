"""The one profiling error other domains raise: no valid assessment, so no personal advice."""

from datetime import date
from typing import Literal

from api.errors import Conflict
from api.profiling.questionnaire import Lang, get_questionnaire


class AssessmentRequired(Conflict):
    """409: the customer must (re)take the questionnaire first (DOMAIN.md §4 rule 2).

    `detail` is `{"code": "assessment_required" | "assessment_expired", "message": <text in
    the customer's language>, "questionnaire": "/api/questionnaire", "valid_until"?: date}`.
    """

    def __init__(
        self,
        reason: Literal["missing", "expired"],
        *,
        lang: Lang = "zh",
        valid_until: date | None = None,
    ) -> None:
        template = get_questionnaire().result_texts[reason][lang]
        detail: dict[str, object] = {
            "code": "assessment_required" if reason == "missing" else "assessment_expired",
            "message": template.format(valid_until=valid_until.isoformat() if valid_until else ""),
            "questionnaire": "/api/questionnaire",
        }
        if valid_until is not None:
            detail["valid_until"] = valid_until.isoformat()
        super().__init__(detail)
        self.reason = reason
