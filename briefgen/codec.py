"""Frozen dataclasses <-> JSON, type-checked on the way back: the store's serialisation.

``decode`` rebuilds a value from the field types of the dataclass, so a stored row that no longer
matches the models (a field added, a type changed) raises ``DecodeError`` instead of yielding a
half-built object.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from functools import cache
from typing import Any


class DecodeError(ValueError):
    """A stored value does not match the type it is read back as."""


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def dumps(value: Any) -> str:
    """Canonical JSON (sorted keys, no whitespace) of a dataclass tree."""
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def decode(tp: Any, value: Any) -> Any:
    """``value`` (from ``json.loads``) rebuilt as type ``tp``; DecodeError when it does not fit."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return _decode_union(typing.get_args(tp), value)
    if origin is tuple:
        return _decode_tuple(typing.get_args(tp), value)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _decode_dataclass(tp, value)
    if tp is dt.date:
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise DecodeError(f"expected a date, got {value!r}") from None
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if tp in (str, int, float, bool, type(None)) and type(value) is tp:
        return value
    raise DecodeError(f"expected {tp}, got {type(value).__name__}")


def _decode_union(options: tuple[Any, ...], value: Any) -> Any:
    for option in options:
        try:
            return decode(option, value)
        except DecodeError:
            continue
    raise DecodeError(f"{value!r} fits none of {options}")


def _decode_tuple(args: tuple[Any, ...], value: Any) -> tuple[Any, ...]:
    if not isinstance(value, list):
        raise DecodeError(f"expected a list, got {type(value).__name__}")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(decode(args[0], v) for v in value)
    if len(args) != len(value):
        raise DecodeError(f"expected {len(args)} items, got {len(value)}")
    return tuple(decode(a, v) for a, v in zip(args, value, strict=True))


def _decode_dataclass(cls: type, value: Any) -> Any:
    if not isinstance(value, dict):
        raise DecodeError(f"expected an object for {cls.__name__}")
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    if set(value) != names:
        raise DecodeError(f"{cls.__name__}: fields differ: {sorted(set(value) ^ names)}")
    return cls(**{name: decode(hints[name], value[name]) for name in names})
