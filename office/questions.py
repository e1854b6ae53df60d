"""U9: employees answer learners' questions in their scope and close them."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

import access
from access.questions import access_thread, visible_threads
from accounts.roles import Task
from messaging.questions import QuestionError, answer_question, close_question


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Je antwoord"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": gettext_lazy("Schrijf je antwoord.")},
    )


@access.staff_required(Task.ANSWER_QUESTIONS)
def thread_list(request: HttpRequest) -> HttpResponse:
    threads = (
        visible_threads(request.user)
        .filter(closed_at__isnull=True)
        .select_related("project", "client", "learner__user")
        .order_by("answered_at", "created_at")[:200]
    )
    return render(request, "office/questions/list.html", {"threads": threads})


@access.staff_required(Task.ANSWER_QUESTIONS)
def thread_detail(request: HttpRequest, code: str) -> HttpResponse:
    thread = access_thread(request.user, code)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            answer_question(thread=thread, body=form.cleaned_data["body"], by=request.user)
        except QuestionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Je antwoord is verstuurd."))
            return redirect("office-questions:detail", thread.code)
    posts = thread.messages.select_related("author")
    return render(request, "office/questions/detail.html", {"thread": thread, "posts": posts, "form": form})


@require_POST
@access.staff_required(Task.ANSWER_QUESTIONS)
def thread_close(request: HttpRequest, code: str) -> HttpResponse:
    thread = access_thread(request.user, code)
    try:
        close_question(thread=thread, by=request.user)
    except QuestionError as error:
        messages.error(request, str(error))
        return redirect("office-questions:detail", thread.code)
    messages.success(request, _("De vraag is gesloten."))
    return redirect("office-questions:list")
