"""What the assistant says during the identity check, in Chinese and English.

A valid ID number always gets the same "if this number is registered" wording: nothing here reveals
whether a number is on file, and no phone digits are shown before verification.
"""
import datetime
import math

from bot.identity.id_numbers import IdProblem
from bot.identity.masking import mask_id_number
from bot.reply import Reply

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
          "这些信息只用于本次查询，查询记录以脱敏方式写入审计日志。" + NO_PASSWORD["zh"] + "您同意吗？",
    "en": "Before I can look up your own records I need to check who you are: I use your ID number to send a "
          "one-time code to the mobile phone registered with medical insurance. The results include health and "
          "account information, which is sensitive personal information: under the Personal Information "
          "Protection Law (arts. 28-29) I need your separate consent. It is used only for this look-up, and the "
          "look-up is recorded, masked, in an audit log. " + NO_PASSWORD["en"] + " Do you agree?",
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
        "zh": "如果这个号码已在医保登记，我们已向其登记的手机号发送了 6 位验证码，5 分钟内有效。请在这里输入验证码。"
              "请勿把验证码告诉任何人。如果一分钟后仍未收到，可以点“重新发送验证码”。",
        "en": "If this number is registered, we have sent a 6-digit code to its registered mobile phone. It is valid "
              "for 5 minutes: please type it here. Never tell the code to anyone. If nothing arrives within a "
              "minute, tap \"Send a new code\".",
    },
    "expired": {
        "zh": "这个验证码已过期（有效期 5 分钟）。请点“重新发送验证码”获取新的验证码。",
        "en": "That code has expired (codes are valid for 5 minutes). Tap \"Send a new code\" to get a new one.",
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
RESEND_BUTTON = {"zh": {"title": "重新发送验证码", "payload": "/request_new_code"},
                 "en": {"title": "Send a new code", "payload": "/request_new_code"}}


def text(key: str, language: str) -> Reply:
    buttons = [RESEND_BUTTON[language]] if key in ("code_sent", "expired") else []
    return Reply(TEXTS[key][language], buttons)


def consent_request(language: str) -> Reply:
    return Reply(CONSENT_REQUEST[language], CONSENT_BUTTONS[language])


def id_problem(problem: IdProblem, typed: str, language: str) -> Reply:
    return Reply(ID_PROBLEMS[problem][language].format(length=len(typed)))


def too_soon(wait: datetime.timedelta, language: str) -> Reply:
    seconds = math.ceil(wait.total_seconds())
    return Reply(f"验证码发送太频繁，请 {seconds} 秒后再试。" if language == "zh" else
                 f"Codes can be sent at most once a minute: please try again in {seconds} seconds.")


def locked(wait: datetime.timedelta, language: str) -> Reply:
    minutes = math.ceil(wait.total_seconds() / 60)
    if language == "zh":
        return Reply(f"由于多次输入错误的验证码，这个身份证号码的核验已暂时锁定，请 {minutes} 分钟后再试。" + HELP["zh"])
    return Reply(f"Because of too many wrong codes, checks for this ID number are locked for {minutes} more "
                 f"minute{'s' if minutes != 1 else ''}. " + HELP["en"])


def wrong_code(codes_left: int, language: str) -> Reply:
    return Reply(f"验证码不正确，还可以再试 {codes_left} 次。" if language == "zh" else
                 f"That code is not correct. You have {codes_left} more tr{'ies' if codes_left != 1 else 'y'}.")


def verified(id_number: str, language: str) -> Reply:
    masked = mask_id_number(id_number)
    return Reply(f"身份核验成功（{masked}）。15 分钟没有操作会自动退出，也可以随时说“退出登录”。" if language == "zh" else
                 f"Identity confirmed ({masked}). You are logged out after 15 minutes without activity, or any "
                 "time you say \"log out\".")
