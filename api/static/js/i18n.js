// Every customer-visible label of the chat page, in simplified Chinese and English.
// Elements carry data-i18n="key" (and data-i18n-args='{"n":1}' for templates); relabel()
// rewrites them when the customer switches language. Always through textContent.

const STRINGS = {
  zh: {
    "skip": "跳到输入框",
    "actions.label": "常用操作",
    "privacy.link": "隐私说明",
    "welcome.text": "您好！我是财富助手。您可以直接提问，或选择下面的常用服务：",
    "welcome.browse": "看看有哪些产品",
    "welcome.assess": "做风险测评",
    "welcome.recommend": "帮我推荐",
    "welcome.help": "你能做什么",
    "replies.label": "快捷回复",
    "page.title": "财富助手",
    "page.subtitle": "智能客服 · 7×24 小时",
    "lang.toggle": "English",
    "lang.toggle.label": "切换到英文界面",
    "large.toggle": "大字",
    "large.toggle.label": "大字模式",
    "action.human": "转人工",
    "action.human.sent": "转人工",
    "action.complaint": "投诉",
    "action.complaint.sent": "我要投诉",
    "action.end": "结束对话",
    "status.online": "已连接",
    "status.connecting": "正在连接…",
    "status.offline": "网络已断开，正在重试…",
    "log.label": "对话记录",
    "composer.label": "输入您的问题",
    "composer.placeholder": "请输入您的问题…",
    "composer.send": "发送",
    "composer.hint": "按 Enter 发送，Shift+Enter 换行",
    "typing": "助手正在输入…",
    "author.user": "您",
    "author.bot": "助手",
    "author.staff": "客服",
    "author.system": "系统",
    "disclosures.title": "风险提示",
    "feedback.question": "这条回答有帮助吗？",
    "feedback.up": "有帮助",
    "feedback.down": "没帮助",
    "feedback.thanks": "感谢您的反馈",
    "feedback.failed": "反馈未能提交",
    "card.risk": "风险等级",
    "card.term": "期限",
    "card.minimum": "起购金额",
    "card.key_risks": "主要风险",
    "card.details": "查看详情",
    "card.details.sent": "{name} 详情",
    "risk.R1": "低风险",
    "risk.R2": "中低风险",
    "risk.R3": "中风险",
    "risk.R4": "中高风险",
    "risk.R5": "高风险",
    "comparison.caption": "产品对比",
    "comparison.field": "项目",
    "questionnaire.progress": "问题 {index} / {total}",
    "questionnaire.label": "风险测评进度",
    "illustration.title": "收益测算（情景示意，非承诺）",
    "illustration.scenario": "情景",
    "illustration.rate": "年化",
    "illustration.end_value": "期末金额",
    "illustration.gain": "收益",
    "illustration.assumptions": "测算假设",
    "illustration.caveats": "请注意",
    "illustration.chart": "各情景收益对比图",
    "handoff.queued": "正在为您转接人工客服",
    "handoff.position": "您前面还有 {position} 位客户",
    "handoff.wait": "预计等待约 {minutes} 分钟",
    "handoff.connected": "人工客服已接入，请直接输入您的问题",
    "handoff.closed": "人工服务已结束，智能助手将继续为您服务",
    "handoff.cancel": "取消排队，返回智能助手",
    "handoff.cancel.sent": "取消排队",
    "handoff.cancelled": "已取消排队，智能助手继续为您服务。",
    "handoff.cancel_failed": "取消未成功，请稍后再试。",
    "error.unavailable": "智能助手暂时无法响应，请稍后再试或拨打客服热线 95xxx。",
    "error.network": "消息未能发送，请检查网络后重试。",
    "error.retry": "重新发送",
    "error.rate_limited": "您发送得太快了，请稍等片刻再试。",
    "error.invalid": "消息无法发送：{detail}",
    "error.too_long": "消息过长，请控制在 {max} 字以内。",
    "consent.title": "开始对话前，请阅读隐私说明",
    "consent.p1": "您好！我是银行财富管理智能助手（机器人），可以解答产品、风险测评和服务问题，需要时可随时转人工。",
    "consent.p2": "为保护您的隐私，您发送的身份证号、银行卡号、手机号和电子邮箱会在保存前自动遮盖；请不要发送密码或验证码。",
    "consent.p3": "我们保存遮盖后的对话内容、您的反馈与评分，以及语言和渠道信息，用于回答问题和改进服务，到期自动删除。",
    "consent.p4": "如需删除您的对话记录，可点击“转人工”提出，或拨打客服热线 95xxx。",
    "consent.p5": "理财非存款、产品有风险、投资须谨慎。助手提供的信息不构成收益承诺。",
    "consent.accept": "同意并开始",
    "consent.decline": "不同意",
    "consent.declined": "未同意隐私说明，暂不能使用在线对话。您可以拨打客服热线 95xxx 获得帮助。",
    "consent.review": "阅读隐私说明",
    "rating.title": "结束对话",
    "rating.legend": "请为本次服务打分",
    "rating.star": "{n} 星",
    "rating.comment": "意见或建议（选填）",
    "rating.submit": "提交评价",
    "rating.skip": "跳过",
    "rating.thanks": "感谢您的评价！",
    "rating.choose": "请选择 1–5 星",
    "rating.failed": "评价未能提交，请稍后再试。",
    "rating.new_chat": "开始新对话",
    "rating.cancel": "返回对话",
    "notice.ended": "本次对话已结束。",
  },
  en: {
    "skip": "Skip to the message box",
    "actions.label": "Common actions",
    "privacy.link": "Privacy notice",
    "welcome.text": "Hello! I am the wealth assistant. Ask me anything, or pick a common service below:",
    "welcome.browse": "Show me the products",
    "welcome.assess": "Take the risk questionnaire",
    "welcome.recommend": "Recommend something",
    "welcome.help": "What can you do?",
    "replies.label": "Quick replies",
    "page.title": "Wealth Assistant",
    "page.subtitle": "Virtual assistant · 24×7",
    "lang.toggle": "中文",
    "lang.toggle.label": "Switch to Chinese",
    "large.toggle": "Large text",
    "large.toggle.label": "Large text mode",
    "action.human": "Talk to a person",
    "action.human.sent": "Talk to a person",
    "action.complaint": "Complaint",
    "action.complaint.sent": "I want to make a complaint",
    "action.end": "End chat",
    "status.online": "Connected",
    "status.connecting": "Connecting…",
    "status.offline": "Offline — retrying…",
    "log.label": "Conversation",
    "composer.label": "Type your question",
    "composer.placeholder": "Type your question…",
    "composer.send": "Send",
    "composer.hint": "Enter to send, Shift+Enter for a new line",
    "typing": "The assistant is typing…",
    "author.user": "You",
    "author.bot": "Assistant",
    "author.staff": "Staff",
    "author.system": "Notice",
    "disclosures.title": "Risk warning",
    "feedback.question": "Was this answer helpful?",
    "feedback.up": "Helpful",
    "feedback.down": "Not helpful",
    "feedback.thanks": "Thank you for your feedback",
    "feedback.failed": "Feedback could not be sent",
    "card.risk": "Risk level",
    "card.term": "Term",
    "card.minimum": "Minimum",
    "card.key_risks": "Key risks",
    "card.details": "Details",
    "card.details.sent": "Details of {name}",
    "risk.R1": "Low",
    "risk.R2": "Medium-low",
    "risk.R3": "Medium",
    "risk.R4": "Medium-high",
    "risk.R5": "High",
    "comparison.caption": "Product comparison",
    "comparison.field": "Item",
    "questionnaire.progress": "Question {index} of {total}",
    "questionnaire.label": "Risk questionnaire progress",
    "illustration.title": "Return illustration (scenarios, not a promise)",
    "illustration.scenario": "Scenario",
    "illustration.rate": "Annual rate",
    "illustration.end_value": "End value",
    "illustration.gain": "Gain",
    "illustration.assumptions": "Assumptions",
    "illustration.caveats": "Please note",
    "illustration.chart": "Gain by scenario",
    "handoff.queued": "Connecting you to a person",
    "handoff.position": "{position} customer(s) ahead of you",
    "handoff.wait": "Expected wait about {minutes} min",
    "handoff.connected": "A staff member has joined; type your question",
    "handoff.closed": "The staff chat has ended; the assistant is back",
    "handoff.cancel": "Leave the queue, back to the assistant",
    "handoff.cancel.sent": "Leave the queue",
    "handoff.cancelled": "You have left the queue; the assistant is here for you.",
    "handoff.cancel_failed": "Leaving the queue did not work; please try again.",
    "error.unavailable": "The assistant is temporarily unavailable. Please try again shortly or call 95xxx.",
    "error.network": "Your message could not be sent. Please check your connection and retry.",
    "error.retry": "Send again",
    "error.rate_limited": "You are sending messages too quickly; please wait a moment.",
    "error.invalid": "The message could not be sent: {detail}",
    "error.too_long": "The message is too long: at most {max} characters.",
    "consent.title": "Before we start: privacy notice",
    "consent.p1": "Hello! I am the bank's wealth-management virtual assistant (a bot). I answer questions about products, the risk questionnaire and our services; you can ask for a person at any time.",
    "consent.p2": "To protect your privacy, ID-card, bank-card and phone numbers and e-mail addresses you type are masked before anything is stored. Please never send passwords or verification codes.",
    "consent.p3": "We keep the masked conversation, your feedback and rating, and the language and channel you used, to answer you and improve the service; they are deleted when the retention period ends.",
    "consent.p4": "To have your conversation deleted, ask via “Talk to a person” or call our service line 95xxx.",
    "consent.p5": "Wealth-management products are not deposits; investing involves risk. Nothing here promises a return.",
    "consent.accept": "Accept and start",
    "consent.decline": "Decline",
    "consent.declined": "Without accepting the privacy notice the online chat cannot be used. Please call our service line 95xxx for help.",
    "consent.review": "Read the privacy notice",
    "rating.title": "End chat",
    "rating.legend": "How would you rate this chat?",
    "rating.star": "{n} star(s)",
    "rating.comment": "Comments or suggestions (optional)",
    "rating.submit": "Submit rating",
    "rating.skip": "Skip",
    "rating.thanks": "Thank you for your rating!",
    "rating.choose": "Please choose 1 to 5 stars",
    "rating.failed": "The rating could not be sent; please try again later.",
    "rating.new_chat": "Start a new chat",
    "rating.cancel": "Back to the chat",
    "notice.ended": "This chat has ended.",
  },
};

