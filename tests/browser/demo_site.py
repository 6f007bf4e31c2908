"""The demo site as a plain HTTP client (no browser) sees it: signing in, and the identity token a page carries."""
import re

import jwt
import requests

from tests.browser.conftest import TOKEN_SECRET

AUTH_TOKEN = re.compile(r'data-auth-token="([^"]*)"')


def signed_in_client(site, person_key: str = "zhangwei") -> requests.Session:
    client = requests.Session()
    client.post(f"{site.url}/demo/login", data={"person": person_key}, timeout=10).raise_for_status()
    return client


def page_token(html: str) -> str:
    """The identity token the page hands its widget ("" when nobody is signed in)."""
    return AUTH_TOKEN.search(html).group(1)


def page_token_claims(html: str) -> dict:
    return jwt.decode(page_token(html), TOKEN_SECRET, algorithms=["HS256"])
