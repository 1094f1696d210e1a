"""The frozen program's entry point (build.spec): the ``attache`` command.

A bare ``--version`` is answered from ``app.__version__`` alone, with the text argparse
prints, without importing ``app.cli`` (which loads the whole library service, about
1.5 s); everything else goes to ``app.cli.main``.
"""

import multiprocessing
import sys


def main() -> int:
    # A frozen program starts its import workers by running itself: this hands them
    # to multiprocessing instead of the command line.
    multiprocessing.freeze_support()
    if sys.argv[1:] == ["--version"]:
        from app import __version__

        print(f"attache {__version__}")
        return 0
    from app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
