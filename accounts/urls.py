from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("tweede-factor/", views.two_factor, name="two-factor"),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path("wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password-reset"),
    path("wachtwoord-vergeten/verstuurd/", views.PasswordResetDoneView.as_view(), name="password-reset-done"),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
]
