"""Benchmarks of the simulator core (``sflab bench sim``)."""
