"""The model: Report and its parts, skeletons, the indicator catalog, blanks, punctuation, figures,
word segmentation. May import: errors, paths (core root), drafter.resources; nothing above."""
