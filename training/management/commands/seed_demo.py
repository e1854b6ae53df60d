from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from cursistensite import demo
from questionnaires.demo import add_demo_questionnaires


class Command(BaseCommand):
    help = "Fill the database with fictional demo data (idempotent) and print the demo logins."

    def handle(self, *args: Any, **options: Any) -> None:
        if demo.exists():
            self.stdout.write("Demo data is already there.")
        else:
            world = demo.build_world()
            add_demo_questionnaires(world)
            self.stdout.write("Demo data created.")
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {demo.DEMO_PASSWORD}):")
        for who, email in demo.demo_logins():
            self.stdout.write(f"  {who:<45} {email}")
        self.stdout.write("")
        self.stdout.write("Staff and the third party set up a second factor (TOTP app) at their first login.")
