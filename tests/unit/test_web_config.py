"""Where the pages point the widget: from configuration, never from whatever Host header a request names."""
import pytest

from bot.web.config import WebConfig


@pytest.fixture
def config(monkeypatch):
    monkeypatch.delenv("ASSISTANT_URL", raising=False)
    monkeypatch.setenv("RASA_PORT", "5005")
    monkeypatch.setenv("WEB_PUBLIC_HOSTS", "chat.example.gov.cn, localhost")
    return WebConfig.from_environment()


def test_a_configured_host_name_is_used_in_any_case(config):
    assert config.assistant_url_for("localhost") == "http://localhost:5005"
    assert config.assistant_url_for("Chat.Example.gov.CN") == "http://chat.example.gov.cn:5005"


def test_any_other_host_name_gets_the_first_configured_one(config):
    for forged in ("attacker.example", "chat.example.gov.cn.attacker.example", ""):
        assert config.assistant_url_for(forged) == "http://chat.example.gov.cn:5005"


def test_the_default_hosts_are_this_machines_names(monkeypatch):
    monkeypatch.delenv("WEB_PUBLIC_HOSTS", raising=False)
    monkeypatch.delenv("ASSISTANT_URL", raising=False)
    config = WebConfig.from_environment()
    assert config.public_hosts == ("localhost", "127.0.0.1")


@pytest.mark.usefixtures("config")
def test_an_assistant_url_wins_over_host_names(monkeypatch):
    monkeypatch.setenv("ASSISTANT_URL", "https://assistant.example.gov.cn/")
    assert WebConfig.from_environment().assistant_url_for("localhost") == "https://assistant.example.gov.cn"


def test_an_empty_host_list_is_refused_at_start(monkeypatch):
    monkeypatch.setenv("WEB_PUBLIC_HOSTS", " , ")
    with pytest.raises(ValueError):
        WebConfig.from_environment()
