"""The chat page in a real browser: consent, every message type, languages, large text,
keyboard and screen-reader basics, and that nothing anyone writes becomes markup.

Runs against the API alone (no Rasa): bot replies are served by intercepting POST /api/chat.
"""

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.chat_page.samples import ATTACK, BOT_REPLIES, HOSTILE_REPLY, ZH_DISCLOSURES
from tests.e2e.chat_page.support import (
    open_chat,
    send,
    serve_replies,
)


def test_consent_must_be_accepted_before_the_first_message(page: Page, artifacts: Path) -> None:
    page.goto("/")
    expect(page.locator("#consent")).to_be_visible()
    expect(page.locator("#consent")).to_contain_text("自动遮盖")  # what is masked
    expect(page.locator("#consent")).to_contain_text("删除")  # how to ask for deletion
    page.screenshot(path=str(artifacts / "chat-consent.png"))
    expect(page.locator("#composer-input")).to_be_disabled()
    page.click("#consent-decline")
    expect(page.locator("#composer-input")).to_be_disabled()
    expect(page.locator("#human")).to_be_disabled()
    expect(page.locator("#log")).to_contain_text("未同意隐私说明")
    page.get_by_role("button", name="阅读隐私说明").click()
    page.click("#consent-accept")
    expect(page.locator("#composer-input")).to_be_enabled()
    page.reload()  # accepted once, not asked again
    expect(page.locator("#consent")).not_to_be_visible()
    expect(page.locator("#composer-input")).to_be_enabled()


