"""Pipeline stage for the expert review step (see `mediscope.review` for the Label Studio loop)."""
