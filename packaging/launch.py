"""The packaged app's entry point: the same command line as `press-reader` (no arguments open
the window)."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
