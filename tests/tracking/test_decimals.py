"""How many decimals a figure is written with: the fast reading of its digits agrees with the definition."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from luoshi.tracking.figures import decimals, say_number


def defined(x: float, most: int) -> int:
    """The smallest number of decimals that writes ``x`` as rounding it to ``most`` does."""
    rounded = round(x, most)
    return next(d for d in range(most + 1) if abs(round(x, d) - rounded) < 1e-9 * max(1.0, abs(x)))


@given(st.one_of(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e18, max_value=1e18),
                 st.integers(-10**7, 10**7).map(lambda n: n / 1000), st.integers(-10**6, 10**6).map(lambda n: n / 100)),
       st.integers(0, 4))
def test_it_needs_the_decimals_the_definition_gives(x: float, most: int) -> None:
    assert decimals(x, most) == defined(x, most)


def test_it_drops_the_noise_of_binary_fractions() -> None:
    assert [decimals(x) for x in (450.0, 5.25, 719.1999999999998, 0.1 + 0.2, 1.0001)] == [0, 2, 1, 1, 0]


@given(st.one_of(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e18, max_value=1e18),
                 st.integers(-10**9, 10**9).map(lambda n: n / 1000), st.just(-0.0), st.just(-0.001)),
       st.integers(0, 4))
def test_it_writes_a_figure_with_the_decimals_it_needs_and_no_more(x: float, most: int) -> None:
    assert say_number(x, most) == f"{x:,.{defined(x, most)}f}"
