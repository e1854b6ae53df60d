from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cursistensite.lib.codes import new_code


class Article(models.Model):
    """A knowledge-base article (L11); its body is Markdown, rendered safely."""

    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("tekst (Markdown)"))
    tags = models.CharField(_("trefwoorden"), max_length=300, blank=True)
    published = models.BooleanField(_("gepubliceerd"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")

    def __str__(self) -> str:
        return self.title
