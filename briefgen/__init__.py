"""briefgen: extractive, cited policy memos from a folder of news articles."""

__version__ = "0.1.0"
