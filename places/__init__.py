"""Places people live or plan to live: names, regions, and (later) their indicators."""
