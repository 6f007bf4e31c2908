"""The web server's error pages: the status, and nothing about the server or the failure."""
from sanic.exceptions import MethodNotSupported, NotFound

from bot.web.errors import plain_error_response


def test_an_unexpected_error_says_only_500():
    response = plain_error_response(RuntimeError("/work/main/bot/web/app.py line 12: sqlite3 3.40"))
    assert response.status == 500 and response.body == b"500 Internal Server Error"
    assert response.content_type.startswith("text/plain")


def test_a_known_status_is_kept_with_the_headers_a_client_needs():
    assert plain_error_response(NotFound("no /static/ listing")).body == b"404 Not Found"
    not_allowed = plain_error_response(MethodNotSupported("no", "PUT", ["GET"]))
    assert not_allowed.status == 405 and not_allowed.headers["Allow"] == "GET"
