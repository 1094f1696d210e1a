"""``python -m app``: the same as the ``attache`` command."""

import sys

from app.cli import main

if __name__ == "__main__":  # import workers (spawned) import this module too
    sys.exit(main())
