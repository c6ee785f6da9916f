"""The ``learnmeet`` command line.

``learnmeet demo`` shows the library on the synthetic sample municipality;
``learnmeet check FILE`` reads a scenario file and reports every problem with
its JSON path; ``learnmeet plan FILE --from DATE --to DATE`` plans a period for
a municipality's own scenario. Exit codes: 0 done, 1 bad input, 2 usage error.
"""

from learnmeet.cli._commands import main

__all__ = ["main"]
