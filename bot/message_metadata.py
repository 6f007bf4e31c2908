"""What the channel tells the dialogue about a message: the only metadata a user message carries.

Whatever metadata a client sends is dropped by the channel (it could hold a token, an ID number or anything
else, and Rasa would store it); the channel sets these server-made values instead.
"""
SERVER_KEY = "server"
TOKEN_OUTCOME = "token_outcome"  # bot.identity.token_sign_in.TokenOutcome value, when the message carried a token
CLIENT = "client"  # keyed hash of the client's network address, for the per-client limits
