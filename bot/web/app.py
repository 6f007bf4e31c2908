"""The web server: the demo site with the chat widget (/), the counter staff's reference page (/reference) and its
topic look-up (/reference/topic), the health check (/healthz), the static files (/static) and the socket.io
client from npm (/vendor), the endpoints that end a chat's verified state (/chat/end, /identity/logout), with
security headers on every reply and plain error pages."""
import datetime
import json

from jinja2 import Environment, PackageLoader, select_autoescape
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, html

from bot.knowledge import LEGAL_BASIS_LABEL
from bot.knowledge.links import official_links
from bot.knowledge.review import is_overdue
from bot.settings import PROJECT_ROOT
from bot.web import demo_login
from bot.web.config import WebConfig
from bot.web.errors import PlainErrorHandler
from bot.web.health import health_blueprint
from bot.web.labels import LABELS, page_language
from bot.web.reference import topic_views
from bot.web.security import security_headers
from bot.web.static_files import static_files_blueprint
from bot.web.topic_lookup import topic_lookup_blueprint
from bot.web.verification_endings import verification_endings_blueprint

WEB_DIR = PROJECT_ROOT / "web"
STATIC_DIR = WEB_DIR / "static"
# Installed by `npm ci` in web/ (make run / make test); served from here, never from a CDN.
VENDOR_DIR = WEB_DIR / "node_modules" / "socket.io-client" / "dist"


def page_templates() -> Environment:
    return Environment(loader=PackageLoader("bot.web"), autoescape=select_autoescape(),
                       trim_blocks=True, lstrip_blocks=True)


def create_app(config: WebConfig) -> Sanic:
    app = Sanic("assistant_web", error_handler=PlainErrorHandler())
    # Read once, like the model the Rasa server loads at start: `make run` retrains and restarts both together,
    # so the page never shows an edit the chat does not know yet.
    topics = topic_views()
    # What the widget needs to render answers: the addresses it may link and how a legal-basis line starts.
    answer_rendering = {"links": json.dumps(official_links(view.topic for view in topics), ensure_ascii=False),
                        "legal_basis_labels": json.dumps(list(LEGAL_BASIS_LABEL.values()), ensure_ascii=False)}
    templates = page_templates()
    demo_secret = config.demo_login_secret

    def page(request: Request, template: str, **context) -> HTTPResponse:
        language = page_language(request.args.get("lang"))
        sign_in = demo_login.signed_in(request, demo_secret) if demo_secret else None
        widget = {
            "socket_url": config.assistant_url_for(request.server_name),
            "max_message_chars": config.max_message_chars,
            "reply_timeout_seconds": config.reply_timeout_seconds,
            "auth_token": demo_login.token_for(sign_in, demo_secret) if sign_in else "",
            **answer_rendering,
        }
        body = templates.get_template(template).render(
            lang=language, labels=LABELS[language], path=request.path, widget=widget,
            signed_in=sign_in.person if sign_in else None,
            demo_people=demo_login.demo_people() if demo_secret else {}, **context)
        return html(body)

    @app.get("/")
    async def home(request: Request) -> HTTPResponse:
        return page(request, "home.html")

    @app.get("/reference")
    async def reference(request: Request) -> HTTPResponse:
        today = datetime.date.today()
        overdue = {view.topic.id for view in topics if is_overdue(view.topic, today)}
        return page(request, "reference.html", topics=topics, overdue=overdue)

    if demo_secret:
        app.blueprint(demo_login.demo_login_blueprint(demo_secret))
    app.blueprint(verification_endings_blueprint())
    app.blueprint(health_blueprint(config))
    app.blueprint(topic_lookup_blueprint(config.assistant_internal_url, config.max_message_chars))
    app.blueprint(static_files_blueprint("static", "/static", STATIC_DIR))
    app.blueprint(static_files_blueprint("vendor", "/vendor", VENDOR_DIR))

    @app.middleware("response")
    async def add_security_headers(request: Request, response: HTTPResponse) -> None:
        response.headers.update(security_headers(config.assistant_url_for(request.server_name)))

    return app
