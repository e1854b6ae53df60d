from django.urls import path

from office import views

app_name = "office"

urlpatterns = [
    path("", views.home, name="home"),
    path("projecten/", views.project_list, name="project-list"),
    path("projecten/<str:code>/", views.project_detail, name="project-detail"),
    path("activiteiten/", views.audit_log, name="audit-log"),
]
