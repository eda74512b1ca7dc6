"""Reading: source files → paragraphs → outline → mapping → roll-forward → Report.
May import: model and core root (errors, paths, storage); never checks, library, editing, writing."""
