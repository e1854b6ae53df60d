"""Random public codes for URLs (ARCHITECTURE decision 10: never sequential ids)."""

import secrets

ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def new_code(length: int = 12) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))
