// The agreement's state in words, the same in the CLI's table and card as in the register.
import { describe, expect, it } from 'vitest';
import { agreementCard, agreementsTable } from '../../electron/cli/format';
import { addDays, todayIso } from '../../shared/dates';
import { agreementStateText, agreementTermText } from '../../shared/agreement-term';
import type { Agreement } from '../../shared/schema/agreement';

const demo: Agreement = {
  id: 1, kind: 'contract', number: null, title: 'Договор о сотрудничестве', parties: [], signedOn: '2021-02-08', validFrom: '2021-02-08',
  validUntil: '2021-12-31', autoProlongation: false, status: 'active', spheres: [], department: null, notes: null, eventCount: 1,
  createdAt: '2021-02-08T00:00:00.000Z', updatedAt: '2021-02-08T00:00:00.000Z', deletedAt: null, version: 1,
};

describe('the agreement state in words', () => {
  it('names each state, with the date of one running out', () => {
    const today = '2026-12-04';
    expect(agreementStateText(demo, today)).toBe('срок истёк');
    expect(agreementStateText({ ...demo, validUntil: '2027-01-15' }, today)).toBe('истекает 15.01.2027');
    expect(agreementStateText({ ...demo, validUntil: '2027-06-30' }, today)).toBe('действует');
    expect(agreementStateText({ ...demo, autoProlongation: true }, today)).toBe('действует');
    expect(agreementStateText({ ...demo, status: 'terminated' }, today)).toBe('расторгнуто');
    expect(agreementStateText({ ...demo, status: 'draft' }, today)).toBe('проект');
    expect(agreementTermText(demo, today)).toBe('до 31.12.2021');
    expect(agreementTermText({ ...demo, autoProlongation: true }, today)).toBe('до 31.12.2021, продлевается автоматически');
    expect(agreementTermText({ ...demo, validUntil: null }, today)).toBe('бессрочно');
  });

  it('is what the CLI prints for an ended term, not the stored «действует»', () => {
    expect(agreementsTable([demo])).toContain('срок истёк');
    expect(agreementsTable([demo])).not.toContain('действует');
    expect(agreementCard(demo)).toMatch(/Статус:\s+срок истёк/);
    expect(agreementCard({ ...demo, validUntil: addDays(todayIso(), 400) })).toMatch(/Статус:\s+действует/);
  });
});
