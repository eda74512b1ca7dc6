"""`python -m drafter` runs the command line."""

import sys

from drafter.cli import main

sys.exit(main())
