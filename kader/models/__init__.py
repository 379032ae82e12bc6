from .roster import Attendance, Kader, Meja, Peran, Training
from .skills import Hasil, Skill, SkillArea, SkillAssessment, TkkAward, TkkLevel
from .strata import Criterion, Indicator, PosyanduTahun, Scheme

__all__ = [
    "Attendance", "Criterion", "Hasil", "Indicator", "Kader", "Meja", "Peran", "PosyanduTahun", "Scheme",
    "Skill", "SkillArea", "SkillAssessment", "TkkAward", "TkkLevel", "Training",
]  # fmt: skip
