"""The calendar's tests share the world of tests/world.py."""

from tests.world import _plain_static, leader, liaison, office, other_liaison, plan  # noqa: F401
