from django.urls import path

from office import texts

app_name = "office-texts"

urlpatterns = [
    path("", texts.learner_measurements, name="list"),
    path("<str:code>/", texts.learner_measurement, name="detail"),
]
