"""Back/Forward through the places the user visited: facts and article sentences."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A fact (``kind`` "fact", ``id`` its id) or an article (``kind`` "article",
    ``id`` its id, ``span`` the highlighted sentence, if any)."""

    kind: str
    id: int
    span: tuple[int, int] | None = None


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
