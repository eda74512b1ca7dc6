"""Entry point for the pyinstaller bundle: the same CLI as the `drafter` console script."""

import sys

from drafter.cli import main

if __name__ == "__main__":
    sys.exit(main())
