"""luoshi remind through a real SMTP server and real HTTP robots: once each, in Chinese, with links."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from luoshi.deadlines import channels
from luoshi.deadlines.models import Contact, Reminder
from luoshi.plans.models import Plan
from tests.deadlines.helpers import reported

pytestmark = pytest.mark.django_db
SECRET = "SEC0123456789abcdef"


def free_port() -> int:
    """A port nobody listens on now (the SMTP controller needs one named before it starts)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Mailbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
        return "250 OK"


@pytest.fixture
def mailbox(settings) -> Iterator[Mailbox]:  # type: ignore[no-untyped-def]
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.DEFAULT_FROM_EMAIL = "督查室 <duchashi@example.gov.cn>"
    settings.LUOSHI_BASE_URL = "https://luoshi.example.gov.cn"
    yield box
    controller.stop()


class Robots(ThreadingHTTPServer):
    """DingTalk and WeCom as their webhooks answer: errcode 0 when taken; DingTalk's signature checked."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), RobotHandler)  # any free port
        self.received: list[tuple[str, dict[str, object]]] = []
        self.refused = 0


class RobotHandler(BaseHTTPRequestHandler):
    server: Robots

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if url.path == "/robot/send":  # DingTalk: timestamp + sign = HMAC-SHA256("{timestamp}\n{secret}")
            digest = hmac.new(SECRET.encode(), f"{query.get('timestamp')}\n{SECRET}".encode(), hashlib.sha256)
            if query.get("sign") != base64.b64encode(digest.digest()).decode():
                self.server.refused += 1
                return self._answer({"errcode": 310000, "errmsg": "sign not match"})
        self.server.received.append((url.path, body))
        self._answer({"errcode": 0, "errmsg": "ok"})

    def _answer(self, payload: dict[str, object]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def robots(settings) -> Iterator[Robots]:  # type: ignore[no-untyped-def]
    settings.LUOSHI_BASE_URL = "https://luoshi.example.gov.cn"
    server = Robots()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def month_of_reports(plan: Plan, liaison: User) -> None:
    """March: 1.1.1 returned with a reason; 1.1.2 reported; the rest of 市发改委's figures missing."""
    for code in ("1.1.1", "1.1.2", "1.1.3", "2.1.1", "2.1.2"):
        for month in (1, 2):
            reported(plan, code, f"2024-{month:02d}", date(2024, month + 1, 8))
    reported(plan, "0.0.1", "2024Q1", date(2024, 4, 2))
    reported(plan, "1.1.1", "2024-03", date(2024, 4, 5), status="returned", decided=date(2024, 4, 6),
             review_note="应填累计数", value=90, reported_by=liaison)
    reported(plan, "1.1.2", "2024-03", date(2024, 4, 6), status="submitted", reported_by=liaison)


def remind(*args: str) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out, stderr=out)
    return out.getvalue()


def test_it_emails_each_liaison_once_in_chinese_with_a_link_to_each_item(
        plan: Plan, liaison: User, other_liaison: User, mailbox: Mailbox) -> None:
    month_of_reports(plan, liaison)
    liaison.email, other_liaison.email = "charlie@example.gov.cn", "dora@example.gov.cn"
    liaison.save()
    other_liaison.save()
    printed = remind("--on", "2024-04-08")
    # by hand: charlie 1 returned + 3 due soon (March); dora 4 overdue (Jan, Feb) + 2 due soon; 人力社保局 no liaison
    assert "共 10 项：被退回 1、已逾期 4、即将到期 5" in printed
    assert "没有联络员账号的单位 1 个、3 项（见催报清单）：市人力社保局 3项" in printed
    by_address = {m["To"]: m for m in mailbox.messages}
    assert set(by_address) == {"charlie@example.gov.cn", "dora@example.gov.cn"}
    charlie = by_address["charlie@example.gov.cn"]
    assert str(charlie["Subject"]).strip() == "【落实】江城市2024年目标任务报送提醒：1项被退回、3项即将到期"
    text = charlie.get_content()
    assert "1.1.1 固定资产投资 2024-03：被退回，理由：应填累计数" in text
    assert "https://luoshi.example.gov.cn/plans/jiangcheng-2024/report/?period=2024-03#t-1.1.3" in text
    assert "1.1.2" not in text  # reported, waiting for approval: nothing to remind
    assert text.index("被退回") < text.index("即将到期")
    assert Reminder.objects.filter(address="charlie@example.gov.cn").count() == 4

    assert "共 0 项" in remind("--on", "2024-04-08")  # the same day again: nobody gets it twice
    assert len(mailbox.messages) == 2
    remind("--on", "2024-04-11")  # now overdue: told once more, that it is overdue
    overdue = [m for m in mailbox.messages[2:] if m["To"] == "charlie@example.gov.cn"]
    assert len(overdue) == 1 and "已逾期 1 天" in overdue[0].get_content()
    assert "被退回" not in overdue[0]["Subject"]  # the return was told already
    assert "共 0 项" in remind("--on", "2024-04-11")


