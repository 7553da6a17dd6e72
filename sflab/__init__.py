"""``sflab``: the command line of Smart Factory Lab, above every package.

It imports :mod:`simulator`, :mod:`grading` and :mod:`curriculum`; none of them imports it.
Each command is one module in :mod:`sflab.commands`; :mod:`sflab.cli` puts them together.
"""
