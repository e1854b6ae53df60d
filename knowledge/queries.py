"""Reads on the knowledge base (L11): published articles, Dutch search, safe Markdown."""

from __future__ import annotations

import markdown
import nh3
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.safestring import SafeString, mark_safe

from knowledge.models import Article

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote", "a", "table",
    "thead", "tbody", "tr", "th", "td", "hr",
}  # fmt: skip


def published_articles() -> QuerySet[Article]:
    return Article.objects.filter(published=True)


def search_articles(query: str) -> QuerySet[Article]:
    """Published articles matching `query`: PostgreSQL full text with the Dutch configuration (stems
    'brieven' to 'brief'), ranked; on SQLite every word must occur in title, tags or body."""
    articles = published_articles()
    query = " ".join(query.split())[:200]
    if not query:
        return articles.order_by("title")
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = (
            SearchVector("title", weight="A", config="dutch")
            + SearchVector("tags", weight="B", config="dutch")
            + SearchVector("body", weight="C", config="dutch")
        )
        search = SearchQuery(query, config="dutch", search_type="websearch")
        return articles.annotate(rank=SearchRank(vector, search)).filter(rank__gt=0).order_by("-rank", "title")
    condition = Q()
    for word in query.split():
        condition &= Q(title__icontains=word) | Q(tags__icontains=word) | Q(body__icontains=word)
    return articles.filter(condition).order_by("title")


def render_markdown(text: str) -> SafeString:
    """Markdown to HTML, then cleaned with nh3: no scripts, no event handlers, no inline styles."""
    html = markdown.markdown(text, extensions=["tables", "sane_lists"])
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}}, link_rel="noopener noreferrer")
    return mark_safe(clean)  # noqa: S308 - cleaned by nh3 with a strict allow-list just above
