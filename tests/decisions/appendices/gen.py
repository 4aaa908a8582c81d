# ruff: noqa: E501  (names and printed sentences are data; wrapping them would split real text)
"""Generate the full-appendix decision fixtures of this folder (issue 7).

Run from the repository root:  python tests/decisions/appendices/gen.py
The outputs (``*.html`` / ``*.txt`` and ``*.expected.yaml``) are committed next to this
script; the script exists so the big multi-entity decision (35 rural districts x 3 years
= 105 appendices) can be re-made and so every fixture's figures are built the way a
finance department builds them: leaves first, parents as the sum of their children,
income - expenses - lending - saldo = deficit, financing = -deficit.

Where a fixture is ABOUT an inconsistency (a figure printed in tenge, a parent that does
not add up) the printed figure is overridden after the sums are made, and the expected
file keeps the printed figure (clean text is the law as adopted: stored as printed, the
mismatch reported, never repaired).

Layouts reproduced (each after real adilet.zan.kz pages and their plain-text copies):
html tables with rowspan/colspan heads and one code per column; all codes in one cell;
three year-columns side by side; tab-separated plain-text copies (kk and ru); one cell
per line with names wrapped over several lines. Names of programmes outside
data/classifier.csv are the ones printed in real district/region decisions.

This script reads nothing from the project: names are here so that a change of
data/classifier.csv never silently changes a fixture.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

OUT = Path(__file__).resolve().parent
D = Decimal
# When set (by the test that checks the committed files), outputs land here, not on disk.
CAPTURE: dict[str, str] | None = None


def _write(path: Path, text: str) -> None:
    if CAPTURE is not None:
        CAPTURE[path.name] = text
    else:
        path.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- names
# code -> (ru, kk). Category/class/subclass codes as "1", "1.01", "1.01.2"; expense codes
# as "01", "01.1", "01.1.112" (admin under its sub-function) and "01.1.112.001";
# an admin code alone ("112") names the administrator wherever it appears.
N: dict[str, tuple[str, str]] = {
    # income
    "1": ("Налоговые поступления", "Салықтық түсімдер"),
    "1.01": ("Подоходный налог", "Табыс салығы"),
    "1.01.1": ("Корпоративный подоходный налог", "Корпоративтік табыс салығы"),
    "1.01.2": ("Индивидуальный подоходный налог", "Жеке табыс салығы"),
    "1.03": ("Социальный налог", "Әлеуметтік салық"),
    "1.03.1": ("Социальный налог", "Әлеуметтік салық"),
    "1.04": ("Налоги на собственность", "Меншікке салынатын салықтар"),
    "1.04.1": ("Налоги на имущество", "Мүлікке салынатын салықтар"),
    "1.04.3": ("Земельный налог", "Жер салығы"),
    "1.04.4": ("Налог на транспортные средства", "Көлік құралдарына салынатын салық"),
    "1.05": ("Внутренние налоги на товары, работы и услуги",
             "Тауарларға, жұмыстарға және қызметтерге салынатын ішкі салықтар"),
    "1.05.3": ("Поступления за использование природных и других ресурсов",
               "Табиғи және басқа да ресурстарды пайдаланғаны үшін түсетін түсімдер"),
    "1.05.4": ("Сборы за ведение предпринимательской и профессиональной деятельности",
               "Кәсіпкерлік және кәсіби қызметті жүргізгені үшін алынатын алымдар"),
    "1.08": ("Обязательные платежи, взимаемые за совершение юридически значимых действий и "
             "(или) выдачу документов уполномоченными на то государственными органами или "
             "должностными лицами",
             "Заңдық маңызы бар әрекеттерді жасағаны және (немесе) оған уәкілеттігі бар "
             "мемлекеттік органдар немесе лауазымды адамдар құжаттар бергені үшін алынатын "
             "міндетті төлемдер"),
    "1.08.1": ("Государственная пошлина", "Мемлекеттік баж"),
    "2": ("Неналоговые поступления", "Салықтық емес түсімдер"),
    "2.01": ("Доходы от государственной собственности", "Мемлекеттік меншіктен түсетін кірістер"),
    "2.01.5": ("Доходы от аренды имущества, находящегося в государственной собственности",
               "Мемлекет меншігіндегі мүлікті жалға беруден түсетін кірістер"),
    "2.01.7": ("Вознаграждения по кредитам, выданным из государственного бюджета",
               "Мемлекеттік бюджеттен берілген кредиттер бойынша сыйақылар"),
    "2.06": ("Прочие неналоговые поступления", "Басқа да салықтық емес түсімдер"),
    "2.06.1": ("Прочие неналоговые поступления", "Басқа да салықтық емес түсімдер"),
    "3": ("Поступления от продажи основного капитала",
          "Негізгі капиталды сатудан түсетін түсімдер"),
    "3.03": ("Продажа земли и нематериальных активов",
             "Жерді және материалдық емес активтерді сату"),
    "3.03.1": ("Продажа земли", "Жерді сату"),
    "4": ("Поступления трансфертов", "Трансферттердің түсімдері"),
    "4.01": ("Трансферты из нижестоящих органов государственного управления",
             "Төмен тұрған мемлекеттік басқару органдарынан трансферттер"),
    "4.01.2": ("Трансферты из районных (городов областного значения) бюджетов",
               "Аудандық (облыстық маңызы бар қалалардың) бюджеттерден трансферттер"),
    "4.02": ("Трансферты из вышестоящих органов государственного управления",
             "Мемлекеттік басқарудың жоғары тұрған органдарынан түсетін трансферттер"),
    "4.02.1": ("Трансферты из республиканского бюджета", "Республикалық бюджеттен түсетін трансферттер"),
    "4.02.2": ("Трансферты из областного бюджета", "Облыстық бюджеттен түсетін трансферттер"),
    "4.02.3": ("Трансферты из районного (города областного значения) бюджета",
               "Аудандардың (облыстық маңызы бар қаланың) бюджетінен трансферттер"),
    "5": ("Погашение бюджетных кредитов", "Бюджеттік кредиттерді өтеу"),
    "5.01": ("Погашение бюджетных кредитов", "Бюджеттік кредиттерді өтеу"),
    "5.01.1": ("Погашение бюджетных кредитов, выданных из государственного бюджета",
               "Мемлекеттік бюджеттен берілген бюджеттік кредиттерді өтеу"),
    "6": ("Поступления от продажи финансовых активов государства",
          "Мемлекеттің қаржы активтерін сатудан түсетін түсімдер"),
    "6.01": ("Поступления от продажи финансовых активов государства",
             "Мемлекеттің қаржы активтерін сатудан түсетін түсімдер"),
    "6.01.1": ("Поступления от продажи финансовых активов внутри страны",
               "Қаржы активтерін ел ішінде сатудан түсетін түсімдер"),
    "7": ("Поступления займов", "Қарыздар түсімі"),
    "7.01": ("Внутренние государственные займы", "Мемлекеттік ішкі қарыздар"),
    "7.01.2": ("Договоры займа", "Қарыз алу келісім-шарттары"),
    "8": ("Используемые остатки бюджетных средств", "Бюджет қаражатының пайдаланылатын қалдықтары"),
    "8.01": ("Остатки бюджетных средств", "Бюджет қаражаты қалдықтары"),
    "8.01.1": ("Свободные остатки бюджетных средств", "Бюджет қаражатының бос қалдықтары"),
    # functional groups and sub-functions
    "01": ("Государственные услуги общего характера", "Жалпы сипаттағы мемлекеттік қызметтер"),
    "01.1": ("Представительные, исполнительные и другие органы, выполняющие общие функции "
             "государственного управления",
             "Мемлекеттік басқарудың жалпы функцияларын орындайтын өкілді, атқарушы және басқа органдар"),
    "01.2": ("Финансовая деятельность", "Қаржылық қызмет"),
    "01.5": ("Планирование и статистическая деятельность", "Жоспарлау және статистикалық қызмет"),
    "04": ("Образование", "Білім беру"),
    "04.1": ("Дошкольное воспитание и обучение", "Мектепке дейінгі тәрбие және оқыту"),
    "04.2": ("Начальное, основное среднее и общее среднее образование",
             "Бастауыш, негізгі орта және жалпы орта білім беру"),
    "05": ("Здравоохранение", "Денсаулық сақтау"),
    "05.9": ("Прочие услуги в области здравоохранения", "Денсаулық сақтау саласындағы өзге де қызметтер"),
    "06": ("Социальная помощь и социальное обеспечение", "Әлеуметтік көмек және әлеуметтік қамсыздандыру"),
    "06.2": ("Социальная помощь", "Әлеуметтік көмек"),
    "06.9": ("Прочие услуги в области социальной помощи и социального обеспечения",
             "Әлеуметтік көмек және әлеуметтік қамтамасыз ету салаларындағы өзге де қызметтер"),
    "07": ("Жилищно-коммунальное хозяйство", "Тұрғын үй-коммуналдық шаруашылық"),
    "07.2": ("Коммунальное хозяйство", "Коммуналдық шаруашылық"),
    "07.3": ("Благоустройство населенных пунктов", "Елді мекендерді көркейту"),
    "08": ("Культура, спорт, туризм и информационное пространство",
           "Мәдениет, спорт, туризм және ақпараттық кеңістік"),
    "08.1": ("Деятельность в области культуры", "Мәдениет саласындағы қызмет"),
    "08.2": ("Спорт", "Спорт"),
    "10": ("Сельское, водное, лесное, рыбное хозяйство, особо охраняемые природные территории, "
           "охрана окружающей среды и животного мира, земельные отношения",
           "Ауыл, су, орман, балық шаруашылығы, ерекше қорғалатын табиғи аумақтар, қоршаған "
           "ортаны және жануарлар дүниесін қорғау, жер қатынастары"),
    "10.1": ("Сельское хозяйство", "Ауыл шаруашылығы"),
    "12": ("Транспорт и коммуникации", "Көлік және коммуникация"),
    "12.1": ("Автомобильный транспорт", "Автомобиль көлігі"),
    "13": ("Прочие", "Басқалар"),
    "13.9": ("Прочие", "Басқалар"),
    "14": ("Обслуживание долга", "Борышқа қызмет көрсету"),
    "14.1": ("Обслуживание долга", "Борышқа қызмет көрсету"),
    "15": ("Трансферты", "Трансферттер"),
    "15.1": ("Трансферты", "Трансферттер"),
    "16": ("Погашение займов", "Қарыздарды өтеу"),
    "16.1": ("Погашение займов", "Қарыздарды өтеу"),
    # administrators
    "110": ("Аппарат маслихата области", "Облыстық мәслихаттың аппараты"),
    "112": ("Аппарат маслихата района (города областного значения)",
            "Аудан (облыстық маңызы бар қала) мәслихатының аппараты"),
    "120": ("Аппарат акима области", "Облыс әкімінің аппараты"),
    "122": ("Аппарат акима района (города областного значения)",
            "Аудан (облыстық маңызы бар қала) әкімінің аппараты"),
    "123": ("Аппарат акима района в городе, города районного значения, поселка, аула (села), "
            "аульного (сельского) округа",
            "Қаладағы аудан, аудандық маңызы бар қала, кент, ауыл (село), ауылдық (селолық) "
            "округ әкімінің аппараты"),
    "124": ("Аппарат акима города районного значения, села, поселка, сельского округа",
            "Аудандық маңызы бар қала, ауыл, кент, ауылдық округ әкімінің аппараты"),
    "253": ("Управление здравоохранения области", "Облыстың денсаулық сақтау басқармасы"),
    "256": ("Управление координации занятости и социальных программ области",
            "Облыстың жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы"),
    "257": ("Управление финансов области", "Облыстың қаржы басқармасы"),
    "268": ("Управление пассажирского транспорта и автомобильных дорог области",
            "Облыстың жолаушылар көлігі және автомобиль жолдары басқармасы"),
    "451": ("Отдел занятости и социальных программ района (города областного значения)",
            "Ауданның (облыстық маңызы бар қаланың) жұмыспен қамту және әлеуметтік бағдарламалар бөлімі"),
    "452": ("Отдел финансов района (города областного значения)",
            "Ауданның (облыстық маңызы бар қаланың) қаржы бөлімі"),
    "453": ("Отдел экономики и бюджетного планирования района (города областного значения)",
            "Ауданның (облыстық маңызы бар қаланың) экономика және бюджеттік жоспарлау бөлімі"),
    "457": ("Отдел культуры, развития языков, физической культуры и спорта района "
            "(города областного значения)",
            "Ауданның (облыстық маңызы бар қаланың) мәдениет, тілдерді дамыту, дене шынықтыру "
            "және спорт бөлімі"),
    "458": ("Отдел жилищно-коммунального хозяйства, пассажирского транспорта и автомобильных "
            "дорог района (города областного значения)",
            "Ауданның (облыстық маңызы бар қаланың) тұрғын үй-коммуналдық шаруашылығы, "
            "жолаушылар көлігі және автомобиль жолдары бөлімі"),
    "464": ("Отдел образования района (города областного значения)",
            "Ауданның (облыстық маңызы бар қаланың) білім бөлімі"),
    # programmes (admin.programme)
    "110.001": ("Услуги по обеспечению деятельности маслихата области",
                "Облыстық мәслихаттың қызметін қамтамасыз ету жөніндегі қызметтер"),
    "112.001": ("Услуги по обеспечению деятельности маслихата района (города областного значения)",
                "Аудандық (облыстық маңызы бар қала) мәслихатының қызметін қамтамасыз ету "
                "жөніндегі қызметтер"),
    "120.001": ("Услуги по обеспечению деятельности акима области",
                "Облыс әкімінің қызметін қамтамасыз ету жөніндегі қызметтер"),
    "122.001": ("Услуги по обеспечению деятельности акима района (города областного значения)",
                "Аудан (облыстық маңызы бар қала) әкімінің қызметін қамтамасыз ету жөніндегі қызметтер"),
    "123.001": ("Услуги по обеспечению деятельности акима района в городе, города районного "
                "значения, поселка, аула (села), аульного (сельского) округа",
                "Қаладағы аудан, аудандық маңызы бар қала, кент, ауыл (село), ауылдық (селолық) "
                "округ әкімінің қызметін қамтамасыз ету жөніндегі қызметтер"),
    "123.002": ("Организация в экстренных случаях доставки тяжелобольных людей до ближайшей "
                "организации здравоохранения, оказывающей врачебную помощь",
                "Ерекше жағдайларда сырқаты ауыр адамдарды дәрігерлік көмек көрсететін ең "
                "жақын денсаулық сақтау ұйымына жеткізуді ұйымдастыру"),
    "123.008": ("Освещение улиц населенных пунктов", "Елді мекендерде көшелерді жарықтандыру"),
    "123.011": ("Благоустройство и озеленение населенных пунктов",
                "Елді мекендерді абаттандыру мен көгалдандыру"),
    "123.013": ("Обеспечение функционирования автомобильных дорог в городах районного "
                "значения, поселках, аулах (селах), аульных (сельских) округах",
                "Аудандық маңызы бар қалаларда, кенттерде, ауылдарда (селоларда), ауылдық "
                "(селолық) округтерде автомобиль жолдарының жұмыс істеуін қамтамасыз ету"),
    "124.001": ("Услуги по обеспечению деятельности акима города районного значения, села, "
                "поселка, сельского округа",
                "Аудандық маңызы бар қала, ауыл, кент, ауылдық округ әкімінің қызметін "
                "қамтамасыз ету жөніндегі қызметтер"),
    "124.006": ("Поддержка культурно-досуговой работы на местном уровне",
                "Жергілікті деңгейде мәдени-демалыс жұмысын қолдау"),
    "124.008": ("Освещение улиц в населенных пунктах", "Елді мекендердегі көшелерді жарықтандыру"),
    "124.009": ("Обеспечение санитарии населенных пунктов", "Елді мекендердің санитариясын қамтамасыз ету"),
    "124.011": ("Благоустройство и озеленение населенных пунктов",
                "Елді мекендерді абаттандыру мен көгалдандыру"),
    "124.013": ("Обеспечение функционирования автомобильных дорог в городах районного значения, "
                "селах, поселках, сельских округах",
                "Аудандық маңызы бар қалаларда, ауылдарда, кенттерде, ауылдық округтерде "
                "автомобиль жолдарының жұмыс істеуін қамтамасыз ету"),
    "124.014": ("Организация водоснабжения населенных пунктов",
                "Елді мекендерді сумен жабдықтауды ұйымдастыру"),
    "124.022": ("Капитальные расходы государственного органа", "Мемлекеттік органның күрделі шығыстары"),
    "124.045": ("Капитальный и средний ремонт автомобильных дорог в городах районного значения, "
                "селах, поселках, сельских округах",
                "Аудандық маңызы бар қалаларда, ауылдарда, кенттерде, ауылдық округтерде "
                "автомобиль жолдарын күрделі және орташа жөндеу"),
    "253.001": ("Услуги по реализации государственной политики на местном уровне в области "
                "здравоохранения",
                "Жергілікті деңгейде денсаулық сақтау саласындағы мемлекеттік саясатты іске "
                "асыру жөніндегі қызметтер"),
    "253.008": ("Реализация мероприятий по профилактике и борьбе со СПИД в Республике Казахстан",
                "Қазақстан Республикасында ЖИТС-тің алдын алу және оған қарсы күрес жөніндегі "
                "іс-шараларды іске асыру"),
    "256.001": ("Услуги по реализации государственной политики в области обеспечения занятости "
                "и реализации социальных программ для населения",
                "Жергілікті деңгейде жұмыспен қамтуды қамтамасыз ету және халық үшін әлеуметтік "
                "бағдарламаларды іске асыру саласындағы мемлекеттік саясатты іске асыру жөніндегі "
                "қызметтер"),
    "257.001": ("Услуги по реализации государственной политики в области исполнения местного "
                "бюджета и управления коммунальной собственностью",
                "Жергілікті бюджетті атқару және коммуналдық меншікті басқару саласындағы "
                "мемлекеттік саясатты іске асыру жөніндегі қызметтер"),
    "257.007": ("Субвенции", "Субвенциялар"),
    "257.008": ("Погашение долга местного исполнительного органа перед вышестоящим бюджетом",
                "Жергілікті атқарушы органның жоғары тұрған бюджет алдындағы борышын өтеу"),
    "268.025": ("Капитальный и средний ремонт автомобильных дорог областного значения и улиц "
                "населенных пунктов",
                "Облыстық маңызы бар автомобиль жолдарын және елді-мекендердің көшелерін күрделі "
                "және орташа жөндеу"),
    "451.001": ("Услуги по реализации государственной политики на местном уровне в области "
                "обеспечения занятости и реализации социальных программ для населения",
                "Жергілікті деңгейде халық үшін әлеуметтік бағдарламаларды іске асыру және "
                "жұмыспен қамтуды қамтамасыз ету саласындағы мемлекеттік саясатты іске асыру "
                "жөніндегі қызметтер"),
    "451.007": ("Социальная помощь отдельным категориям нуждающихся граждан по решениям "
                "местных представительных органов",
                "Жергілікті өкілетті органдардың шешімі бойынша мұқтаж азаматтардың жекелеген "
                "топтарына әлеуметтік көмек"),
    "452.001": ("Услуги по реализации государственной политики в области исполнения бюджета и "
                "управления коммунальной собственностью района (города областного значения)",
                "Ауданның (облыстық маңызы бар қаланың) бюджетін атқару және коммуналдық меншігін "
                "басқару саласындағы мемлекеттік саясатты іске асыру жөніндегі қызметтер"),
    "452.006": ("Возврат неиспользованных (недоиспользованных) целевых трансфертов",
                "Пайдаланылмаған (толық пайдаланылмаған) нысаналы трансферттерді қайтару"),
    "452.008": ("Погашение долга местного исполнительного органа перед вышестоящим бюджетом",
                "Жергілікті атқарушы органның жоғары тұрған бюджет алдындағы борышын өтеу"),
    "452.012": ("Резерв местного исполнительного органа района (города областного значения)",
                "Ауданның (облыстық маңызы бар қаланың) жергілікті атқарушы органының резерві"),
    "452.013": ("Обслуживание долга местных исполнительных органов по выплате вознаграждений и "
                "иных платежей по займам из областного бюджета",
                "Жергілікті атқарушы органдардың облыстық бюджеттен қарыздар бойынша сыйақылар мен "
                "өзге де төлемдерді төлеу бойынша борышына қызмет көрсету"),
    "452.038": ("Субвенции", "Субвенциялар"),
    "453.001": ("Услуги по реализации государственной политики в области формирования и "
                "развития экономической политики, системы государственного планирования",
                "Экономикалық саясатты, мемлекеттік жоспарлау жүйесін қалыптастыру мен дамыту "
                "саласындағы мемлекеттік саясатты іске асыру жөніндегі қызметтер"),
    "453.006": ("Бюджетные кредиты для реализации мер социальной поддержки специалистов",
                "Мамандарды әлеуметтік қолдау шараларын іске асыру үшін бюджеттік кредиттер"),
    "457.003": ("Поддержка культурно-досуговой работы", "Мәдени-демалыс жұмысын қолдау"),
    "457.008": ("Проведение спортивных соревнований на районном (города областного значения) уровне",
                "Аудандық (облыстық маңызы бар қалалық) деңгейде спорттық жарыстар өткізу"),
    "458.012": ("Функционирование системы водоснабжения и водоотведения",
                "Сумен жабдықтау және су бұру жүйесінің жұмыс істеуі"),
    "458.015": ("Освещение улиц в населенных пунктах", "Елді мекендердегі көшелерді жарықтандыру"),
    "458.023": ("Обеспечение функционирования автомобильных дорог",
                "Автомобиль жолдарының жұмыс істеуін қамтамасыз ету"),
    "464.003": ("Общеобразовательное обучение", "Жалпы білім беру"),
    "464.009": ("Обеспечение деятельности организаций дошкольного воспитания и обучения",
                "Мектепке дейінгі тәрбие мен оқыту ұйымдарының қызметін қамтамасыз ету"),
}  # fmt: skip


def name(code: str, lang: str) -> str:
    """The printed name of a row: programmes and admins are named by their admin code."""
    parts = code.split(".")
    key = code
    if not code[0].isdigit() or len(parts[0]) == 2:  # expense-like: gg.s.aaa.ppp
        if len(parts) == 3:
            key = parts[2]
        elif len(parts) == 4:
            key = f"{parts[2]}.{parts[3]}"
    ru, kk = N[key]
    return ru if lang == "ru" else kk


# --------------------------------------------------------------------------- budgets
SUMMARY_KEYS = (
    "income_total",
    "expense_total",
    "net_lending",
    "fin_assets_saldo",
    "deficit",
    "financing",
)


@dataclass
class Row:
    """One printed appendix row: a code (EBK code or summary key), its amount, its section."""

    code: str
    amount: Decimal
    section: str  # summary | income | expense | lending | repay | saldo | financing
    label: str = ""  # codeless structural rows ("Бюджетные кредиты") carry a label, no code


def _tree(leaves: dict[str, Decimal], kind: str) -> list[tuple[str, Decimal]]:
    """Rows in print order with parents summed: income '1.01.2' or expense '01.1.124.001'."""
    totals: dict[str, Decimal] = {}
    for leaf, amt in leaves.items():
        parts = leaf.split(".")
        for i in range(1, len(parts) + 1):
            c = ".".join(parts[:i])
            totals[c] = totals.get(c, D(0)) + amt

    def key(c: str) -> tuple:
        return tuple(int(p) for p in c.split("."))

    return [(c, totals[c]) for c in sorted(totals, key=key)]


@dataclass
class Budget:
    entity_ru: str  # as printed in titles, e.g. "Акжарского сельского округа"
    entity_kk: str
    stem: str  # what the expected file names the entity by
    kind: str
    parent: str
    year: int
    income: dict[str, Decimal]
    expense: dict[str, Decimal]
    loans: dict[str, Decimal] = field(default_factory=dict)  # lending programmes (gg.s.aaa.ppp)
    repay: Decimal = field(default_factory=Decimal)  # 5.01.1
    fin_sales: Decimal = field(default_factory=Decimal)  # 6.01.1
    borrow: Decimal = field(default_factory=Decimal)  # 7.01.2
    debt_repay: dict[str, Decimal] = field(default_factory=dict)  # 16.1.aaa.ppp
    misprint: dict[str, Decimal] = field(default_factory=dict)  # code -> printed instead
    problems: list[str] = field(default_factory=list)  # codes whose sums must be reported
    force: set[str] = field(default_factory=set)  # {"borrow", "rests"}: print those rows even at 0

    # -- figures
    @property
    def income_total(self) -> Decimal:
        return sum(self.income.values(), D(0))

    @property
    def expense_total(self) -> Decimal:
        return sum(self.expense.values(), D(0))

    @property
    def net_lending(self) -> Decimal:
        return sum(self.loans.values(), D(0)) - self.repay

    @property
    def saldo(self) -> Decimal:
        return -self.fin_sales

    @property
    def deficit(self) -> Decimal:
        return self.income_total - self.expense_total - self.net_lending - self.saldo

    @property
    def rests(self) -> Decimal:
        """8.01.1: what closes the financing (financing = borrow - repay16 + rests = -deficit)."""
        r = -self.deficit - self.borrow + sum(self.debt_repay.values(), D(0))
        assert r >= 0, (self.entity_ru, self.year, r)
        return r

    @property
    def financing(self) -> Decimal:
        return -self.deficit

    def rows(self) -> list[Row]:
        out = [Row("income_total", self.income_total, "summary")]
        out += [Row(c, a, "income") for c, a in _tree(self.income, "income")]
        out.append(Row("expense_total", self.expense_total, "summary"))
        out += [Row(c, a, "expense") for c, a in _tree(self.expense, "expense")]
        out.append(Row("net_lending", self.net_lending, "summary"))
        out.append(Row("", sum(self.loans.values(), D(0)), "lending", "loans"))
        if sum(self.loans.values(), D(0)):
            out += [Row(c, a, "lending") for c, a in _tree(self.loans, "expense")]
        if self.repay:
            out += [Row(c, a, "repay") for c, a in _tree({"5.01.1": self.repay}, "income")]
        else:
            out.append(Row("", D(0), "repay", "repay"))
        out.append(Row("fin_assets_saldo", self.saldo, "summary"))
        out.append(Row("", D(0), "saldo", "purchase"))
        if self.fin_sales:
            out += [Row(c, a, "saldo") for c, a in _tree({"6.01.1": self.fin_sales}, "income")]
        else:
            out.append(Row("", D(0), "saldo", "sales"))
        out.append(Row("deficit", self.deficit, "summary"))
        out.append(Row("financing", self.financing, "summary"))
        if self.borrow or "borrow" in self.force:
            out += [Row(c, a, "financing") for c, a in _tree({"7.01.2": self.borrow}, "income")]
        if self.debt_repay:
            out += [Row(c, a, "financing") for c, a in _tree(self.debt_repay, "expense")]
        if self.rests or "rests" in self.force or not (self.borrow or self.debt_repay):
            out += [Row(c, a, "financing") for c, a in _tree({"8.01.1": self.rests}, "income")]
        for r in out:
            if r.code and r.code in self.misprint:
                r.amount = self.misprint[r.code]
        return out

    def point1(self) -> dict[str, Decimal]:
        return {
            "income_total": self.income_total,
            "tax": self.income_total_of("1"),
            "non_tax": self.income_total_of("2"),
            "capital": self.income_total_of("3"),
            "transfers": self.income_total_of("4"),
            "expense_total": self.expense_total,
            "net_lending": self.net_lending,
            "fin_assets_saldo": self.saldo,
            "deficit": self.deficit,
            "financing": self.financing,
        }

    def income_total_of(self, cat: str) -> Decimal:
        return sum((a for c, a in self.income.items() if c.split(".")[0] == cat), D(0))


# --------------------------------------------------------------------------- numbers
def fmt(x: Decimal, sep: str = " ", force_dec: bool = False, minus: str = "-") -> str:
    """'15 298 948,6' as adilet prints it; sep may be a no-break space."""
    neg = x < 0
    x = abs(x)
    q = x.quantize(D("0.1")) if (force_dec or x != x.to_integral_value()) else x.quantize(D(1))
    s = f"{q:f}"
    whole, _, frac = s.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sep.join(groups) + ("," + frac if frac else "")
    return (minus if neg else "") + out


def plain(x: Decimal) -> str:
    """The expected-file form: a plain decimal string."""
    s = f"{x:f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s if s not in ("-0", "") else "0"


# --------------------------------------------------------------------------- labels
LABELS = {
    "ru": {
        "income_total": "1) Доходы", "expense_total": "2) Затраты",
        "net_lending": "3) Чистое бюджетное кредитование",
        "fin_assets_saldo": "4) Сальдо по операциям с финансовыми активами",
        "deficit": "5) Дефицит (профицит) бюджета",
        "financing": "6) Финансирование дефицита (использование профицита) бюджета",
        "loans": "Бюджетные кредиты", "repay": "Погашение бюджетных кредитов",
        "purchase": "Приобретение финансовых активов",
        "sales": "Поступления от продажи финансовых активов государства",
    },
    "kk": {
        "income_total": "1) Кірістер", "expense_total": "2) Шығындар",
        "net_lending": "3) Таза бюджеттік кредиттеу",
        "fin_assets_saldo": "4) Қаржы активтерімен операциялар бойынша сальдо",
        "deficit": "5) Бюджет тапшылығы (профициті)",
        "financing": "6) Бюджет тапшылығын қаржыландыру (профицитін пайдалану)",
        "loans": "Бюджеттік кредиттер", "repay": "Бюджеттік кредиттерді өтеу",
        "purchase": "Қаржы активтерін сатып алу",
        "sales": "Мемлекеттің қаржы активтерін сатудан түсетін түсімдер",
    },
}  # fmt: skip
HEAD = {
    "ru": {
        "inc": ["Категория", "Класс", "Подкласс"],
        "exp": ["Функциональная группа", "Функциональная подгруппа",
                "Администратор бюджетных программ", "Программа"],
        "name": "Наименование", "sum": "Сумма, тысяч тенге", "code": "Код бюджетной классификации",
        "sum_y": "Сумма на {y} год, тысяч тенге",
    },
    "kk": {
        "inc": ["Санаты", "Сыныбы", "Ішкі сыныбы"],
        "exp": ["Функционалдық топ", "Кіші функция", "Бюджеттік бағдарламалардың әкімшісі", "Бағдарлама"],
        "name": "Атауы", "sum": "Сомасы, мың теңге", "code": "Бюджеттік сыныптама коды",
        "sum_y": "{y} жылға сомасы, мың теңге",
    },
}  # fmt: skip


def row_label(r: Row, lang: str) -> str:
    if not r.code:
        return LABELS[lang][r.label]
    if r.code in SUMMARY_KEYS:
        return LABELS[lang][r.code]
    return name(r.code, lang)


def code_cells(r: Row) -> tuple[str, list[str]]:
    """('inc'|'exp'|'', cells): the code split over its columns, own level filled only."""
    if not r.code or r.code in SUMMARY_KEYS:
        return "", []
    parts = r.code.split(".")
    if len(parts[0]) == 2:  # expense-like
        cells = ["", "", "", ""]
        cells[len(parts) - 1] = parts[-1]
        return "exp", cells
    cells = ["", "", ""]
    cells[len(parts) - 1] = parts[-1]
    return "inc", cells


def full_code(r: Row) -> str:
    """All codes of a row in one cell, as some decisions print them: '01 1 112 001'."""
    return " ".join(r.code.split("."))


# --------------------------------------------------------------------------- expected
def expected_budget(b: Budget, with_point1: bool, printed_rows: list[Row] | None = None) -> dict:
    rows = printed_rows if printed_rows is not None else b.rows()
    lines = {}
    for r in rows:
        if r.code:
            assert r.code not in lines, (b.entity_ru, b.year, r.code)
            lines[r.code] = plain(r.amount)
    out: dict = {"entity": b.stem, "entity_kind": b.kind, "parent": b.parent, "year": str(b.year)}
    if with_point1:
        out["summary"] = {k: plain(v) for k, v in b.point1().items()}
    out["lines"] = lines
    return out


def yq(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_expected(
    path: Path,
    about: str,
    lang: str,
    doc: dict,
    budgets: list[dict],
    problems: list[dict],
    rows_read: int,
    rows_stored: int,
) -> None:
    out = [f"about: {yq(about)}", f"lang: {lang}",
           f"document: {{number: {yq(doc['number'])}, date: {yq(doc['date'])}, kind: {doc['kind']}}}",
           "budgets:"]  # fmt: skip
    if "amends" in doc:
        a = doc["amends"]
        out.insert(-1, f"amends: {{number: {yq(a['number'])}, date: {yq(a['date'])}}}")
    for b in budgets:
        out.append(f"  - entity: {yq(b['entity'])}")
        out.append(f"    entity_kind: {b['entity_kind']}")
        if b["parent"]:  # a region has none
            out.append(f"    parent: {yq(b['parent'])}")
        out.append(f"    year: {yq(b['year'])}")
        if "summary" in b:
            out.append(
                "    summary: {" + ", ".join(f"{k}: {yq(v)}" for k, v in b["summary"].items()) + "}"
            )
        out.append("    lines:")
        for k, v in b["lines"].items():
            out.append(f"      {yq(k)}: {yq(v)}")
    if problems:
        out.append("problems:")
        for p in problems:
            out.append(f"  - {{year: {yq(p['year'])}, code: {yq(p['code'])}}}")
    else:
        out.append("problems: []")
    out.append(f"rows: {{read: {yq(str(rows_read))}, stored: {yq(str(rows_stored))}}}")
    _write(path, "\n".join(out) + "\n")


def emit(
    stem: str,
    ext: str,
    text: str,
    about: str,
    lang: str,
    doc: dict,
    budgets: list[tuple[Budget, bool]],
) -> None:
    _write(OUT / f"{stem}.{ext}", text)
    exp = [expected_budget(b, p1) for b, p1 in budgets]
    n = sum(len(e["lines"]) for e in exp)
    problems = [{"year": str(b.year), "code": c} for b, _ in budgets for c in b.problems]
    write_expected(OUT / f"{stem}.expected.yaml", about, lang, doc, exp, problems, n, n)


# --------------------------------------------------------------------------- renderers
def _td(s: str, attrs: str = "") -> str:
    return f"<td{attrs}>{html.escape(s, quote=False)}</td>"


def _td_word(s: str, attrs: str = "") -> str:
    """A cell as Word-converted pages print it: a <p> inside, long text broken with <br/>."""
    pieces = textwrap.wrap(s, 45) if len(s) > 45 else [s]
    inner = "<br/>".join(html.escape(x, quote=False) for x in pieces)
    return f'<td valign="top"{attrs}><p>{inner}</p></td>'


def _td_amount_word(s: str, attrs: str = "") -> str:
    return f'<td valign="top"{attrs}><p align="right">{html.escape(s, quote=False)}</p></td>'


def html_columns(
    b: Budget,
    lang: str,
    sep: str = "\u00a0",
    minus: str = "-",
    split: bool = False,
    heads_once: bool = False,
    word: bool = False,
) -> str:
    """One table, four code columns (income rows leave the 4th empty), heads with rowspan/colspan.

    split: a table of its own for every section head (as region decisions print them).
    heads_once: the income head and the expense head are printed once; the lending,
    saldo and financing rows (categories 5, 6, 7, 8 and group 16) follow in the
    expense grid with no head of their own, so a category '8' stands in the column of
    the functional group.
    word: cells as Word-converted pages print them (<p> inside, names broken by <br/>).
    """
    h = HEAD[lang]
    td, td_amount = (_td_word, _td_amount_word) if word else (_td, _td)
    out = ['<table border="1" cellspacing="0" cellpadding="0">']
    state = ""
    for r in b.rows():
        kind, cells = code_cells(r)
        want = {
            "income": "inc",
            "repay": "inc",
            "saldo": "inc",
            "expense": "exp",
            "lending": "exp",
        }.get(r.section, state)
        if r.section == "financing" and r.code:
            want = "exp" if len(r.code.split(".")[0]) == 2 else "inc"
        forced = r.code in ("income_total", "expense_total")
        if forced:
            want = "inc" if r.code == "income_total" else "exp"
        if heads_once and not forced:
            want = state
        if (kind or forced) and want != state:
            if split and state:
                out += ["</table>", '<table border="1" cellspacing="0" cellpadding="0">']
            state = want
            if want == "inc":
                out.append(
                    f'<tr><td colspan="4" align="center">{h["code"]}</td>'
                    f'<td rowspan="2">{h["name"]}</td><td rowspan="2">{h["sum"]}</td></tr>'
                )
                out.append("<tr>" + "".join(td(c) for c in h["inc"]) + "<td></td></tr>")
            else:
                out.append(
                    f'<tr><td colspan="4" align="center">{h["code"]}</td>'
                    f'<td rowspan="2">{h["name"]}</td><td rowspan="2">{h["sum"]}</td></tr>'
                )
                out.append("<tr>" + "".join(td(c) for c in h["exp"]) + "</tr>")
        amount = fmt(r.amount, sep, minus=minus)
        if not kind:
            out.append(
                "<tr>" + td(row_label(r, lang), ' colspan="5"') + td_amount(amount) + "</tr>"
            )
            continue
        if kind == "inc":
            cells = [*cells, ""]
        out.append(
            "<tr>"
            + "".join(td(c) for c in cells)
            + td(row_label(r, lang))
            + td_amount(amount)
            + "</tr>"
        )
    out.append("</table>")
    return "\n".join(out)


def html_onecell(b: Budget, lang: str, minus: str = "-") -> str:
    """Three columns: all codes of a row in one cell ('01 1 112 001'), name, amount."""
    h = HEAD[lang]
    out = [
        '<table border="1">',
        f"<tr><th>{h['code']}</th><th>{h['name']}</th><th>{h['sum']}</th></tr>",
    ]
    for r in b.rows():
        code = full_code(r) if r.code and r.code not in SUMMARY_KEYS else ""
        out.append(
            "<tr>" + _td(code) + _td(row_label(r, lang)) + _td(fmt(r.amount, minus=minus)) + "</tr>"
        )
    out.append("</table>")
    return "\n".join(out)


def html_years(bs: list[Budget], lang: str, onecell: bool = False) -> str:
    """One table, the three years' amounts side by side; the rows are the union of the years'.

    onecell: all codes of a row in one cell ('07 3 124 008') instead of a column per level.
    """
    h = HEAD[lang]
    # one table: a row printed for one year is printed (maybe as 0) for every year
    progs = {k for b in bs for k in b.debt_repay}
    for b in bs:
        for k in sorted(progs):
            b.debt_repay.setdefault(k, D(0))
        if any(x.borrow for x in bs):
            b.force.add("borrow")
        if any(x.rests or not (x.borrow or x.debt_repay) for x in bs):
            b.force.add("rests")
    rows_by_year = [b.rows() for b in bs]
    base = rows_by_year[0]
    for rows in rows_by_year[1:]:
        assert [(r.code, r.label) for r in rows] == [(r.code, r.label) for r in base]
    years = "".join(f'<td rowspan="2">{h["sum_y"].format(y=b.year)}</td>' for b in bs)
    out = ['<table border="1" cellspacing="0">']
    state = ""
    for i, r in enumerate(base):
        kind, cells = code_cells(r)
        head = {"income_total": "inc", "expense_total": "exp"}.get(r.code, kind)
        if head and head != state and onecell and not state:
            state = head
            y1 = "".join(f"<th>{h['sum_y'].format(y=b.year)}</th>" for b in bs)
            out.append(f"<tr><th>{h['code']}</th><th>{h['name']}</th>{y1}</tr>")
        elif head and head != state and not onecell:
            state = head
            heads = h["inc"] if head == "inc" else h["exp"]
            out.append(
                f'<tr><td colspan="{len(heads)}">{h["code"]}</td><td rowspan="2">{h["name"]}</td>{years}</tr>'
            )
            out.append("<tr>" + "".join(_td(c) for c in heads) + "</tr>")
        amounts = "".join(_td(fmt(rows[i].amount)) for rows in rows_by_year)
        if onecell:
            code = full_code(r) if kind else ""
            out.append("<tr>" + _td(code) + _td(row_label(r, lang)) + amounts + "</tr>")
            continue
        if not kind:
            width = 4 if state == "exp" else 3
            out.append(
                f'<tr><td colspan="{width + 1}">{html.escape(row_label(r, lang))}</td>{amounts}</tr>'
            )
        else:
            out.append(
                "<tr>"
                + "".join(_td(c) for c in cells)
                + _td(row_label(r, lang))
                + amounts
                + "</tr>"
            )
    out.append("</table>")
    return "\n".join(out)


def text_tsv(b: Budget, lang: str, keep_empty: bool = True, wrap: int = 0, minus: str = "-") -> str:
    """A plain-text copy of the table: cells separated by tabs, one row a line.

    keep_empty: empty code cells stay as empty fields (a copy from a Word table); otherwise
    only the row's own code, its name and its amount (a copy from the portal's page).
    wrap: long names wrapped over several lines inside their cell (the rest of the row,
    its amount, follows the last piece of the name).
    """
    h = HEAD[lang]
    out: list[str] = []
    state = ""
    for r in b.rows():
        kind, cells = code_cells(r)
        head = {"income_total": "inc", "expense_total": "exp"}.get(r.code, kind)
        if head and head != state:
            state = head
            heads = h["inc"] if head == "inc" else h["exp"]
            out.append("\t".join([*heads, h["name"], h["sum"]]))
        label = row_label(r, lang)
        amount = fmt(r.amount, minus=minus)
        if not kind:
            pad = [""] * ((4 if state == "exp" else 3) if keep_empty else 0)
            out.append("\t".join([*pad, label, amount]) if keep_empty else f"{label}\t{amount}")
            continue
        codes = cells if keep_empty else [c for c in cells if c]
        pieces = textwrap.wrap(label, wrap) if wrap and len(label) > wrap else [label]
        if len(pieces) == 1:
            out.append("\t".join([*codes, label, amount]))
        else:
            out.append("\t".join([*codes, pieces[0]]))
            out += pieces[1:-1]
            out.append(f"{pieces[-1]}\t{amount}")
    return "\n".join(out)


def text_cells(
    b: Budget,
    lang: str,
    wrap: int = 0,
    minus: str = "-",
    sep: str = " ",
    force_dec: bool = False,
    relabel: dict[str, str] | None = None,
) -> str:
    """One cell per line (empty cells dropped), names wrapped over several lines when long.

    sep="" and force_dec print figures as some copies do ('4408698,3', '655,0');
    relabel prints another wording of a numbered row ('3) Таза бюджеттік кредит беру').
    """
    h = HEAD[lang]
    out: list[str] = []
    state = ""
    for r in b.rows():
        kind, cells = code_cells(r)
        head = {"income_total": "inc", "expense_total": "exp"}.get(r.code, kind)
        if head and head != state:
            state = head
            out += [*(h["inc"] if head == "inc" else h["exp"]), h["name"], h["sum"]]
        label = (relabel or {}).get(r.code, row_label(r, lang))
        out += [c for c in cells if c]
        out += textwrap.wrap(label, wrap) if wrap and len(label) > wrap else [label]
        out.append(fmt(r.amount, sep, force_dec=force_dec, minus=minus))
    return "\n".join(out)


# --------------------------------------------------------------------------- point 1
def _v(x: Decimal, unit: str, zero: str, sep: str = " ") -> str:
    return zero if x == 0 else f"{fmt(x, sep)} {unit}"


def point1_ru(b: Budget, intro: str) -> str:
    p = b.point1()
    u, z = "тысяч тенге", "0 тенге"
    loans = sum(b.loans.values(), D(0))
    rep16 = sum(b.debt_repay.values(), D(0))
    return "\n".join([
        intro,
        f"1) доходы – {_v(p['income_total'], u, z)}, в том числе:",
        f"налоговые поступления – {_v(p['tax'], u, z)};",
        f"неналоговые поступления – {_v(p['non_tax'], u, z)};",
        f"поступления от продажи основного капитала – {_v(p['capital'], u, z)};",
        f"поступления трансфертов – {_v(p['transfers'], u, z)};",
        f"2) затраты – {_v(p['expense_total'], u, z)};",
        f"3) чистое бюджетное кредитование – {_v(p['net_lending'], u, z)}, в том числе:",
        f"бюджетные кредиты – {_v(loans, u, z)};",
        f"погашение бюджетных кредитов – {_v(b.repay, u, z)};",
        f"4) сальдо по операциям с финансовыми активами – {_v(p['fin_assets_saldo'], u, z)}, в том числе:",
        "приобретение финансовых активов – 0 тенге;",
        f"поступления от продажи финансовых активов государства – {_v(b.fin_sales, u, z)};",
        f"5) дефицит (профицит) бюджета – {_v(p['deficit'], u, z)};",
        f"6) финансирование дефицита (использование профицита) бюджета – {_v(p['financing'], u, z)}, в том числе:",
        f"поступление займов – {_v(b.borrow, u, z)};",
        f"погашение займов – {_v(rep16, u, z)};",
        f"используемые остатки бюджетных средств – {_v(b.rests, u, z)}.",
    ])  # fmt: skip


def point1_kk(b: Budget, intro: str, sep: str = " ") -> str:
    p = b.point1()
    u, z = "мың теңге", "0 теңге"
    loans = sum(b.loans.values(), D(0))
    rep16 = sum(b.debt_repay.values(), D(0))
    return "\n".join([
        intro,
        f"1) кірістер – {_v(p['income_total'], u, z, sep)}, оның ішінде:",
        f"салықтық түсімдер – {_v(p['tax'], u, z, sep)};",
        f"салықтық емес түсімдер – {_v(p['non_tax'], u, z, sep)};",
        f"негізгі капиталды сатудан түсетін түсімдер – {_v(p['capital'], u, z, sep)};",
        f"трансферттер түсімі – {_v(p['transfers'], u, z, sep)};",
        f"2) шығындар – {_v(p['expense_total'], u, z, sep)};",
        f"3) таза бюджеттік кредиттеу – {_v(p['net_lending'], u, z, sep)}:",
        f"бюджеттік кредиттер – {_v(loans, u, z, sep)};",
        f"бюджеттік кредиттерді өтеу – {_v(b.repay, u, z, sep)};",
        f"4) қаржы активтерімен операциялар бойынша сальдо – {_v(p['fin_assets_saldo'], u, z, sep)}:",
        "қаржы активтерін сатып алу – 0 теңге;",
        f"мемлекеттің қаржы активтерін сатудан түсетін түсімдер – {_v(b.fin_sales, u, z, sep)};",
        f"5) бюджет тапшылығы (профициті) – {_v(p['deficit'], u, z, sep)};",
        f"6) бюджет тапшылығын қаржыландыру (профицитін пайдалану) – {_v(p['financing'], u, z, sep)}:",
        f"қарыздар түсімі – {_v(b.borrow, u, z, sep)};",
        f"қарыздарды өтеу – {_v(rep16, u, z, sep)};",
        f"бюджет қаражатының пайдаланылатын қалдықтары – {_v(b.rests, u, z, sep)}.",
    ])  # fmt: skip


def html_page(title: str, paragraphs: list[str]) -> str:
    """An adilet-like page: the text as <p>, tables kept as they come."""
    body = []
    for p in paragraphs:
        if p.lstrip().startswith("<table"):
            body.append(p)
        else:
            body += [f"<p>{html.escape(line, quote=False)}</p>" for line in p.split("\n")]
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>'
        + html.escape(title)
        + '</title></head>\n<body>\n<div class="container_gamma text text_upd">\n'
        + "\n".join(body)
        + "\n</div>\n</body></html>\n"
    )


# --------------------------------------------------------------------------- documents
def scale(d: dict[str, Decimal], f: str) -> dict[str, Decimal]:
    return {k: (v * D(f)).quantize(D(1)) for k, v in d.items()}


def amounts(**kv: str) -> dict[str, Decimal]:
    """Leaves from keyword pairs: c_01_1_112_001="48 215" -> {"01.1.112.001": 48215}."""
    return {k[2:].replace("_", "."): D(v.replace(" ", "").replace(",", ".")) for k, v in kv.items()}


def close(b: Budget, prog: str, rest: Decimal) -> None:
    """Make the plan close on `rest` of free balances (8.01.1) by moving one programme."""
    r = -b.deficit - b.borrow + sum(b.debt_repay.values(), D(0))  # rests before the move
    b.expense[prog] += rest - r
    assert b.expense[prog] > 0, (b.entity_ru, b.year, b.expense[prog])
    assert b.rests == rest, (b.entity_ru, b.year, b.rests, rest)


@dataclass
class Doc:
    lang: str
    title: str
    decision_line: str
    preamble: str
    points: list[str]
    signature: str
    appendices: list[tuple[str, str, str]]  # (heading lines, title, table text/html)


def render(doc: Doc, as_html: bool) -> str:
    parts = [doc.title, doc.decision_line, doc.preamble, *doc.points, doc.signature]
    for heading, title, table in doc.appendices:
        parts += [heading, title, table]
    if as_html:
        return html_page(doc.title, parts)
    return "\n".join(parts) + "\n"


def ru_appendix_head(n: int, issuer_gen: str, date_ru: str, number: str) -> str:
    return f"Приложение {n}\nк решению {issuer_gen}\nот {date_ru} года № {number}"


def kk_appendix_head(n: int, issuer_gen: str, date_kk: str, number: str) -> str:
    return f"{issuer_gen}\n{date_kk} № {number} шешіміне\n{n}-қосымша"


# The portal's editorial notes under an appendix heading (the figures below them are the
# edition in force; the decision itself keeps its own number and date).
RU_NOTE_APP1 = (
    "\nСноска. Приложение 1 - в редакции решения Сырымского районного маслихата "
    "Западно-Казахстанской области от 14.03.2025 № 24-2 (вводится в действие с 01.01.2025)."
)
KK_NOTE_APP1 = (
    "\nЕскерту. 1-қосымша жаңа редакцияда – Батыс Қазақстан облысы Шыңғырлау аудандық "
    "мәслихатының 12.04.2024 № 15-1 шешімімен (01.01.2024 бастап қолданысқа енгізіледі)."
)
RU_TAIL = [
    "2. Учесть, что в районном бюджете на {y} год предусмотрены целевые трансферты и бюджетные "
    "кредиты из вышестоящих бюджетов; их распределение определяется постановлением акимата района.",
    "3. Настоящее решение вводится в действие с 1 января {y} года.",
]
KK_TAIL = [
    "2. {y} жылға арналған аудандық бюджетте жоғары тұрған бюджеттерден нысаналы трансферттер мен "
    "бюджеттік кредиттер ескерілсін; оларды бөлу аудан әкімдігінің қаулысымен айқындалады.",
    "3. Осы шешім {y} жылғы 1 қаңтардан бастап қолданысқа енгізіледі.",
]


# --------------------------------------------------------------------------- fixtures
def district_leaves() -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    income = amounts(
        c_1_01_2="412 350", c_1_03_1="298 400", c_1_04_1="96 210", c_1_04_3="8 940", c_1_04_4="61 300",
        c_1_05_3="5 120", c_1_05_4="7 880", c_1_08_1="4 150", c_2_01_5="3 420", c_2_06_1="1 870",
        c_3_03_1="6 200", c_4_02_2="5 124 583",
    )  # fmt: skip
    expense = amounts(
        c_01_1_112_001="48 215", c_01_1_122_001="172 430", c_01_2_452_001="41 380",
        c_01_5_453_001="36 905", c_04_1_464_009="612 400", c_04_2_464_003="2 784 310",
        c_06_2_451_007="118 640", c_06_9_451_001="52 770", c_07_2_458_012="214 600",
        c_07_3_458_015="96 300", c_08_1_457_003="248 915", c_08_2_457_008="14 200",
        c_12_1_458_023="420 560", c_13_9_452_012="35 000", c_14_1_452_013="412",
        c_15_1_452_006="1 184,5", c_15_1_452_038="1 104 612",
    )  # fmt: skip
    return income, expense


def fx_ru_district_rowspan() -> None:
    """Russian district budget ('районный бюджет', entity from the issuer), adilet html."""
    inc, exp = district_leaves()
    bs = []
    for i, (y, f) in enumerate(((2025, "1"), (2026, "1.04"), (2027, "1.07"))):
        e = scale(exp, f) if i else exp
        e["15.1.452.006"] = D("1184.5") if i == 0 else D(0)
        b = Budget(
            "Сырымского района",
            "Сырым ауданы",
            "Сырым",
            "district",
            "Западно-Казахстанск",
            y,
            scale(inc, f) if i else inc,
            e,
            loans={"10.1.453.006": D(157280) if i == 0 else D(0)},
            repay=D(32617) + 1000 * i,
            borrow=D(157280) if i == 0 else D(0),
            debt_repay={"16.1.452.008": D(32617) + 1000 * i},
        )
        close(b, "13.9.452.012", D("64418.2") if i == 0 else D(0))
        bs.append(b)
    for b in bs:
        assert b.rests >= 0, (b.year, b.rests)
    doc = Doc(
        "ru",
        "О районном бюджете на 2025-2027 годы",
        "Решение Сырымского районного маслихата Западно-Казахстанской области от 23 декабря 2024 года № 21-1",
        "В соответствии с Бюджетным кодексом Республики Казахстан, Законом Республики Казахстан "
        '"О местном государственном управлении и самоуправлении в Республике Казахстан" '
        "Сырымский районный маслихат РЕШИЛ:",
        [
            point1_ru(
                bs[0],
                "1. Утвердить районный бюджет на 2025-2027 годы согласно приложениям 1, 2 и 3 "
                "соответственно, в том числе на 2025 год в следующих объемах:",
            ),
            RU_NOTE_APP1.strip().replace("Приложение 1", "Пункт 1"),
            *[t.format(y=2025) for t in RU_TAIL],
        ],
        "Председатель маслихата                                     Е. Сагингалиев",
        [
            (
                ru_appendix_head(n, "Сырымского районного маслихата", "23 декабря 2024", "21-1"),
                f"Районный бюджет на {b.year} год" + RU_NOTE_APP1 * (n == 1),
                html_columns(b, "ru"),
            )
            for n, b in enumerate(bs, 1)
        ],
    )
    emit(
        "ru_district_rowspan",
        "html",
        render(doc, True),
        "adilet.zan.kz html page of a district budget: heads with rowspan/colspan, one code per "
        "column, many administrators (112 122 452 453 451 458 457 464), lending (10.1.453.006 and "
        "category 5), financing with 7, group 16 and 8 next to expense groups 06/07/08",
        "ru",
        {"number": "21-1", "date": "2024-12-23", "kind": "base"},
        [(b, i == 0) for i, b in enumerate(bs)],
    )


def kk_doc(
    title: str,
    decision_line: str,
    issuer: str,
    points: list[str],
    signature: str,
    apps: list[tuple[str, str, str]],
) -> Doc:
    pre = (
        'Қазақстан Республикасының Бюджет кодексіне, "Қазақстан Республикасындағы жергілікті '
        'мемлекеттік басқару және өзін-өзі басқару туралы" Қазақстан Республикасының Заңына '
        f"сәйкес, {issuer} ШЕШІМ ҚАБЫЛДАДЫ:"
    )
    return Doc("kk", title, decision_line, pre, points, signature, apps)


def ru_doc(
    title: str,
    decision_line: str,
    issuer: str,
    points: list[str],
    signature: str,
    apps: list[tuple[str, str, str]],
) -> Doc:
    pre = (
        "В соответствии с Бюджетным кодексом Республики Казахстан, Законом Республики Казахстан "
        '"О местном государственном управлении и самоуправлении в Республике Казахстан" '
        f"{issuer} РЕШИЛ:"
    )
    return Doc("ru", title, decision_line, pre, points, signature, apps)


def fx_kk_district_tsv() -> None:
    """Kazakh district budget, plain-text copy: tab-separated cells, empty code cells kept."""
    inc, exp = district_leaves()
    inc = scale(inc, "0.93")
    exp = scale(exp, "0.95")
    bs = []
    for i, y in enumerate((2024, 2025, 2026)):
        f = ("1", "1.05", "1.09")[i]
        b = Budget(
            "Шыңғырлау ауданы",
            "Шыңғырлау ауданы",
            "Шыңғырлау",
            "district",
            "Батыс Қазақстан",
            y,
            scale(inc, f),
            scale(exp, f),
            loans={"10.1.453.006": D(157280)} if i == 0 else {},
            repay=D(73654) if i == 0 else D(12400 * i),
            borrow=D(157280) if i == 0 else D(0),
            debt_repay={"16.1.452.008": D(73654) if i == 0 else D(12400 * i)},
        )
        close(b, "04.2.464.003", (D(197308), D(0), D(0))[i])
        bs.append(b)
    num, date = "12-3", "2023 жылғы 22 желтоқсандағы"
    doc = kk_doc(
        "2024-2026 жылдарға арналған аудандық бюджет туралы",
        f"Батыс Қазақстан облысы Шыңғырлау аудандық мәслихатының {date} № {num} шешімі",
        "Шыңғырлау аудандық мәслихаты",
        [
            point1_kk(
                bs[0],
                "1. 2024-2026 жылдарға арналған аудандық бюджет 1, 2 және 3-қосымшаларға "
                "сәйкес, соның ішінде 2024 жылға келесі көлемдерде бекітілсін:",
            ),
            KK_NOTE_APP1.strip().replace("1-қосымша", "1-тармақ"),
            *[t.format(y=2024) for t in KK_TAIL],
        ],
        "Мәслихат төрағасы\tБ. Гайсин",
        [
            (
                kk_appendix_head(n, "Шыңғырлау аудандық мәслихатының", date, num),
                f"{b.year} жылға арналған аудандық бюджет" + KK_NOTE_APP1 * (n == 1),
                text_tsv(b, "kk", keep_empty=True),
            )
            for n, b in enumerate(bs, 1)
        ],
    )
    emit(
        "kk_district_tsv",
        "txt",
        render(doc, False),
        "plain-text copy of a Kazakh district budget ('аудандық бюджет', entity from the issuer): "
        "appendix cells separated by tabs, empty code cells kept as empty fields; financing 7/16/8, "
        "lending 10.1.453.006 and category 5; surplus years with negative financing",
        "kk",
        {"number": num, "date": "2023-12-22", "kind": "base"},
        [(b, i == 0) for i, b in enumerate(bs)],
    )


def fx_ru_city_onecell() -> None:
    """City of regional significance, all codes of a row in one cell, deficit with an en dash."""
    inc, exp = district_leaves()
    inc = scale(inc, "2.3")
    exp = scale(exp, "2.2")
    inc["1.01.1"] = D(184300)
    bs = []
    for i, y in enumerate((2023, 2024, 2025)):
        f = ("1", "1.06", "1.1")[i]
        b = Budget(
            "города Аксу",
            "Ақсу қаласы",
            "Аксу",
            "city",
            "Павлодар",
            y,
            scale(inc, f),
            scale(exp, f),
            repay=D(15820 + 900 * i),
            borrow=D(0),
            debt_repay={"16.1.452.008": D(15820 + 900 * i)},
        )
        close(b, "04.2.464.003", (D("412605.4"), D(0), D(0))[i])
        bs.append(b)
    num = "178/27"
    doc = ru_doc(
        "О городском бюджете на 2023-2025 годы",
        f"Решение Аксуского городского маслихата Павлодарской области от 23 декабря 2022 года № {num}",
        "Аксуский городской маслихат",
        [
            point1_ru(
                bs[0],
                "1. Утвердить городской бюджет на 2023-2025 годы согласно приложениям 1, 2 и 3 "
                "соответственно, в том числе на 2023 год в следующих объемах:",
            ),
            "2. Настоящее решение вводится в действие с 1 января 2023 года.",
        ],
        "Председатель сессии\tА. Баеке\nСекретарь городского маслихата\tМ. Омарғалиев",
        [
            (
                ru_appendix_head(n, "Аксуского городского маслихата", "23 декабря 2022", num),
                f"Бюджет города Аксу на {b.year} год (с изменениями)",
                html_onecell(b, "ru", minus="–"),
            )
            for n, b in enumerate(bs, 1)
        ],
    )
    emit(
        "ru_city_onecell",
        "html",
        render(doc, True),
        "city budget ('городской бюджет' of a city of regional significance) whose appendix prints all "
        "codes of a row in one cell ('01 1 112 001', '8 01 1'), deficit with an en dash ('–412 605,4')",
        "ru",
        {"number": num, "date": "2022-12-23", "kind": "base"},
        [(b, i == 0) for i, b in enumerate(bs)],
    )


TOWN_INC = amounts(c_1_01_2="38 420", c_1_04_1="4 860", c_1_04_3="2 115", c_1_04_4="41 300",
                   c_2_01_5="1 240", c_2_06_1="310", c_4_02_3="236 518")  # fmt: skip
TOWN_EXP = amounts(c_01_1_124_001="86 415", c_01_1_124_022="4 200", c_07_2_124_014="18 000",
                   c_07_3_124_008="42 350", c_07_3_124_009="27 600", c_07_3_124_011="64 780",
                   c_08_1_124_006="12 300", c_12_1_124_013="48 200", c_12_1_124_045="0")  # fmt: skip


def fx_ru_town_three_years() -> None:
    """Town of district significance: one appendix, three year-columns; point 1 for all three years."""
    bs = []
    for i, y in enumerate((2025, 2026, 2027)):
        f = ("1", "1.03", "1.05")[i]
        e = scale(TOWN_EXP, f)
        e["12.1.124.045"] = (D(0), D(65000), D(0))[i]
        b = Budget(
            "города Шемонаиха",
            "Шемонаиха қаласы",
            "Шемонаих",
            "town",
            "Шемонаих",
            y,
            scale(TOWN_INC, f),
            e,
        )
        if i == 1:
            b.income["4.02.3"] += D(65000)
        close(b, "07.3.124.011", (D("15482.3"), D(0), D(0))[i])
        bs.append(b)
    num = "38/5-VIII"
    pts = []
    for i, b in enumerate(bs):
        intro = (
            (
                "1. Утвердить бюджет города Шемонаиха на 2025-2027 годы согласно приложению 1, в том числе "
                "на 2025 год в следующих объемах:"
            )
            if i == 0
            else f"на {b.year} год в следующих объемах:"
        )
        pts.append(point1_ru(b, intro))
    pts.append(
        "2. Предусмотреть в бюджете города Шемонаиха на 2025 год объем субвенции, передаваемой "
        "из районного бюджета, в сумме 236 518 тысяч тенге."
    )
    doc = ru_doc(
        "О бюджете города Шемонаиха на 2025-2027 годы",
        f"Решение Шемонаихинского районного маслихата Восточно-Казахстанской области от 27 декабря 2024 года № {num}",
        "Шемонаихинский районный маслихат",
        pts,
        "Председатель Шемонаихинского районного маслихата\tН. Алимов",
        [
            (
                ru_appendix_head(1, "Шемонаихинского районного маслихата", "27 декабря 2024", num),
                "Бюджет города Шемонаиха на 2025-2027 годы",
                html_years(bs, "ru"),
            )
        ],
    )
    emit(
        "ru_town_three_years",
        "html",
        render(doc, True),
        "town budget (город районного значения) whose single appendix has the 2025, 2026 and 2027 amounts "
        "side by side in one table; point 1 restates the volumes for each of the three years",
        "ru",
        {"number": num, "date": "2024-12-27", "kind": "base"},
        [(b, True) for b in bs],
    )


RURAL_INC = amounts(c_1_01_2="3 150", c_1_04_1="240", c_1_04_3="410", c_1_04_4="5 870",
                    c_2_01_5="95", c_4_02_3="61 424")  # fmt: skip
RURAL_EXP = amounts(c_01_1_124_001="42 318", c_07_2_124_014="3 200", c_07_3_124_008="7 450",
                    c_07_3_124_009="2 100", c_07_3_124_011="6 016", c_08_1_124_006="3 600",
                    c_12_1_124_013="8 105")  # fmt: skip


def fx_kk_rural_wrapped() -> None:
    """Rural district named after a person, one cell per line, long names wrapped over lines."""
    bs = []
    for i, y in enumerate((2025, 2026, 2027)):
        f = ("1", "1.04", "1.08")[i]
        b = Budget(
            "Абай атындағы ауылдық округі",
            "Абай атындағы ауылдық округі",
            "Абай атындағы",
            "rural_district",
            "Бәйтерек",
            y,
            scale(RURAL_INC, f),
            scale(RURAL_EXP, f),
        )
        close(b, "07.3.124.011", (D("2140.6"), D(0), D(0))[i])
        bs.append(b)
    num, date = "28-4", "2024 жылғы 26 желтоқсандағы"
    doc = kk_doc(
        "2025-2027 жылдарға арналған Бәйтерек ауданы Абай атындағы ауылдық округінің бюджеті туралы",
        f"Батыс Қазақстан облысы Бәйтерек аудандық мәслихатының {date} № {num} шешімі",
        "Бәйтерек аудандық мәслихаты",
        [
            point1_kk(
                bs[0],
                "1. 2025-2027 жылдарға арналған Абай атындағы ауылдық округінің бюджеті тиісінше "
                "1, 2 және 3-қосымшаларға сәйкес, оның ішінде 2025 жылға мынадай көлемдерде бекітілсін:",
            ),
            "2. 2025 жылға арналған ауылдық округ бюджетіне аудандық бюджеттен берілетін субвенциялар "
            "61 424 мың теңге сомасында көзделсін.",
            "3. Осы шешім 2025 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.",
        ],
        "Мәслихат төрағасы С. Мұқашев",
        [
            (
                kk_appendix_head(n, "Бәйтерек аудандық мәслихатының", date, num),
                f"{b.year} жылға арналған Абай атындағы ауылдық округінің бюджеті",
                text_cells(b, "kk", wrap=38, minus="–"),
            )
            for n, b in enumerate(bs, 1)
        ],
    )
    emit(
        "kk_rural_wrapped",
        "txt",
        render(doc, False),
        "Kazakh plain-text copy, one cell per line, long names wrapped over two to four lines, the "
        "appendix deficit printed with an en dash ('–2 140,6'); a rural district named after a person",
        "kk",
        {"number": num, "date": "2024-12-26", "kind": "base"},
        [(b, i == 0) for i, b in enumerate(bs)],
    )


def fx_ru_district2013_tsv_wrapped() -> None:
    """2013 district budget with the village akims' programmes (admin 123, incl. 05.9.123.002)."""
    inc = amounts(
        c_1_01_2="512 430",
        c_1_03_1="384 210",
        c_1_04_1="118 300",
        c_1_04_3="21 540",
        c_1_04_4="96 180",
        c_1_05_3="3 410",
        c_1_05_4="12 660",
        c_1_08_1="8 214",
        c_2_01_5="2 850",
        c_2_06_1="4 100",
        c_3_03_1="18 400",
        c_4_02_2="4 318 705",
    )
    exp = amounts(
        c_01_1_112_001="16 210",
        c_01_1_122_001="64 380",
        c_01_1_123_001="312 415",
        c_01_2_452_001="21 640",
        c_01_5_453_001="18 230",
        c_04_1_464_009="486 120",
        c_04_2_464_003="2 815 400",
        c_05_9_123_002="2 140",
        c_06_2_451_007="84 610",
        c_06_9_451_001="28 430",
        c_07_2_458_012="142 300",
        c_07_3_123_008="46 215",
        c_07_3_123_011="58 300",
        c_08_1_457_003="186 340",
        c_12_1_123_013="38 400",
        c_12_1_458_023="612 840",
        c_13_9_452_012="24 000",
        c_15_1_452_006="3 218,4",
    )
    bs = []
    for i, y in enumerate((2013, 2014, 2015)):
        f = ("1", "1.05", "1.1")[i]
        b = Budget(
            "Карасайского района",
            "Қарасай ауданы",
            "Карасай",
            "district",
            "Алматинск",
            y,
            scale(inc, f),
            scale(exp, f),
            loans={"10.1.453.006": D(62415)} if i == 0 else {},
            repay=D(8120) if i == 0 else D(9000),
            borrow=D(62415) if i == 0 else D(0),
            debt_repay={"16.1.452.008": D(8120) if i == 0 else D(9000)},
        )
        close(b, "04.2.464.003", (D("128451.7"), D(0), D(0))[i])
        bs.append(b)
    num = "13-85"
    doc = ru_doc(
        "О районном бюджете Карасайского района на 2013-2015 годы",
        f"Решение Карасайского районного маслихата Алматинской области от 21 декабря 2012 года № {num}",
        "Карасайский районный маслихат",
        [
            point1_ru(
                bs[0],
                "1. Утвердить районный бюджет на 2013-2015 годы согласно приложениям 1, 2 и 3 "
                "соответственно, в том числе на 2013 год в следующих объемах:",
            ),
            "2. Настоящее решение вводится в действие с 1 января 2013 года.",
        ],
        "Председатель сессии районного маслихата\tК. Ахметов",
        [
            (
                ru_appendix_head(n, "Карасайского районного маслихата", "21 декабря 2012", num),
                f"Районный бюджет Карасайского района на {b.year} год",
                text_tsv(b, "ru", keep_empty=False, wrap=60),
            )
            for n, b in enumerate(bs, 1)
        ],
    )
    emit(
        "ru_district2013_tsv_wrapped",
        "txt",
        render(doc, False),
        "2013 district budget as a plain-text copy: tab-separated cells with empty code cells dropped, "
        "long names wrapped over lines (the amount follows the last piece); village akims' programmes "
        "under admin 123 including health group 05 (05.9.123.002) next to category 5 repayments",
        "ru",
        {"number": num, "date": "2012-12-21", "kind": "base"},
        [(b, i == 0) for i, b in enumerate(bs)],
    )


