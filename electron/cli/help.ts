// The text of `reestr --help`.

export const HELP = `reestr — «Реестр сотрудничества» из командной строки

Использование: reestr [--db ФАЙЛ] КОМАНДА [ПАРАМЕТРЫ]

База данных: --db ФАЙЛ или переменная REESTR_DB; по умолчанию — база приложения
в папке данных пользователя (та же, что открывает программа).

Мероприятия:
  events add --json '{"title": "…", "startDate": "2021-09-08", …}'   добавить
  events list [--period P] [--query ТЕКСТ] [--kind ВИД] [--sphere СФЕРА]
              [--partner ПАРТНЁР] [--format ФОРМАТ] [--status СТАТУС]
              [--trash] [--limit N] [--json]                        список
  events show ID [--json]                                           карточка
  events delete ID                                                  в корзину
  events restore ID                                                 из корзины

Соглашения:
  agreements add --json '{"title": "…", "signedOn": "2021-02-08", …}'
  agreements list [--query ТЕКСТ] [--expiring ДНЕЙ] [--trash] [--json]
  agreements show ID [--json]
  agreements delete ID | agreements restore ID

Справочники:
  refs list kinds|spheres|departments|cities|countries|regions|organisations|formats [--all] [--json]

Импорт таблиц партнёров (.xlsx, .csv):
  import ФАЙЛ [--sheet ЛИСТ] [--header-row N] [--year ГГГГ] [--partner ПАРТНЁР]
         [--dry-run] [--json]     прочитать и записать новые строки одним пакетом
                                  (--dry-run: только показать, что будет записано)
  imports list [--json]           история импорта
  imports undo ID                 отменить импорт целиком

Выгрузка в Excel:
  export --period P [--partner ПАРТНЁР] [--sphere СФЕРА] [--kind ВИД] [--format ФОРМАТ]
         [--status СТАТУС] [--group-by sphere|partner] [--out ФАЙЛ.xlsx]
                                  мероприятия периода, реестр соглашений и сводка
                                  (по умолчанию файл Мероприятия_2021_III_квартал.xlsx)
  export --all [--out ФАЙЛ.xlsx]   полная выгрузка: все мероприятия, соглашения, справочники
                                  (её читает импорт: reestr import ФАЙЛ.xlsx)
  export --csv [--period P] [фильтры] [--out ФАЙЛ.csv]   таблица мероприятий в CSV

Отчёт:
  report --period P [--partner ПАРТНЁР] [--rounded] [--out ФАЙЛ.docx|.txt|.md]
                                  черновик отчёта за период (без --out — текст на экран;
                                  --rounded: «более 30 мероприятий» вместо точного числа)

Резервные копии:
  backup [--out ФАЙЛ]             сделать и проверить копию (по умолчанию — в папку копий)
  backups list [--json]           копии: когда, почему, файл
  restore ФАЙЛ                    восстановить из копии (прежнее состояние сохраняется копией;
                                  повреждённая база откладывается рядом, а не удаляется)
  check                           проверка целостности базы данных

Настройки департамента (домашний регион — в заголовке отчёта и в словах «где»):
  settings show [--json]          показать домашний регион, страну, департамент, ответственного
  settings set [--home-region РЕГИОН] [--home-country СТРАНА] [--department НАЗВАНИЕ]
               [--responsible ФИО] [--phone ТЕЛЕФОН] [--json]
                                  изменить указанное (пустое значение "" очищает поле;
                                  нового региона нет в справочнике — он добавляется в страну)

Прочее:
  serve [--port N] [--no-open]   открыть программу в браузере (на 127.0.0.1)
  demo      загрузить демонстрационные данные (мероприятия II полугодия 2021 года)
  --help    эта справка

Периоды: 2021, 2021-H2 (полугодие), 2021-Q3 (квартал), 2021-09 (месяц),
2021-07-01..2021-09-30 (диапазон). В период попадает каждое мероприятие,
которое с ним пересекается.
Несколько значений фильтра — через запятую: --sphere "культура,спорт".`;
