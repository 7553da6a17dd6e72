"""The commands of ``sflab``, one module per command (or per pair that shares a noun).

Each module has ``register(subparsers)``, which adds its command with
:func:`sflab.arguments.add_command`, and the handlers the command runs. A library that
takes long to import (pygame, pymodbus, nbgrader, JupyterLab) is imported inside the
handler that needs it, so building the parser stays fast.
"""
