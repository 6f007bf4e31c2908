"""A real assistant, the web pages' server and headless Debian chromium (never a downloaded browser).

scripts/test.sh installs chromium and a Chinese font (scripts/ensure-chromium.sh) before the tests run.
The fixtures are package-scoped: they end with these tests, so Playwright's event loop (which makes
asyncio.run fail) and the servers do not outlive them.
"""
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.assistant_process import ROOT, RunningAssistant
from tests.browser.silent_assistant import SilentAssistant
from tests.postgres import free_port
from tests.web_process import RunningWebServer

CHROMIUM = "/usr/bin/chromium"
# This machine's network is closed: without these flags chromium keeps trying Google's services.
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SCREENSHOTS = ROOT / "results" / "screenshots"  # copied to docs/screenshots on purpose: `make screenshots`
TOKEN_SECRET = "browser-test-secret"


@pytest.fixture(scope="package")
def web_port():
    return free_port()


@pytest.fixture(scope="package")
def assistant(tmp_path_factory, web_port):
    # WEB_PORT alone sets the channel's default ALLOWED_ORIGINS to the pages' origins, as in `make run`.
    env = {"WEB_PORT": str(web_port), "IDENTITY_TOKEN_SECRET": TOKEN_SECRET}
    running = RunningAssistant(tmp_path_factory.mktemp("assistant"), env=env).start()
    yield running
    running.stop()


def _web_server(tmp_path_factory, port: int, **env: str) -> RunningWebServer:
    return RunningWebServer(tmp_path_factory.mktemp("web"), port, env).start()


@pytest.fixture(scope="package")
def site(tmp_path_factory, assistant, web_port):
    """The web pages with the chat widget connected to the real assistant, and the demo sign-in on. Like
    `make run`, it shares the assistant's environment: its database (to end verified chats) and its keys."""
    server = _web_server(tmp_path_factory, web_port,
                         **{**assistant.env, "RASA_PORT": str(assistant.rasa_port), "WEB_DEMO_LOGIN": "1",
                            "ACTION_SERVER_URL": f"http://127.0.0.1:{assistant.action_port}"})
    yield server
    server.stop()


@pytest.fixture(scope="package")
def site_without_assistant(tmp_path_factory):
    """The web pages while nothing listens where the widget connects, and their database cannot be opened."""
    database_url = f"sqlite:///{tmp_path_factory.mktemp('no-database') / 'missing' / 'assistant.db'}"
    server = _web_server(tmp_path_factory, free_port(), RASA_PORT=str(free_port()), WEB_DEMO_LOGIN="0",
                         DATABASE_URL=database_url)
    yield server
    server.stop()


@pytest.fixture(scope="package")
def site_with_silent_assistant(tmp_path_factory):
    """The web pages with an assistant that confirms sessions but never answers (reply timeout 2 s)."""
    port = free_port()
    silent = SilentAssistant(free_port(), allowed_origin=f"http://127.0.0.1:{port}").start()
    server = _web_server(tmp_path_factory, port, RASA_PORT=str(silent.port), WIDGET_REPLY_TIMEOUT_SECONDS="2")
    yield server
    server.stop()
    silent.stop()


@pytest.fixture(scope="package")
def site_on_foreign_origin(tmp_path_factory, assistant):
    """A copy of the pages on an origin the assistant does not allow (another site embedding the widget)."""
    server = _web_server(tmp_path_factory, free_port(), RASA_PORT=str(assistant.rasa_port))
    yield server
    server.stop()


@pytest.fixture(scope="package")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/ensure-chromium.sh installs it (make test runs it)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A new tab with its own storage (a new visitor)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def console_errors(page):
    """Errors the page logs (a script blocked by the content security policy shows up here)."""
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def screenshot_path(name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / name