export const LANGUAGES = ["zh", "en"];
let current = "zh";

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = LANGUAGES.includes(lang) ? lang : "zh";
  document.documentElement.lang = current === "zh" ? "zh-CN" : "en";
  relabel(document);
}

export function t(key, args = {}, lang = current) {
  const template = STRINGS[lang][key] ?? STRINGS.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => (name in args ? String(args[name]) : ""));
}

// Marks `element` as labelled by `key`; `attribute` null means its text.
export function label(element, key, args = null, attribute = null) {
  const name = attribute ? `data-i18n-${attribute}` : "data-i18n";
  element.setAttribute(name, key);
  if (args) element.setAttribute(`${name}-args`, JSON.stringify(args));
  apply(element, attribute);
  return element;
}

const ATTRIBUTES = ["placeholder", "aria-label", "title"];

function apply(element, attribute) {
  const name = attribute ? `data-i18n-${attribute}` : "data-i18n";
  const key = element.getAttribute(name);
  const raw = element.getAttribute(`${name}-args`);
  const value = t(key, raw ? JSON.parse(raw) : {});
  if (attribute) element.setAttribute(attribute, value);
  else element.textContent = value;
}

export function relabel(root) {
  for (const element of root.querySelectorAll("[data-i18n]")) apply(element, null);
  for (const attribute of ATTRIBUTES) {
    for (const element of root.querySelectorAll(`[data-i18n-${attribute}]`)) apply(element, attribute);
  }
  document.title = t("page.title");
}

export const __test__ = { STRINGS };
