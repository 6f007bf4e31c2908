"""Custom actions: thin adapters from a Rasa tracker to bot/ and back to messages."""
