from django.urls import path

from office import questions

app_name = "office-questions"

urlpatterns = [
    path("", questions.thread_list, name="list"),
    path("<str:code>/", questions.thread_detail, name="detail"),
    path("<str:code>/sluiten/", questions.thread_close, name="close"),
]
