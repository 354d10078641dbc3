"""The search engine on small banks written for these tests (relevance: test_search_relevance)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from drafter.core.bank.loading import Entry, load_bank
from drafter.core.errors import QueryError
from drafter.core.search.engine import Hit, SearchEngine, SearchFilters

# (id, section, kind, topics, scenes, text) — every sentence written for these tests.
ROWS = [
    ("t.problem.01", "problem", "heading", ("org-life",), ("通用",), "组织生活质量不高"),
    (
        "t.problem.02",
        "problem",
        "sentence",
        ("org-life",),
        ("农村",),
        "有的村党支部活动阵地缺乏，组织活动难以经常开展。",
    ),
    (
        "t.problem.03",
        "problem",
        "sentence",
        ("conduct",),
        ("机关",),
        "少数单位开会发文层层加码，形式主义问题仍有反弹。",
    ),
    (
        "t.problem.04",
        "problem",
        "sentence",
        ("members",),
        ("通用",),
        "部分支部党员教育内容单一，以念文件为主，年轻党员参与热情不高。",
    ),
    (
        "t.problem.05",
        "problem",
        "sentence",
        ("org-life",),
        ("社区",),
        "个别社区党组织“三会一课”记录简单，会议开得不够规范。",
    ),
    (
        "t.cause.01",
        "cause",
        "sentence",
        ("org-life",),
        ("通用",),
        "组织生活开展不平衡，有的支部经常开，有的支部长期不开。",
    ),
    ("t.cause.02", "cause", "heading", ("cadres",), ("通用",), "书记抓党建的责任意识不强"),
    (
        "t.cause.03",
        "cause",
        "sentence",
        ("institutions",),
        ("通用",),
        "重要事项集体研究制度执行不严，存在先定后议的情况。",
    ),
    (
        "t.countermeasure.01",
        "countermeasure",
        "sentence",
        ("org-life",),
        ("通用",),
        "重新修订支部工作细则，把组织生活纳入年度考核。",
    ),
    (
        "t.countermeasure.02",
        "countermeasure",
        "sentence",
        ("support",),
        ("通用",),
        "推行银行代发党员补贴，方便流动党员按时领取。",
    ),
    (
        "t.countermeasure.03",
        "countermeasure",
        "sentence",
        ("integration",),
        ("国企",),
        "深入开展调研，及时调整党支部设置，让支部建在班组上。",
    ),
    (
        "t.countermeasure.04",
        "countermeasure",
        "sentence",
        ("cadres",),
        ("高校",),
        "支部书记每年向党委述职，成长情况纳入干部档案。",
    ),
    (
        "t.countermeasure.05",
        "countermeasure",
        "heading",
        ("members",),
        ("通用",),
        "加强党员教育管理",
    ),
    (
        "t.situation.01",
        "situation",
        "sentence",
        ("support",),
        ("通用",),
        "全镇已建成村级党群服务中心，配备电脑和投影等ＡＰＰ学习设备。",
    ),
    ("t.plan.01", "plan", "heading", ("members",), ("通用",), "党员"),
]


def make_entries(
    rows: list[tuple[str, str, str, tuple[str, ...], tuple[str, ...], str]] = ROWS,
    bank: str = "test",
) -> list[Entry]:
    return [
        Entry(id=i, section=s, kind=k, text=t, topics=tp, scenes=sc, bank=bank)
        for i, s, k, tp, sc, t in rows
    ]


@pytest.fixture(scope="module")
def engine() -> SearchEngine:
    return SearchEngine(make_entries())


def ids(hits: list[Hit]) -> list[str]:
    return [h.entry.id for h in hits]


def highlighted(hit: Hit) -> str:
    return "".join(hit.entry.text[a:b] for a, b in hit.spans)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("活动阵地", "t.problem.02"),  # a fragment
        ("活动阵地严重缺乏", "t.problem.02"),  # extra words
        ("形势主义", "t.problem.03"),  # a homophone slip: 形势 for 形式
        ("党员教育内容单", "t.problem.04"),
        ("党员教育内容单一，以念文件为主", "t.problem.04"),  # a whole clause with punctuation
        ("黨員教育內容", "t.problem.04"),  # traditional script
        ("組織生活質量", "t.problem.01"),
        ("dangyuan jiaoyu", "t.problem.04 t.countermeasure.05"),  # full pinyin, two keywords
        ("sanhuiyike", "t.problem.05"),
        ("dyjy", "t.problem.04 t.countermeasure.05"),  # initials
        ("shyk", "t.problem.05"),
        ("sjhyk", "t.problem.05"),  # initials with one slip
        ("组织生活 pingheng", "t.cause.01"),  # Chinese and pinyin mixed
        ("zhongyao", "t.cause.03"),  # 重 read zhong …
        ("chongxin", "t.countermeasure.01"),  # … and chong
        ("yinhang", "t.countermeasure.02"),  # 行 read hang
        ("tiaozheng", "t.countermeasure.03"),  # 调 read tiao …
        ("diaoyan", "t.countermeasure.03"),  # … and diao
        ("chengzhang", "t.countermeasure.04"),  # 长 read zhang
        ("app", "t.situation.01"),  # full-width Latin in the text
    ],
)
def test_query_kinds_find_the_intended_entry_first(
    engine: SearchEngine, query: str, expected: str
) -> None:
    hits = engine.search(query)
    assert hits, query
    assert hits[0].entry.id in expected.split(), (query, ids(hits[:3]))


def test_spans_mark_the_matched_characters_of_the_original_text(engine: SearchEngine) -> None:
    hit = engine.search("阵地缺乏组织活动")[0]
    assert hit.entry.id == "t.problem.02"
    assert highlighted(hit) == "阵地缺乏组织活动"
    # the comma between 缺乏 and 组织 is not highlighted: two spans
    assert len(hit.spans) == 2
    assert all(0 <= a < b <= len(hit.entry.text) for a, b in hit.spans)
    pinyin = engine.search("dyjy")[0]
    assert highlighted(pinyin) == "党员教育"
    fuzzy = engine.search("活动阵地严重缺乏")[0]
    assert highlighted(fuzzy) == "活动阵地缺乏"
    latin = engine.search("app")[0]
    assert highlighted(latin) == "ＡＰＰ"


def test_keywords_in_any_order_and_all_matching_rank_first(engine: SearchEngine) -> None:
    forward = engine.search("组织生活 考核")
    backward = engine.search("考核 组织生活")
    assert ids(forward) == ids(backward)
    assert forward[0].entry.id == "t.countermeasure.01"  # the only one holding both
    assert forward[0].score > forward[1].score
    assert {"t.problem.01", "t.cause.01"} <= set(ids(forward))  # partial matches follow


def test_punctuation_width_and_spaces_inside_chinese_do_not_matter(
    engine: SearchEngine,
) -> None:
    full = engine.search("党员教育内容单一，以念文件为主")
    half = engine.search("党员教育内容单一,以念文件为主")
    assert ids(full) == ids(half) and [h.score for h in full] == [h.score for h in half]
    spaced = engine.search("党 员 教 育")
    assert ids(spaced)[:3] == ids(engine.search("党员教育"))[:3]


def test_short_phrases_do_not_crowd_out_fuller_matches(engine: SearchEngine) -> None:
    hits = engine.search("加强党员教育管理工作")
    assert hits[0].entry.id == "t.countermeasure.05"
    # the two-character heading 党员 holds only a fifth of the query: it may not rank
    # above the sentence that holds 党员教育
    order = [*ids(hits), "t.plan.01"]
    assert order.index("t.problem.04") < order.index("t.plan.01")


def test_preference_breaks_ties_but_never_beats_a_better_match(engine: SearchEngine) -> None:
    plain = engine.search("组织生活")
    preferred = engine.search("组织生活", prefer_section="countermeasure")
    assert preferred[0].entry.id == "t.countermeasure.01" != plain[0].entry.id
    assert {h.entry.id for h in plain} == {h.entry.id for h in preferred}
    typo = engine.search("形势主义", prefer_section="countermeasure", prefer_scene="高校")
    assert typo[0].entry.id == "t.problem.03"


def test_equal_scores_keep_bank_order() -> None:
    rows = [
        (f"t.dup.{n}", "problem", "sentence", ("members",), ("通用",), "党员发展把关不严。")
        for n in range(5)
    ]
    hits = SearchEngine(make_entries(rows)).search("发展把关")
    assert ids(hits) == [f"t.dup.{n}" for n in range(5)]
    assert len({h.score for h in hits}) == 1


def test_filters_narrow_before_scoring(engine: SearchEngine) -> None:
    hits = engine.search("组织生活", SearchFilters(section="cause"))
    assert ids(hits) == ["t.cause.01"]
    assert all(h.entry.kind == "heading" for h in engine.search("", SearchFilters(kind="heading")))
    topic = engine.search("支部", SearchFilters(topic="org-life"))
    assert topic and all("org-life" in h.entry.topics for h in topic)
    # a scene keeps its own entries and the general ones, never another scene's
    scene = {h.entry.id for h in engine.search("", SearchFilters(scene="农村"), limit=100)}
    assert "t.problem.02" in scene and "t.problem.01" in scene
    assert "t.problem.05" not in scene and "t.problem.03" not in scene
    both = engine.search("记录", SearchFilters(section="problem", scene="社区"))
    assert ids(both) == ["t.problem.05"]


def test_bank_filter_and_unknown_filter_values() -> None:
    engine = SearchEngine(
        make_entries()
        + make_entries(
            [("mine.problem.01", "problem", "heading", ("members",), ("通用",), "党员管理松散")],
            bank="mine",
        )
    )
    assert ids(engine.search("党员", SearchFilters(bank="mine"))) == ["mine.problem.01"]
    assert engine.banks == ["test", "mine"]
    with pytest.raises(QueryError, match=r"--section 不能写“problems”.*countermeasure"):
        engine.search("党员", SearchFilters(section="problems"))
    with pytest.raises(QueryError, match="可选：通用、农村"):
        engine.search("党员", SearchFilters(scene="乡镇"))
    with pytest.raises(QueryError, match="test、mine"):
        engine.search("", SearchFilters(bank="other"))


@pytest.mark.parametrize("query", ["", "   ", "，。！？、", "...;;", "\x00\x01\x1b"])
def test_empty_or_punctuation_only_query_lists_the_filtered_bank(
    engine: SearchEngine, query: str
) -> None:
    hits = engine.search(query, SearchFilters(section="cause"), limit=2)
    assert ids(hits) == ["t.cause.01", "t.cause.02"]
    assert all(h.score == 0 and h.spans == () for h in hits)


def test_hostile_queries_end_quickly_and_cleanly(engine: SearchEngine) -> None:
    padded = engine.search("形式主义" + " " * 9996)  # 10 000 characters
    assert padded[0].entry.id == "t.problem.03"
    pasted = engine.search("组织生活质量不高" * 1250)  # never a match, never an error
    assert len(pasted) <= 20 and all(h.entry.id.startswith("t.") for h in pasted)
    controls = engine.search("\x07党员教育\x00内容\x1b")
    assert controls[0].entry.id == "t.problem.04"
    assert engine.search("党员", limit=0) == []
    assert len(engine.search("党员", limit=1)) == 1
    assert engine.search("qqqqxxxx") == []


def test_concurrent_searches_agree_with_sequential_ones(engine: SearchEngine) -> None:
    queries = ["dyjy", "形势主义", "组织生活 pingheng", "活动阵地严重缺乏", "党", "zhang"] * 5
    expected = {q: ids(engine.search(q)) for q in queries}
    results: dict[int, list[str]] = {}

    def run(n: int, query: str) -> None:
        results[n] = ids(engine.search(query))

    threads = [threading.Thread(target=run, args=(n, q)) for n, q in enumerate(queries)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [results[n] for n in range(len(queries))] == [expected[q] for q in queries]


def test_plain_text_bank_is_searchable(tmp_path: Path) -> None:
    path = tmp_path / "phrases.txt"
    path.write_text("党员队伍老化问题突出\n\n组织生活会批评辣味不足。\n", encoding="utf-8")
    engine = SearchEngine(load_bank(path).entries)
    hits = engine.search("zzshh")
    assert [h.entry.text for h in hits] == ["组织生活会批评辣味不足。"]


def test_review_filter_hides_or_keeps_only_harvested_entries_pending_review() -> None:
    from drafter.core.bank.loading import Entry
    from drafter.core.search.engine import SearchEngine, SearchFilters

    entries = [
        Entry(
            id="a.problem.01",
            section="problem",
            kind="heading",
            text="组织生活不够规范",
            topics=("org-life",),
        ),
        Entry(
            id="h.problem.01",
            section="problem",
            kind="heading",
            text="组织生活流于形式",
            topics=("org-life",),
            review="pending",
        ),
        Entry(
            id="h.problem.02",
            section="problem",
            kind="heading",
            text="组织生活质量不高",
            topics=("org-life",),
            review="reviewed",
        ),
    ]
    engine = SearchEngine(entries)
    assert engine.has_pending

    def ids(review: str | None) -> list[str]:
        return sorted(h.entry.id for h in engine.search("组织生活", SearchFilters(review=review)))

    assert ids(None) == ["a.problem.01", "h.problem.01", "h.problem.02"]
    assert ids("reviewed") == ["a.problem.01", "h.problem.02"]
    assert ids("pending") == ["h.problem.01"]