def fx_ru_rural_tenge_slip() -> None:
    """Rural district, html; the vehicle tax of 2025 printed in tenge (2 500 000 for 2 500)."""
    inc = dict(RURAL_INC)
    inc["1.04.4"] = D(2500)
    bs = []
    for i, y in enumerate((2025, 2026, 2027)):
        f = ("1", "1.03", "1.06")[i]
        b = Budget(
            "Акжарского сельского округа",
            "Ақжар ауылдық округі",
            "Акжар",
            "rural_district",
            "Жанибек",
            y,
            scale(inc, f),
            scale(RURAL_EXP, f),
        )
        close(b, "07.3.124.011", (D(1053), D(0), D(0))[i])
        bs.append(b)
    bs[0].misprint = {"1.04.4": D(2500000)}
    bs[0].problems = ["1.04|1.04.4"]  # the class sum shows the slip; either row may be named
    num = "38-3"
    doc = ru_doc(
        "О бюджете Акжарского сельского округа Жанибекского района на 2025-2027 годы",
        f"Решение Жанибекского районного маслихата Западно-Казахстанской области от 30 декабря 2024 года № {num}",
        "Жанибекский районный маслихат",
        [
            point1_ru(
                bs[0],
                "1. Утвердить бюджет Акжарского сельского округа на 2025-2027 годы согласно "
                "приложениям 1, 2 и 3 соответственно, в том числе на 2025 год в следующих объемах:",
            ),
            "2. Настоящее решение вводится в действие с 1 января 2025 года.",
        ],
        "Председатель маслихата\tС. Кабиев",
        [
            (
                ru_appendix_head(n, "Жанибекского районного маслихата", "30 декабря 2024", num),
                f"Бюджет Акжарского сельского округа на {b.year} год",
                html_columns(b, "ru"),
            )
            for n, b in enumerate(bs, 1)
        ],
    )
    emit(
        "ru_rural_tenge_slip",
        "html",
        render(doc, True),
        "rural-district html appendix where one cell (vehicle tax 2025) is printed in tenge, 2 500 000, "
        "while its class 'Налоги на собственность' and point 1 show thousands: stored as printed, the "
        "class sum 1.04 reported",
        "ru",
        {"number": num, "date": "2024-12-30", "kind": "base"},
        [(b, i == 0) for i, b in enumerate(bs)],
    )


