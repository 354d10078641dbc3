"""The bank store: a merged bank's entries, search index and filter masks in one data file.

Written once per version of the bank files (its key: their paths, sizes and modification
times and the pinyin table; its header names the store's format, and a store of another
format is rebuilt with a one-line notice) and then opened without parsing YAML: the
search reads the index and masks as mapped arrays, and an entry becomes an `Entry` only
when it is looked at (a result shown, a phrase inserted). So a harvested bank of a million
phrases opens about as fast as the built-in one. See cachefile.py for the file itself.
"""

from __future__ import annotations

import contextlib
import json
from array import array
from collections.abc import Iterator, Sequence
from functools import cached_property
from itertools import accumulate
from pathlib import Path
from typing import Any, overload

from drafter.core.bank.loading import BUILTIN, Bank, Entry, Provenance
from drafter.core.bank.rows import SHARED_FIELDS, Rows, load_rows, merge
from drafter.core.bank.storekey import KIND, store_key
from drafter.core.files import cachefile
from drafter.core.search.counting import load_arrays
from drafter.core.search.engine import Masks, SearchEngine, extra_text
from drafter.core.search.filters import FILTER_NAMES
from drafter.core.search.index import FORMAT as INDEX_FORMAT
from drafter.core.search.index import PART_NAMES, SearchIndex
from drafter.core.search.pinyin import PinyinTable, pinyin_table

FORMAT = f"bank-store-2/index-{INDEX_FORMAT}"
"""Written in the header; a store whose header names another is rebuilt (with a notice)."""
_META_FIELDS = SHARED_FIELDS
_MIDDLE = Entry._fields[4:-1]
"""Entry's fields after id, section, kind and text, but line (tests compare every field)."""
_ENTRIES_KEPT = 4096


class Store:
    """An opened (or just built) store: lazy entries, the index and the filter masks."""

    def __init__(self, entries: StoredEntries, index: SearchIndex, masks: Masks) -> None:
        self.entries, self.index, self.masks = entries, index, masks

    @cached_property
    def engine(self) -> SearchEngine:
        return SearchEngine(self.entries, self.index, self.masks)


def engine_of(store: object) -> SearchEngine:
    """The search engine of a bank's store (Bank.store is typed loosely: bank.py is below)."""
    if not isinstance(store, Store):
        raise TypeError("not a bank store")
    return store.engine


def open_banks(roots: Sequence[tuple[Path, str]]) -> Bank:
    """The banks at `roots` (path, bank name) merged in order, from their store when it is
    current; otherwise they are loaded (the first problem raises) and the store written."""
    key = store_key(roots)
    store = _open(key) if key else None
    if store is None:
        rows = merge([_rows(root, name, len(roots) > 1) for root, name in roots])
        store = _build(rows, pinyin_table())
        if key:
            _save(key, store)
            store = _open(key) or store  # mapped: the built objects can go
    return Bank.stored(store.entries, store.entries.find, store.entries.banks, store)


def _rows(root: Path, name: str, merging: bool) -> Rows:
    """One bank's rows for a merged store: the built-in bank's from a store of its own
    (written once per version of it: parsing its YAML would cost more than the rest of a
    start), any other bank's read from its files."""
    if merging and name == BUILTIN:
        store = open_banks([(root, name)]).store
        if isinstance(store, Store):
            return store.entries.rows()
    return load_rows(root, name)


def prepare() -> None:
    """Write the store of the banks a start reads (built-in and user banks) now, so that
    the first start after a harvest into the user banks folder opens at once. A problem
    with a bank is left for that start to report."""
    from drafter.core.bank.loading import load_banks
    from drafter.core.errors import DrafterError

    with contextlib.suppress(DrafterError):
        load_banks()


