from __future__ import annotations

from django.contrib import admin

from knowledge.models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "published", "updated_at"]
    list_filter = ["published"]
    search_fields = ["title", "tags", "body"]
    readonly_fields = ["code"]
