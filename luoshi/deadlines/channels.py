"""The ways a reminder goes out: e-mail (Django's SMTP settings), DingTalk and WeCom group robots.

The robots' custom-robot webhooks take a JSON message; DingTalk's "加签" (signed) robots
also need ``timestamp`` and ``sign`` in the address: the HMAC-SHA256 of
``"{timestamp}\\n{secret}"`` keyed by the secret, in base64, URL-encoded. Both answer
``{"errcode": 0, ...}`` when they took the message.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from smtplib import SMTPException

from django.core.mail import EmailMessage

TIMEOUT = 15  # seconds for a robot to answer


class NotDelivered(Exception):
    """The channel did not take the message; the message says what it answered."""


def deliver(channel: str, address: str, secret: str, subject: str, markdown: str, text: str) -> None:
    if channel == "email":
        email(address, subject, text)
    elif channel == "dingtalk":
        post(signed(address, secret) if secret else address,
             {"msgtype": "markdown", "markdown": {"title": subject, "text": markdown}})
    elif channel == "wecom":
        post(address, {"msgtype": "markdown", "markdown": {"content": markdown}})
    else:
        raise NotDelivered(f"不认识的提醒方式 {channel!r}")


def email(address: str, subject: str, text: str) -> None:
    try:
        EmailMessage(subject, text, to=[address]).send()
    except (SMTPException, OSError) as e:
        raise NotDelivered(f"邮件未发出（{address}）：{e}") from None


def signed(webhook: str, secret: str, now_ms: int | None = None) -> str:
    """The webhook address with DingTalk's timestamp and signature added."""
    timestamp = str(now_ms if now_ms is not None else int(time.time() * 1000))
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    sign = urllib.parse.quote_plus(base64.b64encode(digest))
    return f"{webhook}{'&' if '?' in webhook else '?'}timestamp={timestamp}&sign={sign}"


def post(url: str, payload: dict[str, object]) -> None:
    """POST ``payload`` as JSON; anything but HTTP 200 with errcode 0 is :class:`NotDelivered`."""
    where = url.split("?")[0]
    request = urllib.request.Request(url, data=json.dumps(payload, ensure_ascii=False).encode(),
                                     headers={"Content-Type": "application/json; charset=utf-8"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            answer = json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as e:
        raise NotDelivered(f"机器人 {where} 答复 HTTP {e.code}") from None
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise NotDelivered(f"机器人 {where} 无法送达：{e}") from None
    if answer.get("errcode", 0) != 0:
        raise NotDelivered(f"机器人 {where} 拒收：{answer.get('errcode')} {answer.get('errmsg', '')}")
