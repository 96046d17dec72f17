"""The lifecycle workload's job: rounds of change, time travel, maintenance (run_lifecycle.py)."""
