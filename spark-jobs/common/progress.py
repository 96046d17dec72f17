"""Progress events on stdout, one JSON object per line, read by the orchestrator as they come."""
from __future__ import annotations

import json
import sys

PREFIX = "LAKEBENCH_EVENT "


def emit(event: str, **fields: object) -> None:
    sys.stdout.write(PREFIX + json.dumps({"event": event, **fields}) + "\n")
    sys.stdout.flush()
