// Failed sign-ins counted by address: free up to a point, then a wait that doubles, forgotten on a
// success, and a bounded memory however many addresses try.
import { describe, expect, it } from 'vitest';
import { ADDRESS_FREE_FAILURES, createAddressLimit } from '../../electron/server/accounts/address-limit';

describe('the sign-in limit by address', () => {
  it('lets ten failures pass, then doubles the wait up to a quarter of an hour, and forgets them after a success', () => {
    let now = 0;
    const limit = createAddressLimit(() => now);
    for (let i = 0; i < ADDRESS_FREE_FAILURES; i++) limit.failed('10.0.0.7');
    expect(limit.wait('10.0.0.7')).toBe(0);
    const waits = [];
    for (let i = 0; i < 12; i++) {
      limit.failed('10.0.0.7');
      waits.push(limit.wait('10.0.0.7'));
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
    expect(limit.wait('10.0.0.8')).toBe(0);
    now += 899_500;
    expect(limit.wait('10.0.0.7')).toBe(1);
    now += 500;
    expect(limit.wait('10.0.0.7')).toBe(0);
    limit.succeeded('10.0.0.7');
    limit.failed('10.0.0.7');
    expect(limit.wait('10.0.0.7')).toBe(0);
  });

  it('remembers ten thousand addresses at most, forgetting the longest quiet first', () => {
    const limit = createAddressLimit(() => 0);
    const over = (address: string) => {
      for (let i = 0; i <= ADDRESS_FREE_FAILURES; i++) limit.failed(address);
    };
    over('first');
    for (let i = 0; i < 10_000; i++) limit.failed(`10.1.${Math.floor(i / 256)}.${i % 256}`);
    expect(limit.wait('first')).toBe(0);
    over('last');
    expect(limit.wait('last')).toBe(2);
  });
});
