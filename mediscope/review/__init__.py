"""Expert review in Label Studio: push records as tasks, pull corrections back, measure agreement.

The loop (see `mediscope review --help`):
1. `push` turns records into Label Studio tasks of one review *kind* (dialogue proofreading, PHI
   span review, image redaction review) with pre-annotations, and remembers record id <-> task id
   in a local state file so a re-push never duplicates and an interrupted push resumes;
2. experts work in the Label Studio UI;
3. `pull` pages the annotations into a local snapshot (resumable), then merges them into the
   records (edits keep the original text in `review.edits`), writing kept records and rejects;
4. `status` shows progress and inter-annotator agreement.

`calibration` does the same for judge calibration: pairs of responses go into the pairwise
config, expert choices come back and are compared with the LLM judge's verdicts (agreement and
Cohen's kappa per dimension).

Only `label-studio-sdk` is needed here; the server itself lives in its own venv (`server`).
"""

from mediscope.review.configs import REVIEW_KINDS, load_config

__all__ = ["REVIEW_KINDS", "load_config"]
