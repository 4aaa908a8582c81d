"""The budget classification in data/: codes, names, paths and citizens' words."""

from __future__ import annotations

import csv
import re

import pytest
import yaml

from bot import DATA_DIR
from bot.classifier import LANGS, Classifier, load

CSV_PATH = DATA_DIR / "classifier.csv"
SYN_DIR = DATA_DIR / "synonyms"
HEADER = ["code", "kind", "path", "name_kk", "name_ru", "name_en"]
SUMMARY_KEYS = {
    "income_total",
    "tax",
    "non_tax",
    "capital",
    "transfers",
    "expense_total",
    "net_lending",
    "fin_assets_saldo",
    "deficit",
    "financing",
}
# The form each kind's code takes.
CODE_FORMS = {
    "category": r"[1-8]",
    "class": r"[1-8]\.\d{2}",
    "subclass": r"[1-8]\.\d{2}\.\d",
    "group": r"\d{2}",
    "subfunction": r"\d{2}\.\d",
    "admin": r"\d{3}",
    "programme": r"\d{3}\.\d{3}",
}
# Every code the seed decision (Talov rural district, 2023-2025) uses.
SEED_CODES = [
    "1", "1.01", "1.01.2", "1.04", "1.04.1", "1.04.3", "1.04.4",
    "2", "2.01", "3", "4", "4.02", "4.02.3",
    "01", "01.1", "124", "124.001", "07", "07.2", "07.3",
    "124.008", "124.009", "124.011", "124.014", "12", "12.1", "124.013",
    "5", "5.01", "5.01.1", "6", "6.01", "6.01.1", "7", "7.01", "7.01.2",
    "16", "16.1", "8", "8.01", "8.01.1",
]  # fmt: skip


@pytest.fixture(scope="module")
def clf() -> Classifier:
    return load()


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == HEADER
        return list(reader)


