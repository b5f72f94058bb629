"""The chat page with the API behind it: the polite "assistant down" reply, history after a
reload, feedback and rating stored, pushes over the WebSocket, reconnecting after a
server restart, and — when the whole stack runs — a real conversation."""

import sqlite3
import time
from pathlib import Path

import pytest
import redis
from playwright.sync_api import Browser, Page, expect

from api.cache import RedisCache
from api.chat.push import publish_to_customer
from scripts.stack import Stack
from tests.e2e.chat_page.samples import BOT_REPLIES
from tests.e2e.chat_page.support import (
    REDIS_URL,
    ApiOnlyServer,
    open_chat,
    send,
    sender_of,
    serve_replies,
)


def rows(server: ApiOnlyServer, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(server.workdir / "app.db") as db:
        return db.execute(sql, params).fetchall()


def stored(server: ApiOnlyServer, sql: str, *params: object) -> list[tuple]:
    """The rows once they appear: the request session commits just after the response
    is sent (FastAPI's default dependency scope), so give it a moment."""
    deadline = time.monotonic() + 5
    while not (found := rows(server, sql, *params)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return found


def publish(sender: str, text: str) -> None:
    cache = RedisCache(redis.Redis.from_url(REDIS_URL))
    publish_to_customer(cache, sender, [{"text": text}])
    cache.client.close()


def test_assistant_down_gets_a_polite_answer(page: Page) -> None:
    open_chat(page)
    send(page, "你好")
    answer = page.locator("#log .from-bot.is-error")
    expect(answer).to_contain_text("智能助手暂时无法响应")
    expect(answer.locator(".feedback")).to_have_count(0)  # nothing to rate
    expect(page.locator("#typing")).to_be_hidden()


def test_a_reload_shows_the_conversation_again(page: Page) -> None:
    open_chat(page)
    send(page, "我的电话是13812345678")
    expect(page.locator("#log .is-error")).to_have_count(1)
    sender = sender_of(page)
    page.reload()
    expect(page.locator("#log .from-user .text")).to_have_text("我的电话是[PHONE]")  # masked
    expect(page.locator("#log .is-error")).to_have_count(1)
    assert sender_of(page) == sender
    expect(page.locator("#log .welcome")).to_have_count(0)


def test_thumbs_and_rating_are_stored(page: Page, server: ApiOnlyServer, artifacts: Path) -> None:
    serve_replies(page, BOT_REPLIES[:1], through_api=True)
    open_chat(page)
    send(page, "低风险产品")
    answer = page.locator('#log [data-type="product_cards"]')
    answer.get_by_role("button", name="没帮助").click()
    expect(answer.locator(".feedback-result")).to_have_text("感谢您的反馈")
    sender = sender_of(page)
    assert stored(server, "SELECT helpful FROM message_feedback WHERE sender_id = ?", sender) == [
        (0,)
    ]

    page.click("#end")
    page.locator("label[for=star-4]").click()
    page.fill("#rating-comment", "请回电 13812345678")
    page.screenshot(path=str(artifacts / "chat-rating.png"))
    page.get_by_role("button", name="提交评价").click()
    expect(page.locator("#rating-done-text")).to_be_visible()
    rating = stored(
        server, "SELECT rating, comment FROM conversation_ratings WHERE sender_id = ?", sender
    )
    assert rating == [(4, "请回电 [PHONE]")]
    page.click("#new-chat")
    expect(page.locator("#log")).to_contain_text("本次对话已结束")
    assert sender_of(page) != sender


def test_rating_needs_a_star(page: Page) -> None:
    serve_replies(page, BOT_REPLIES[:1], through_api=True)
    open_chat(page)
    send(page, "hi")
    page.click("#end")
    page.get_by_role("button", name="提交评价").click()
    expect(page.locator("#rating-error")).to_have_text("请选择 1–5 星")
    page.click("#rating-back")
    expect(page.locator("#rating")).to_be_hidden()


def test_staff_messages_are_pushed_to_the_open_page(page: Page) -> None:
    open_chat(page)
    expect(page.locator('#connection[data-state="online"]')).to_be_attached()
    publish(sender_of(page), "您好，我是客服小王")
    staff = page.locator("#log .from-staff")
    expect(staff).to_contain_text("您好，我是客服小王")
    expect(staff.locator(".author")).to_have_text("客服")


def test_offline_is_shown_and_a_failed_send_can_be_retried(page: Page) -> None:
    open_chat(page)
    expect(page.locator('#connection[data-state="online"]')).to_be_attached()
    page.context.set_offline(True)
    expect(page.locator('#connection[data-state="offline"]')).to_contain_text("网络已断开")
    send(page, "在吗")
    notice = page.locator("#log .is-notice").last
    expect(notice).to_contain_text("消息未能发送")
    page.context.set_offline(False)
    notice.get_by_role("button", name="重新发送").click()
    expect(page.locator("#log .is-error")).to_contain_text("智能助手暂时无法响应")
    expect(page.locator('#connection[data-state="online"]')).to_be_attached()


def test_the_page_reconnects_after_a_server_restart(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    own = ApiOnlyServer(tmp_path_factory.mktemp("restart"))
    own.create_tables()
    own.start()
    context = browser.new_context(base_url=own.base_url, locale="zh-CN")
    try:
        restarted = context.new_page()
        open_chat(restarted)
        status = restarted.locator("#connection")
        expect(status).to_have_attribute("data-state", "online")
        own.stop()
        expect(status).to_have_attribute("data-state", "offline")
        own.start()
        expect(status).to_have_attribute("data-state", "online", timeout=30_000)
        publish(sender_of(restarted), "重新连接后的消息")
        expect(restarted.locator("#log .from-staff")).to_contain_text("重新连接后的消息")
    finally:
        context.close()
        own.stop()


def test_a_real_conversation_through_the_whole_stack(
    browser: Browser, stack: Stack, artifacts: Path
) -> None:
    """Needs the trained model and all services (`make test` starts them)."""
    context = browser.new_context(base_url=stack.base_url, locale="zh-CN")
    try:
        live = context.new_page()
        open_chat(live)
        send(live, "你好")
        greeting = live.locator("#log .from-bot").last
        expect(greeting).to_contain_text("理财智能助手", timeout=60_000)
        greeting.get_by_role("button", name="有帮助").click()
        expect(greeting.locator(".feedback-result")).to_have_text("感谢您的反馈")
        live.locator('#log [data-payload="/start_risk_assessment"]').last.click()
        expect(live.locator(".questionnaire-progress").last).to_contain_text(
            "问题 1 /", timeout=60_000
        )
        # The button that starts the questionnaire is not taken for a wrong answer.
        expect(live.locator("#log .from-bot", has_text="没法当作本题的答案")).to_have_count(0)
        live.screenshot(path=str(artifacts / "chat-full-stack.png"))
    finally:
        context.close()
