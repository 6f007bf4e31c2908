"""Values the browser keeps for the web server (the demo sign-in cookie): any change makes them worthless."""
import pytest

from bot.web.signed_values import sign, verified_value

KEY = "a-test-secret-of-reasonable-length-123"


def test_a_signed_value_reads_back():
    assert verified_value(sign("zhangwei.host-session", KEY, "cookie"), KEY, "cookie") == "zhangwei.host-session"


@pytest.mark.parametrize("signed", [
    "zhangwei", "", ".", "zhangwei.", sign("zhangwei", KEY, "cookie").replace("zhangwei", "liufang"),
    sign("zhangwei", KEY, "cookie")[:-1], sign("zhangwei", "another-key", "cookie"),
    sign("zhangwei", KEY, "another-purpose"), "zhangwei.\u00e9\u00e9",
])
def test_a_changed_made_up_or_foreign_value_reads_as_nothing(signed):
    assert verified_value(signed, KEY, "cookie") is None
