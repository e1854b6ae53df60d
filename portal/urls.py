from django.urls import path

from portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("projecten/<str:code>/", views.project_detail, name="project-detail"),
    path("projecten/<str:code>/groepen/", views.group_list, name="group-list"),
    path("groepen/<str:code>/inschrijven/", views.group_enrol, name="group-enrol"),
    path("groepen/<str:code>/uitschrijven/", views.group_withdraw, name="group-withdraw"),
]
urlpatterns += [
    path("vragenlijsten/<str:code>/", views.questionnaire_fill, name="questionnaire-fill"),
]
urlpatterns += [
    path("projecten/<str:code>/huiswerk/", views.upload_list, name="upload-list"),
    path("bestanden/<str:code>/", views.upload_download, name="upload-download"),
    path("projecten/<str:code>/materiaal/", views.material_list, name="material-list"),
    path("materiaal/<str:code>/", views.material_download, name="material-download"),
]
urlpatterns += [
    path("projecten/<str:code>/certificaat/", views.certificate_page, name="certificate-page"),
    path("certificaten/<str:code>/pdf/", views.certificate_pdf, name="certificate-pdf"),
    # Public (no login): also meant to be mounted at /certificaat/controle/ through portal.public_urls.
    path("certificaat/controle/<str:verification_code>/", views.certificate_verify, name="certificate-verify"),
]
urlpatterns += [
    path("agenda.ics", views.calendar, name="calendar"),
]
urlpatterns += [
    path("gegevens/", views.personal_data, name="personal-data"),
    path("gegevens/email-bevestigen/<str:token>/", views.email_confirm, name="email-confirm"),
]
urlpatterns += [
    path("kennisbank/", views.article_list, name="article-list"),
    path("kennisbank/<str:code>/", views.article_detail, name="article-detail"),
]
