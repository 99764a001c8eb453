import { describe, expect, it } from 'vitest';
import { monthKeys } from '../../shared/dates';

describe('monthKeys', () => {
  it('lists the months two dates span, across years, up to a limit', () => {
    expect(monthKeys('2021-11-20', '2022-02-03')).toEqual(['2021-11', '2021-12', '2022-01', '2022-02']);
    expect(monthKeys('2021-09-01', '2021-09-30')).toEqual(['2021-09']);
    expect(monthKeys('2000-01-01', '2099-12-31', 36)).toHaveLength(36);
  });
});
