// The one way the renderer shows a failure: a call's ApiError or an AppError carries the Russian
// message to show; anything else is a bug, logged for developers and shown as «Неизвестная ошибка.».
import { notifications } from '@mantine/notifications';
import { AppError } from '../../shared/errors';
import { ApiError } from './client';

export const UNKNOWN_ERROR = 'Неизвестная ошибка.';

/** The Russian text to show for a failure (for inline messages such as a form's error line). */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError || e instanceof AppError) return e.message;
  console.error(e);
  return UNKNOWN_ERROR;
}

/** Shows a failure as the red notification; `title` says what did not happen («Не сохранено»). */
export function notifyError(e: unknown, title = 'Не выполнено'): void {
  notifications.show({ color: 'red', title, message: errorMessage(e) });
}