def test_it_posts_to_a_signed_dingtalk_robot_and_a_wecom_robot(
        plan: Plan, liaison: User, other_liaison: User, robots: Robots) -> None:
    month_of_reports(plan, liaison)
    base = f"http://127.0.0.1:{robots.server_address[1]}"
    Contact.objects.create(user=liaison, channel="dingtalk", webhook=f"{base}/robot/send?access_token=abc",
                           secret=SECRET)
    Contact.objects.create(user=other_liaison, channel="wecom", webhook=f"{base}/cgi-bin/webhook/send?key=xyz")
    printed = remind("--on", "2024-04-08")
    assert "钉钉群机器人 1、企业微信群机器人 1" in printed
    assert robots.refused == 0
    paths = {path: body for path, body in robots.received}
    ding = paths["/robot/send"]
    assert ding["msgtype"] == "markdown" and "被退回" in ding["markdown"]["title"]  # type: ignore[index]
    assert "[1.1.3 新开工亿元以上项目 2024-03" in ding["markdown"]["text"]  # type: ignore[index]
    wecom = paths["/cgi-bin/webhook/send"]
    assert "社会消费品零售总额" in wecom["markdown"]["content"]  # type: ignore[index]
    assert "#t-1.2.1" in wecom["markdown"]["content"]  # type: ignore[index]
    remind("--on", "2024-04-08")
    assert len(robots.received) == 2  # once each


def test_it_keeps_nothing_as_sent_when_the_robot_refuses_and_tries_again(
        plan: Plan, liaison: User, robots: Robots) -> None:
    month_of_reports(plan, liaison)
    contact = Contact.objects.create(user=liaison, channel="dingtalk", secret="SECwrong",
                                     webhook=f"http://127.0.0.1:{robots.server_address[1]}/robot/send?access_token=abc")
    with pytest.raises(CommandError, match="1 条提醒未发出"):
        remind("--on", "2024-04-08")
    assert robots.refused == 1 and robots.received == []  # a bad signature is refused: the good one is signed right
    assert not Reminder.objects.exists()
    contact.secret = SECRET
    contact.save()
    remind("--on", "2024-04-08")
    assert len(robots.received) == 1 and Reminder.objects.count() == 4


def test_it_says_who_would_be_told_what_and_sends_nothing_in_a_dry_run(
        plan: Plan, liaison: User, mailbox: Mailbox) -> None:
    month_of_reports(plan, liaison)
    liaison.email = "charlie@example.gov.cn"
    liaison.save()
    printed = remind("--on", "2024-04-11", "--dry-run")
    assert "试运行，不发送" in printed
    assert "→ charlie（电子邮件 charlie@example.gov.cn）：被退回 1项、已逾期 3项" in printed
    assert "没有联络员账号的单位" in printed and "市商务局" in printed
    assert mailbox.messages == [] and not Reminder.objects.exists()


def test_it_reminds_nobody_who_chose_no_reminders(plan: Plan, liaison: User, mailbox: Mailbox) -> None:
    month_of_reports(plan, liaison)
    liaison.email = "charlie@example.gov.cn"
    liaison.save()
    Contact.objects.create(user=liaison, channel="none")
    printed = remind("--on", "2024-04-08")
    assert "没有可用的提醒方式" in printed and "charlie" in printed and mailbox.messages == []


def test_it_signs_as_dingtalk_documents() -> None:
    # DingTalk's documented recipe, worked by hand for a fixed time: HMAC-SHA256 of "timestamp\nsecret"
    url = channels.signed("https://oapi.dingtalk.com/robot/send?access_token=t", SECRET, now_ms=1700000000000)
    digest = hmac.new(SECRET.encode(), f"1700000000000\n{SECRET}".encode(), hashlib.sha256).digest()
    assert url == ("https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000&sign="
                   + urllib.parse.quote_plus(base64.b64encode(digest).decode()))


def test_it_refuses_a_day_that_is_not_a_date(plan: Plan) -> None:
    with pytest.raises(CommandError, match="2024-07-08"):
        remind("--on", "8 July")
