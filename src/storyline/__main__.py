"""`python -m storyline` runs the CLI."""

from .cli import main

main()
