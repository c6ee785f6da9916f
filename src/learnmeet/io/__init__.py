"""Layer 4, the edges: JSON, iCalendar, CSV, SVG and text, one module a format."""

from learnmeet.io._csv import CSV_COLUMNS, evaluation_csv
from learnmeet.io._ical import to_ical
from learnmeet.io._json import (
    SCHEMA_VERSION,
    from_dict,
    from_json,
    make_converter,
    to_dict,
    to_json,
)
from learnmeet.io._svg import yield_chart_svg
from learnmeet.io._text import evaluation_text

__all__ = [
    "CSV_COLUMNS",
    "SCHEMA_VERSION",
    "evaluation_csv",
    "evaluation_text",
    "from_dict",
    "from_json",
    "make_converter",
    "to_dict",
    "to_ical",
    "to_json",
    "yield_chart_svg",
]
