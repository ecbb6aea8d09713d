"""lambdalint: find AWS Lambda performance anti-patterns before they ship."""

__version__ = "0.1.0"
