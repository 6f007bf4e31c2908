"""What the benchmarks send: the floor bot's own phrases, and citizens' messages in both languages."""

FLOOR_MESSAGES = ["hi", "hello there", "I am feeling great", "I am sad", "yes", "no", "are you a bot?", "bye"]
POLICY_QUESTIONS = [
    "怎么查医保卡余额", "统筹账户和个人账户有什么区别", "住院费用怎么结算", "医保费可以在哪里交",
    "个人账户的钱能买什么", "支付宝怎么查医保", "医保的法律依据是什么", "你好",
    "how do I check my balance in Alipay", "what can the personal account pay for", "how do I pay the premium",
    "what is the difference between the pooling fund and the personal account", "how is a hospital stay settled",
    "can I see my consumption details", "hello", "thanks",
]
LOOK_UPS = ["我的医保余额是多少", "show my spending in October", "我的住院结算记录", "show my contribution history",
            "我今年医保一共花了多少钱", "what is my balance"]
ESTIMATES = [
    ["I spent 30,000 yuan in a tertiary hospital, how much will insurance pay?", "employee insurance", "working",
     "Shanghai", "first time this year", "none"],
    ["我在三甲医院住院花了两万，医保能报多少", "职工医保", "在职", "北京", "今年第一次", "没有"],
]
