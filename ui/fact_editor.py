"""The fact editor: every field of a fact's type, checked as it is typed
(``app.fact_fields``): a refused value is explained under its field and Save waits until
every field is right. Saving is an undoable command on the window's stack
(:class:`EditCommand`): undo puts each field back as it was, corrected or not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import fact_types
from app.fact_fields import FIELDS, FieldError, as_text, country_names, parse
from app.rows import FactRow
from app.views import fact_label
from ui.review import GuardedCommand

if TYPE_CHECKING:
    from app.library import Library

ERROR_STYLE = "color: #b00020"


class EditFactDialog(QDialog):
    """Edit one fact's fields; :meth:`changes` gives what to store once accepted."""

    def __init__(self, fact: FactRow, parent: QWidget | None = None, new: bool = False) -> None:
        """``new``: a fact a person is adding (``fact`` holds the fields read in advance
        and the sentence it comes from); Save stores every field filled in."""
        super().__init__(parent)
        self.fact = fact
        self.new = new
        noun = fact_types.noun(fact.type)
        self.setWindowTitle(f"New {noun} from a sentence" if new else f"Edit {noun} {fact.id}")
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        completer_names = None
        for spec in FIELDS[fact.type]:
            current = as_text(fact.data.get(spec.name))
            box: QLineEdit | QComboBox
            if spec.kind == "choice":
                box = QComboBox()
                box.setEditable(spec.open_choice)
                if spec.optional_choice:
                    box.addItem("")
                box.addItems(list(spec.choices))
                if current and box.findText(current) < 0:
                    box.addItem(current)
                box.setCurrentText(current)
                box.currentTextChanged.connect(self._validate)
            else:
                box = QLineEdit(current)
                if spec.kind in ("country", "countries"):
                    completer_names = completer_names or country_names()
                    completer = QCompleter(completer_names, box)
                    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                    completer.setFilterMode(Qt.MatchFlag.MatchContains)
                    box.setCompleter(completer)
                box.setPlaceholderText(_hint(spec.kind))
                box.textChanged.connect(self._validate)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            mark = " ✎" if spec.name in fact.edited else ""
            form.addRow(f"{spec.label}{mark}:", box)
            form.addRow("", error)
            self.inputs[spec.name] = box
            self.errors[spec.name] = error
        heading = QLabel(
            "“" + " ".join(e.quote for e in fact.evidence) + "”" if new else fact_label(fact)
        )
        heading.setWordWrap(True)
        note = QLabel(
            "Fields the extractor could read in the sentence are filled in; check them and "
            "fill in the rest. The fact is yours: kept whatever the extractor later reads."
            if new
            else "Your corrections are kept when the articles are read again (✎ marks "
            "fields already corrected; empty a field to take its correction back)."
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: gray")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._validate()

    def text_of(self, name: str) -> str:
        box = self.inputs[name]
        return box.currentText() if isinstance(box, QComboBox) else box.text()

    def _validate(self, *_args: object) -> bool:
        ok = True
        for name, error in self.errors.items():
            try:
                parse(self.fact.type, name, self.text_of(name))
                error.hide()
            except FieldError as exc:
                error.setText(str(exc))
                error.show()
                ok = False
        if ok and self.new and not any(self.text_of(n).strip() for n in self.inputs):
            ok = False  # a fact needs at least one field
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)
        return ok

    def values(self) -> dict[str, Any]:
        """Every field filled in, parsed (a new fact's fields)."""
        out = {}
        for spec in FIELDS[self.fact.type]:
            value = parse(self.fact.type, spec.name, self.text_of(spec.name))
            if value is not None:
                out[spec.name] = value
        return out

    def changes(self) -> dict[str, Any]:
        """The fields whose text differs from the fact's, parsed (None: taken back)."""
        out: dict[str, Any] = {}
        for spec in FIELDS[self.fact.type]:
            typed = self.text_of(spec.name)
            if typed.strip() != as_text(self.fact.data.get(spec.name)).strip():
                out[spec.name] = parse(self.fact.type, spec.name, typed)
        return out


def _hint(kind: str) -> str:
    return {
        "date": "2022, 2022-05 or 2022-05-10",
        "period": "2024, 2024-01/2024-05 or 2005/2024",
        "country": "ISO code or name",
        "countries": "codes or names, separated by commas",
        "number": "5200000000 or 5.2 billion",
        "count": "a whole number",
        "words": "separated by commas",
    }.get(kind, "")


class EditCommand(GuardedCommand):
    """Store corrections of a fact's fields; undo puts back what each field held."""

    def __init__(
        self,
        library: Library,
        fact: FactRow,
        changes: dict[str, Any],
        changed: Callable[[str], None],
    ) -> None:
        names = ", ".join(k.replace("_", " ") for k in changes)
        super().__init__(f"Edit {fact_types.noun(fact.type)} {fact.id} ({names})")
        self.library = library
        self.fact_id = fact.id
        self.changes = changes
        if fact.origin == "user":  # a person's own fact: its fields themselves
            self.before = {k: fact.data.get(k) for k in changes}
        else:  # an extracted fact: the corrections (None: not corrected)
            self.before = {k: (fact.data.get(k) if k in fact.edited else None) for k in changes}
        self.changed = changed

    def do(self) -> None:
        self.library.edit_fact(self.fact_id, self.changes)
        self.changed(f"{self.text()} saved (Ctrl+Z undoes).")

    def undo_it(self) -> None:
        self.library.edit_fact(self.fact_id, self.before)
        self.changed(f"Undone: {self.text()}.")


class AddFactCommand(GuardedCommand):
    """Add a fact a person read in a sentence; undo deletes it, redo adds it again."""

    def __init__(
        self,
        library: Library,
        fact_type: str,
        values: dict[str, Any],
        evidence: list[tuple[int, int, int]],
        changed: Callable[[str], None],
    ) -> None:
        super().__init__(f"Add a {fact_types.noun(fact_type)} from a sentence")
        self.library = library
        self.fact_type, self.values, self.evidence = fact_type, values, evidence
        self.changed = changed
        self.fact_id: int | None = None

    def do(self) -> None:
        self.fact_id = self.library.add_fact(self.fact_type, self.values, self.evidence)
        self.changed(f"{self.text()}: fact {self.fact_id} (Ctrl+Z undoes).")

    def undo_it(self) -> None:
        if self.fact_id is not None:
            self.library.delete_added_fact(self.fact_id)
        self.changed(f"Undone: {self.text()}.")
