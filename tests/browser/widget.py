"""The chat widget as a test drives it: by the roles and labels a user (or a screen reader) sees."""
from playwright.sync_api import Page

LAUNCHER = {"zh": "在线咨询", "en": "Ask the assistant"}
INPUT_LABEL = {"zh": "输入您的问题（中文或英文）", "en": "Your question (Chinese or English)"}
SEND = {"zh": "发送", "en": "Send"}


class Widget:
    def __init__(self, page: Page, language: str):
        self.page = page
        self.language = language

    @property
    def launcher(self):
        return self.page.get_by_role("button", name=LAUNCHER[self.language])

    @property
    def input(self):
        return self.page.get_by_label(INPUT_LABEL[self.language])

    @property
    def alert(self):
        return self.page.locator("#assistant-widget [role=alert]")

    def open_page(self, site_url: str, path: str = "/") -> "Widget":
        self.page.goto(site_url + path + ("?lang=en" if self.language == "en" else ""))
        return self

    def open(self) -> "Widget":
        """Opens the chat and waits for the greeting."""
        self.launcher.click()
        self.wait_for_bot_messages(1)
        return self

    def bot_texts(self) -> list[str]:
        return self.page.locator(".aw-from-bot .aw-text").all_inner_texts()

    def user_texts(self) -> list[str]:
        return self.page.locator(".aw-from-user .aw-text").all_inner_texts()

    def wait_for_bot_messages(self, count: int) -> None:
        self.page.wait_for_function("n => document.querySelectorAll('.aw-from-bot').length >= n", arg=count)

    def ask(self, question: str) -> str:
        """Types a question, sends it with Enter and returns the answer shown."""
        before = len(self.bot_texts())
        self.input.fill(question)
        self.input.press("Enter")
        self.wait_for_bot_messages(before + 1)
        return self.bot_texts()[-1]

    def session_id(self) -> str:
        return self.page.evaluate("JSON.parse(sessionStorage.getItem('medical-insurance-assistant')).sessionId")
