"""Prints the latest development text messages (SMS_BACKEND=outbox), phone numbers masked.

    python -m bot.identity.outbox [how many, default 5]      (or: make sms-outbox)
"""
import sys

from sqlalchemy import select

from bot.db.engine import session_scope
from bot.db.models import SmsOutbox
from bot.identity.masking import mask_phone


def latest_messages(count: int) -> list[str]:
    with session_scope() as session:
        rows = session.scalars(select(SmsOutbox).order_by(SmsOutbox.id.desc()).limit(count)).all()
        return [f"{row.created_at:%Y-%m-%d %H:%M:%S} UTC  to {mask_phone(row.phone)}  {row.text}"
                for row in reversed(rows)]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    lines = latest_messages(count)
    print("\n".join(lines) if lines else "No development text messages yet.")


if __name__ == "__main__":
    main()
