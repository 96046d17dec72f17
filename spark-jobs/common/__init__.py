"""Shared pieces of the Lakehouse Bench Spark jobs: session builders, table layout, results."""
