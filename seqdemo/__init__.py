"""seqdemo: try, compare and train classic sequence models in the browser."""

__version__ = "0.1.0"
