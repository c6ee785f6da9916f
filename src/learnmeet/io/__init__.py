"""Layer 4, JSON: one cattrs converter and a versioned envelope."""

from learnmeet.io._ical import to_ical
from learnmeet.io._json import (
    SCHEMA_VERSION,
    from_dict,
    from_json,
    make_converter,
    to_dict,
    to_json,
)

__all__ = [
    "SCHEMA_VERSION",
    "from_dict",
    "from_json",
    "make_converter",
    "to_dict",
    "to_ical",
    "to_json",
]
