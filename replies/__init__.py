"""What the assistant says: the bilingual text catalogue and the typed reply models shared by the actions,
the API, the widget and the channels."""
