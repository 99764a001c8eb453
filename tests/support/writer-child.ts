// A second copy of Reestr writing for concurrent-writers.test.ts: it opens the register through the core
// and adds, edits and batch-adds events until its time is up, printing «ack TITLE» for each event whose
// write returned and «refused CODE MESSAGE» for each write refused; «done N» at the end.
import { closeCore, openCore } from '../../electron/core/core';
import { createEvent, createEvents, updateEvent } from '../../electron/core/services/events';
import { EventInputSchema } from '../../shared/schema/event';

const [file, tag, seconds] = process.argv.slice(2) as [string, string, string];
const say = (line: string) => process.stdout.write(`${line}\n`);
const input = (title: string, description: string) =>
  EventInputSchema.parse({ title, startDate: '2024-05-01', description, spheres: [`Сфера ${tag}`], city: 'Орша' });

const PAUSE = new Int32Array(new SharedArrayBuffer(4));
const core = openCore(file);
say('ready');
const deadline = Date.now() + Number(seconds) * 1000;
let writes = 0;
// Bounded: the clock ends it, and a cap in case the clock does not.
for (let i = 0; i < 100_000 && Date.now() < deadline; i++) {
  try {
    const title = `${tag}-${i}`;
    const event = await createEvent(core, input(title, 'первая запись'));
    say(`ack ${title}`);
    // An edit reads the record before it writes: the case a deferred transaction was refused in.
    await updateEvent(core, event.id, input(title, 'правка'));
    if (i % 5 === 0) {
      const titles = Array.from({ length: 20 }, (_, j) => `${title}-b${j}`);
      await createEvents(core, titles.map((t) => input(t, 'пакет')));
      for (const t of titles) say(`ack ${t}`);
    }
    writes++;
    // A breath between actions, as any real writer has: a loop that takes the lock back the instant
    // it lets go starves the other copies' busy wait (SQLite queues no one), which no clerk does.
    Atomics.wait(PAUSE, 0, 0, 2);
  } catch (e) {
    const { code, message } = e as { code?: string; message?: string };
    say(`refused ${code ?? '?'} ${String(message).replace(/\s+/g, ' ')}`);
  }
}
closeCore(core);
say(`done ${writes}`);
