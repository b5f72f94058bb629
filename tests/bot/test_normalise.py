import random

import pytest
import zhconv

from bot.normalise import normalise_text, to_halfwidth, to_simplified


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我想買鑫利寶", "我想买鑫利宝"),
        ("風險測評", "风险测评"),
        ("乾燥", "干燥"),  # phrase-level conversion picks 干 here ...
        ("乾隆", "乾隆"),  # ... and keeps 乾 here
        ("１２３ＡＢＣ，ｒ３", "123ABC,r3"),
        ("￥３０００", "¥3000"),
        ("全\u3000角", "全 角"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


def test_phrases_that_change_length_fall_back_to_single_characters() -> None:
    # zhconv maps 公尺 -> 米 (two characters to one); offsets must not move.
    assert len(zhconv.convert("五公尺", "zh-cn")) != 3
    assert normalise_text("五公尺") == "五公尺"
    assert normalise_text("伊斯坦堡的基金") == "伊斯坦堡的基金"


def test_length_is_preserved_on_random_mixed_text() -> None:
    alphabet = "我想買鑫利寶貨幣基金公尺伊斯坦堡ＡＢＣ１２３abc 123,.，。！？😀\u3000￥%R3"
    rng = random.Random(20240601)
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert len(normalise_text(text)) == len(text)


def test_halfwidth_and_simplified_are_separate_steps() -> None:
    assert to_halfwidth("Ｒ３級") == "R3級"
    assert to_simplified("Ｒ３級") == "Ｒ３级"
