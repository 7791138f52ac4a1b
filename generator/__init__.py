"""Kennisbank Bevolkingszorg: load -> validate -> link -> render -> build."""

__version__ = "0.1.0"
