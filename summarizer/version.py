"""The package version (its own module, so no module imports the package root back)."""

__version__ = "0.1.0"
