"""L1: the learner asks the trainer a question and follows the answer."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import access
from access.questions import access_thread, visible_threads
from messaging.questions import QuestionError, ask_question, reply_to_question
from training.models import Project

BODY_REQUIRED = gettext_lazy("Schrijf je vraag of bericht.")


class AskForm(forms.Form):
    project = forms.ModelChoiceField(
        label=gettext_lazy("Training"),
        queryset=Project.objects.none(),
        to_field_name="code",
        empty_label=None,
        error_messages={"invalid_choice": gettext_lazy("Kies een van je trainingen.")},
    )
    subject = forms.CharField(
        label=gettext_lazy("Onderwerp"),
        max_length=200,
        error_messages={"required": gettext_lazy("Geef je vraag een onderwerp.")},
    )
    body = forms.CharField(
        label=gettext_lazy("Je vraag"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": BODY_REQUIRED},
    )

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["project"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = projects


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Je bericht"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": BODY_REQUIRED},
    )


@access.learner_required
def thread_list(request: HttpRequest) -> HttpResponse:
    learner = access.learner_of(request.user)
    assert learner is not None
    form = AskForm(request.POST or None, projects=access.learner_projects(learner).order_by("name"))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            thread = ask_question(
                learner=learner, project=data["project"], subject=data["subject"], body=data["body"], by=request.user
            )
        except QuestionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Je vraag is verstuurd naar je trainer."))
            return redirect("questions:detail", thread.code)
    threads = visible_threads(request.user).select_related("project")
    return render(request, "portal/questions/list.html", {"form": form, "threads": threads})


@access.learner_required
def thread_detail(request: HttpRequest, code: str) -> HttpResponse:
    thread = access_thread(request.user, code)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reply_to_question(thread=thread, body=form.cleaned_data["body"], by=request.user)
        except QuestionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Je bericht is verstuurd."))
            return redirect("questions:detail", thread.code)
    posts = thread.messages.select_related("author")
    return render(request, "portal/questions/detail.html", {"thread": thread, "posts": posts, "form": form})
