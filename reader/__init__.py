"""Press Reader (报刊阅读器): read, search and quote Chinese newspaper pages."""

__version__ = "0.1.0"
APP_NAME = "Press Reader"
