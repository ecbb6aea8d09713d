"""Output formats. Each module turns findings into text with one ``render`` function."""

from lambdalint.model import shown

FORMATS = ("concise", "full", "json")
__all__ = ["FORMATS", "shown"]
