// Names of a reference list for pickers, loaded once per mount.
import { useEffect, useState } from 'react';
import type { RefKind } from '../../shared/schema/reference';
import { call } from '../api/client';

export function useRefNames(...kinds: RefKind[]): string[] {
  const key = kinds.join(',');
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    Promise.all(key.split(',').map((kind) => call('refs.list', { kind: kind as RefKind }))).then(
      (lists) => live && setNames([...new Set(lists.flat().map((r) => r.name))]),
      () => live && setNames([]),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}
