import pytest

from api.chat.masking import contains_personal_data, mask_personal_data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我的身份证是110101199003071234", "我的身份证是[ID]"),
        ("ID 11010119900307123X please", "ID [ID] please"),
        ("卡号6222 0212 3456 7890 123", "卡号[CARD]"),
        ("card 6222021234567890", "card [CARD]"),
        ("电话13812345678找我", "电话[PHONE]找我"),
        ("call +86 138-1234-5678", "call [PHONE]"),
        ("mail me at li.wei@example.com.cn ok", "mail me at [EMAIL] ok"),
    ],
)
def test_personal_data_is_replaced(text: str, expected: str) -> None:
    assert mask_personal_data(text) == expected


@pytest.mark.parametrize(
    "text",
    ["我想投资50000元", "invest 100,000 for 12 months", "R3产品", "2025年收益2.35%", "代码 WM001"],
)
def test_ordinary_figures_are_kept(text: str) -> None:
    assert mask_personal_data(text) == text
    assert not contains_personal_data(text)
