"""The public edge of No Wrong Door: a FastAPI app."""
