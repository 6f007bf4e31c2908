""""Did you mean": after a message the model was unsure of, up to three buttons for the closest topics and
services, ranked by the model's own intent ranking."""
from functools import lru_cache

from bot.accounts.replies import service_menu
from bot.knowledge import load_topics
from bot.reply import Reply

MAX_SUGGESTIONS = 3
MIN_CONFIDENCE = 0.05  # below it an intent is noise, not a near miss
ESTIMATE_TITLE = {"zh": "估算住院报销", "en": "Estimate a hospital bill"}
TEXT = {
    "zh": "抱歉，我不太确定您的意思。您是想问下面这些吗？也可以换个说法再问一次。",
    "en": "Sorry, I am not sure what you mean. Did you mean one of these? You can also say it another way.",
}
NO_NEAR_MISS = {
    "zh": "抱歉，我没有理解您的意思。能换个说法再问一次吗？例如：“怎么用支付宝查医保余额？”",
    "en": "Sorry, I did not understand. Could you say it another way? For example: \"How do I check my balance "
          "in Alipay?\"",
}
HELP_BUTTON = {"zh": {"title": "我能做什么", "payload": "/ask_help"},
               "en": {"title": "What I can do", "payload": "/ask_help"}}


@lru_cache(maxsize=None)
def _titles(language: str) -> dict[str, str]:
    """The button title of every intent worth suggesting: policy topics, personal services, the estimate."""
    titles = {topic.intent: topic.title[language] for topic in load_topics()}
    titles.update({button["payload"].lstrip("/"): button["title"] for button in service_menu(language)
                   if button["payload"] != "/log_out"})
    titles["estimate_reimbursement"] = ESTIMATE_TITLE[language]
    return titles


def did_you_mean(intent_ranking: list[dict], language: str) -> Reply:
    titles = _titles(language)
    near = [item["name"] for item in intent_ranking
            if item.get("name") in titles and (item.get("confidence") or 0) >= MIN_CONFIDENCE][:MAX_SUGGESTIONS]
    if not near:
        return Reply(NO_NEAR_MISS[language], [HELP_BUTTON[language]])
    return Reply(TEXT[language], [{"title": titles[name], "payload": f"/{name}"} for name in near])
