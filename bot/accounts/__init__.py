"""A verified person's own records: read-only queries and their replies in Chinese and English."""
