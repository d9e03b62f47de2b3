"""The dialogue engine's Python side: the rasa_sdk action server and its actions."""