class StoredEntries(Sequence[Entry]):
    """Entries read from their columns one at a time (a Sequence, so the engine and the
    bank index into it as into a list)."""

    def __init__(self, columns: dict[str, Any], banks: list[str]) -> None:
        self._c = columns
        self.banks = banks
        self._size = len(columns["text_at"]) - 1
        self._metas: dict[int, dict[str, Any]] = {}
        self._shapes: dict[int, tuple[str, str, tuple[Any, ...]]] = {}
        self._made: dict[int, Entry] = {}
        """Entries read lately (frozen): the next keystroke shows many of the same."""

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, i: int) -> Entry: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Entry]: ...
    def __getitem__(self, i: int | slice) -> Entry | Sequence[Entry]:
        if isinstance(i, slice):
            return [self[n] for n in range(*i.indices(self._size))]
        if i < 0:
            i += self._size
        if not 0 <= i < self._size:
            raise IndexError(i)
        found = self._made.get(i)
        if found is None:
            c = self._c
            section, kind, middle = self._shape(c["meta"][i])
            text = str(c["text"][c["text_at"][i] : c["text_at"][i + 1]], "utf-8")
            # the fields in order, as a tuple: an Entry(...) call with keywords costs 4 µs,
            # twenty of them a keystroke's results
            fields = (self.entry_id(i), section, kind, text, *middle, c["line"][i] or None)
            found = tuple.__new__(Entry, fields)
            if len(self._made) >= _ENTRIES_KEPT:
                self._made.clear()
            self._made[i] = found
        return found

    def __iter__(self) -> Iterator[Entry]:
        return (self[i] for i in range(self._size))

    def rows(self) -> Rows:
        """The entries as rows (each group's shared fields read once)."""
        c = self._c
        text, text_at = c["text"], c["text_at"]
        texts = [str(text[text_at[i] : text_at[i + 1]], "utf-8") for i in range(self._size)]
        ids = [self.entry_id(i) for i in range(self._size)]
        shared = [Entry(id="", text="", **self._meta(n)) for n in range(len(c["metas_at"]) - 1)]
        return Rows(ids, texts, list(c["line"]), list(c["meta"]), shared)

    def entry_id(self, i: int) -> str:
        c = self._c
        return str(c["id"][c["id_at"][i] : c["id_at"][i + 1]], "utf-8")

    def find(self, entry_id: str) -> Entry | None:
        """The entry with this id (a binary search over the ids in sorted order)."""
        order = self._c["id_order"]
        lo, hi = 0, len(order)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.entry_id(order[mid]) < entry_id:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(order) and self.entry_id(order[lo]) == entry_id:
            found: Entry = self[order[lo]]
            return found
        return None

    def _shape(self, n: int) -> tuple[str, str, tuple[Any, ...]]:
        """Group n's section, kind and the fields between text and line, in order."""
        shape = self._shapes.get(n)
        if shape is None:
            meta = self._meta(n)
            shape = self._shapes[n] = (meta["section"], meta["kind"], tuple(map(meta.get, _MIDDLE)))
        return shape

    def _meta(self, n: int) -> dict[str, Any]:
        meta = self._metas.get(n)
        if meta is None:
            c = self._c
            raw = json.loads(str(c["metas"][c["metas_at"][n] : c["metas_at"][n + 1]], "utf-8"))
            meta = dict(zip(_META_FIELDS, raw, strict=True))
            for name in ("topics", "scenes", "links", "aspects"):
                meta[name] = tuple(meta[name])
            meta["provenance"] = Provenance(*meta["provenance"]) if meta["provenance"] else None
            meta["path"] = Path(meta["path"]) if meta["path"] is not None else None
            self._metas[n] = meta
        return meta


