"""The fixed question mix of the benchmark: kk, ru and en, every intent, with and without a
year, misspelled, relative years, years absent from the store, glossary, help, unknown and
bad input. ``ENTITY_TEMPLATES`` name a budget holder and are filled with entities read from
the store (the synthetic store has hundreds of rural districts)."""

from __future__ import annotations

# (category, lang, question); the category is only used to group timings.
GENERAL: list[tuple[str, str, str]] = [
    # amount, with a year
    ("amount", "en", "2024 roads spending"),
    ("amount", "en", "How much was spent on street lighting in 2023?"),
    ("amount", "en", "what was spent on water supply in 2023"),
    ("amount", "en", "vehicle tax 2024"),
    ("amount", "en", "total revenue 2024"),
    ("amount", "en", "deficit 2023"),
    ("amount", "en", "how much money comes from the district in 2024"),
    ("amount", "ru", "сколько потратили на освещение улиц в 2023"),
    ("amount", "ru", "Сколько было израсходовано на дороги в 2024 году?"),
    ("amount", "ru", "вывоз мусора 2023"),
    ("amount", "ru", "аппарат акима 2024"),
    ("amount", "ru", "транспортный налог 2025"),
    ("amount", "ru", "субвенция 2025"),
    ("amount", "ru", "дефицит бюджета 2023"),
    ("amount", "kk", "2024 жылы жолдарға қанша жұмсалды?"),
    ("amount", "kk", "2024 жылы көшелерді жарықтандыруға қанша бөлінді"),
    ("amount", "kk", "қоқыс шығару 2023"),
    ("amount", "kk", "көлік салығы 2025"),
    ("amount", "kk", "2023 жылғы субвенциялар"),
    ("amount", "kk", "бюджет тапшылығы 2023"),
    # amount, no year or a relative year
    ("no-year", "en", "roads"),
    ("no-year", "en", "how much for street lights last year"),
    ("no-year", "en", "car tax this year"),
    ("no-year", "ru", "скока потратили на дороги"),
    ("no-year", "ru", "освещение в этом году"),
    ("no-year", "ru", "в прошлом году на дороги"),
    ("no-year", "kk", "жолдарга канша"),
    ("no-year", "kk", "былтыр жолдарға қанша жұмсалды"),
    ("no-year", "kk", "биыл жолдарға қанша"),
    # misspelled, Kazakh without its letters
    ("misspelled", "en", "stret lighting 2023"),
    ("misspelled", "en", "rodas 2024"),
    ("misspelled", "en", "landscapign 2024"),
    ("misspelled", "ru", "асвещение 2023"),
    ("misspelled", "ru", "дарогы 2024"),
    ("misspelled", "ru", "благоустройсво 2025"),
    ("misspelled", "kk", "коше жарыгы 2023"),
    ("misspelled", "kk", "жолдарга 2024 канша"),
    ("misspelled", "kk", "салыктар 2025"),
    # a year the store does not have
    ("year-absent", "en", "roads 2031"),
    ("year-absent", "en", "budget overview 2012"),
    ("year-absent", "ru", "дороги в 2036 году"),
    ("year-absent", "kk", "жолдарға 2037 жылы"),
    # overview
    ("overview", "en", "budget overview 2023"),
    ("overview", "en", "budget 2025"),
    ("overview", "ru", "обзор бюджета на 2025 год"),
    ("overview", "ru", "бюджет 2024"),
    ("overview", "ru", "основные показатели бюджета"),
    ("overview", "kk", "2023 жылғы бюджетке шолу"),
    ("overview", "kk", "биылғы бюджет"),
    # compare
    ("compare", "en", "compare roads 2023 and 2024"),
    ("compare", "en", "how did revenue change from 2023 to 2024"),
    ("compare", "en", "street lighting 2023-2025"),
    ("compare", "ru", "сравните расходы на благоустройство в 2023 и 2024 годах"),
    ("compare", "ru", "сравни бюджет 2024 и 2025"),
    ("compare", "ru", "выросли ли налоги в 2025"),
    ("compare", "kk", "2023 және 2024 жылдардағы жол шығындарын салыстыр"),
    ("compare", "kk", "2023 және 2024 бюджетті салыстыр"),
    # top
    ("top", "en", "top 3 spending items 2024"),
    ("top", "en", "biggest expenses"),
    ("top", "ru", "самые крупные расходы в 2024 году"),
    ("top", "ru", "топ 3 расходов 2023"),
    ("top", "kk", "2024 жылы ең көп шығын қайда"),
    ("top", "kk", "ең ірі 3 шығыс бабы"),
    # share
    ("share", "en", "what is the share of roads in total spending in 2024"),
    ("share", "en", "what share of revenue are transfers in 2025"),
    ("share", "ru", "доля дорог в расходах 2024"),
    ("share", "ru", "какая доля трансфертов в доходах 2025"),
    ("share", "kk", "жолдардың шығындардағы үлесі 2024"),
    ("share", "kk", "трансферттердің кірістегі үлесі 2025"),
    # breakdown
    ("breakdown", "en", "breakdown of revenue 2023"),
    ("breakdown", "en", "structure of spending 2024"),
    ("breakdown", "ru", "структура расходов 2024"),
    ("breakdown", "ru", "из чего состоят налоги 2023"),
    ("breakdown", "kk", "кірістердің құрылымы 2025"),
    ("breakdown", "kk", "2024 жылғы шығындардың құрылымы"),
    # catalog
    ("catalog", "en", "which years do you have"),
    ("catalog", "ru", "за какие годы есть бюджеты"),
    ("catalog", "kk", "қандай жылдар бар"),
    # explain
    ("explain", "en", "what is EBK"),
    ("explain", "en", "explain deficit"),
    ("explain", "ru", "что такое субвенция"),
    ("explain", "ru", "что означает сальдо"),
    ("explain", "kk", "тапшылық деген не"),
    ("explain", "kk", "мәслихат деген не"),
    # help
    ("help", "en", "help"),
    ("help", "ru", "что ты умеешь"),
    ("help", "kk", "көмек"),
    # unknown
    ("unknown", "en", "how much does bread cost"),
    ("unknown", "ru", "сколько стоит хлеб"),
    ("unknown", "kk", "нан қанша тұрады"),
    ("unknown", "en", "asdfghjkl"),
    # bad input
    ("bad-input", "en", ""),
    ("bad-input", "en", "🙂🙂🙂💰"),
    ("bad-input", "en", "'; DROP TABLE lines; --"),
    ("bad-input", "ru", "дороги\x00\x07 2024\u202e"),
    ("bad-input", "ru", "дороги road жол 2024 ᠮᠣᠩᠭᠣᠯ 道路"),
    ("bad-input", "ru", ("сколько потратили на дороги " * 400)[:10_000]),
]

