// Bands above a month or week grid for events known only to a month, a quarter or a year: they are
// not pinned to the first day, as if held on it.
import { Button, Group, Text } from '@mantine/core';
import type { DateRange } from '../../../shared/dates';
import type { ViewProps } from './view-props';
import { EventChip } from './EventChip';
import { BAND_TITLES, bandsOf } from './groups';

interface Props extends Omit<ViewProps, 'deadlines'> {
  range: DateRange;
  /** Shows them all: the agenda of the view's period. */
  onMore: () => void;
}

/** Chips a band shows before «+N ещё»: the grid keeps most of the screen. */
const SHOWN = 12;

export function PrecisionBands({ events, range, colors, matches, onOpen, onMore }: Props) {
  const bands = bandsOf(events, range);
  if (bands.length === 0) return null;
  return (
    <div className="reestr-bands">
      {bands.map((band) => (
        <Group key={band.precision} gap={6} wrap="wrap" align="center" className="reestr-band" data-testid={`band-${band.precision}`}>
          <Text size="sm" fw={600} w={150} className="reestr-band-title">{BAND_TITLES[band.precision]}</Text>
          {band.events.slice(0, SHOWN).map((e) => <EventChip key={e.id} event={e} colors={colors} matches={matches} withDates onOpen={onOpen} />)}
          {band.events.length > SHOWN && <Button size="compact-sm" variant="subtle" onClick={onMore}>+{band.events.length - SHOWN} ещё</Button>}
        </Group>
      ))}
    </div>
  );
}
