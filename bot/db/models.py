"""Tables of the application database. The schema itself is managed by the Alembic migrations."""
import datetime

from sqlalchemy import Boolean, Column, DateTime, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


class Feedback(Base):
    """A "was this helpful?" answer. Holds no conversation id and no user text: nothing personal."""

    __tablename__ = "feedback"

    id = Column(Integer, primary_key=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=_now)
    topic = Column(String(64), nullable=True)  # the intent of the answer that was rated, if any
    helpful = Column(Boolean, nullable=False)
    language = Column(String(2), nullable=True)