def fx_kk_village_not_adding() -> None:
    """Village, kk html; in 2026 one programme is printed 3 050 where the sums need 3 500."""
    bs = []
    for i, y in enumerate((2024, 2025, 2026)):
        f = ("0.9", "0.95", "1")[i]
        e = scale(RURAL_EXP, f)
        e["07.3.124.009"] = (D(2890), D(3120), D(3500))[i]
        b = Budget(
            "Аққұдық ауылы",
            "Аққұдық ауылы",
            "Аққұдық",
            "village",
            "Теректі",
            y,
            scale(RURAL_INC, f),
            e,
        )
        close(b, "01.1.124.001", (D("812.4"), D(0), D(0))[i])
        bs.append(b)
    bs[2].misprint = {"07.3.124.009": D(3050)}
    bs[2].problems = ["07.3.124|07.3.124.009"]  # the administrator's sum; either row may be named
    num, date = "14-7", "2023 жылғы 25 желтоқсандағы"
    doc = kk_doc(
        "2024-2026 жылдарға арналған Теректі ауданы Аққұдық ауылының бюджеті туралы",
        f"Батыс Қазақстан облысы Теректі аудандық мәслихатының {date} № {num} шешімі",
        "Теректі аудандық мәслихаты",
        [
            point1_kk(
                bs[0],
                "1. 2024-2026 жылдарға арналған Аққұдық ауылының бюджеті тиісінше 1, 2 және "
                "3-қосымшаларға сәйкес, оның ішінде 2024 жылға мынадай көлемдерде бекітілсін:",
            ),
            "2. Осы шешім 2024 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.",
        ],
        "Теректі аудандық мәслихатының төрағасы Д. Исабеков",
        [
            (
                kk_appendix_head(n, "Теректі аудандық мәслихатының", date, num),
                f"{b.year} жылға арналған Аққұдық ауылының бюджеті",
                html_columns(b, "kk"),
            )
            for n, b in enumerate(bs, 1)
        ],
    )
    emit(
        "kk_village_not_adding",
        "html",
        render(doc, True),
        "Kazakh village budget, html; in appendix 3 (2026) a programme is printed 3 050 where its "
        "administrator's row needs 3 500: stored as printed, the sum of 07.3.124 reported, nothing repaired",
        "kk",
        {"number": num, "date": "2023-12-25", "kind": "base"},
        [(b, i == 0) for i, b in enumerate(bs)],
    )


