"""Attaché: an offline reference browser for bilateral relations between countries."""

__version__ = "0.1.0"
