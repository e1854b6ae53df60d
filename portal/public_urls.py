"""Public pages of the portal, to mount at the site root: path("certificaat/controle/", include(...))."""

from django.urls import path

from portal import views

urlpatterns = [
    path("<str:verification_code>/", views.certificate_verify, name="certificate-verify-public"),
]
