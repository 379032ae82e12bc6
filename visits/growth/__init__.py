"""The growth engine: WHO z-scores, Permenkes 2/2020 status and the KMS (Django-free).

- tables:  the WHO LMS tables shipped in data/ (see data/README.md for their sources)
- zscore:  the LMS formulas, plain and WHO's restricted computation beyond ±3 SD
- indices: z-scores of one child or of a batch, following WHO Anthro / AnthroPlus rules
- status:  Permenkes 2/2020 categories, on unrounded z
- kms:     KMS weight monitoring: N/T/O/B with the KBM table, 2T, BGM
- chart:   the growth chart (KMS) as SVG
"""