# Filled with one entity's names: {kk}, {ru}, {en} (the entities row) and years {y}, {y2}.
ENTITY_TEMPLATES: list[tuple[str, str, str]] = [
    ("entity-amount", "en", "{en} roads {y}"),
    ("entity-amount", "en", "how much did {en} spend on street lighting in {y}"),
    ("entity-amount", "ru", "{ru} освещение {y}"),
    ("entity-amount", "ru", "сколько потратил {ru} на благоустройство в {y} году"),
    ("entity-amount", "kk", "{kk} жолдарға {y} жылы қанша"),
    ("entity-amount", "kk", "{kk} көлік салығы {y}"),
    ("entity-overview", "en", "{en} budget {y}"),
    ("entity-overview", "ru", "{ru} бюджет {y}"),
    ("entity-overview", "kk", "{kk} {y} жылғы бюджет"),
    ("entity-compare", "en", "compare {en} revenue {y} and {y2}"),
    ("entity-compare", "ru", "{ru} сравни бюджет {y} и {y2}"),
    ("entity-top", "ru", "{ru} самые крупные расходы {y}"),
    ("entity-top", "en", "{en} top 5 spending items {y}"),
    ("entity-breakdown", "ru", "{ru} структура расходов {y}"),
    ("entity-breakdown", "kk", "{kk} {y} жылғы шығындардың құрылымы"),
    ("entity-share", "en", "{en} share of roads in spending {y}"),
    ("entity-no-year", "ru", "{ru} дороги"),
    ("entity-no-year", "kk", "{kk} жолдар"),
    ("entity-year-absent", "en", "{en} roads 2040"),
]
