"""The web page and REST API (`storyline serve`): FastAPI over storyline.query, read-only."""
