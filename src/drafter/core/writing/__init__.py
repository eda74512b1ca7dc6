"""Writing: the layout profile, OOXML builders, page fill, title lines, the .docx exporter.
May import: model and core root; never reading, checks, library, editing."""
