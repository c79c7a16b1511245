"""How fast the main pages answer with 1,000 targets × 24 months × 50 units on SQLite.

    .venv/bin/python benchmarks/page_speed.py

Builds the data with assess_speed.build in a temporary SQLite database, signs in
an office user and times each page through Django's test client (the whole
request: routing, access checks, queries, assessment, template), median of 20.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import statistics
import time

import assess_speed  # sets up Django on a temporary SQLite database
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment

from luoshi.accounts.models import Role
from luoshi.accounts.users import add_user


def main() -> None:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    plan = assess_speed.build(1000)
    user = add_user("bench-office", "correct-horse-battery", Role.OFFICE)
    client = Client()
    client.force_login(user)
    pages = {
        "dashboard": f"/plans/{plan.slug}/?on=2024-06-30",
        "plan document": f"/plans/{plan.slug}/document/?on=2024-06-30",
        "target": f"/plans/{plan.slug}/targets/t500/?on=2024-06-30",
    }
    print(f"SQLite in {assess_speed.folder}; 1,000 targets × 24 months × 50 units")
    for name, url in pages.items():
        assert client.get(url).status_code == 200, url  # the first request works out the assessments
        times = []
        for _ in range(20):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        print(f"  {name:<14} median {statistics.median(times):7.1f} ms   best {min(times):7.1f} ms")


if __name__ == "__main__":
    main()
