"""Rasa input channels with the assistant's safety net (the REST and socket.io channels, and a shell client)."""
