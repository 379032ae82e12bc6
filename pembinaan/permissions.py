"""Who may score a round: its assigned assessors (penilai) and admins."""

from registry.scoping import sees_everything

from .models import Assessor, Round


def can_score(user, round: Round) -> bool:
    """Assigned assessors score; which Posyandu they may score is still their area (scope())."""
    return sees_everything(user) or Assessor.objects.filter(round=round, user=user).exists()
