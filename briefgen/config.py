"""Load and validate ``briefgen.yaml`` into typed ``Settings``; every error names the file and line.

YAML is composed with ``yaml.SafeLoader`` (no Python tags), then walked node by node so that unknown
keys, duplicate keys and wrong types are reported with the line they stand on.
"""

from __future__ import annotations

import dataclasses
import os
import re
import types
import typing
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import ConfigError
from briefgen.settings import Header, Settings, Smtp, Topic

ENV_VAR = "BRIEFGEN_CONFIG"
DEFAULT_PATH = Path("config") / "briefgen.yaml"
TOPIC_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
PATHS = {"corpus": "--corpus", "output": "--out"}  # settings a command line may give instead of the file
_RENAMED = {"from": {Header: "from_", Smtp: "sender"}}
_SAFE_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map")}


def discover(explicit: Path | None) -> Path:
    """``--config``, else ``$BRIEFGEN_CONFIG``, else ``./config/briefgen.yaml``."""
    if explicit is not None:
        return explicit
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else DEFAULT_PATH


def load_settings(
    path: Path, overrides: Mapping[str, Path] | None = None, needs: Iterable[str] = tuple(PATHS)
) -> Settings:
    """Read, validate and type the configuration file at ``path``.

    ``overrides`` (``corpus``, ``output``: from ``--corpus``/``--out``) replace the file's values and
    need not be in it; of the two, only those in ``needs`` (what the command uses) are required.
    ``--out`` moves the memos, not the build store: that stays with the configured output.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"configuration file not found (use --config or ${ENV_VAR})", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", str(path)) from None
    root = _compose(text, path)
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError("expected a mapping of settings at the top level", str(path), _line(root))
    return _Reader(path).settings(root, dict(overrides or {}), frozenset(needs))


def _compose(text: str, path: Path) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ConfigError(f"YAML syntax error: {exc.problem or exc.context}", str(path), line) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"YAML error: {exc}", str(path)) from None


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


class _Reader:
    """Turns YAML nodes into typed values, raising ConfigError with file and line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.base = path.resolve().parent

    def error(self, message: str, node: yaml.Node | None) -> ConfigError:
        return ConfigError(message, str(self.path), _line(node))

    def settings(self, root: yaml.MappingNode, overrides: dict[str, Path], needs: frozenset[str]) -> Settings:
        raw = self.mapping(root, "settings")
        values = self.fields(Settings, raw, skip={"path", "topics"})  # topics: read below
        if "output" in overrides and "output" in values and "store" not in values:
            values["store"] = values["output"] / "briefgen.sqlite"
        values |= overrides
        for key, flag in PATHS.items():
            if key in values:
                continue
            if key in needs:
                raise self.error(f"missing required setting '{key}' (set it here or pass {flag})", root)
            values[key] = self.base / key  # not used by this command
        topics = self.topics(raw["topics"]) if "topics" in raw else ()
        if not topics:
            raise self.error("no topics configured (add a 'topics' mapping)", root)
        return Settings(path=self.path, topics=topics, **values)

    def mapping(self, node: yaml.Node, what: str) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(f"{what}: expected a mapping", node)
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node)
            if not isinstance(key, str):
                raise self.error(f"{what}: keys must be text, got {key!r}", key_node)
            if key in out:
                raise self.error(f"{what}: duplicate key '{key}'", key_node)
            out[key] = value_node
        return out

    def scalar(self, node: yaml.Node) -> Any:
        loader = yaml.SafeLoader("")
        try:
            return loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            raise self.error(f"unsupported value ({exc.problem})", node) from None

    def fields(self, cls: type, raw: dict[str, yaml.Node], skip: set[str] = frozenset()) -> dict[str, Any]:  # type: ignore[assignment]
        hints = typing.get_type_hints(cls)
        known = {f.name: f for f in dataclasses.fields(cls) if f.name not in skip}
        values: dict[str, Any] = {}
        for key, node in raw.items():
            name = _RENAMED.get(key, {}).get(cls, key)
            if key in skip and key != "path":
                continue
            if name not in known:
                allowed = ", ".join(sorted(_yaml_key(cls, n) for n in known))
                raise self.error(f"unknown key '{key}' (allowed: {allowed})", node)
            values[name] = self.typed(node, hints[name], key)
            self.check_value(values[name], known[name].metadata, key, node)
        return values

    def check_value(self, value: Any, rule: Mapping[str, Any], key: str, node: yaml.Node) -> None:
        """The enumeration or range a settings field declares (``one_of``, ``at_least``)."""
        if "choices" in rule:
            for item in value if isinstance(value, tuple) else (value,):
                if item not in rule["choices"]:
                    known = ", ".join(rule["choices"])
                    raise self.error(f"'{key}': unknown value {item!r} (known: {known})", node)
        if "low" in rule and value is not None:
            low, high, above = rule["low"], rule["high"], rule["above"]
            if value < low or (above and value == low) or (high is not None and value > high):
                bound = f"greater than {low:g}" if above else f"at least {low:g}"
                limit = f" and at most {high:g}" if high is not None else ""
                raise self.error(f"'{key}': must be {bound}{limit}, got {value!r}", node)

    def typed(self, node: yaml.Node, hint: Any, key: str) -> Any:
        if node.tag not in _SAFE_TAGS:
            raise self.error(f"'{key}': unsupported YAML tag {node.tag}", node)
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return hint(**self.fields(hint, self.mapping(node, key)))
        optional = _optional(hint)
        if optional is not None:
            if isinstance(node, yaml.ScalarNode) and self.scalar(node) is None:
                return None
            hint = optional
        if hint is Path:
            return Path(os.path.normpath(self.base / self.expect(node, str, key)))
        origin = typing.get_origin(hint)
        if origin is tuple:
            return tuple(self.expect(item, str, key) for item in self.sequence(node, key))
        if origin is dict:
            return {k: self.expect(v, str, key) for k, v in self.mapping(node, key).items()}
        return self.expect(node, hint, key)

    def sequence(self, node: yaml.Node, key: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(f"'{key}': expected a list", node)
        return list(node.value)

    def expect(self, node: yaml.Node, kind: type, key: str) -> Any:
        value = self.scalar(node)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.error(f"'{key}': expected {kind.__name__}, got {type(value).__name__} {value!r}", node)
        return value

    def topics(self, node: yaml.Node) -> tuple[Topic, ...]:
        out = []
        for name, value in self.mapping(node, "topics").items():
            if not TOPIC_NAME.match(name):
                raise self.error(f"topic name '{name}': use lowercase letters, digits and hyphens", value)
            raw = self.mapping(value, f"topic '{name}'")
            fields = self.fields(Topic, raw, skip={"name", "path"})
            for required in ("title", "scope", "include"):
                if required not in fields:
                    raise self.error(f"topic '{name}': missing '{required}'", value)
            if not any(term.strip() for term in fields["include"]):
                raise self.error(f"topic '{name}': 'include' needs at least one term", raw["include"])
            out.append(Topic(name=name, **fields))
        return tuple(out)


def _optional(hint: Any) -> Any:
    """``X`` for ``X | None``, else None."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return None


def _yaml_key(cls: type, name: str) -> str:
    for key, renames in _RENAMED.items():
        if renames.get(cls) == name:
            return key
    return name
