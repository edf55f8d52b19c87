"""NLU evaluation: a corpus of lines as people say them, run through the simulator."""
