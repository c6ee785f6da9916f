"""The built-in catalogues and the :class:`~learnmeet.Catalog` that holds them.

Import the public names from :mod:`learnmeet`; the modules here are private.
The names of this layer can also be read from this package, served from the
root's one table of public names.
"""

from typing import TYPE_CHECKING

from learnmeet._lazy import forward

if not TYPE_CHECKING:
    __getattr__, __dir__ = forward(__name__)