@pytest.fixture(scope="module")
def synonyms() -> dict[str, dict]:
    return {
        lang: yaml.safe_load((SYN_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
        for lang in LANGS
    }


def test_every_csv_row_loads(clf: Classifier, rows: list[dict[str, str]]) -> None:
    assert [e.code for e in clf] == [r["code"].strip() for r in rows]
    assert all(len(r) == len(HEADER) and None not in r for r in rows)


def test_no_duplicate_codes(rows: list[dict[str, str]]) -> None:
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)


def test_codes_have_the_form_of_their_kind(clf: Classifier) -> None:
    for e in clf:
        if e.kind == "summary":
            assert e.code in SUMMARY_KEYS
        else:
            assert e.kind in CODE_FORMS, e
            assert re.fullmatch(CODE_FORMS[e.kind], e.code), e


def test_all_summary_keys_present(clf: Classifier) -> None:
    assert {e.code for e in clf.of_kind("summary")} == SUMMARY_KEYS


@pytest.mark.parametrize("code", SEED_CODES)
def test_seed_codes_present(clf: Classifier, code: str) -> None:
    assert code in clf.by_code


def test_every_code_has_three_names(clf: Classifier) -> None:
    for e in clf:
        for lang in LANGS:
            name = getattr(e, f"name_{lang}")
            assert name and name == name.strip(), (e.code, lang)


def test_names_are_in_their_script(clf: Classifier) -> None:
    cyr = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
    for e in clf:
        assert cyr.search(e.name_kk) and cyr.search(e.name_ru), e.code
        assert not cyr.search(e.name_en), e.code


def test_parents_exist(clf: Classifier) -> None:
    for e in clf:
        if e.kind in {"class", "subclass", "subfunction"}:
            parent = e.code.rsplit(".", 1)[0]
            assert parent in clf.by_code, e.code


def test_programme_paths(clf: Classifier) -> None:
    for e in clf.of_kind("programme"):
        assert e.path.endswith("." + e.code), e
        parts = e.path.split(".")
        assert len(parts) == 4, e
        group, sub, admin, _ = parts
        assert f"{group}.{sub}" in clf.by_code, e
        assert admin in clf.by_code, e
        assert clf.entry_for_line(e.path) is e


def test_only_programmes_have_a_path(clf: Classifier) -> None:
    assert all(not e.path for e in clf if e.kind != "programme")


def test_every_code_has_keywords_in_every_language(clf: Classifier) -> None:
    for e in clf:
        for lang in LANGS:
            words = e.keywords.get(lang, ())
            assert words and all(w.strip() for w in words), (e.code, lang)


def test_yaml_keys_are_strings_and_known(synonyms: dict[str, dict], clf: Classifier) -> None:
    for lang, data in synonyms.items():
        for code, words in data.items():
            assert isinstance(code, str), (lang, code)
            assert code in clf.by_code, (lang, code)
            assert isinstance(words, list), (lang, code)


def test_keywords_are_lowercase_and_unique_per_code(synonyms: dict[str, dict]) -> None:
    for lang, data in synonyms.items():
        for code, words in data.items():
            assert all(isinstance(w, str) and w == w.lower().strip() for w in words), (lang, code)
            assert len(words) == len(set(words)), (lang, code)


def _ancestors(clf: Classifier, code: str) -> set[str]:
    """Codes above ``code`` in the classification."""
    e = clf.by_code[code]
    if e.kind == "programme":
        group, sub, admin, _ = e.path.split(".")
        return {group, f"{group}.{sub}", admin}
    if e.kind in {"class", "subclass", "subfunction"}:
        parts = code.split(".")
        return {".".join(parts[:i]) for i in range(1, len(parts))}
    return set()


def test_parent_and_child_do_not_share_words(clf: Classifier) -> None:
    """A word on both a parent and its child is allowed only when they are the same thing."""
    for e in clf:
        for up in _ancestors(clf, e.code):
            parent = clf.by_code[up]
            if parent.name_ru == e.name_ru:
                continue
            for lang in LANGS:
                shared = set(e.keywords.get(lang, ())) & set(parent.keywords.get(lang, ()))
                assert not shared, (e.code, up, lang, shared)


@pytest.mark.parametrize(
    ("code", "lang", "word"),
    [
        ("124.013", "kk", "жол"),
        ("124.013", "ru", "дороги"),
        ("124.013", "en", "roads"),
        ("124.008", "kk", "көше жарығы"),
        ("124.008", "ru", "свет на улицах"),
        ("124.008", "en", "street lights"),
        ("124.014", "kk", "ауыз су"),
        ("124.014", "ru", "водоснабжение"),
        ("124.014", "en", "water"),
        ("124.009", "ru", "мусор"),
        ("124.011", "kk", "абаттандыру"),
        ("124.006", "ru", "культура"),
        ("1.04.3", "kk", "жер салығы"),
        ("1.04.4", "ru", "транспортный налог"),
        ("1.04.4", "en", "vehicle tax"),
        ("4.02.3", "kk", "субвенция"),
        ("4.02.3", "ru", "субвенции"),
        ("12", "en", "transport"),
        ("deficit", "en", "deficit"),
        ("expense_total", "en", "spending"),
        ("income_total", "en", "revenue"),
    ],
)
def test_spot_keywords(clf: Classifier, code: str, lang: str, word: str) -> None:
    assert word in clf.by_code[code].keywords[lang]


def test_roads_are_not_on_the_transport_group(clf: Classifier) -> None:
    assert "roads" not in clf.by_code["12"].keywords["en"]
    assert "transport" not in clf.by_code["124.013"].keywords["en"]


@pytest.mark.parametrize(
    ("code", "kk", "ru"),
    [
        ("1.04.3", "Жер салығы", "Земельный налог"),
        ("1.01.2", "Жеке табыс салығы", "Индивидуальный подоходный налог"),
        (
            "124.008",
            "Елді мекендердегі көшелерді жарықтандыру",
            "Освещение улиц в населенных пунктах",
        ),
        (
            "124.011",
            "Елді мекендерді абаттандыру мен көгалдандыру",
            "Благоустройство и озеленение населенных пунктов",
        ),
        ("8.01.1", "Бюджет қаражатының бос қалдықтары", "Свободные остатки бюджетных средств"),
    ],
)
def test_spot_names(clf: Classifier, code: str, kk: str, ru: str) -> None:
    e = clf.by_code[code]
    assert (e.name_kk, e.name_ru) == (kk, ru)


def test_line_codes_resolve(clf: Classifier) -> None:
    assert clf.entry_for_line("12.1.124.013").code == "124.013"
    assert clf.entry_for_line("07.3.124").code == "124"
    assert clf.names("07.3.124.008")["ru"] == "Освещение улиц в населенных пунктах"


def test_sections(clf: Classifier) -> None:
    assert clf.by_code["1.04.3"].section == "income"
    assert clf.by_code["124.013"].section == "expense"
    assert clf.by_code["5.01.1"].section == "net_lending"
    assert clf.by_code["8.01.1"].section == "financing"
    assert clf.by_code["16.1"].section == "financing"
