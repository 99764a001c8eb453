// The Russian application menu: Файл, Правка, Вид, Справка, with the usual shortcuts.
import type { MenuItemConstructorOptions } from 'electron';
import type { Command } from '../../shared/bridge';

export interface MenuActions {
  command: (command: Command) => void;
  about: () => void;
  quit: () => void;
}

export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    {
      label: 'Файл',
      submenu: [
        { label: 'Новое мероприятие', accelerator: 'CmdOrCtrl+N', click: () => actions.command('new-event') },
        { label: 'Сохранить', accelerator: 'CmdOrCtrl+S', click: () => actions.command('save') },
        { type: 'separator' },
        { label: 'Выход', accelerator: 'CmdOrCtrl+Q', click: actions.quit },
      ],
    },
    {
      label: 'Правка',
      submenu: [
        { label: 'Отменить', role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { label: 'Повторить', role: 'redo', accelerator: 'CmdOrCtrl+Y' },
        { type: 'separator' },
        { label: 'Вырезать', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: 'Копировать', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: 'Вставить', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: 'Выделить всё', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
        { type: 'separator' },
        { label: 'Найти', accelerator: 'CmdOrCtrl+F', click: () => actions.command('find') },
      ],
    },
    {
      label: 'Вид',
      submenu: [
        { label: 'Крупнее', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { label: 'Мельче', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { label: 'Обычный размер', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { type: 'separator' },
        { label: 'Во весь экран', role: 'togglefullscreen', accelerator: 'F11' },
      ],
    },
    {
      label: 'Справка',
      submenu: [{ label: 'О программе', click: actions.about }],
    },
  ];
}
