"""The shared content index: load and validate content, chunk, embed, index, search.

This package knows nothing of Rasa or FastAPI; the API and the dialogue
actions call it in-process.
"""