def fx_kk_region_sections() -> None:
    """Region budget (облыстық бюджет), kk html, a table per section; 05 health, 6 sales, 7, 16, 8."""
    inc = amounts(
        c_1_01_1="21 860 400",
        c_1_01_2="14 205 300",
        c_1_03_1="9 840 150",
        c_1_05_3="1 214 800",
        c_2_01_7="98 420",
        c_2_06_1="312 500",
        c_4_01_2="1 402 318",
        c_4_02_1="96 845 210",
    )
    exp = amounts(
        c_01_1_110_001="312 400",
        c_01_1_120_001="2 184 600",
        c_01_2_257_001="410 250",
        c_05_9_253_001="1 108 420",
        c_05_9_253_008="412 900",
        c_06_9_256_001="284 100",
        c_12_1_268_025="12 430 700",
        c_15_1_257_007="120 000 000",
    )
    bs = []
    for i, y in enumerate((2019, 2020, 2021)):
        f = ("1", "1.04", "1.08")[i]
        b = Budget(
            "Батыс Қазақстан облысы",
            "Батыс Қазақстан облысы",
            "Батыс Қазақстан",
            "region",
            "",
            y,
            scale(inc, f),
            scale(exp, f),
            repay=D(1830450) if i == 0 else D(1500000),
            fin_sales=D(125000) if i == 0 else D(0),
            borrow=D(4520000) if i == 0 else D(0),
            debt_repay={"16.1.257.008": D(2310600) if i == 0 else D(1500000)},
        )
        close(b, "15.1.257.007", (D("1214318.4"), D(0), D(0))[i])
        bs.append(b)
    num, date = "20-2", "2018 жылғы 13 желтоқсандағы"
    doc = kk_doc(
        "2019-2021 жылдарға арналған облыстық бюджет туралы",
        f"Батыс Қазақстан облыстық мәслихатының {date} № {num} шешімі",
        "Батыс Қазақстан облыстық мәслихаты",
        [
            point1_kk(
                bs[0],
                "1. 2019-2021 жылдарға арналған облыстық бюджет тиісінше 1, 2 және 3-қосымшаларға "
                "сәйкес, соның ішінде 2019 жылға мынадай көлемдерде бекітілсін:",
            ),
            "2. Осы шешім 2019 жылдың 1 қаңтарынан бастап қолданысқа енгізіледі.",
        ],
        "Сессия төрағасы\tҒ. Сатқанов\nОблыстық мәслихат хатшысы\tМ. Құлшар",
        [
            (
                kk_appendix_head(n, "Облыстық мәслихаттың", date, num),
                f"{b.year} жылға арналған облыстық бюджет",
                html_columns(b, "kk", split=True, word=True),
            )
            for n, b in enumerate(bs, 1)
        ],
    )
    emit(
        "kk_region_sections",
        "html",
        render(doc, True),
        "Kazakh region budget ('облыстық бюджет', entity from the issuer), Word-converted html (<p> in "
        "every cell, long names broken by <br/>) with a table of its own per section: health group 05 next to category 5 repayments (negative net lending), category 6 "
        "sales (negative saldo), borrowing 7, repayment group 16, rests 8",
        "kk",
        {"number": num, "date": "2018-12-13", "kind": "base"},
        [(b, i == 0) for i, b in enumerate(bs)],
    )


