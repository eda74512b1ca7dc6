"""The phrase library: passages, corpus, templating, BM25 ranking, the suggester.
May import: reading, model and core root; never checks, editing, writing."""
