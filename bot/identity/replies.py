"""What the assistant says during the identity check, in Chinese and English.

A valid ID number always gets the same "if this number is registered" wording: nothing here reveals
whether a number is on file, and no phone digits are shown before verification.
"""
import datetime
import math

from bot.accounts.replies import service_menu
from bot.identity import limits, lockout
from bot.identity.codes import CODE_LIFETIME
from bot.identity.id_numbers import IdProblem
from bot.identity.limits import Limit, Stop
from bot.identity.masking import mask_id_number
from bot.identity.sessions import IDLE_TIMEOUT
from bot.reply import Reply


def duration(span: datetime.timedelta, language: str) -> str:
    """Rounded up: "30 分钟" / "30 minutes"; whole hours from 2 hours on, or when exact ("24 小时" / "1 hour")."""
    minutes = math.ceil(span.total_seconds() / 60)
    if minutes >= 120 or (minutes >= 60 and minutes % 60 == 0):
        count, zh, en = math.ceil(minutes / 60), "小时", "hour"
    else:
        count, zh, en = minutes, "分钟", "minute"
    return f"{count} {zh}" if language == "zh" else f"{count} {en}{'s' if count != 1 else ''}"


HELP = {
    "zh": "也可以拨打医保服务热线 12393，或带身份证到当地医保经办窗口办理。",
    "en": "You can also call the medical-insurance hotline 12393 or visit a medical-insurance counter with your ID card.",
}
NO_PASSWORD = {
    "zh": "我不会向您索要任何密码。",
    "en": "I will never ask for any password.",
}

