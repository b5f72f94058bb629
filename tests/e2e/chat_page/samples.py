"""Bot replies of every custom type the chat page renders, and a hostile one (XSS)."""

ZH_DISCLOSURES = ["理财非存款、产品有风险、投资须谨慎。", "过往业绩不代表未来表现。"]

PRODUCT_CARDS = {
    "text": "为您找到以下产品：\n1. 稳利七天（MM001）\n2. 安鑫固收（WM012）\n"
    + "\n".join(ZH_DISCLOSURES),
    "buttons": [
        {"title": "帮我推荐", "payload": "/ask_recommendation"},
        {"title": "看看其他", "payload": "/browse_products"},
    ],
    "custom": {
        "type": "product_cards",
        "disclosures": ZH_DISCLOSURES,
        "products": [
            {
                "code": "MM001",
                "name": "稳利七天货币基金",
                "type_label": "货币基金",
                "risk_level": "R1",
                "yield": {"kind_label": "七日年化收益率", "text": "1.85%"},
                "term_text": "无固定期限，T+1 赎回",
                "min_investment_text": "1 元起",
                "key_risks": "流动性风险；收益波动风险",
                "status_label": "在售",
            },
            {
                "code": "WM012",
                "name": "安鑫固收 180 天",
                "type_label": "固收类理财",
                "risk_level": "R2",
                "yield": {"kind_label": "业绩比较基准", "text": "2.60%–3.20%"},
                "term_text": "180 天封闭期",
                "min_investment_text": "1 万元起",
                "key_risks": "信用风险；利率风险",
            },
            {
                "code": "EQ007",
                "name": "成长精选股票基金",
                "type_label": "股票基金",
                "risk_level": "R5",
                "yield": {"kind_label": "近一年净值增长率", "text": "-8.40%"},
                "term_text": "开放式，T+1 赎回",
                "min_investment_text": "10 元起",
                "key_risks": "市场风险；净值大幅波动",
            },
        ],
    },
}
COMPARISON = {
    "text": "两款产品对比如下：",
    "custom": {
        "type": "comparison",
        "products": [
            {"code": "MM001", "name": "稳利七天货币基金"},
            {"code": "WM012", "name": "安鑫固收 180 天"},
        ],
        "rows": [
            {"field": "risk_level", "label": "风险等级", "values": ["R1", "R2 中低风险"]},
            {
                "field": "yield",
                "label": "收益指标",
                "values": ["七日年化 1.85%", "业绩比较基准 2.60%–3.20%"],
            },
            {"field": "term", "label": "期限", "values": ["T+1 赎回", "180 天封闭"]},
        ],
    },
}
QUESTION = {
    "text": "第 4 题：您的投资经验有多少年？",
    "buttons": [
        {"title": "没有经验", "payload": '/inform{"option":"a"}'},
        {"title": "3 年以上", "payload": '/inform{"option":"c"}'},
    ],
    "custom": {"type": "questionnaire", "index": 4, "total": 12, "question_id": "q04"},
}
ILLUSTRATION = {
    "text": "按 10 万元、持有 12 个月测算：\n过往业绩不代表未来表现。",
    "custom": {
        "type": "illustration",
        "scenarios": [
            {
                "name": "pessimistic",
                "label": "悲观",
                "annual_rate": -2.0,
                "end_value": 98000,
                "gain": -2000,
            },
            {
                "name": "neutral",
                "label": "中性",
                "annual_rate": 2.9,
                "end_value": 102900,
                "gain": 2900,
            },
            {
                "name": "optimistic",
                "label": "乐观",
                "annual_rate": 4.5,
                "end_value": 104500,
                "gain": 4500,
            },
        ],
        "assumptions": ["本金 100,000 元，持有 12 个月", "按业绩比较基准区间测算，未扣除费用"],
        "caveats": ["测算仅供参考，不构成收益承诺"],
        "disclosures": ["过往业绩不代表未来表现。"],
    },
}
HANDOFF = {
    "text": "正在为您转接人工客服。",
    "custom": {"type": "handoff", "status": "queued", "position": 2, "expected_wait_minutes": 8},
}
UNKNOWN = {"text": "一条未知类型的消息", "custom": {"type": "mystery", "html": "<b>bold</b>"}}
BOT_REPLIES = [PRODUCT_CARDS, COMPARISON, QUESTION, ILLUSTRATION, HANDOFF, UNKNOWN]

ATTACK = "<img src=x onerror=alert(1)>"
HOSTILE_REPLY = {
    "text": f"回答 {ATTACK}<script>alert(2)</script>\n理财非存款、产品有风险、投资须谨慎。",
    "buttons": [{"title": ATTACK, "payload": "/help"}],
    "custom": {
        "type": "product_cards",
        "disclosures": ["理财非存款、产品有风险、投资须谨慎。", ATTACK],
        "products": [
            {
                "code": '"><img src=x onerror=alert(3)>',
                "name": ATTACK,
                "type_label": "<b>x</b>",
                "risk_level": "R9<svg onload=alert(4)>",
                "yield": {"kind_label": ATTACK, "text": ATTACK},
                "term_text": ATTACK,
                "min_investment_text": ATTACK,
                "key_risks": ATTACK,
            }
        ],
    },
}
