"""Runs one look-up for a verified person and records it in the audit log."""
import datetime
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.accounts import queries, replies
from bot.accounts.periods import month_period, named_year, parse_period, resolve_month
from bot.db.models import InsuredPerson
from bot.identity import audit
from bot.reply import Reply

SERVICES = ("balance", "spending", "claims", "claim_detail", "contributions", "yearly_totals")
SCOPES = queries.SPENDING_CATEGORIES  # what a spending look-up can be narrowed to


@dataclass(frozen=True)
class LookUpRequest:
    """One look-up: the service, its period ("2026-09" or "2025" for spending, "2025" for yearly totals),
    the kind of spending it is narrowed to (one of SCOPES, spending only) and, for claim_detail, the claim."""
    service: str
    period: str | None = None
    scope: str | None = None
    claim_reference: str | None = None


def requested_period(service: str, request_text: str, today: datetime.date) -> str | None:
    """The month ("2026-09") or year ("2025") a request names, kept instead of the request's text."""
    if service == "spending":
        month = resolve_month(request_text, today)
        return month_period(month) if month else None
    if service == "yearly_totals":
        return str(named_year(request_text, today))
    return None


def look_up(session: Session, conversation_id: str, person: InsuredPerson, request: LookUpRequest | str,
            language: str, today: datetime.date | None = None, *, period: str | None = None,
            claim_reference: str | None = None, scope: str | None = None) -> Reply:
    """request: a LookUpRequest, or a service name with its period, claim reference and scope as keywords.
    today: for yearly totals without a period, the year they are about (default: the system's date)."""
    if isinstance(request, str):
        request = LookUpRequest(request, period, scope, claim_reference)
    if request.scope is not None and request.scope not in SCOPES:
        raise ValueError(f"unknown spending scope {request.scope!r}; expected one of {SCOPES}")
    service = request.service
    audit.record(session, conversation_id, f"view_{service}", person.id_number)
    if service == "spending":
        shown = parse_period(request.period)
        found = queries.spending(session, person, shown, category=request.scope)
        return replies.spending_reply(person, found, shown, language, request.scope)
    if service == "claims":
        return replies.claims_reply(person, queries.claims(session, person), language)
    if service == "claim_detail":
        return replies.claim_detail_reply(person, queries.claim(session, person, request.claim_reference), language)
    if service == "contributions":
        return replies.contributions_reply(person, queries.contributions(session, person),
                                           queries.monthly_credits(session, person), language)
    if service == "yearly_totals":
        year = int(request.period) if request.period else (today or datetime.date.today()).year
        return replies.yearly_totals_reply(person, queries.yearly_totals(session, person, year), language)
    latest_premium = next(iter(queries.contributions(session, person, latest=1)), None)
    return replies.balance_reply(person, person.account, latest_premium, language)
