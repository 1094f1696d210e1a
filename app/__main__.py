"""``python -m app``: the same as the ``attache`` command."""

import sys

from app.cli import main

sys.exit(main())
