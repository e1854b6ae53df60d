from django.urls import path, register_converter

from office import views, views_edit, views_setup, views_work


class ReportFormat:
    """Only the export formats, so `voortgang/<learner>/` keeps every learner code."""

    regex = "xlsx|csv"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ReportFormat, "reportfmt")

app_name = "office"

urlpatterns = [
    path("", views.home, name="home"),
    path("activiteiten/", views.audit_log, name="audit-log"),
    # Clients, projects, groups, sessions
    path("klanten/", views_setup.client_list, name="client-list"),
    path("klanten/nieuw/", views_setup.client_create, name="client-create"),
    path("klanten/<str:code>/", views_setup.client_detail, name="client-detail"),
    path("klanten/<str:code>/bewerken/", views_edit.client_edit, name="client-edit"),
    path("klanten/<str:code>/projectleider/", views_setup.contact_create, name="contact-create"),
    path("projecten/", views.project_list, name="project-list"),
    path("projecten/nieuw/", views_setup.project_create, name="project-create"),
    path("projecten/<str:code>/", views.project_detail, name="project-detail"),
    path("projecten/<str:code>/bewerken/", views_edit.project_edit, name="project-edit"),
    path("projecten/<str:code>/certificaten/", views_edit.certificate_list, name="certificate-list"),
    path("projecten/<str:code>/kopieren/", views_setup.project_copy, name="project-copy"),
    path("projecten/<str:code>/acties/nieuw/", views_setup.action_create, name="action-create"),
    path("projecten/<str:code>/groepen/nieuw/", views_setup.group_create, name="group-create"),
    path("projecten/<str:code>/materiaal/nieuw/", views_setup.material_create, name="material-create"),
    path("projecten/<str:code>/cursisten/", views.project_learners, name="project-learners"),
    path("projecten/<str:code>/cursisten/nieuw/", views_setup.learner_create, name="learner-create"),
    path("projecten/<str:code>/voortgang/", views_work.project_progress, name="project-progress"),
    path("projecten/<str:code>/voortgang/<reportfmt:fmt>/", views_edit.progress_export, name="progress-export"),
    path("projecten/<str:code>/voortgang/<str:learner>/", views_work.learner_progress, name="learner-progress"),
    path("projecten/<str:code>/uitnodigen/", views.project_invite, name="project-invite"),
    path("projecten/<str:code>/importeren/", views_setup.import_upload, name="import-upload"),
    path("projecten/<str:code>/importeren/kolommen/", views_setup.import_mapping, name="import-mapping"),
    path("projecten/<str:code>/importeren/controle/", views_setup.import_preview, name="import-preview"),
    path("projecten/<str:code>/facturen/", views_work.invoice_list, name="invoice-list"),
    path("groepen/<str:code>/bijeenkomsten/nieuw/", views_setup.session_create, name="session-create"),
    path("groepen/<str:code>/bewerken/", views_edit.group_edit, name="group-edit"),
    path("groepen/<str:code>/uitnodigen/", views.group_invite, name="group-invite"),
    path("bijeenkomsten/<str:code>/aanwezigheid/", views_work.session_attendance, name="session-attendance"),
    path("bijeenkomsten/<str:code>/briefing/", views_work.session_briefing, name="session-briefing"),
    path("bijeenkomsten/<str:code>/bewerken/", views_edit.session_edit, name="session-edit"),
    path("certificaten/<str:code>/intrekken/", views_edit.certificate_revoke, name="certificate-revoke"),
    path("certificaten/<str:code>/opnieuw/", views_edit.certificate_reissue, name="certificate-reissue"),
    # Learners and mail
    path("cursisten/", views.learner_list, name="learner-list"),
    path("cursisten/<str:code>/", views.learner_detail, name="learner-detail"),
    path("cursisten/<str:code>/uitnodigen/<str:project>/", views.learner_invite, name="learner-invite"),
    path("vragen/", views.questions, name="questions"),
    path("uploads/", views_work.upload_list, name="upload-list"),
    # Staff administration
    path("medewerkers/", views_work.staff_list, name="staff-list"),
    path("medewerkers/nieuw/", views_work.staff_create, name="staff-create"),
    path("medewerkers/<str:code>/", views_work.staff_edit, name="staff-edit"),
    path("medewerkers/<str:code>/deactiveren/", views_work.staff_deactivate, name="staff-deactivate"),
    path("toegangscontrole/", views_work.access_review, name="access-review"),
    # Invoices
    path("facturen/<str:code>/", views_work.invoice_detail, name="invoice-detail"),
    path("facturen/<str:code>/pdf/", views_work.invoice_download, name="invoice-pdf"),
    path("facturen/<str:code>/<str:step>/", views_work.invoice_status, name="invoice-status"),
    # System
    path("systeem/", views_work.system_status, name="system-status"),
    path("systeem/beheer/", views_work.system_admin, name="system-admin"),
]
