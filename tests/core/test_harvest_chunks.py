"""Page-chunk numbers: removed where they cut a sentence, real numbered points kept."""

from __future__ import annotations

import time
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from drafter.core.harvest.chunks import rejoin_chunks
from drafter.core.harvest.clean import Line

_PAGE = "镇党委坚持把村级组织建设作为基础工作来抓，每年安排专项经费用于活动场所维护和党员教育培训，"


def _texts(*texts: str) -> tuple[list[str], int]:
    counts: Counter[str] = Counter()
    lines = rejoin_chunks([Line(i, t) for i, t in enumerate(texts, 1)], counts)
    return [line.text for line in lines], counts["chunks"]


def test_numbers_that_cut_sentences_are_removed_and_the_sentence_joined() -> None:
    texts, count = _texts(
        "关于村级组织建设的调研报告",
        f"近年来，{_PAGE}全年镇党委共召开",
        f"3、次专题会议研究村级组织建设，{_PAGE}按照县委组",
        f"4、织部农村活动场所标准，{_PAGE}仍有三个村没有达标。",
    )
    assert texts == [
        "关于村级组织建设的调研报告",
        f"近年来，{_PAGE}全年镇党委共召开次专题会议研究村级组织建设，{_PAGE}按照县委组"
        f"织部农村活动场所标准，{_PAGE}仍有三个村没有达标。",
    ]
    assert count == 2


def test_numbers_inside_a_line_and_a_page_that_broke_at_a_sentence_end() -> None:
    texts, count = _texts(
        f"{_PAGE}2、全年共走访农户{_PAGE}三百余户。3、{_PAGE}各村普遍建立4、了联系户制度。"
    )
    assert texts == [f"{_PAGE}全年共走访农户{_PAGE}三百余户。{_PAGE}各村普遍建立了联系户制度。"]
    assert count == 3


def test_real_numbered_points_stay() -> None:
    lines = (
        "三、对策建议",
        f"1、优化党员队伍结构。{_PAGE}每年培养两名入党积极分子。",
        f"2、规范村级组织运行。{_PAGE}推行重大事项民主决策。",
        "（一）思想认识不到位1、有的支部重业务轻党建。2、有的党员学习不主动。",
        "在1、2、3季度各召开一次会议，完成了第1、2项任务。",
        "四、对策建议1、加强学习提高认识2、完善制度强化落实3、严格考核兑现奖惩4、配强队伍夯实基础",
    )
    assert _texts(*lines) == (list(lines), 0)


def test_a_single_number_is_not_a_run() -> None:
    line = f"{_PAGE}全年共召开了3、次党委会。"
    assert _texts(line) == ([line], 0)


@given(st.lists(st.text(alphabet=st.sampled_from(list("党员学习制度，。、1234“”")), max_size=90),
                max_size=8))  # fmt: skip
def test_rejoining_only_ever_drops_chunk_numbers(texts: list[str]) -> None:
    lines = [Line(i, t) for i, t in enumerate(texts, 1) if t]
    kept = "".join(line.text for line in rejoin_chunks(lines))
    assert [ch for ch in kept if not ch.isdigit() and ch not in "、"] == [
        ch for line in lines for ch in line.text if not ch.isdigit() and ch not in "、"
    ]


def test_a_megabyte_of_numbers_is_read_in_linear_time() -> None:
    text = "".join(f"党员干部要学习{i % 50}、党员" for i in range(40_000))  # 470 KB, all candidates
    start = time.perf_counter()
    rejoin_chunks([Line(1, text), Line(2, text)])
    assert time.perf_counter() - start < 30  # quadratic took minutes
