from django.apps import AppConfig


class ClientviewConfig(AppConfig):
    name = "clientview"
