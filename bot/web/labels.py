"""The pages' own words in each page language (the policy answers themselves come from bot/knowledge).

The demo site belongs to a made-up city so that nobody mistakes it for a real government website.
"""
ZH = "zh-CN"
EN = "en"

LABELS = {
    ZH: {
        "site_name": "示例市医疗保障局",
        "skip_to_chat": "跳到在线咨询",
        "demo_banner": "演示网站：本网站用于演示医保助手，并非政府网站，“示例市”为虚构城市。"
                       "政策答复仅供参考，请以当地医保部门的规定为准。",
        "nav_home": "首页",
        "nav_reference": "政策答复参考（柜台）",
        "switch_language": "English",
        "switch_language_code": "en",
        "home_title": "医保服务大厅",
        "home_intro": "查询余额、了解报销政策、缴纳医保费。有疑问？点击右下角的“在线咨询”，"
                      "医保助手会用中文或英文为您解答。",
        "services": [
            ("余额查询", "通过国家医保服务平台 App、支付宝或微信城市服务、12393 热线查询个人账户余额。"),
            ("住院结算", "医保基金应支付的部分由医保经办机构与医院直接结算，出院时您只需支付个人负担部分。"),
            ("医保缴费", "自 2019 年起医保费由税务部门征收，可在银行柜台、办税窗口、网上或自助终端缴纳。"),
            ("消费明细", "按类别查看年度累计费用，以及在定点医院、药店的逐笔消费记录。"),
        ],
        "hotline": "医保服务热线：12393（社保卡事务：12333）",
        "noscript": "在线咨询需要启用 JavaScript。您也可以拨打医保服务热线 12393。",
        "demo_login_title": "演示登录",
        "demo_login_intro": "在真实网站上，您登录后，网站会把带签名的身份凭证交给医保助手，查询个人信息时无需再验证身份。"
                            "此处可以模拟登录为一位虚构的演示用户：",
        "demo_login_as": "以演示用户 {name} 的身份登录",
        "demo_signed_in": "已登录（演示）：{name}",
        "demo_logout": "退出登录",
        "footer": "示例市医疗保障局（虚构）· 医保助手演示网站",
        "reference_title": "医保政策答复参考（柜台人员用）",
        "reference_intro": "以下是医保助手对每个政策主题给出的原文答复（中文和英文）、法律依据、适用范围和最近审核日期。"
                           "本页与聊天读取同一份资料，内容始终一致。",
        "search_label": "搜索（中文或英文）",
        "search_placeholder": "例如：起付线、Alipay",
        "search_count": "显示 {shown} / {total} 个主题",
        "search_none": "没有找到匹配的主题。",
        "print": "打印",
        "match_label": "粘贴市民的问题，看聊天会用哪个主题回答",
        "match_button": "查找主题",
        "match_found": "聊天会用这个主题回答：{title}（模型把握 {percent}%）",
        "match_none": "聊天不会用某个政策主题回答这个问题：它会按问候、个人信息查询处理，或请对方换个说法。",
        "match_invalid": "请粘贴问题的文字（不超过 {max} 字）。",
        "match_busy": "查得太快了，请稍等几秒再试。",
        "match_unreachable": "暂时无法连接医保助手，请稍后再试。",
        "contents": "目录",
        "back_to_contents": "返回目录",
        "scope": "适用范围",
        "scope_national": "全国统一",
        "scope_varies_by_city": "各地不同",
        "answer_in": {"zh-CN": "中文答复", "en": "英文答复"},
        "last_reviewed": "最近审核",
        "review_by": "下次审核",
        "review_overdue": "已逾期，请核实后再使用",
        "clarifying_question": "先问清情况：",
        "case_answer": "情况：",
        "sources": "资料来源",
    },
    EN: {
        "site_name": "Example City Healthcare Security Administration",
        "skip_to_chat": "Skip to the chat",
        "demo_banner": "Demo site: this website demonstrates the medical-insurance assistant. It is not a government "
                       "website and Example City is made up. Answers are for reference; the rules of your local "
                       "medical-insurance office apply.",
        "nav_home": "Home",
        "nav_reference": "Answer reference (counter staff)",
        "switch_language": "中文",
        "switch_language_code": "zh",
        "home_title": "Medical-insurance services",
        "home_intro": "Check your balance, learn how reimbursement works, pay your premium. Questions? Open "
                      "“Ask the assistant” at the bottom right: it answers in Chinese or English.",
        "services": [
            ("Balance", "Check your personal-account balance in the National Healthcare Security Service "
                        "Platform app, in Alipay or WeChat city services, or on the 12393 hotline."),
            ("Hospital bills", "The fund's share is settled directly between the insurance agency and the hospital, "
                               "so when you leave you pay only your own share."),
            ("Premiums", "Since 2019 premiums are collected by the tax authorities: pay at a bank, at the tax "
                         "window, online or at a self-service terminal."),
            ("Spending details", "Yearly totals by category, and every purchase at designated hospitals and "
                                 "pharmacies."),
        ],
        "hotline": "Medical-insurance hotline: 12393 (social-security-card matters: 12333)",
        "noscript": "The chat needs JavaScript. You can also call the medical-insurance hotline 12393.",
        "demo_login_title": "Demo sign-in",
        "demo_login_intro": "On a real website, once you sign in, the site hands the assistant a signed identity "
                            "token, so you need not prove who you are again in the chat. Here you can pretend to "
                            "sign in as a made-up demo person:",
        "demo_login_as": "Sign in as demo person {name}",
        "demo_signed_in": "Signed in (demo): {name}",
        "demo_logout": "Sign out",
        "footer": "Example City Healthcare Security Administration (made up) · assistant demo site",
        "reference_title": "Policy answer reference (for counter staff)",
        "reference_intro": "Every policy topic as the assistant answers it, word for word in Chinese and English, with "
                           "its legal basis, scope and last review date. This page reads the same source as the "
                           "chat, so the two always agree.",
        "search_label": "Search (Chinese or English)",
        "search_placeholder": "e.g. deductible, 起付线",
        "search_count": "{shown} of {total} topics shown",
        "search_none": "No topic matches.",
        "print": "Print",
        "match_label": "Paste the citizen's question to see which topic the chat answers with",
        "match_button": "Find the topic",
        "match_found": "The chat answers with this topic: {title} (model confidence {percent}%)",
        "match_none": "The chat does not answer this with a policy topic: it treats it as a greeting or a personal "
                      "look-up, or asks the person to say it another way.",
        "match_invalid": "Paste the words of the question (at most {max} characters).",
        "match_busy": "Too many look-ups at once; wait a few seconds and try again.",
        "match_unreachable": "The assistant cannot be reached right now; try again shortly.",
        "contents": "Contents",
        "back_to_contents": "Back to the contents",
        "scope": "Scope",
        "scope_national": "National",
        "scope_varies_by_city": "Varies by city",
        "answer_in": {"zh-CN": "Answer in Chinese", "en": "Answer in English"},
        "last_reviewed": "Last reviewed",
        "review_by": "Review by",
        "review_overdue": "Overdue: check before relying on it",
        "clarifying_question": "Asks first:",
        "case_answer": "Case: ",
        "sources": "Sources",
    },
}


def page_language(requested: str | None) -> str:
    """The page language from ?lang=: English when asked for, Chinese otherwise."""
    return EN if requested == "en" else ZH
