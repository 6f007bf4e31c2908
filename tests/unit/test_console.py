"""The command line's own logic: typed text is sent as typed, numbers choose buttons, wide characters wrap."""
from bot.channels.console import STOP, chat, display_width, message_for, render, wrap

BUTTONS = [{"title": "有帮助", "payload": "/feedback_helpful"}, {"title": "没帮助", "payload": "/feedback_not_helpful"}]


def test_chinese_wraps_by_display_width_and_english_at_spaces():
    chinese = "个人账户主要支付本人的小额医疗费用，也可支付近亲属在定点医药机构的费用。"
    lines = wrap(chinese, 20)
    assert "".join(lines) == chinese
    assert all(display_width(line) <= 20 for line in lines) and len(lines) == 4
    english = wrap("The personal account pays your own smaller medical costs", 20)
    assert english == ["The personal account", "pays your own", "smaller medical", "costs"]


def test_a_word_longer_than_the_line_is_cut_and_blank_lines_are_kept():
    assert wrap("https://fuwu.nhsa.gov.cn/nationalHallSt", 16) == ["https://fuwu.nhs", "a.gov.cn/nationa", "lHallSt"]
    assert wrap("第一行\n\n第三行", 40) == ["第一行", "", "第三行"]


def test_buttons_are_numbered_under_the_text():
    lines, buttons = render([{"text": "有帮助吗？", "buttons": BUTTONS}], 40)
    assert lines == ["  有帮助吗？", "    1) 有帮助", "    2) 没帮助"]
    assert buttons == BUTTONS


def test_a_number_chooses_a_button_and_anything_else_is_sent_as_typed():
    assert message_for("2", BUTTONS) == "/feedback_not_helpful"
    assert message_for(" 1 ", BUTTONS) == "/feedback_helpful"
    assert message_for("3", BUTTONS) == "3"  # no third button: the text itself (it may be an answer)
    assert message_for("统筹账户是什么", BUTTONS) == "统筹账户是什么"
    assert message_for(STOP, BUTTONS) == STOP


def test_chat_stops_at_stop_and_skips_empty_lines():
    sent, shown = [], []
    replies = {"你好": [{"text": "您好", "buttons": BUTTONS}], "/feedback_helpful": [{"text": "谢谢"}]}
    chat(["你好\n", "\n", "1\n", f"{STOP}\n", "never sent\n"], lambda text: sent.append(text) or replies[text],
         shown.append, 40, echo=True)
    assert sent == ["你好", "/feedback_helpful"]
    assert shown == ["> 你好", "  您好", "    1) 有帮助", "    2) 没帮助", "> ", "> 1", "  谢谢", f"> {STOP}"]