def fx_kk_settlement_tsv_wrapped() -> None:
    """Settlement (кент), Kazakh tab-separated copy with names wrapped and '- 3 120' deficit."""
    bs = []
    for i, y in enumerate((2024, 2025, 2026)):
        f = ("1.4", "1.45", "1.5")[i]
        b = Budget(
            "Шашубай кенті",
            "Шашубай кенті",
            "Шашубай",
            "settlement",
            "Ақтоғай",
            y,
            scale(RURAL_INC, f),
            scale(RURAL_EXP, f),
        )
        close(b, "07.3.124.011", (D(3120), D(0), D(0))[i])
        bs.append(b)
    num, date = "160", "2023 жылғы 27 желтоқсандағы"
    doc = kk_doc(
        "Шашубай кентінің 2024-2026 жылдарға арналған бюджеті туралы",
        f"Қарағанды облысы Ақтоғай аудандық мәслихатының {date} № {num} шешімі",
        "Ақтоғай аудандық мәслихаты",
        [
            point1_kk(
                bs[0],
                "1. Шашубай кентінің 2024-2026 жылдарға арналған бюджеті 1, 2 және 3-қосымшаларға "
                "сәйкес, оның ішінде 2024 жылға мынадай көлемдерде бекітілсін:",
            ),
            "2. Осы шешім 2024 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.",
        ],
        "Ақтоғай аудандық мәслихатының хатшысы\tР. Абеуов",
        [
            (
                kk_appendix_head(n, "Ақтоғай аудандық мәслихатының", date, num),
                f"Шашубай кентінің {y} жылға арналған бюджеті",
                text_tsv(b, "kk", keep_empty=False, wrap=50, minus="- "),
            )
            for n, (b, y) in enumerate(((b, b.year) for b in bs), 1)
        ],
    )
    emit(
        "kk_settlement_tsv_wrapped",
        "txt",
        render(doc, False),
        "Kazakh settlement (кент) budget as a plain-text copy: tab-separated, empty code cells dropped, "
        "long names wrapped over lines, the appendix deficit printed as '- 3 120'",
        "kk",
        {"number": num, "date": "2023-12-27", "kind": "base"},
        [(b, i == 0) for i, b in enumerate(bs)],
    )


