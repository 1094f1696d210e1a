"""Russian: the words and patterns the recognisers read (see ``lang/__init__.py`` for the
list a language module must define), one section per recogniser family:

- ``core``: sentences, dates, numbers, the article context and the pipeline;
- ``names``: people and organisations (entities, entity_facts);
- ``places``: countries and cities (countries);
- ``visits``, ``agreements``, ``events``, ``statistics``, ``missions``: one each.

A name is defined in one section only.  A name no section defines is the English
module's: those are constructions Russian does not have (the possessive "'s", "the"
before a country), whose English patterns never match Cyrillic text, so they cost a
search and find nothing.  ``FROM_ENGLISH`` lists them, so a reader sees what is still
English.
"""

from __future__ import annotations

from typing import Any

from .. import en as _en
from . import agreements as _agreements
from . import core as _core
from . import events as _events
from . import missions as _missions
from . import names as _names
from . import places as _places
from . import statistics as _statistics
from . import visits as _visits

_SECTIONS = (_core, _names, _places, _visits, _agreements, _events, _statistics, _missions)


def _public(module: Any) -> dict[str, Any]:
    return {n: v for n, v in vars(module).items() if n.isupper() and not n.startswith("_")}


_defined: dict[str, Any] = {}
for _section in _SECTIONS:
    _defined.update(_public(_section))

FROM_ENGLISH: tuple[str, ...] = tuple(sorted(set(_public(_en)) - set(_defined)))
globals().update({n: getattr(_en, n) for n in FROM_ENGLISH})
globals().update(_defined)
