"""luoshi serve: the web application, served by gunicorn (or Django's development server with --dev)."""

from __future__ import annotations

import os
import sys
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connections

from luoshi.management.commands._base import LuoshiCommand

# gunicorn: the most used WSGI server for Django; pure Python, so it runs wherever Python does on
# Linux (x86-64 and ARM64 alike, nothing to compile); a process per core sidesteps the GIL, threads in
# each keep slow requests from queueing; HUP reloads the code without dropping a connection.
ACCESS_LOG = '%(t)s %(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'


class Command(LuoshiCommand):
    help = "启动网页服务（生产用的 gunicorn，默认 http://127.0.0.1:8000/）；先建立或更新数据库、收集静态文件。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000",
                            help="host:port (or a port) to listen on; 0.0.0.0:8000 for every interface")
        parser.add_argument("--dev", action="store_true",
                            help="Django's development server with DEBUG on: code reloads, tracebacks shown")
        parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 1),
                            help="server processes (default: one per core, at least 2)")
        parser.add_argument("--threads", type=int, default=4, help="threads per process (default 4)")

    def handle(self, *args: Any, **options: Any) -> None:
        address = options["address"]
        if address.isdigit():
            address = f"127.0.0.1:{address}"
        call_command("migrate", verbosity=0)
        if options["dev"]:
            argv = [sys.executable, "-m", "luoshi.cli", "runserver", address]
            env = {**os.environ, "LUOSHI_DEBUG": "true"}
        else:
            call_command("collectstatic", interactive=False, verbosity=0)
            if settings.DEBUG:
                self.stderr.write("注意：LUOSHI_DEBUG=true，出错时会显示调试信息；生产环境请去掉它。")
            self.stdout.write(f"落实：http://{address}/（gunicorn，{options['workers']} 个进程 × "
                              f"{options['threads']} 个线程，访问日志在下方；Ctrl-C 停止）")
            argv = [sys.executable, "-m", "gunicorn", "luoshi.wsgi:application",
                    "--bind", address, "--workers", str(options["workers"]), "--threads", str(options["threads"]),
                    "--timeout", "120", "--graceful-timeout", "20",
                    "--access-logfile", "-", "--access-logformat", ACCESS_LOG, "--error-logfile", "-"]
            env = dict(os.environ)
        self.stdout.flush()
        connections.close_all()
        os.execve(sys.executable, argv, env)