# 35 rural districts of one district (kk name, ru adjective or "имени …" form, stem)
RURAL_35 = [
    ("Ақжар", "Акжарский", "Акжар"), ("Әйтеке би атындағы", "имени Айтеке би", "Айтеке би"),
    ("Бірлік", "Бирликский", "Бирлик"), ("Жаңаауыл", "Жанааульский", "Жанааул"),
    ("Жаңажол", "Жанажолский", "Жанажол"), ("Қызылқұм", "Кызылкумский", "Кызылкум"),
    ("Мақталы", "Мактаалинский", "Мактаал"), ("Ж. Ералиев атындағы", "имени Ж. Ералиева", "Ералиев"),
    ("Іргелі", "Иргелинский", "Иргел"), ("Т. Рысқұлов атындағы", "имени Т. Рыскулова", "Рыскулов"),
    ("Достық", "Достыкский", "Достык"), ("Ынтымақ", "Ынтымакский", "Ынтымак"),
    ("Береке", "Берекенский", "Береке"), ("Көктерек", "Коктерекский", "Коктерек"),
    ("Жеңіс", "Женисский", "Женис"), ("Мырзакент", "Мырзакентский", "Мырзакент"),
    ("Ақниет", "Акниетский", "Акниет"), ("Асықата", "Асыкатинский", "Асыкат"),
    ("Ильич", "Ильичевский", "Ильич"), ("Алмалы", "Алмалинский", "Алмал"),
    ("Атамекен", "Атамекенский", "Атамекен"), ("Бостандық", "Бостандыкский", "Бостандык"),
    ("Жаңатұрмыс", "Жанатурмысский", "Жанатурмыс"), ("Қарақұм", "Каракумский", "Каракум"),
    ("Ақбұлақ", "Акбулакский", "Акбулак"), ("Шұғыла", "Шугылинский", "Шугыл"),
    ("Тұрмыс", "Турмысский", "Турмыс"), ("Ұшқын", "Ушкынский", "Ушкын"),
    ("Өркен", "Оркенский", "Оркен"), ("Еңбекші", "Енбекшинский", "Енбекши"),
    ("Ақсу", "Аксуский", "Аксу"), ("Гүлстан", "Гулистанский", "Гулистан"),
    ("Мақтаарал", "Мактааральский", "Мактаарал"), ("Қызылту", "Кызылтуский", "Кызылту"),
    ("Жайылма", "Жайылминский", "Жайылм"),
]  # fmt: skip


