// A kind the card adds keeps the gender the clerk chose, saved with the event in one transaction.
import { describe, expect, it } from 'vitest';
import { createEvent, getEvent, updateEvent } from '../../electron/core/services/events';
import { nameKey } from '../../shared/ru/normalize';
import { eventInput, tempCore } from '../helpers';

describe('a new kind’s gender', () => {
  it('is stored with the kind the event adds, and an entry that has one keeps it', async () => {
    const core = tempCore();
    const event = await createEvent(core, eventInput({ kind: 'квест', newKindGender: 'm' }));
    expect(event.kind).toBe('квест');
    expect((await core.refs.byKey('kind', 'квест'))?.gender).toBe('m');
    await updateEvent(core, event.id, eventInput({ kind: 'Квест', newKindGender: 'f' }));
    expect((await core.refs.byKey('kind', 'квест'))?.gender).toBe('m');
    expect((await getEvent(core, event.id)).kind).toBe('квест');
  });

  it('is not written when the event is refused: the kind is not added either', async () => {
    const core = tempCore();
    await expect(createEvent(core, eventInput({ kind: 'велопробег', newKindGender: 'm', agreementId: 999 }))).rejects.toThrow(/соглашение № 999 не найдено/);
    expect(await core.refs.byKey('kind', nameKey('велопробег'))).toBeUndefined();
  });
});
