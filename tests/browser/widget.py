"""The chat widget as a test drives it: by the roles and labels a user (or a screen reader) sees."""
import json

from playwright.sync_api import Page

LAUNCHER = {"zh": "在线咨询", "en": "Ask the assistant"}
INPUT_LABEL = {"zh": "输入您的问题（中文或英文）", "en": "Your question (Chinese or English)"}
SEND = {"zh": "发送", "en": "Send"}
STORAGE_KEY = "medical-insurance-assistant"
# A bot message's words read back from its blocks: each paragraph a line, each list item a "- " line. Anything
# that is neither (text loose in the message) is lost here, so a test comparing with the answer notices it.
BLOCKS_AS_LINES = """messages => messages.map(message => Array.from(message.querySelectorAll(':scope > p, :scope > ul > li'))
    .map(block => (block.tagName === 'LI' ? '- ' : '') + block.textContent).join('\\n'))"""


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
        """The assistant's messages as shown: a paragraph per line, and "- " lines only as list items."""
        return self.page.locator(".aw-from-bot .aw-text").evaluate_all(BLOCKS_AS_LINES)

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

    def stored(self) -> str:
        """Everything the widget keeps in the tab's sessionStorage, as stored."""
        return self.page.evaluate("key => sessionStorage.getItem(key) || ''", STORAGE_KEY)

    def session_id(self) -> str | None:
        """The secret the server confirmed, as the widget keeps it."""
        return json.loads(self.stored() or "{}").get("sessionId")

    def wait_for_session(self, not_this: str | None = None) -> str:
        """Waits until the widget holds a confirmed secret (another one than not_this) and returns it."""
        self.page.wait_for_function(
            "([key, old]) => { const id = JSON.parse(sessionStorage.getItem(key) || '{}').sessionId;"
            " return id && id !== old; }", arg=[STORAGE_KEY, not_this])
        return self.session_id()


class SentSocketEvents:
    """The socket.io events a page emits, by either transport (long polling first, then the websocket)."""

    def __init__(self, page: Page):
        self.packets: list[str] = []
        page.on("request", self._on_request)
        page.on("websocket", lambda socket: socket.on("framesent", self._on_packet))

    def _on_request(self, request) -> None:
        if request.method == "POST" and "/socket.io/" in request.url and request.post_data:
            for packet in request.post_data.split("\x1e"):  # engine.io's separator of batched packets
                self._on_packet(packet)

    def _on_packet(self, packet) -> None:
        if isinstance(packet, str):
            self.packets.append(packet)

    def wait_for(self, page: Page, event: str, count: int) -> list:
        """Waits (up to 10 s) until the page has emitted `event` count times; their data."""
        for _ in range(100):
            if len(self.data_of(event)) >= count:
                break
            page.wait_for_timeout(100)  # Playwright delivers the page's events while it waits
        return self.data_of(event)

    def data_of(self, event: str) -> list:
        """The data of each emitted `event`, in order (socket.io event packets are 42[name, data])."""
        events = [json.loads(packet[2:]) for packet in self.packets if packet.startswith("42[")]
        return [payload[1] if len(payload) > 1 else None for payload in events if payload[0] == event]
