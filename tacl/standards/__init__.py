"""Facts several floors use, below them all: units, sampling standards, exact numbers.

Nothing here imports from syntax/, compile/ or evaluate/: the compiler and the
evaluator both read these tables, and neither reaches into the other for them.
"""
