from django.db import models


class Row(models.Model):
    name = models.CharField(max_length=100)
    country = models.CharField(max_length=2)
    created = models.DateTimeField()

    class Meta:
        app_label = "ceiling"
        ordering = ["name"]
        indexes = [models.Index(fields=["name"])]

    def __str__(self) -> str:
        return self.name