CONSENT_REQUEST = {
    "zh": "查询本人医保记录前需要先核验身份：我会用您的身份证号，向您在医保登记的手机号发送一次性验证码。"
          "查询结果包含医疗健康和账户信息，属于敏感个人信息，根据《个人信息保护法》第二十八、二十九条需要您的单独同意；"
          "这些信息只用于本次查询，查询记录以脱敏方式写入审计日志。" + NO_PASSWORD["zh"] + "您同意吗？（阅读后直接发送身份证号码，也表示同意。）",
    "en": "Before I can look up your own records I need to check who you are: I use your ID number to send a "
          "one-time code to the mobile phone registered with medical insurance. The results include health and "
          "account information, which is sensitive personal information: under the Personal Information "
          "Protection Law (arts. 28-29) I need your separate consent. It is used only for this look-up, and the "
          "look-up is recorded, masked, in an audit log. " + NO_PASSWORD["en"] + " Do you agree? (Sending your ID "
          "number after reading this also counts as agreeing.)",
}
CONSENT_BUTTONS = {
    "zh": [{"title": "同意", "payload": "/affirm"}, {"title": "不同意", "payload": "/deny"}],
    "en": [{"title": "I agree", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}],
}
TEXTS = {
    "consent_declined": {
        "zh": "好的，不核验身份，也不会查询您的个人记录。政策问题仍然可以随时问我；本人记录也可以在国家医保服务平台App查询。" + HELP["zh"],
        "en": "All right: no identity check and no look-up of your records. You can still ask me any policy "
              "question; you can also see your records in the National Healthcare Security Service Platform app. "
              + HELP["en"],
    },
    "ask_id_number": {
        "zh": "请输入您的 18 位身份证号码。它只用于核验，不会在对话中显示。",
        "en": "Please type your 18-character resident ID number. It is used only for the check and is never shown "
              "in the conversation.",
    },
    "too_many_invalid": {
        "zh": "已经三次输入了无效的身份证号码，本次核验先结束。您可以核对证件后重新开始。" + HELP["zh"],
        "en": "That was the third invalid ID number, so I have ended this check. Please check your ID card and "
              "start again whenever you like. " + HELP["en"],
    },
    "code_sent": {
        "zh": f"如果这个号码已在医保登记，我们已向其登记的手机号发送了 6 位验证码，{duration(CODE_LIFETIME, 'zh')}内有效。"
              f"请在这里输入验证码。请勿把验证码告诉任何人。如果 {duration(limits.RESEND_INTERVAL, 'zh')}后仍未收到，"
              "可以点“重新发送验证码”。",
        "en": "If this number is registered, we have sent a 6-digit code to its registered mobile phone. It is valid "
              f"for {duration(CODE_LIFETIME, 'en')}: please type it here. Never tell the code to anyone. If nothing "
              f"arrives within {duration(limits.RESEND_INTERVAL, 'en')}, tap \"Send a new code\".",
    },
    "expired": {
        "zh": f"这个验证码已过期（有效期 {duration(CODE_LIFETIME, 'zh')}）。请点“重新发送验证码”获取新的验证码。",
        "en": f"That code has expired (codes are valid for {duration(CODE_LIFETIME, 'en')}). Tap \"Send a new code\" "
              "to get a new one.",
    },
    "no_code": {
        "zh": "现在没有等待输入的验证码。想查询本人记录，请先告诉我要查什么，例如“查我的余额”。",
        "en": "There is no code waiting to be entered. To look up your records, first tell me what you want to "
              "see, for example \"check my balance\".",
    },
    "logged_out": {
        "zh": "已退出登录。这个对话不能再查询个人记录，除非重新核验身份。",
        "en": "You are logged out. This conversation cannot see personal records again without a new identity check.",
    },
    "not_logged_in": {
        "zh": "您当前没有登录，不需要退出。",
        "en": "You are not logged in, so there is nothing to log out of.",
    },
    "anything_else": {
        "zh": "好的。还有其他医保问题吗？",
        "en": "All right. Anything else about your medical insurance?",
    },
    "type_the_code": {
        "zh": "请在这里输入短信里的 6 位验证码，核验后马上为您查询。没收到的话，可以点“重新发送验证码”。",
        "en": "Please type the 6-digit code from the text message here; I look up your records straight after. "
              "If it has not arrived, tap \"Send a new code\".",
    },
    "code_format": {
        "zh": "验证码是 6 位数字，请核对短信后重新输入。",
        "en": "The code has 6 digits. Please check the text message and type it again.",
    },
    "id_number_before_code": {
        "zh": "还没有发送验证码：请先输入您的 18 位身份证号码，我再向登记的手机号发送验证码。",
        "en": "No code has been sent yet: please first type your 18-character ID number, then I send a code to "
              "the registered phone.",
    },
    "consent_before_id_number": {
        "zh": "使用身份证号码查询前，需要您先阅读下面的说明并同意。刚才的号码没有使用，也不会保存。",
        "en": "Before your ID number can be used, please read the notice below and agree. The number you sent has "
              "not been used or kept.",
    },
    "what_to_look_up": {
        "zh": "您想查询哪项本人记录？",
        "en": "Which of your records would you like to see?",
    },
    "records_unavailable": {
        "zh": "抱歉，个人记录查询服务暂时不可用，请稍后再试。政策问题仍然可以问我。" + HELP["zh"],
        "en": "Sorry, the personal-records service is unavailable right now; please try again later. You can "
              "still ask me policy questions. " + HELP["en"],
    },
    "token_expired": {
        "zh": "网站传来的登录凭证已过期，不能用来核验身份。请在网站重新登录后再试，或改用短信验证码核验。",
        "en": "The sign-in token from the website has expired, so it cannot prove who you are. Please sign in on "
              "the website again, or use the text-message code instead.",
    },
    "token_invalid": {
        "zh": "网站传来的登录凭证无效，已被拒绝。请在网站重新登录后再试，或改用短信验证码核验。",
        "en": "The sign-in token from the website is not valid and was refused. Please sign in on the website "
              "again, or use the text-message code instead.",
    },
    "token_after_log_out": {
        "zh": "您已在这个对话中退出登录，网站的登录凭证不会再自动核验身份。如需查询本人记录，请开始新对话，或改用短信验证码核验。",
        "en": "You logged out in this conversation, so the website's sign-in no longer verifies it. To see your "
              "records, start a new chat or use the text-message code instead.",
    },
    "token_not_registered": {
        "zh": "网站登录的这个身份在医保系统中没有查到记录。" + HELP["zh"],
        "en": "The identity you signed in with on the website has no medical-insurance records here. " + HELP["en"],
    },
}
ID_PROBLEMS = {
    IdProblem.LENGTH: {
        "zh": "身份证号码应为 18 位，您输入的是 {length} 位。请核对后重新输入。",
        "en": "A resident ID number has 18 characters; you typed {length}. Please check it and type it again.",
    },
    IdProblem.CHARACTERS: {
        "zh": "身份证号码的前 17 位应是数字，最后一位是数字或 X。请核对后重新输入。",
        "en": "The first 17 characters of an ID number are digits and the last is a digit or X. Please check it "
              "and type it again.",
    },
    IdProblem.REGION: {
        "zh": "身份证号码开头的地区码不正确。请核对后重新输入。",
        "en": "The region code at the start of that ID number is not valid. Please check it and type it again.",
    },
    IdProblem.BIRTH_DATE: {
        "zh": "身份证号码第 7 到 14 位的出生日期不是有效日期。请核对后重新输入。",
        "en": "Characters 7 to 14 of that ID number are not a valid birth date. Please check it and type it again.",
    },
    IdProblem.CHECK_DIGIT: {
        "zh": "最后一位校验码与前 17 位不符，可能有一位输错了。请核对后重新输入。",
        "en": "The last character does not match the check digit of the first 17, so one character is probably "
              "mistyped. Please check it and type it again.",
    },
}
# The ways that need no code: told whenever a limit stops someone.
OTHER_WAYS = {
    "zh": "您也可以在已登录的医保网站上打开本助手（网站登录后无需验证码），拨打医保服务热线 12393，或带身份证到医保经办窗口办理。",
    "en": "You can also open this assistant on a medical-insurance website where you are signed in (no code is "
          "needed then), call the hotline 12393, or visit a medical-insurance counter with your ID card.",
}
# The same words for registered and unregistered numbers: a limit never tells whether a number is on file.
STOPPED = {
    Limit.RESEND_INTERVAL: {
        "zh": f"同一个身份证号码 {duration(limits.RESEND_INTERVAL, 'zh')}内只能发送一次验证码，请 {{seconds}} 秒后再试。",
        "en": f"Only one code per ID number can be sent within {duration(limits.RESEND_INTERVAL, 'en')}: please try "
              "again in {seconds} seconds.",
    },
    Limit.ID_NUMBERS_PER_CONVERSATION: {
        "zh": f"一个对话在 {duration(limits.ID_NUMBERS_WINDOW, 'zh')}内最多为 {limits.MAX_ID_NUMBERS_PER_CONVERSATION} "
              "个不同的身份证号码获取验证码，这个对话已达上限。请 {wait}后再试。",
        "en": f"One chat can ask for codes for at most {limits.MAX_ID_NUMBERS_PER_CONVERSATION} different ID numbers "
              f"within {duration(limits.ID_NUMBERS_WINDOW, 'en')}, and this chat has reached that. Please try again "
              "in {wait}. ",
    },
    Limit.CODES_PER_CLIENT: {
        "zh": f"您所在的网络在 {duration(limits.CLIENT_WINDOW, 'zh')}内最多获取 {limits.MAX_CODES_PER_CLIENT} 次验证码，"
              "已达上限。请 {wait}后再试。",
        "en": f"At most {limits.MAX_CODES_PER_CLIENT} codes can be asked for from your network within "
              f"{duration(limits.CLIENT_WINDOW, 'en')}, and that has been reached. Please try again in {{wait}}. ",
    },
    Limit.CODES_PER_ID_NUMBER: {
        "zh": f"每个身份证号码在 {duration(limits.ID_NUMBER_WINDOW, 'zh')}内最多获取 {limits.MAX_CODES_PER_ID_NUMBER} "
              "次验证码，这个号码已达上限。请 {wait}后再试。",
        "en": f"Codes can be asked for one ID number at most {limits.MAX_CODES_PER_ID_NUMBER} times within "
              f"{duration(limits.ID_NUMBER_WINDOW, 'en')}, and this number has reached that. Please try again in "
              "{wait}. ",
    },
    Limit.WRONG_CODES: {
        "zh": f"验证码已输错 {lockout.MAX_WRONG_CODES_PER_SOURCE} 次。为保护账户安全，之前的验证码已作废，"
              "这里暂时不能再核验这个身份证号码，请 {wait}后再试。",
        "en": f"After {lockout.MAX_WRONG_CODES_PER_SOURCE} wrong codes, the code sent earlier no longer works and this "
              "ID number cannot be checked from here for now. Please try again in {wait}. ",
    },
    Limit.LOCKED: {
        "zh": "由于多次输入错误的验证码，这个身份证号码的核验已暂时锁定，请 {wait}后再试。",
        "en": "Because of too many wrong codes, checks for this ID number are locked for {wait} more. ",
    },
}
RESEND_BUTTON = {"zh": {"title": "重新发送验证码", "payload": "/request_new_code"},
                 "en": {"title": "Send a new code", "payload": "/request_new_code"}}


