"""A real SMTP server on loopback for tests (aiosmtpd)."""

from __future__ import annotations

import socket
from email import message_from_bytes
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Collect:
    def __init__(self, inbox: list[Message]) -> None:
        self.inbox = inbox

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd hook name)
        self.inbox.append(message_from_bytes(envelope.original_content or envelope.content))
        return "250 OK"


class LoopbackSmtp:
    """Start, stop (an outage) and start again on the same port; every received mail lands in `inbox`."""

    def __init__(self) -> None:
        self.port = free_port()
        self.inbox: list[Message] = []
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(_Collect(self.inbox), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def settings(self) -> dict[str, Any]:
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": self.port,
            "EMAIL_USE_TLS": False,
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_TIMEOUT": 5,
        }

    def text_bodies(self) -> list[str]:
        bodies = []
        for message in self.inbox:
            for part in message.walk():
                if part.get_content_type() == "text/plain":
                    payload = part.get_payload(decode=True)
                    bodies.append(payload.decode() if isinstance(payload, bytes) else str(payload))
        return bodies

    def recipients(self) -> list[str]:
        return [str(m["To"]) for m in self.inbox]
