"""The demo site's pretend sign-in, on only with WEB_DEMO_LOGIN=1 and IDENTITY_TOKEN_SECRET set.

It shows how a real host website hands the chat its signed-in user: the sign-in opens a host session (a random
id, kept with the person's key in a cookie signed with the secret: a changed cookie is signed out), and each page
carries a short-lived identity token (bot.identity.tokens) naming the person's opaque subject_ref and that host
session; the widget sends it with its messages as customData.auth_token. Here anyone may "sign in" as one of the
made-up demo people of bot/db/demo_data.
"""
import secrets
from dataclasses import dataclass
from typing import Dict

from sanic import Blueprint
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse, redirect

from bot.db.demo_data import DEMO_PEOPLE, DemoPerson
from bot.identity.tokens import issue_token
from bot.web.signed_values import sign, verified_value
from bot.web.verification_endings import end_chats_of_host_session

COOKIE = "demo_sign_in"


@dataclass(frozen=True)
class DemoSignIn:
    person: DemoPerson
    host_session: str  # what the identity tokens name as `sid`, and what signing out ends


def person_key(person: DemoPerson) -> str:
    """zhangwei for Zhang Wei: what the sign-in form and the cookie name a demo person by."""
    return person.name_en.replace(" ", "").lower()


def demo_people() -> Dict[str, DemoPerson]:
    return {person_key(person): person for person in DEMO_PEOPLE}


def signed_in(request: Request, secret: str) -> DemoSignIn | None:
    """Who the request's cookie says is signed in; None without a cookie or with one the secret did not sign."""
    value = verified_value(request.cookies.get(COOKIE, ""), secret, purpose=COOKIE)
    key, _, host_session = (value or "").partition(".")
    person = demo_people().get(key)
    return DemoSignIn(person, host_session) if person and host_session else None


def token_for(sign_in: DemoSignIn, secret: str) -> str:
    return issue_token(sign_in.person.subject_ref, secret, host_session=sign_in.host_session)


def _back_home(request: Request, cookie_value: str) -> HTTPResponse:
    """Back to the home page in its language, with the sign-in cookie set ("" signs out)."""
    response = redirect("/?lang=en" if request.form.get("lang") == "en" else "/", status=303)
    response.cookies[COOKIE] = cookie_value
    response.cookies[COOKIE]["path"] = "/"
    response.cookies[COOKIE]["httponly"] = True
    response.cookies[COOKIE]["samesite"] = "Strict"
    if not cookie_value:
        response.cookies[COOKIE]["max-age"] = 0
    return response


def demo_login_blueprint(secret: str) -> Blueprint:
    blueprint = Blueprint("demo_login", url_prefix="/demo")

    @blueprint.post("/login")
    async def login(request: Request) -> HTTPResponse:
        key = request.form.get("person", "")
        if key not in demo_people():
            raise InvalidUsage("No such demo person.")
        # A new host session at every sign-in, so an old page's tokens never speak for the new one.
        return _back_home(request, sign(f"{key}.{secrets.token_urlsafe(24)}", secret, purpose=COOKIE))

    @blueprint.post("/logout")
    async def logout(request: Request) -> HTTPResponse:
        """Signing out of the site signs its chats out too, before the cookie goes: every chat verified by a token
        of this host session is no longer verified, even in another tab that still holds such a token.

        A real host website does the same from its server, when its user signs out: it posts a logout token
        (bot.identity.logout_tokens: claims sid, iat, exp, events, signed like its identity tokens) as
        `{"logout_token": "<JWT>"}` with Content-Type application/json to POST /identity/logout of this web server
        (bot.web.verification_endings), which answers {"ended": <how many chats>}.
        """
        current = signed_in(request, secret)
        if current:
            await end_chats_of_host_session(current.host_session)
        return _back_home(request, "")

    return blueprint
