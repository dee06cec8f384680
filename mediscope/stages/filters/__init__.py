"""Quality filters and de-duplication: the last curation stages before publishing.

`rules.QualityFilterStage` (alias `filter`) runs cheap per-record checks (shape, length, role
alternation, language, repetition/garbage, residual PHI, review status, images, judge score);
`dedup.DedupStage` (alias `dedup`) removes exact and near-duplicate dialogues and near-duplicate
images across the whole run. Each check has its own machine-readable reject reason, listed in
`reasons.FilterReason`, so the run report can show a funnel per reason.

Both stages do their per-record work a batch at a time in columns (`columns`, `measures`) and
spread it over `workers` cores (`parallel`: worker processes for the filter's measures and
language ID, threads for dedup's hashing); decisions that depend on order stay in one thread.
"""
