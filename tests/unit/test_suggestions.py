"""'Did you mean': the closest topics by the model's own ranking, never more than three, never noise."""
from bot.suggestions import MAX_SUGGESTIONS, did_you_mean


def ranking(*pairs):
    return [{"name": name, "confidence": confidence} for name, confidence in pairs]


def test_the_closest_topics_and_services_in_the_models_order():
    reply = did_you_mean(ranking(("nlu_fallback", 0.4), ("ask_premium_payment", 0.3), ("greet", 0.2),
                                 ("request_balance", 0.15), ("estimate_reimbursement", 0.1),
                                 ("ask_legal_basis", 0.08)), "zh")
    assert [b["payload"] for b in reply.buttons] == ["/ask_premium_payment", "/request_balance",
                                                     "/estimate_reimbursement"]
    assert len(reply.buttons) == MAX_SUGGESTIONS and "您是想问" in reply.text
    assert all(b["title"] for b in reply.buttons)


def test_english_titles():
    reply = did_you_mean(ranking(("ask_account_types", 0.3)), "en")
    assert reply.buttons[0]["payload"] == "/ask_account_types" and reply.buttons[0]["title"].isascii()
    assert "Did you mean" in reply.text


def test_nothing_close_asks_to_rephrase_with_the_help_button():
    reply = did_you_mean(ranking(("nlu_fallback", 0.9), ("greet", 0.05), ("ask_legal_basis", 0.01)), "en")
    assert reply.buttons == [{"title": "What I can do", "payload": "/ask_help"}]
    assert "say it another way" in reply.text