CLARIFY_BALANCE = {
    "zh": ("您是想了解查询余额的方法，还是查询您本人的医保余额？",
           [{"title": "查询余额的方法", "payload": "/ask_balance_channels"},
            {"title": "查询我的余额", "payload": "/request_balance"}]),
    "en": ("Do you want to know how to check a balance, or to look up your own balance?",
           [{"title": "Ways to check a balance", "payload": "/ask_balance_channels"},
            {"title": "Look up my balance", "payload": "/request_balance"}]),
}
CHOICE_DECLINED = {
    "zh": "好的，不查询本人记录。想了解查询余额的各种方法，可以点下面的按钮，或者直接问我。",
    "en": "All right, no look-up of your own records. For the ways to check a balance, tap the button below or "
          "just ask.",
}
# "The text never came": where codes go, that they are never shown here, and the ways in without one.
CODE_NOT_RECEIVED = {
    "zh": "验证码只会发到您在医保登记的手机号上，为了安全，永远不会在这里显示，也不会由工作人员告诉您。",
    "en": "The code goes only to the mobile phone registered with medical insurance. For your safety it is never "
          "shown here, and staff will never tell it to you.",
}
RESEND_NOW = {
    "zh": "可以点“重新发送验证码”再发一次。",
    "en": "Tap \"Send a new code\" to send another one.",
}
RESEND_LATER = {
    "zh": "请 {seconds} 秒后点“重新发送验证码”再发一次。",
    "en": "You can ask for a new code in {seconds} seconds: tap \"Send a new code\" then.",
}
NO_CODE_PENDING = {
    "zh": "现在没有等待输入的验证码：想查询本人记录，请先告诉我要查什么，例如“查我的余额”。",
    "en": "No code is waiting right now: to see your records, first tell me what you want to see, for example "
          "\"check my balance\".",
}
PHONE_CHANGED = {
    "zh": "如果登记的手机号已经换了，请带身份证到当地医保经办窗口更新，或拨打医保服务热线 12393 咨询。"
          "在已登录的医保网站上打开本助手，不需要验证码。",
    "en": "If the registered phone number has changed, please update it at a medical-insurance counter with your "
          "ID card, or call the hotline 12393. Opening this assistant on a medical-insurance website where you "
          "are signed in needs no code.",
}


