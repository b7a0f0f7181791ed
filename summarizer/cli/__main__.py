"""``python -m summarizer.cli``: the same command line as the ``summarizer`` script."""

from summarizer.cli import main

main()
