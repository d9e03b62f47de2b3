"""Rasa NLU components of this assistant (run inside the Rasa process, `.venv-rasa`)."""
