"""Reading budget decisions: read a file, fold look-alikes, parse, validate."""
