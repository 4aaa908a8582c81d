"""Hostile input to the ingest: anything at all gets a one-line refusal or a result."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.ingest.pipeline import parse_upload
from bot.model import UnusableDocument

NAMES = st.sampled_from(["d.txt", "d.html", "d.docx", "d.pdf", "d", "d.doc", "d.csv"])
OCR_BITS = st.sampled_from(
    [
        "1) Kipicrep 60 033",
        "2) UIsreramap 60 880",
        "1-xochIMIIIa",
        "CanILIKTLIK 1501",
        "01 . 33 606",
        "( -847",
        "2023 xsurra",
        "Ne 28-7",
        "кірістер – 60 033 мың теңге;",
        "1. Утвердить бюджет",
        "доходы – 1 тысяч тенге",
        "<table><tr><td>1</td></tr></table>",
    ]
)


def check(data: bytes, name: str) -> None:
    try:
        result = parse_upload(data, name)
    except UnusableDocument as exc:
        message = str(exc)
        assert message and "\n" not in message
        return
    for budget in result.budgets:  # whatever is accepted is exact and traceable
        for line in budget.lines:
            assert line.amount is not None and line.code and line.source


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000), NAMES)
def test_arbitrary_bytes(data: bytes, name: str) -> None:
    check(data, name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(OCR_BITS, st.text(max_size=60)), max_size=40), NAMES)
def test_budget_looking_text(parts: list[str], name: str) -> None:
    check("\n".join(parts).encode("utf-8"), name)


def test_huge_text_is_handled() -> None:
    check(("1) Kipicrep 60 033\n" + "CanILIKTLIK 1501 TyciMaep\n" * 20000).encode(), "big.txt")
