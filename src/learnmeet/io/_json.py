"""Placeholder replaced in the next commit."""

from typing import Any

SCHEMA_VERSION = 1


def make_converter(*args: Any, **kwargs: Any) -> Any:
    raise NotImplementedError


def to_dict(*args: Any, **kwargs: Any) -> Any:
    raise NotImplementedError


def from_dict(*args: Any, **kwargs: Any) -> Any:
    raise NotImplementedError


def to_json(*args: Any, **kwargs: Any) -> Any:
    raise NotImplementedError


def from_json(*args: Any, **kwargs: Any) -> Any:
    raise NotImplementedError
