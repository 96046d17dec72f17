"""How many timed runs a query gets: a fixed count, or repeat until the median is known well enough.

QUERY_ITERATIONS=auto: after at least `minimum` runs, stop as soon as the 95 % confidence
interval of the median lies within +-target_relative_half_width of the median ("width"),
or when `maximum` runs are done ("cap"). A fixed count stops by "fixed".
"""
from __future__ import annotations

from dataclasses import dataclass

from common.median_interval import relative_half_width

CONFIDENCE = 0.95


@dataclass(frozen=True)
class IterationPolicy:
    minimum: int
    maximum: int | None = None  # None: exactly `minimum` runs
    target_relative_half_width: float | None = None

    def __post_init__(self) -> None:
        if self.minimum < 1:
            raise ValueError(f"iterations must be at least 1, got {self.minimum}")
        if (self.maximum is None) != (self.target_relative_half_width is None):
            raise ValueError("auto iterations need both a maximum and a target width")
        if self.maximum is not None and self.maximum < self.minimum:
            raise ValueError(f"max iterations {self.maximum} is below the minimum {self.minimum}")
        if self.target_relative_half_width is not None and not 0 < self.target_relative_half_width < 1:
            raise ValueError(f"target width must be in (0, 1), got {self.target_relative_half_width}")

    @property
    def mode(self) -> str:
        return "fixed" if self.maximum is None else "auto"

    def stop_reason(self, seconds: list[float]) -> str | None:
        """Why to stop after these runs ("fixed", "width", "cap"), or None to run again."""
        if len(seconds) < self.minimum:
            return None
        if self.maximum is None:
            return "fixed"
        width = relative_half_width(seconds, CONFIDENCE)
        if width is not None and width <= self.target_relative_half_width:
            return "width"
        return "cap" if len(seconds) >= self.maximum else None