def text(key: str, language: str) -> Reply:
    buttons = [RESEND_BUTTON[language]] if key in ("code_sent", "expired", "type_the_code") else []
    return Reply(TEXTS[key][language], buttons)


def clarify_balance(language: str) -> Reply:
    return Reply(*CLARIFY_BALANCE[language])


def choice_declined(language: str) -> Reply:
    return Reply(CHOICE_DECLINED[language], CLARIFY_BALANCE[language][1][:1])


def what_to_look_up(language: str) -> Reply:
    return Reply(TEXTS["what_to_look_up"][language], service_menu(language))


def code_not_received(seconds_until_resend: int | None, language: str) -> Reply:
    """seconds_until_resend: None when no code is waiting in this conversation, 0 when one may be sent now."""
    separator = "" if language == "zh" else " "
    if seconds_until_resend is None:
        return Reply(separator.join([CODE_NOT_RECEIVED[language], NO_CODE_PENDING[language], PHONE_CHANGED[language]]))
    resend = (RESEND_LATER[language].format(seconds=seconds_until_resend) if seconds_until_resend
              else RESEND_NOW[language])
    return Reply(separator.join([CODE_NOT_RECEIVED[language], resend, PHONE_CHANGED[language]]),
                 [RESEND_BUTTON[language]])


def consent_request(language: str) -> Reply:
    return Reply(CONSENT_REQUEST[language], CONSENT_BUTTONS[language])


def id_problem(problem: IdProblem, typed: str, language: str) -> Reply:
    return Reply(ID_PROBLEMS[problem][language].format(length=len(typed)))


def stopped(stop: Stop, language: str) -> Reply:
    """What to do when a limit stops a code request or entry: when to try again, and the ways without a code."""
    if stop.limit == Limit.RESEND_INTERVAL:
        return Reply(STOPPED[stop.limit][language].format(seconds=math.ceil(stop.wait.total_seconds())))
    return Reply(STOPPED[stop.limit][language].format(wait=duration(stop.wait, language)) + OTHER_WAYS[language])


def wrong_code(codes_left: int, language: str) -> Reply:
    return Reply(f"验证码不正确，还可以再试 {codes_left} 次。" if language == "zh" else
                 f"That code is not correct. You have {codes_left} more tr{'ies' if codes_left != 1 else 'y'}.")


def verified(id_number: str, language: str) -> Reply:
    masked = mask_id_number(id_number)
    idle = duration(IDLE_TIMEOUT, language)
    return Reply(f"身份核验成功（{masked}）。{idle}没有操作会自动退出，也可以随时说“退出登录”。" if language == "zh" else
                 f"Identity confirmed ({masked}). You are logged out after {idle} without activity, or any "
                 "time you say \"log out\".")
