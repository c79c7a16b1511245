"""The WSGI application, for `luoshi serve` and any WSGI server."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
application = get_wsgi_application()

# A server process keeps Django, its URL map and templates, and the plans' cached verdicts for its
# whole life, and a cold page makes ~10^5 short-lived objects: leave what start-up made out of every
# collection, and collect the young less often (a cold dashboard at 1,048 targets spent a third of its
# time in collections that found nothing to free; benchmarks/scale_speed.py measures with this).
gc.collect()
gc.freeze()
gc.set_threshold(20_000, 20, 100)
