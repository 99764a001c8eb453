// The words of the «История изменений» tab: what each entry says happened.
import { formatTimestamp } from '../../../shared/ru/dates';
import { capitalize } from '../../../shared/ru/grammar';
import { RECORD_WORDS } from '../../../shared/ru/field-values';
import type { HistoryEntity, HistoryEntry } from '../../../shared/schema/history';

export const TAB_LABEL = 'История изменений';

/** The headline of an entry: «Изменено», «Импортировано из файла «план.xlsx»»… */
export function actionText(entry: HistoryEntry): string {
  const file = entry.fileName ? ` «${entry.fileName}»` : '';
  switch (entry.action) {
    case 'create':
      return 'Создано';
    case 'import':
      return file ? `Импортировано из файла${file}` : 'Импортировано';
    case 'update':
      return file ? `Обновлено при импорте из файла${file}` : 'Изменено';
    case 'delete':
      return 'Удалено в корзину';
    case 'restore':
      return 'Восстановлено из корзины';
    case 'merge':
      return 'Изменено при объединении записей справочника';
    case 'undo':
      return file ? `Изменено при отмене импорта из файла${file}` : 'Изменено при отмене импорта';
    case 'revert':
      return entry.revertedTo ? `Возвращена версия от ${formatTimestamp(entry.revertedTo)}` : 'Возвращена прежняя версия';
  }
}

export const EMPTY_TEXT = 'пусто';
export const CURRENT = 'текущая версия';
export const REVERT_BUTTON = 'Вернуть эту версию';
export const REVERT_HINT = 'Вернуть запись к тому виду, который она имела сразу после этого изменения';
export const CANCEL = 'Отмена';
export const NO_HISTORY = 'Изменений пока нет.';
export const LOAD_ERROR = 'Не удалось загрузить историю изменений';
export const NOT_REVERTED = 'Версия не возвращена';
export const KEPT = 'Нынешняя версия останется в истории изменений: её тоже можно будет вернуть.';

export function confirmTitle(entry: HistoryEntry): string {
  return `Вернуть версию от ${formatTimestamp(entry.at)}?`;
}

export function willChange(entity: HistoryEntity): string {
  return `В ${RECORD_WORDS[entity].prepositional} изменится:`;
}

export function reverted(entry: HistoryEntry): string {
  return `Возвращена версия от ${formatTimestamp(entry.at)}.`;
}

/** Why the buttons are off: unsaved edits in the card, or the record in the trash. */
export function blockedText(reason: 'dirty' | 'trash', entity: HistoryEntity): string {
  if (reason === 'dirty') return 'В карточке есть несохранённые изменения: сохраните или отмените их, чтобы вернуть прежнюю версию.';
  const words = RECORD_WORDS[entity];
  return `${capitalize(words.one)} в корзине: чтобы вернуть прежнюю версию, сначала восстановите ${words.it}.`;
}
