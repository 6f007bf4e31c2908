"""The web pages: a demo public-service site with the chat widget (/) and the counter staff's reference
of every policy answer (/reference), and the endpoints that end a chat's verified state (/chat/end,
/identity/logout). Run with `python -m bot.web`; `make run` starts it on WEB_PORT."""
