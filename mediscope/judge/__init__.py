"""The 4-dimension judge: CRPO's reward and the benchmark metric.

    from mediscope.judge import DIMENSIONS, PairVerdict, PairwiseJudge, AbsoluteJudge

`PairwiseJudge(client).compare(context, a, b)` judges A vs B in both orders (disagreement is a
tie); `AbsoluteJudge(client).score(context, response)` gives 1-10 per dimension and
`scores_to_verdict` turns two score sets into a `PairVerdict` for the ablation. Sync wrappers
(`compare_sync`, `compare_many_sync`, `score_sync`) serve TRL's synchronous reward functions.
"""

from mediscope.judge.absolute import AbsoluteJudge
from mediscope.judge.pairwise import PairwiseJudge
from mediscope.judge.verdicts import Outcome, PairVerdict, combine_orders, scores_to_verdict
from mediscope.judge.winrate import rates_with_ci, winrate_report, winrate_summary
from mediscope.llm.schemas import DIMENSIONS

__all__ = [
    "DIMENSIONS",
    "AbsoluteJudge",
    "Outcome",
    "PairVerdict",
    "PairwiseJudge",
    "combine_orders",
    "rates_with_ci",
    "scores_to_verdict",
    "winrate_report",
    "winrate_summary",
]
