"""Runs one look-up for a verified person and records it in the audit log."""
import datetime

from sqlalchemy.orm import Session

from bot.accounts import queries, replies
from bot.accounts.periods import named_year, resolve_month
from bot.db.models import InsuredPerson
from bot.identity import audit
from bot.reply import Reply

SERVICES = ("balance", "spending", "claims", "claim_detail", "contributions", "yearly_totals")


def requested_period(service: str, request_text: str, today: datetime.date) -> str | None:
    """The month ("2026-09") or year ("2025") a request names, kept instead of the request's text."""
    if service == "spending":
        month = resolve_month(request_text, today)
        return f"{month[0]}-{month[1]:02d}" if month else None
    if service == "yearly_totals":
        return str(named_year(request_text, today))
    return None


def look_up(session: Session, conversation_id: str, person: InsuredPerson, service: str, language: str,
            period: str | None = None, claim_reference: str | None = None) -> Reply:
    """period: "2026-09" for spending details, "2025" for yearly totals (as from requested_period)."""
    audit.record(session, conversation_id, f"view_{service}", person.id_number)
    if service == "spending":
        month = (int(period[:4]), int(period[5:7])) if period else None
        return replies.spending_reply(person, queries.spending(session, person, month), month, language)
    if service == "claims":
        return replies.claims_reply(person, queries.claims(session, person), language)
    if service == "claim_detail":
        return replies.claim_detail_reply(person, queries.claim(session, person, claim_reference), language)
    if service == "contributions":
        return replies.contributions_reply(person, queries.contributions(session, person),
                                           queries.monthly_credits(session, person), language)
    if service == "yearly_totals":
        year = int(period) if period else datetime.date.today().year
        return replies.yearly_totals_reply(person, queries.yearly_totals(session, person, year), language)
    latest_premium = next(iter(queries.contributions(session, person, latest=1)), None)
    return replies.balance_reply(person, person.account, latest_premium, language)
