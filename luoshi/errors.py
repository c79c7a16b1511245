"""The pages a user sees when something goes wrong: Chinese, with the site's navigation, never a traceback."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.utils.translation import gettext as _

log = logging.getLogger("luoshi.errors")

# When even the 500 page cannot be drawn (the database is down, a template is broken).
BARE_500 = ("<!doctype html><html lang=\"zh-Hans\"><meta charset=\"utf-8\"><title>出错了 · 落实</title>"
            "<h1>出错了</h1><p>服务器处理这个请求时出了错，已经记录下来。请稍后再试。</p>"
            "<p><a href=\"/\">回到首页</a></p>")


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's own 500 view draws the page without the request, so without the user's navigation."""
    try:
        return render(request, "500.html", status=500)
    except Exception:  # the error page must never fail in its turn
        log.exception("the 500 page could not be drawn")
        return HttpResponseServerError(BARE_500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403.html", {"exception": _("页面已过期或来自别的网站：请刷新页面后重新提交。")}, status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)
