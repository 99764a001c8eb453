// A button the role may not press, where hiding it would confuse (a clerk who imported looks for its undo):
// shown disabled, its tooltip naming the role that may.
import { Button, Tooltip, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Role } from '../../shared/schema/account';
import { whoMay } from '../api/allowed';

export function LockedButton({ needed, children, ...props }: ButtonProps & { needed: Role; children: ReactNode }) {
  // data-disabled rather than disabled: a disabled button hears no hover, and the tooltip would never show.
  return (
    <Tooltip label={whoMay(needed)}>
      <Button {...props} data-disabled aria-disabled onClick={(e) => e.preventDefault()}>{children}</Button>
    </Tooltip>
  );
}
