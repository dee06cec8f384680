"""Publish curated records as a Hugging Face dataset folder (and optionally push it to the Hub).

`publish_dataset(records_or_path, output_dir, **options)` is the one entry point, used by the
`mediscope publish` verb and by a pipeline's `publish:` section. The schema it writes is the
contract with `mediscope.train` (see `convert.features`).
"""

from mediscope.publish.writer import PublishOptions, PublishSummary, publish_dataset

__all__ = ["PublishOptions", "PublishSummary", "publish_dataset"]
