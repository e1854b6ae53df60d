from django.urls import path

from portal import questions

app_name = "questions"

urlpatterns = [
    path("", questions.thread_list, name="list"),
    path("vraag/<str:code>/", questions.thread_detail, name="detail"),
]
