"""The ids of the workspace's pages that are not sections (a section's page id is its
Section.id). Apart from navigator.py so that the main window can name them at start-up
without loading the navigator's widgets, which are built when the first report opens."""

META, OPENING, CHECK = "meta", "opening", "check"
