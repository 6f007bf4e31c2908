"""The application database (SQLAlchemy 1.4, 2.0-style): models, engine, schema migrations."""