def test_every_message_type_renders(page: Page, artifacts: Path) -> None:
    serve_replies(page, BOT_REPLIES)
    open_chat(page)
    send(page, "都给我看看")
    log = page.locator("#log")
    expect(log.locator(".product-card")).to_have_count(3)
    badges = log.locator(".product-card .risk-badge")
    for index, level in enumerate(["r1", "r2", "r5"]):
        expect(badges.nth(index)).to_have_class(f"risk-badge risk-{level}")
    assert badges.nth(0).evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(30, 123, 52)"
    assert badges.nth(2).evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(185, 28, 28)"
    expect(log.locator(".product-card").first).to_contain_text("七日年化收益率")
    expect(log.locator("table.comparison tbody tr")).to_have_count(3)
    expect(log.locator("table.comparison thead")).to_contain_text("安鑫固收 180 天")
    expect(log.locator("table.comparison .risk-badge")).to_have_count(2)
    expect(log.locator("table.comparison .risk-r2")).to_have_text("R2 中低风险")
    progress = log.locator(".questionnaire-progress")
    expect(progress).to_contain_text("问题 4 / 12")
    expect(progress.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "4")
    expect(log.locator("svg.illustration-chart rect")).to_have_count(3)
    expect(log.locator("svg.illustration-chart .bar-loss")).to_have_count(1)
    expect(log.locator(".illustration-table tbody tr")).to_have_count(3)
    expect(log.locator(".illustration .assumptions li")).to_have_count(2)
    expect(log.locator(".handoff-status")).to_contain_text("您前面还有 2 位客户")
    expect(log.locator(".handoff-status")).to_contain_text("预计等待约 8 分钟")
    unknown = log.locator('[data-type="mystery"] .bubble')
    expect(unknown.locator(".text")).to_have_text("一条未知类型的消息")
    expect(unknown.locator("> *")).to_have_count(2)  # the (hidden) author and the text only
    page.screenshot(path=str(artifacts / "chat-desktop.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 812})
    page.screenshot(path=str(artifacts / "chat-phone.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scroll


def test_disclosures_are_a_separate_prominent_block(page: Page) -> None:
    serve_replies(page, BOT_REPLIES[:1])
    open_chat(page)
    send(page, "低风险产品")
    message = page.locator('#log [data-type="product_cards"]')
    body = message.locator(".text")
    expect(body).to_have_text("为您找到以下产品：\n1. 稳利七天（MM001）\n2. 安鑫固收（WM012）")
    block = message.locator(".disclosures")
    expect(block).to_be_visible()
    expect(block.locator("li")).to_have_text(ZH_DISCLOSURES)
    body_size = body.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    warning_size = block.locator("li").first.evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    assert warning_size >= 1.5 * body_size
    assert block.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"


def test_buttons_send_their_payload_and_show_their_title(page: Page) -> None:
    sent = serve_replies(page, BOT_REPLIES[:1])
    open_chat(page, "/?channel=app&utm_campaign=spring-2025")
    send(page, "低风险产品")
    page.locator('[data-type="product_cards"] [data-payload="/ask_recommendation"]').click()
    page.locator(".product-card").first.get_by_role("button", name="查看详情").click()
    page.click("#human")
    page.click("#complaint")
    expect(page.locator("#log .from-user")).to_have_count(5)
    messages = [body["message"] for body in sent]
    assert messages == [
        "低风险产品",
        "/ask_recommendation",
        '/ask_product_info{"product":"MM001"}',
        "/request_human",
        "/complaint",
    ]
    assert sent[0]["metadata"] == {"language": "zh", "channel": "app", "campaign": "spring-2025"}
    users = page.locator("#log .from-user .text")
    expect(users.nth(1)).to_have_text("帮我推荐")
    expect(users.nth(2)).to_have_text("稳利七天货币基金 详情")
    expect(users.nth(3)).to_have_text("转人工")


def test_english_toggle_relabels_the_page_and_is_sent(page: Page, artifacts: Path) -> None:
    sent = serve_replies(page, BOT_REPLIES)
    open_chat(page)
    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator("#composer-input")).to_have_attribute("placeholder", "Type your question…")
    expect(page.locator("#human")).to_have_text("Talk to a person")
    expect(page.locator("#log .welcome")).to_contain_text("Hello! I am the wealth assistant")
    send(page, "show me")
    expect(page.locator(".questionnaire-progress")).to_contain_text("Question 4 of 12")
    expect(page.locator(".product-card").first).to_contain_text("Key risks")
    assert sent[0]["metadata"]["language"] == "en"
    page.set_viewport_size({"width": 375, "height": 812})
    page.screenshot(path=str(artifacts / "chat-phone-en.png"))
    page.reload()  # the choice is remembered
    expect(page.locator("#human")).to_have_text("Talk to a person")


def test_large_text_mode_scales_and_persists(page: Page, artifacts: Path) -> None:
    serve_replies(page, BOT_REPLIES[:3])
    open_chat(page)
    page.set_viewport_size({"width": 375, "height": 812})
    send(page, "产品")
    normal = page.locator(".product-card .card-name").first.evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    page.click("#large-toggle")
    expect(page.locator("#large-toggle")).to_have_attribute("aria-pressed", "true")
    large = page.locator(".product-card .card-name").first.evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    assert abs(large / normal - 1.3) < 0.01
    page.screenshot(path=str(artifacts / "chat-phone-large-text.png"))
    page.reload()
    expect(page.locator("html")).to_have_class("large-text")


def test_keyboard_and_screen_reader_basics(page: Page) -> None:
    sent = serve_replies(page, BOT_REPLIES[:1])
    open_chat(page)
    log = page.locator("#log")
    expect(log).to_have_attribute("role", "log")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(page.locator("#composer-input")).to_be_focused()  # ready to type after consent
    page.keyboard.type("第一行")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("第二行")
    page.keyboard.press("Enter")
    expect(page.locator("#log .from-user .text")).to_have_text("第一行\n第二行")
    assert sent[0]["message"] == "第一行\n第二行"
    page.focus(".skip-link")  # the first stop of the page
    order = []
    for _ in range(4):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id"))
    assert order == ["lang-toggle", "large-toggle", "human", "complaint"]
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # visible focus
    unnamed = page.evaluate(
        """[...document.querySelectorAll('button')].filter(b =>
             !(b.textContent.trim() || b.getAttribute('aria-label'))).length"""
    )
    assert unnamed == 0
    assert page.evaluate("document.querySelector('label[for=composer-input]') !== null")


def test_nothing_anyone_writes_becomes_markup(page: Page, artifacts: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    serve_replies(page, [HOSTILE_REPLY])
    open_chat(page)
    send(page, ATTACK)
    expect(page.locator("#log .from-user .text")).to_have_text(ATTACK)
    expect(page.locator(".product-card .card-name")).to_have_text(ATTACK)
    expect(page.get_by_role("button", name=ATTACK)).to_be_visible()
    expect(page.locator(".disclosures li").nth(1)).to_have_text(ATTACK)
    page.wait_for_timeout(300)  # an injected onerror would have fired by now
    assert page.locator("#log img, #log script, #log b, #log svg[onload]").count() == 0
    assert dialogs == []
    page.screenshot(path=str(artifacts / "chat-xss.png"))


def test_renderer_pieces(page: Page) -> None:
    open_chat(page)
    results = page.evaluate(
        """async () => {
          const m = await import('/static/js/messages.js');
          const i = await import('/static/js/widgets/illustration.js');
          return {
            split: m.splitDisclosures('正文\\nA。\\nB。', ['B。', 'A。']),
            kept: m.splitDisclosures('A。在中间\\n正文', ['A。']),
            empty: m.splitDisclosures(null, 'not a list'),
            layout: i.barLayout([-2000, 2900, 4500], 200),
            rates: [2.9, -2, 0.5, '2.6%–3.2%'].map(i.formatRate),
            types: m.RENDERED_TYPES,
            unknown: m.renderMessage({text: 'x', custom: {type: 'nope'}}).textContent,
          };
        }"""
    )
    assert results["split"] == {"body": "正文", "disclosures": ["B。", "A。"]}
    assert results["kept"]["body"] == "A。在中间\n正文"
    assert results["empty"] == {"body": "", "disclosures": []}
    zero, bars = results["layout"]["zero"], results["layout"]["bars"]
    assert abs(bars[0]["x"] + bars[0]["width"] - zero) < 1e-6 and bars[0]["negative"]
    assert abs(bars[2]["x"] + bars[2]["width"] - 200) < 1e-6
    assert bars[1]["width"] < bars[2]["width"]
    assert results["rates"] == ["2.90%", "-2.00%", "0.50%", "2.6%–3.2%"]
    assert set(results["types"]) == {
        "product_cards",
        "comparison",
        "questionnaire",
        "illustration",
        "handoff",
    }
    assert "x" in results["unknown"]
