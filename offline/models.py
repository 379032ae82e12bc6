"""What makes a sync idempotent: every record a phone sends carries an id the phone made up
(a UUID); once the server has saved it, the answer is kept here and given again when the
same record arrives a second time (a batch resent after a lost connection)."""

from django.conf import settings
from django.db import models

from registry.models import Posyandu


class SyncedRecord(models.Model):
    client_id = models.UUIDField("id dari HP", unique=True)
    posyandu = models.ForeignKey(Posyandu, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    result = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "catatan tersinkron"
        verbose_name_plural = "catatan tersinkron"

    def __str__(self) -> str:
        return str(self.client_id)
