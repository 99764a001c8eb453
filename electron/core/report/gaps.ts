// What the generator could not decide from the reference lists, gathered while a report is built: each
// entry once per field, with the guess the text used (the draft's one-click fix stores it).
import type { Ref } from '../../../shared/schema/reference';
import type { ReportGap } from '../../../shared/schema/report';

const GENDER_NAMES: Record<string, string> = { m: 'мужской', f: 'женский', n: 'средний', pl: 'множественное число' };

export class Gaps {
  private readonly found = new Map<string, ReportGap>();

  private add(ref: Ref, field: ReportGap['field'], guess: string | null, message: string): void {
    const key = `${ref.id}:${field}`;
    if (!this.found.has(key)) this.found.set(key, { refId: ref.id, refKind: ref.kind, name: ref.name, field, guess, message });
  }

  kindGender(ref: Ref, guess: string | null): void {
    this.add(ref, 'gender', guess, guess
      ? `Вид мероприятия «${ref.name}»: не указан род, в отчёте согласовано как ${GENDER_NAMES[guess] === 'множественное число' ? 'множественное число' : `${GENDER_NAMES[guess]} род`}.`
      : `Вид мероприятия «${ref.name}»: не указан род, и словарь его не определил.`);
  }

  partnerForm(ref: Ref, field: 'genitive' | 'instrumental', guess: string): void {
    const message = field === 'genitive'
      ? `«${ref.name}»: нет формы родительного падежа («кого? чего?»), в отчёте написано «${guess}».`
      : `«${ref.name}»: нет формы творительного падежа («кем? чем?») для заголовков выгрузки, предлагается «${guess}».`;
    this.add(ref, field, guess, message);
  }

  settlement(ref: Ref, guess: string): void {
    this.add(ref, 'settlement', guess, `Город «${ref.name}»: не указан тип населенного пункта, в отчёте написано «${guess}».`);
  }

  locative(ref: Ref, guess: string): void {
    this.add(ref, 'locative', guess, `Город «${ref.name}»: словарь не знает его формы «где?», в отчёте написано «в ${guess}».`);
  }

  list(): ReportGap[] {
    return [...this.found.values()];
  }
}
