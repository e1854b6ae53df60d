from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from documents.actions import purge_uploads


class Command(BaseCommand):
    help = "Delete homework uploads past their delete date (D5): row and stored bytes. Safe to run twice."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = purge_uploads()
        self.stdout.write(f"Verwijderd: {counts['uploads']} uploads, {counts['files']} opgeslagen bestanden.")
