"""Who the user is: ID-number checks, masking, one-time codes, lockout, verified conversations, tokens."""
