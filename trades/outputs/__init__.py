"""Stage 5, the outputs: figures, the HTML report and the study-file reference, drawn from the
analyses' results files."""