def _columns(rows: Rows) -> tuple[dict[str, Any], list[str]]:
    """The rows as flat columns; the shared fields of each group written once, as JSON."""
    from drafter.core.search.build import joined_utf8  # numpy: loaded only to build

    texts, text_at = joined_utf8(rows.texts)
    ids, id_at = joined_utf8(rows.ids)
    metas = []
    for e in rows.shared:
        plain: list[Any] = [getattr(e, name) for name in _META_FIELDS]
        plain[12] = [e.provenance.file, e.provenance.paragraph] if e.provenance else None
        plain[14] = str(e.path) if e.path is not None else None
        metas.append(json.dumps(plain, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    columns = {
        "text": texts, "text_at": text_at, "id": ids, "id_at": id_at,
        "metas": b"".join(metas), "metas_at": _offsets(metas),
        "meta": array("I", rows.groups), "line": array("I", rows.lines),
        "id_order": array("I", sorted(range(len(rows)), key=rows.ids.__getitem__)),
    }  # fmt: skip
    used = sorted(set(rows.groups))
    return columns, list(dict.fromkeys(rows.shared[g].bank for g in used))


def _offsets(pieces: list[bytes]) -> array[int]:
    """Where each piece starts in their concatenation, and where the last ends."""
    return array("I", accumulate(map(len, pieces), initial=0))


def _build(rows: Rows, table: PinyinTable) -> Store:
    load_arrays()  # numpy first, with one OpenBLAS thread (its import would start more)
    columns, banks = _columns(rows)
    extras = list(map(extra_text, rows.shared))
    index = SearchIndex(rows.texts, table, list(map(extras.__getitem__, rows.groups)))
    masks = Masks.grouped(rows.groups, rows.shared)
    return Store(StoredEntries(_views(columns), banks), index, masks)


def _views(columns: dict[str, Any]) -> dict[str, Any]:
    return {n: memoryview(v) if isinstance(v, bytearray) else v for n, v in columns.items()}


def _save(key: str, store: Store) -> None:
    masks = store.masks
    sections: dict[str, Any] = {f"entries/{n}": v for n, v in store.entries._c.items()}
    sections.update((f"index/{n}", v) for n, v in store.index.parts().items())
    mask_names: list[list[str]] = []
    for name, values in masks.values.items():
        for value, mask in values.items():
            sections[f"mask/{len(mask_names)}"] = mask
            mask_names.append([name, value])
    meta = {
        "format": FORMAT,
        "banks": store.entries.banks,
        "masks": mask_names,
        "windows": masks.windows,
    }
    cachefile.write(KIND, key, meta, sections)


def _open(key: str) -> Store | None:
    opened = cachefile.open_file(KIND, key, check_later=True)
    if opened is None:
        return None
    try:
        store = _stored(opened)
    except (ValueError, KeyError, TypeError, IndexError, cachefile.CacheDamaged) as exc:
        why = str(exc)[:80] or type(exc).__name__
    else:
        return store
    # The parts read from it are gone with the exception: the file can be let go of (on
    # Windows a file still mapped cannot be removed, nor written over by the rebuild).
    opened.close()
    cachefile.discard(opened.path, why)
    return None


def _stored(opened: cachefile.CacheFile) -> Store:
    """The store in an opened file, used only once the file passes its checksum."""
    table = pinyin_table()  # read while the store's checksum is computed
    meta = opened.meta
    if meta.get("format") != FORMAT:
        raise ValueError("written by another version")
    columns = {n: opened.section(f"entries/{n}") for n in _COLUMN_NAMES}
    entries = StoredEntries(columns, [str(b) for b in meta["banks"]])
    index = SearchIndex.from_parts({n: opened.section(f"index/{n}") for n in PART_NAMES}, table)
    values: dict[str, dict[str, Any]] = {name: {} for name in FILTER_NAMES}
    for n, (name, value) in enumerate(meta["masks"]):
        values[str(name)][str(value)] = opened.section(f"mask/{n}")
    windows = [(int(i), str(a), str(b)) for i, a, b in meta["windows"]]
    masks = Masks(len(entries), values, windows)
    _check(entries, index, masks)
    opened.verify()  # nothing read from the file is used before it passes
    return Store(entries, index, masks)


_COLUMN_NAMES = ("text", "text_at", "id", "id_at", "metas", "metas_at", "meta", "line", "id_order")


def _check(entries: StoredEntries, index: SearchIndex, masks: Masks) -> None:
    """The cheap consistency checks that keep a well-formed but wrong file from being used."""
    c, n = entries._c, len(entries)
    sizes = [len(c["meta"]), len(c["line"]), len(c["id_order"]), len(c["id_at"]) - 1, index.size]
    if any(size != n for size in sizes) or any(len(m) != n for v in masks.values.values()
                                               for m in v.values()):  # fmt: skip
        raise ValueError("its parts disagree on the number of entries")
    if c["text_at"][-1] != len(c["text"]) or c["id_at"][-1] != len(c["id"]):
        raise ValueError("its text offsets run past the texts")
    if n and (max(c["meta"]) >= len(c["metas_at"]) - 1 or c["metas_at"][-1] != len(c["metas"])):
        raise ValueError("its entry fields are misnumbered")
