from .roster import Attendance, Kader, Meja, NakesHadir, Peran, Profesi, Training
from .skills import Hasil, Skill, SkillArea, SkillAssessment, TkkAward, TkkLevel
from .strata import Criterion, Indicator, PosyanduTahun, Scheme

__all__ = [
    "Attendance", "Criterion", "Hasil", "Indicator", "Kader", "Meja", "NakesHadir", "Peran", "PosyanduTahun",
    "Profesi", "Scheme",
    "Skill", "SkillArea", "SkillAssessment", "TkkAward", "TkkLevel", "Training",
]  # fmt: skip
