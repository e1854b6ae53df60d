from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import include, path

from access import contact_of, learner_of


def home(request: HttpRequest) -> HttpResponse:
    """Send everyone to their own face."""
    user = request.user
    if not user.is_authenticated:
        return redirect(settings.LOGIN_URL)
    if user.is_employee:
        return redirect("office:home")
    if contact_of(user) is not None:
        return redirect("clientview:home")
    if learner_of(user) is not None:
        return redirect("portal:home")
    return redirect(settings.LOGIN_URL)


urlpatterns = [
    path("", home, name="home"),
    path("account/", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("portal/teksten/", include("portal.texts_urls")),
    path("portal/vragen/", include("portal.questions_urls")),
    path("portal/", include("portal.urls")),
    path("kantoor/teksten/", include("office.texts_urls")),
    path("klant/", include("clientview.urls")),
    path("kantoor/vraag/", include("office.questions_urls")),
    path("kantoor/", include("office.urls")),
    path("api/", include("api.urls")),
    path("beheer/", admin.site.urls),
]
