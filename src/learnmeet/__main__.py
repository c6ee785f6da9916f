"""``python -m learnmeet``: the same as the ``learnmeet`` command."""

import sys

from learnmeet.cli import main

sys.exit(main())
