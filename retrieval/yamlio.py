"""YAML with YAML 1.2 booleans: only true/false are booleans.

PyYAML follows YAML 1.1, where `ON`, `NO`, `yes`, `off` are booleans: the
region code `ON` (Ontario) would silently become `True`. Content editors
must not have to quote it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml


class Yaml12SafeLoader(yaml.SafeLoader):
    pass


Yaml12SafeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12SafeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load_yaml(text: str) -> Any:
    """Parse YAML text safely, with YAML 1.2 booleans."""
    return yaml.load(text, Loader=Yaml12SafeLoader)
