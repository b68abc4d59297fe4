"""Press Reader (报刊阅读器): read, search and quote Chinese newspaper pages."""

from importlib.metadata import PackageNotFoundError, version


def _version() -> str:
    """The version pyproject.toml declares, from the installed package's metadata (the packaged
    app carries that metadata too), so there is one place to change it."""
    try:
        return version("press-reader")
    except PackageNotFoundError:  # run from a folder that was never installed
        return "0+unknown"


__version__ = _version()
APP_NAME = "Press Reader"
