from django.urls import path

from luoshi.outcomes import views

app_name = "outcomes"
urlpatterns = [
    path("plans/<str:slug>/outcomes/", views.sources, name="sources"),
    path("plans/<str:slug>/outcomes/<int:source_id>/", views.proposals, name="proposals"),
]
