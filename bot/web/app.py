"""The web server: the demo site with the chat widget (/), the counter staff's reference page (/reference),
the static files (/static) and the socket.io client from npm (/vendor), with security headers on every reply."""
from jinja2 import Environment, PackageLoader, select_autoescape
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, html

from bot.settings import PROJECT_ROOT
from bot.web import demo_login
from bot.web.config import WebConfig
from bot.web.labels import LABELS, page_language
from bot.web.reference import topic_views
from bot.web.security import security_headers

WEB_DIR = PROJECT_ROOT / "web"
STATIC_DIR = WEB_DIR / "static"
# Installed by `npm ci` in web/ (make run / make test); served from here, never from a CDN.
VENDOR_DIR = WEB_DIR / "node_modules" / "socket.io-client" / "dist"


def create_app(config: WebConfig) -> Sanic:
    app = Sanic("assistant_web")
    # Read once, like the model the Rasa server loads at start: `make run` retrains and restarts both together,
    # so the page never shows an edit the chat does not know yet.
    topics = topic_views()
    templates = Environment(loader=PackageLoader("bot.web"), autoescape=select_autoescape(),
                            trim_blocks=True, lstrip_blocks=True)

    def page(request: Request, template: str, **context) -> HTTPResponse:
        language = page_language(request.args.get("lang"))
        person = demo_login.signed_in_person(request) if config.demo_login_secret else None
        widget = {
            "socket_url": config.assistant_url_for(request.server_name),
            "max_message_chars": config.max_message_chars,
            "reply_timeout_seconds": config.reply_timeout_seconds,
            "auth_token": demo_login.token_for(person, config.demo_login_secret) if person else "",
        }
        body = templates.get_template(template).render(
            lang=language, labels=LABELS[language], path=request.path, widget=widget, signed_in=person,
            demo_people=demo_login.demo_people() if config.demo_login_secret else {}, **context)
        return html(body)

    @app.get("/")
    async def home(request: Request) -> HTTPResponse:
        return page(request, "home.html")

    @app.get("/reference")
    async def reference(request: Request) -> HTTPResponse:
        return page(request, "reference.html", topics=topics)

    if config.demo_login_secret:
        app.blueprint(demo_login.demo_login_blueprint())

    app.static("/static", str(STATIC_DIR), name="static")
    app.static("/vendor", str(VENDOR_DIR), name="vendor")

    @app.middleware("response")
    async def add_security_headers(request: Request, response: HTTPResponse) -> None:
        response.headers.update(security_headers(config.assistant_url_for(request.server_name)))

    return app
