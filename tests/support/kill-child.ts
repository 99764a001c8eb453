// The process kill.test.ts kills: an import of a prepared CSV, or edits one after another through the
// core's services, telling on stdout how far it got («committing», «committed», «op N»).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { closeCore, openCore } from '../../electron/core/core';
import { analyze } from '../../electron/core/import/analyze';
import { createEvent, createEvents, deleteEvent, updateEvent } from '../../electron/core/services/events';
import { commitPreview, readImportSource } from '../../electron/core/services/imports';
import { EventInputSchema } from '../../shared/schema/event';

const [mode, db, csv] = process.argv.slice(2) as [string, string, string | undefined];
const say = (line: string) => process.stdout.write(`${line}\n`);

/** The fields of edit `tag`: each goes to another table (events, event_texts, sphere links). */
function editInput(tag: string) {
  return EventInputSchema.parse({
    title: `Правка ${tag}`,
    startDate: '2024-03-01',
    description: `Описание ${tag}`,
    participants: `Участники ${tag}`,
    spheres: [`Сфера ${tag}`],
    city: 'Орша',
  });
}

const core = openCore(db);
say('ready');
if (mode === 'import') {
  const source = await readImportSource(basename(csv as string), readFileSync(csv as string));
  const preview = await analyze(core, source, {});
  say(`committing ${preview.summary.new}`);
  const result = await commitPreview(core, preview, {}, source);
  say(`committed ${result.created}`);
} else {
  for (let i = 0; ; i++) {
    const event = await createEvent(core, editInput(`${i}`));
    await updateEvent(core, event.id, editInput(`${i}+`));
    if (i % 3 === 0) await deleteEvent(core, event.id);
    await createEvents(core, Array.from({ length: 50 }, (_, j) => EventInputSchema.parse({ title: `Пакет ${i}-${j}`, startDate: '2024-04-01', description: `Текст ${i}-${j}` })));
    say(`op ${i}`);
  }
}
closeCore(core);
