"""The database side of the identity check (bot.identity.check.Records) for one conversation and message:
codes and their limits, the verified conversation, the audit log and the look-ups, in one transaction."""
import datetime
import math

from sqlalchemy.orm import Session

from bot.accounts.lookup import LookUpRequest, look_up
from bot.db.models import InsuredPerson
from bot.identity import audit, codes, limits, sessions
from bot.identity.sms import configured_sender
from bot.reply import Reply


def _stopped_by(outcome: codes.RequestOutcome | codes.CheckOutcome) -> str | None:
    """For the audit entry: which limit stopped the request or entry, if one did."""
    return outcome.stop.limit.value if outcome.stop else None


class DatabaseRecords:
    def __init__(self, session: Session, conversation_id: str, language: str, now: datetime.datetime,
                 client: str | None = None):
        """client: the keyed hash of the client's address that the channel vouches for; None when unknown."""
        self.session, self.conversation_id, self.language, self.now = session, conversation_id, language, now
        self.client = client

    def _audit(self, event: str, id_number: str | None = None, detail: str | None = None) -> None:
        audit.record(self.session, self.conversation_id, event, id_number, detail=detail, now=self.now)

    def verified_person(self) -> InsuredPerson | None:
        return sessions.verified_person(self.session, self.conversation_id, self.now)

    def consent_given(self, how: str) -> None:
        self._audit("consent_given", detail=how)

    def request_code(self, id_number: str) -> codes.RequestOutcome:
        outcome = codes.request_code(self.session, self.conversation_id, id_number, configured_sender(self.session),
                                     self.language, self.now, client=self.client)
        self._audit(f"code_{outcome.status.value}", id_number, detail=_stopped_by(outcome))
        return outcome

    def resend_code(self) -> codes.RequestOutcome | None:
        outcome = codes.resend_code(self.session, self.conversation_id, configured_sender(self.session),
                                    self.language, self.now, client=self.client)
        if outcome is not None:
            self._audit(f"code_resend_{outcome.status.value}", detail=_stopped_by(outcome))
        return outcome

    def seconds_until_resend(self) -> int:
        """0 when a new code for the number this conversation asked about may be sent now."""
        latest = codes.latest_request(self.session, self.conversation_id)
        stop = limits.resend_stop(self.session, latest.id_key, self.now) if latest else None
        return math.ceil(stop.wait.total_seconds()) if stop else 0

    def check_code(self, code: str) -> codes.CheckOutcome:
        outcome = codes.check_code(self.session, self.conversation_id, code, self.now, client=self.client)
        self._audit(f"code_check_{outcome.status.value}", outcome.person.id_number if outcome.person else None,
                    detail=_stopped_by(outcome))
        if outcome.status == codes.CheckStatus.VERIFIED:
            sessions.mark_verified(self.session, self.conversation_id, outcome.person, "sms", self.now)
        return outcome

    def switch_person(self, previous: InsuredPerson) -> None:
        sessions.end_verification(self.session, self.conversation_id)
        self._audit("switched_id_number", previous.id_number)

    def log_out(self) -> bool:
        ended = sessions.sign_out(self.session, self.conversation_id, self.now)
        if ended:
            self._audit("logged_out")
        return ended

    def look_up(self, person: InsuredPerson, request: LookUpRequest) -> Reply:
        return look_up(self.session, self.conversation_id, person, request, self.language, self.now.date())
