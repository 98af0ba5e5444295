"""A parsed target or actual value (kept out of the compiled parser: it is part of the model,
pickled between processes and changed with ``dataclasses.replace``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class TargetValue:
    """A target or actual as written, with what could be read from it; ``text`` is kept always."""

    text: str
    op: str | None = None
    value: Decimal | None = None
    unit: str | None = None
    qualitative: str | None = None
    value_high: Decimal | None = None

    def __init__(self, text: str, op: str | None = None, value: Decimal | None = None, unit: str | None = None,
                 qualitative: str | None = None, value_high: Decimal | None = None) -> None:
        # One per target read: set the slots directly, not through a frozen dataclass's
        # object.__setattr__ per field (several times slower).
        set_text, set_op, set_value, set_unit, set_qualitative, set_value_high = _SLOT_SETTERS
        set_text(self, text)
        set_op(self, op)
        set_value(self, value)
        set_unit(self, unit)
        set_qualitative(self, qualitative)
        set_value_high(self, value_high)

    def __reduce__(self):
        # Ingest workers send every parsed target to the storing process: rebuilding it from its
        # fields is cheaper than a frozen dataclass's generic state restore.
        return TargetValue, (self.text, self.op, self.value, self.unit, self.qualitative, self.value_high)

    @property
    def is_quantitative(self) -> bool:
        """True when a number was read."""
        return self.value is not None

    def to_dict(self) -> dict:
        """The export shape {text, op, value, unit}."""
        return {
            "text": self.text,
            "op": self.op,
            "value": None if self.value is None else format(self.value, "f"),
            "unit": self.unit,
        }


_SLOT_SETTERS = tuple(getattr(TargetValue, name).__set__ for name in TargetValue.__slots__)
