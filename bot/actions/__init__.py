"""rasa_sdk actions: thin, they call the libraries (retrieval, places) in-process."""