def ru_genitive(adj: str) -> str:
    """'Акжарский' -> 'Акжарского сельского округа'; 'имени …' -> 'сельского округа имени …'."""
    if adj.startswith("имени"):
        return f"сельского округа {adj}"
    return adj[: -len("ский")] + "ского сельского округа"


def fx_ru_multi_35x3() -> None:
    """35 rural districts x 3 years = 105 appendices in one decision (plain text, one cell per line)."""
    assert len(RURAL_35) == 35
    num, date_ru = "45-298-VIII", "27 декабря 2024"
    points, apps, budgets = [], [], []
    for k, (kk, ru, stem) in enumerate(RURAL_35):
        base = D("0.6") + D("0.05") * k
        bs = []
        for i, y in enumerate((2025, 2026, 2027)):
            f = str(base * (D(1), D("1.04"), D("1.08"))[i])
            b = Budget(
                ru_genitive(ru),
                f"{kk} ауылдық округі",
                stem,
                "rural_district",
                "Мактаарал",
                y,
                scale(RURAL_INC, f),
                scale(RURAL_EXP, f),
            )
            rest = D(500 + 37 * k) if (i == 0 and k % 3 == 0) else D(0)
            close(b, "07.3.124.011", rest)
            bs.append(b)
        first = 3 * k + 1
        points.append(
            point1_ru(
                bs[0],
                f"{k + 1}. Утвердить бюджет {ru_genitive(ru)} на 2025-2027 годы согласно приложениям "
                f"{first}, {first + 1} и {first + 2} соответственно, в том числе на 2025 год в следующих объемах:",
            )
        )
        for i, b in enumerate(bs):
            apps.append(
                (
                    ru_appendix_head(
                        first + i, "Мактааральского районного маслихата", date_ru, num
                    ),
                    f"Бюджет {ru_genitive(ru)} на {b.year} год",
                    text_cells(b, "ru"),
                )
            )
            budgets.append((b, i == 0))
    points += [
        "36. Предусмотреть в бюджетах сельских округов на 2025 год объемы субвенций, передаваемых из "
        "районного бюджета, согласно приложениям к настоящему решению.",
        "37. Настоящее решение вводится в действие с 1 января 2025 года.",
    ]
    doc = ru_doc(
        "О бюджетах сельских округов Мактааральского района на 2025-2027 годы",
        f"Решение Мактааральского районного маслихата Туркестанской области от {date_ru} года № {num}",
        "Мактааральский районный маслихат",
        points,
        "Председатель Мактааральского районного маслихата\tБ. Сапаров",
        apps,
    )
    emit(
        "ru_multi_35x3",
        "txt",
        render(doc, False),
        "one district decision adopting the budgets of its 35 rural districts for 2025-2027: points 1-35, "
        "appendices 1 to 105 (past 'Приложение 100'), plain-text copy with one cell per line; includes "
        "names after persons ('имени Айтеке би'), an Аксу and an Акжар that also exist elsewhere, and a "
        "rural district named like its own district (Мактааральский)",
        "ru",
        {"number": num, "date": "2024-12-27", "kind": "base"},
        budgets,
    )


