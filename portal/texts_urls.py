from django.urls import path

from portal import texts

app_name = "texts"

urlpatterns = [
    path("", texts.measure_text, name="measure"),
    path("vergelijken/", texts.compare_texts, name="compare"),
    path("bewaard/", texts.history, name="history"),
    path("bewaard/<str:code>/", texts.saved_detail, name="saved-detail"),
    path("bewaard/<str:code>/verwijderen/", texts.saved_delete, name="saved-delete"),
]
