"""The demo site's pretend sign-in, on only with WEB_DEMO_LOGIN=1 and IDENTITY_TOKEN_SECRET set.

It shows how a real host website hands the chat its signed-in user: the page carries a short-lived token
signed with the shared secret (bot.identity.tokens), and the widget sends it with every message as
customData.auth_token. Here anyone may "sign in" as one of the made-up demo people of bot/db/demo_data.
"""
from typing import Dict

from sanic import Blueprint
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse, redirect

from bot.db.demo_data import DEMO_PEOPLE, DemoPerson
from bot.identity.tokens import issue_token

COOKIE = "demo_person"


def person_key(person: DemoPerson) -> str:
    """zhangwei for Zhang Wei: what the sign-in form and the cookie name a demo person by."""
    return person.name_en.replace(" ", "").lower()


def demo_people() -> Dict[str, DemoPerson]:
    return {person_key(person): person for person in DEMO_PEOPLE}


def signed_in_person(request: Request) -> DemoPerson | None:
    return demo_people().get(request.cookies.get(COOKIE, ""))


def token_for(person: DemoPerson, secret: str) -> str:
    return issue_token(person.id_number, secret)


def _back_home(request: Request, person_key_or_empty: str) -> HTTPResponse:
    """Back to the home page in its language, remembering who is signed in ("" signs out)."""
    response = redirect("/?lang=en" if request.form.get("lang") == "en" else "/", status=303)
    response.cookies[COOKIE] = person_key_or_empty
    response.cookies[COOKIE]["path"] = "/"
    response.cookies[COOKIE]["httponly"] = True
    response.cookies[COOKIE]["samesite"] = "Strict"
    if not person_key_or_empty:
        response.cookies[COOKIE]["max-age"] = 0
    return response


def demo_login_blueprint() -> Blueprint:
    blueprint = Blueprint("demo_login", url_prefix="/demo")

    @blueprint.post("/login")
    async def login(request: Request) -> HTTPResponse:
        key = request.form.get("person", "")
        if key not in demo_people():
            raise InvalidUsage("No such demo person.")
        return _back_home(request, key)

    @blueprint.post("/logout")
    async def logout(request: Request) -> HTTPResponse:
        return _back_home(request, "")

    return blueprint
