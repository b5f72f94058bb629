"""A complete advisory conversation in the browser, in each language, on the real stack:
greeting → product question with a card → questionnaire to a result → suitable suggestions."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from scripts.stack import Stack
from tests.e2e.chat_page.support import open_chat, send

SCRIPT = {
    "zh": {
        "hello": "你好",
        "greeting": "理财智能助手",
        "product": "日日盈的收益怎么样",
        "quiz": "我想做风险测评",
        "result": "测评完成",
        "advice": "根据我的测评结果推荐产品",
        "disclosure": "理财非存款",
        "human_button": "转人工",
    },
    "en": {
        "hello": "hello",
        "greeting": "wealth assistant",
        "product": "what's the yield on DailyPlus?",
        "quiz": "I'd like to take the risk questionnaire",
        "result": "Done",
        "advice": "what do you recommend for me?",
        "disclosure": "not deposits",
        "human_button": "Talk to a person",
    },
}
WAIT = 60_000


def bot_messages(page: Page):  # type: ignore[no-untyped-def]
    return page.locator("#log .from-bot")


def answer_every_question(page: Page, done_text: str) -> None:
    for _ in range(20):
        last = bot_messages(page).last
        expect(last).to_be_visible(timeout=WAIT)
        if done_text in last.inner_text():
            return
        option = last.locator('[data-payload^="/inform"]').nth(1)
        expect(option).to_be_visible(timeout=WAIT)
        count = bot_messages(page).count()
        option.click()
        expect(bot_messages(page)).not_to_have_count(count, timeout=WAIT)
    pytest.fail("the questionnaire did not finish")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_complete_advisory_conversation(
    browser: Browser, stack: Stack, artifacts: Path, lang: str
) -> None:
    words = SCRIPT[lang]
    locale = "zh-CN" if lang == "zh" else "en-US"
    context = browser.new_context(
        base_url=stack.base_url, viewport={"width": 390, "height": 844}, locale=locale
    )
    try:
        page = context.new_page()
        open_chat(page)
        # The page follows the browser's language; make sure it does, so the whole screen
        # (chrome and answers) is in one language.
        if words["human_button"] not in page.locator("#human").inner_text():
            page.click("#lang-toggle")
        expect(page.locator("#human")).to_contain_text(words["human_button"])
        send(page, words["hello"])
        expect(bot_messages(page).last).to_contain_text(words["greeting"], timeout=WAIT)

        send(page, words["product"])
        card = page.locator("#log .product-card").last
        expect(card).to_contain_text("MMF01", timeout=WAIT)
        expect(card.locator(".risk-badge")).to_contain_text("R1")
        expect(page.locator("#log").last).to_contain_text(words["disclosure"])

        send(page, words["quiz"])
        expect(page.locator(".questionnaire-progress").last).to_be_visible(timeout=WAIT)
        answer_every_question(page, words["result"])
        level = int(re.search(r"C([1-5])", bot_messages(page).last.inner_text()).group(1))  # type: ignore[union-attr]

        cards_before = page.locator("#log .product-card").count()
        send(page, words["advice"])
        expect(page.locator("#log .product-card")).not_to_have_count(cards_before, timeout=WAIT)
        page.screenshot(path=str(artifacts / f"advisory-{lang}.png"))
        suggestion = page.locator("#log .from-bot").filter(has=page.locator(".product-card")).last
        risks = [int(code[1]) for code in suggestion.locator(".risk-code").all_inner_texts()]
        assert risks, suggestion.inner_text()
        assert max(risks) <= level
    finally:
        context.close()
