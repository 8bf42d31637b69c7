"""Print what the "My plan" page weighs for sam in the demo: the page and every file
it loads, as sent and gzipped. Builds a throwaway demo database; touches nothing else.

    .venv/bin/python scripts/plan_page_weight.py
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
workdir = Path(tempfile.mkdtemp(prefix="plan-weight-"))
os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/main.sqlite3"
os.environ["ALONGSIDE_KEYS_DATABASE_URL"] = f"sqlite:///{workdir}/keys.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from alongside.accounts.models import Person  # noqa: E402


def main() -> None:
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", database="keys", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client()
    client.force_login(Person.objects.get(username="sam"))
    for url in ("/my-plan/", "/my-plan/sections/people/"):
        page = client.get(url)
        html = page.content
        assets = re.findall(rb'(?:src|href)="(/static/[^"]+)"', html)
        total, zipped = len(html), len(gzip.compress(html))
        print(f"{url}: page {len(html)} bytes ({len(gzip.compress(html))} gzipped)")
        for asset in assets:
            name = asset.decode().removeprefix(settings.STATIC_URL)
            path = finders.find(name)
            data = Path(str(path)).read_bytes()
            total += len(data)
            zipped += len(gzip.compress(data))
            print(f"  {name}: {len(data)} bytes ({len(gzip.compress(data))} gzipped)")
        print(f"  total: {total} bytes ({zipped} gzipped); limit 51200")


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
