"""Command-line arguments shared by the jobs that query a format's silver tables (the read-only
query set and the power + throughput test); the TypeScript side passes them in one place too
(src/core/engines/spark/sparkEngine.ts silverReadArgs)."""
from __future__ import annotations

import argparse

from formats import FORMAT_IDS


def add_silver_read_args(parser: argparse.ArgumentParser) -> None:
    """Which variant's tables, where they are, their codec, and the scale the query texts need."""
    parser.add_argument("--format", required=True, choices=FORMAT_IDS, help="format id (variant)")
    parser.add_argument("--silver-root", required=True)
    parser.add_argument("--namespace", required=True)
    parser.add_argument("--codec", required=True)
    parser.add_argument("--scale-factor", required=True, type=float)
