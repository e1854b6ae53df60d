from django.urls import path

from clientview import views

app_name = "clientview"

urlpatterns = [
    path("", views.home, name="home"),
    path("projecten/<str:code>/", views.project_detail, name="project-detail"),
]