def fx_ru_financing_no_heads() -> None:
    """District html printing the heads once: 5, 7, 8 and 16 follow in the expense grid.

    Point 1 as printed in Martuk district's 2021 edition (adilet V21CH025948); the rows under
    it are this fixture's own breakdown of those totals.
    """
    inc = amounts(
        c_1_01_2="520 144", c_1_03_1="402 318", c_1_04_1="142 510", c_1_04_3="6 120",
        c_1_04_4="98 430", c_1_05_3="4 910", c_1_05_4="12 480", c_1_08_1="8 402",
        c_2_01_5="1 840", c_2_06_1="1 511", c_3_03_1="7 269", c_4_02_2="8 616 988,6",
    )  # fmt: skip
    exp = amounts(
        c_01_1_112_001="31 420", c_01_1_122_001="128 615,2", c_01_2_452_001="38 104",
        c_01_5_453_001="29 870", c_04_1_464_009="784 312", c_04_2_464_003="5 000 000",
        c_06_2_451_007="96 418", c_06_9_451_001="47 210,5", c_07_2_458_012="412 380",
        c_07_3_458_015="118 730", c_08_1_457_003="302 615", c_08_2_457_008="18 400",
        c_12_1_458_023="1 210 544", c_13_9_452_012="40 000", c_14_1_452_013="231,4",
        c_15_1_452_038="1 412 380",
    )  # fmt: skip
    b = Budget("Мартукского района", "Мәртөк ауданы", "Мартук", "district", "Актюбинск", 2021, inc, exp,
               loans={"10.1.453.006": D("178623.3")}, repay=D(57631), borrow=D("178623.3"),
               debt_repay={"16.1.452.008": D(57631)})  # fmt: skip
    close(b, "04.2.464.003", D("727708.2"))
    assert (b.income_total, b.expense_total, b.deficit) == (
        D("9822922.6"), D("10550630.8"), D("-848700.5"))  # fmt: skip
    num = "52"
    doc = ru_doc(
        "О внесении изменений в решение Мартукского районного маслихата от 25 декабря 2020 года № 434 "
        '"Об утверждении Мартукского районного бюджета на 2021-2023 годы"',
        f"Решение Мартукского районного маслихата Актюбинской области от 13 апреля 2021 года № {num}",
        "Мартукский районный маслихат",
        [
            '1. Внести в решение Мартукского районного маслихата "Об утверждении Мартукского районного '
            'бюджета на 2021-2023 годы" от 25 декабря 2020 года № 434 (зарегистрированное в Реестре '
            "государственной регистрации нормативных правовых актов под № 7867) следующие изменения:\n"
            "пункт 1 изложить в новой редакции:\n"
            + point1_ru(
                b,
                '"1. Утвердить районный бюджет на 2021-2023 годы согласно приложениям 1, 2 и 3, '
                "в том числе на 2021 год в следующих объемах:",
            )
            + '";\n'
            "приложение 1 к указанному решению изложить в новой редакции согласно приложению к "
            "настоящему решению.",
            "2. Настоящее решение вводится в действие с 1 января 2021 года.",
        ],
        "Председатель сессии Мартукского районного маслихата\tБ. Жумабаев",
        [
            (
                f"Приложение к решению Мартукского районного маслихата\nот 13 апреля 2021 года № {num}\n"
                "Приложение 1 к решению Мартукского районного маслихата\nот 25 декабря 2020 года № 434",
                "Районный бюджет на 2021 год",
                html_columns(b, "ru", heads_once=True),
            )
        ],
    )
    emit(
        "ru_financing_no_heads",
        "html",
        render(doc, True),
        "amending decision restating point 1 and appendix 1 of a district budget; the appendix prints "
        "its heads once, so categories 5, 7, 8 and group 16 follow in the expense grid ('8' in the "
        "functional-group column next to groups 06/07/08); point-1 totals as in Martuk 2021",
        "ru",
        {
            "number": num,
            "date": "2021-04-13",
            "kind": "amendment",
            "amends": {"number": "434", "date": "2020-12-25"},
        },
        [(b, True)],
    )


def fx_kk_amend_compact() -> None:
    """Kazakh amendment restating point 1 and appendix 1; figures without separators ('4408698,3')."""
    inc = amounts(
        c_1_01_2="231 540", c_1_03_1="178 320", c_1_04_1="41 006", c_1_04_3="3 210",
        c_1_04_4="36 480", c_1_05_3="1 840", c_1_05_4="3 150", c_1_08_1="2 110",
        c_2_01_5="12 438", c_2_06_1="22 000", c_3_03_1="9 410", c_4_02_2="3 867 194,3",
    )  # fmt: skip
    exp = amounts(
        c_01_1_112_001="24 310", c_01_1_122_001="96 480", c_01_2_452_001="27 615",
        c_01_5_453_001="22 140", c_04_1_464_009="412 300", c_04_2_464_003="2 100 000",
        c_06_2_451_007="62 318", c_06_9_451_001="31 240", c_07_2_458_012="208 415,6",
        c_07_3_458_015="74 120", c_08_1_457_003="186 200", c_08_2_457_008="9 800",
        c_12_1_458_023="684 315", c_13_9_452_012="22 000", c_15_1_452_038="431 620",
    )  # fmt: skip
    b = Budget("Мамлют ауданы", "Мамлют ауданы", "Мамлют", "district", "Солтүстік Қазақстан", 2021,
               inc, exp, loans={"10.1.453.006": D(92145)}, repay=D(21806), borrow=D(92145),
               debt_repay={"16.1.452.008": D(21806)})  # fmt: skip
    close(b, "04.2.464.003", D("118420.7"))
    assert b.income_total == D("4408698.3"), b.income_total
    num, date = "6/3", "2021 жылғы 12 сәуірдегі"
    relabel = {"net_lending": "3) Таза бюджеттік кредит беру"}
    doc = kk_doc(
        'Мамлют аудандық мәслихатының "2021-2023 жылдарға арналған аудандық бюджетті бекіту туралы" '
        "2020 жылғы 25 желтоқсандағы № 81/2 шешіміне өзгерістер енгізу туралы",
        f"Солтүстік Қазақстан облысы Мамлют ауданы мәслихатының {date} № {num} шешімі",
        "Солтүстік Қазақстан облысы Мамлют ауданының мәслихаты",
        [
            '1. Солтүстік Қазақстан облысы Мамлют ауданы мәслихатының "2021-2023 жылдарға арналған '
            'аудандық бюджетті бекіту туралы" 2020 жылғы 25 желтоқсандағы № 81/2 шешіміне келесі '
            "өзгерістер енгізілсін:\n1-тармақ жаңа редакцияда баяндалсын:\n"
            + point1_kk(
                b,
                '"1. 2021-2023 жылдарға арналған аудандық бюджеті осы шешімге тиісінше 1, 2 және '
                "3-қосымшаларға сәйкес, соның ішінде 2021 жылға келесі көлемдерде бекітілсін:",
                sep="",
            )
            + '";\nКөрсетілген шешімнің 1-қосымшасы осы шешімнің қосымшасына сәйкес жаңа редакцияда жазылсын.',
            "2. Осы шешім 2021 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.",
        ],
        "Мамлют аудандық мәслихаты сессиясының төрағасы\tА. Ибраев",
        [
            (
                f"Мамлют аудандық мәслихатының\n{date} № {num} шешіміне\nқосымша\n"
                "Мамлют аудандық мәслихатының\n2020 жылғы 25 желтоқсандағы № 81/2 шешіміне\n1-қосымша",
                "2021 жылға арналған Мамлют аудандық бюджеті",
                text_cells(b, "kk", sep="", force_dec=True, relabel=relabel),
            )
        ],
    )
    emit(
        "kk_amend_compact",
        "txt",
        render(doc, False),
        "Kazakh amending decision restating point 1 and appendix 1 ('1-тармақ жаңа редакцияда баяндалсын', "
        "'1-қосымшасы … жаңа редакцияда жазылсын'); the appendix prints figures without thousand "
        "separators and with ',0' ('4408698,3', '231540,0') and says 'Таза бюджеттік кредит беру'",
        "kk",
        {
            "number": num,
            "date": "2021-04-12",
            "kind": "amendment",
            "amends": {"number": "81/2", "date": "2020-12-25"},
        },
        [(b, True)],
    )


def fx_kk_city_years_onecell() -> None:
    """Kazakh city budget: one table, codes in one cell, 2024/2025/2026 amounts side by side."""
    inc, exp = district_leaves()
    inc = scale(inc, "1.7")
    exp = scale(exp, "1.65")
    bs = []
    for i, y in enumerate((2024, 2025, 2026)):
        f = ("1", "1.05", "1.1")[i]
        b = Budget("Жезқазған қаласы", "Жезқазған қаласы", "Жезқазған", "city", "Ұлытау", y,
                   scale(inc, f), scale(exp, f), repay=D(24110 + 800 * i),
                   debt_repay={"16.1.452.008": D(24110 + 800 * i)})  # fmt: skip
        close(b, "04.2.464.003", (D("96315.8"), D(0), D(0))[i])
        bs.append(b)
    num, date = "14/117", "2023 жылғы 21 желтоқсандағы"
    doc = kk_doc(
        "Жезқазған қаласының 2024-2026 жылдарға арналған бюджеті туралы",
        f"Ұлытау облысы Жезқазған қалалық мәслихатының {date} № {num} шешімі",
        "Жезқазған қалалық мәслихаты",
        [
            point1_kk(
                bs[0],
                "1. Жезқазған қаласының 2024-2026 жылдарға арналған бюджеті 1-қосымшаға сәйкес, "
                "оның ішінде 2024 жылға мынадай көлемдерде бекітілсін:",
            ),
            "2. Осы шешім 2024 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.",
        ],
        "Жезқазған қалалық мәслихатының хатшысы\tЕ. Бекбаулин",
        [
            (
                kk_appendix_head(1, "Жезқазған қалалық мәслихатының", date, num),
                "Жезқазған қаласының 2024-2026 жылдарға арналған бюджеті",
                html_years(bs, "kk", onecell=True),
            )
        ],
    )
    emit(
        "kk_city_years_onecell",
        "html",
        render(doc, True),
        "Kazakh city budget with one appendix: all codes of a row in one cell ('07 3 458 015', '16 1 452 008') "
        "and the 2024, 2025, 2026 amounts side by side; surpluses in 2025-2026 repay debt (negative financing)",
        "kk",
        {"number": num, "date": "2023-12-21", "kind": "base"},
        [(b, i == 0) for i, b in enumerate(bs)],
    )


def fx_kk_multi_kinds() -> None:
    """One kk decision adopting a town, a settlement, a village and a rural district (12 appendices)."""
    ents = [
        ("Есіл қаласы", "Есіл қаласының", "Есіл", "town", TOWN_INC, TOWN_EXP, "0.8", D(8400)),
        ("Красногорский кенті", "Красногорский кентінің", "Красногор", "settlement", RURAL_INC, RURAL_EXP, "1.6", D(0)),
        ("Бұзылық ауылы", "Бұзылық ауылының", "Бұзылық", "village", RURAL_INC, RURAL_EXP, "0.8", D("612.5")),
        ("Жаныспай ауылдық округі", "Жаныспай ауылдық округінің", "Жаныспай", "rural_district", RURAL_INC, RURAL_EXP, "1.1", D(0)),
    ]  # fmt: skip
    num, date = "27/4", "2024 жылғы 25 желтоқсандағы"
    points, apps, budgets = [], [], []
    for k, (name, gen_name, stem, kind, inc, exp, f0, rest) in enumerate(ents):
        bs = []
        for i, y in enumerate((2025, 2026, 2027)):
            f = str(D(f0) * (D(1), D("1.05"), D("1.09"))[i])
            b = Budget(gen_name, name, stem, kind, "Есіл", y, scale(inc, f), scale(exp, f))
            close(b, "07.3.124.011", rest if i == 0 else D(0))
            bs.append(b)
        first = 3 * k + 1
        points.append(
            point1_kk(
                bs[0],
                f"{k + 1}. {gen_name} 2025-2027 жылдарға арналған бюджеті тиісінше {first}, {first + 1} "
                f"және {first + 2}-қосымшаларға сәйкес, оның ішінде 2025 жылға мынадай көлемдерде бекітілсін:",
            )
        )
        for i, b in enumerate(bs):
            apps.append(
                (
                    kk_appendix_head(first + i, "Есіл аудандық мәслихатының", date, num),
                    f"{gen_name} {b.year} жылға арналған бюджеті",
                    html_columns(b, "kk"),
                )
            )
            budgets.append((b, i == 0))
    points.append("5. Осы шешім 2025 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.")
    doc = kk_doc(
        "Есіл ауданының Есіл қаласының, Красногорский кентінің, Бұзылық ауылының және Жаныспай "
        "ауылдық округінің 2025-2027 жылдарға арналған бюджеттері туралы",
        f"Ақмола облысы Есіл аудандық мәслихатының {date} № {num} шешімі",
        "Есіл аудандық мәслихаты",
        points,
        "Есіл аудандық мәслихатының хатшысы\tС. Құдабаев",
        apps,
    )
    emit(
        "kk_multi_kinds",
        "html",
        render(doc, True),
        "Kazakh district decision adopting, one point each, the budgets of a town, a settlement (кент), a "
        "village (ауыл) and a rural district for 2025-2027: twelve html appendices numbered on through the "
        "document; the town has the district's own name (Есіл)",
        "kk",
        {"number": num, "date": "2024-12-25", "kind": "base"},
        budgets,
    )


def main() -> None:
    fx_ru_district_rowspan()
    fx_kk_district_tsv()
    fx_ru_city_onecell()
    fx_ru_town_three_years()
    fx_kk_rural_wrapped()
    fx_ru_district2013_tsv_wrapped()
    fx_ru_rural_tenge_slip()
    fx_kk_village_not_adding()
    fx_kk_region_sections()
    fx_kk_settlement_tsv_wrapped()
    fx_ru_multi_35x3()
    fx_ru_financing_no_heads()
    fx_kk_amend_compact()
    fx_kk_city_years_onecell()
    fx_kk_multi_kinds()


if __name__ == "__main__":
    main()
