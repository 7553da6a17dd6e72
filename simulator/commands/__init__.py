"""Commands of ``sflab`` that belong to the simulator core (one module per command)."""
