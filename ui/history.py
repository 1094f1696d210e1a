"""Back/Forward through the places the user visited: facts and article sentences.

A place remembers both panes, so going back to it shows what was there: a fact with the
sentence the reader showed beside it, or an article with the fact it was opened from
(or, chosen by itself, the list of the facts taken from it). Each step back changes what
is on screen: one press, one place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A fact (``kind`` "fact", ``id`` its id; ``article`` and ``span`` the sentence the
    reader showed beside it, if any) or an article (``kind`` "article", ``id`` its id,
    ``span`` the highlighted sentence, if any; ``fact`` the fact in the detail pane,
    None when the pane listed the article's facts)."""

    kind: str
    id: int
    span: tuple[int, int] | None = None
    fact: int | None = None
    article: int | None = None

    def shows(self, article_id: int, span: tuple[int, int] | None, fact: int | None) -> bool:
        """Whether this place already shows ``article_id`` at ``span`` beside ``fact``
        (opening that would look like nothing happened)."""
        if self.kind == "fact":
            return self.id == fact and self.article == article_id and self.span == span
        return self.id == article_id and self.span == span and self.fact == fact


class History:
    """A browser-like history: visiting a new place drops the forward list."""

    LIMIT = 200

    def __init__(self) -> None:
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self.current: Place | None = None

    def visit(self, place: Place) -> None:
        if place == self.current:
            return
        if self.current is not None:
            self._back.append(self.current)
            del self._back[: -self.LIMIT]
        self._forward.clear()
        self.current = place

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> Place | None:
        if not self._back:
            return None
        if self.current is not None:
            self._forward.append(self.current)
        self.current = self._back.pop()
        return self.current

    def forward(self) -> Place | None:
        if not self._forward:
            return None
        if self.current is not None:
            self._back.append(self.current)
        self.current = self._forward.pop()
        return self.current
