"""luoshi (落实): a government work report in, a plan that is carried out, out."""

__version__ = "0.1.0"
