"""De-identification stages: `text.TextDeidStage` (alias `deid`) and `image.ImageDeidStage`
(alias `image_deid`). Nothing is imported here so that loading one does not load the other."""
