"""The API tests share the world of tests/world.py."""

from tests.world import _fast_passwords_and_plain_static, leader, liaison, office, other_liaison, plan  # noqa: F401
