"""Staff define intake and evaluation questionnaires per project in the admin (L7, L9)."""

from __future__ import annotations

from django.contrib import admin

from questionnaires.models import Question, Questionnaire


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 1
    fields = ["order", "text", "help_text", "type", "required", "choices"]


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["title", "project", "kind", "anonymous"]
    list_filter = ["kind", "anonymous"]
    search_fields = ["title", "project__name"]
    inlines = [QuestionInline]
    raw_id_fields = ["project", "action"]
    readonly_fields = ["code"]
    fields = ["code", "client", "project", "action", "kind", "title", "introduction", "anonymous"]
