from django.urls import path

from clientview import views

app_name = "clientview"

urlpatterns = [
    path("", views.home, name="home"),
    path("projecten/<str:code>/", views.project_detail, name="project-detail"),
    path("projecten/<str:code>/voortgang/", views.progress_table, name="progress-list"),
    path("projecten/<str:code>/voortgang/<str:fmt>/", views.progress_export, name="progress-export"),
    path("projecten/<str:code>/cursisten/<str:learner_code>/", views.learner_detail, name="learner-detail"),
    path("projecten/<str:code>/groepen/", views.group_list, name="group-list"),
    path("projecten/<str:code>/bijeenkomsten/", views.session_list, name="session-list"),
    path("projecten/<str:code>/agenda.ics", views.project_calendar, name="project-calendar"),
    path("projecten/<str:code>/leerwensen/", views.wishes, name="wishes"),
    path("projecten/<str:code>/voorbereiding/", views.preparation, name="preparation"),
    path("projecten/<str:code>/evaluaties/", views.evaluations, name="evaluations"),
    path("groepen/<str:code>/", views.group_detail, name="group-detail"),
    path("bijeenkomsten/<str:code>/", views.attendance, name="session-attendance"),
    path("bijeenkomsten/<str:code>/presentielijst.pdf", views.attendance_pdf, name="session-attendance-pdf"),
]
