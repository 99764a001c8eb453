// The «Департамент» card of Настройки: the home region and country the reports speak from, the department's
// name and the person responsible, for the footers of its documents.
import { Alert, Autocomplete, Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { DepartmentSettings } from '../../../shared/schema/department';
import type { Ref } from '../../../shared/schema/reference';
import { call } from '../../api/client';
import { errorMessage } from '../../api/notifyError';
import { useAllowed } from '../../api/useAllowed';
import { whoMayCall } from '../../api/allowed';
import { useRefNames } from '../../components/useRefNames';

type Draft = Record<Exclude<keyof DepartmentSettings, 'homeRegionGenitive'>, string>;

const toDraft = (s: DepartmentSettings): Draft => ({
  homeRegion: s.homeRegion,
  homeCountry: s.homeCountry,
  departmentName: s.departmentName ?? '',
  responsibleName: s.responsibleName ?? '',
  responsiblePhone: s.responsiblePhone ?? '',
});

export function DepartmentCard() {
  const [saved, setSaved] = useState<Draft | null>(null);
  const [genitive, setGenitive] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [regions, setRegions] = useState<Ref[]>([]);
  const countries = useRefNames('country');
  // The department's settings are the administrator's on the department server: others read them.
  const mayChange = useAllowed()('settings.setDepartment');
  const readOnly = !mayChange;

  useEffect(() => {
    call('refs.list', { kind: 'region', withUsage: false }).then(setRegions, () => setRegions([]));
    call('settings.department', {}).then(
      (s) => {
        setGenitive(s.homeRegionGenitive);
        setSaved(toDraft(s));
        setDraft(toDraft(s));
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);

  if (!draft || !saved) return error ? <Alert color="red">{error}</Alert> : null;
  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  // A region of the list brings its own country: the two cannot disagree.
  const pickRegion = (homeRegion: string) => {
    const country = regions.find((r) => r.name === homeRegion)?.parentName;
    set(country ? { homeRegion, homeCountry: country } : { homeRegion });
  };
  const changed = (Object.keys(draft) as (keyof Draft)[]).some((k) => draft[k] !== saved[k]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const settings = await call('settings.setDepartment', { ...draft });
      const next = toDraft(settings);
      setGenitive(settings.homeRegionGenitive);
      setSaved(next);
      setDraft(next);
      notifications.show({ color: 'green', message: 'Настройки департамента сохранены.' });
    } catch (e) {
      setError(errorMessage(e));
    }
    setBusy(false);
  };

  return (
    <Stack gap="xs" data-testid="department-settings">
      <Title order={4}>Департамент</Title>
      <Text size="sm">
        Домашний регион стоит в заголовке отчёта, а города своего региона отчёт называет без уточнения «(регион, страна)».
        {mayChange && ' Если региона нет в справочнике, он будет добавлен в справочник регионов указанной страны.'}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Autocomplete label="Домашний регион" required readOnly={readOnly} data={regions.map((r) => r.name)} value={draft.homeRegion} onChange={pickRegion} />
            <Autocomplete label="Страна" required readOnly={readOnly} data={countries} value={draft.homeCountry} onChange={(homeCountry) => set({ homeCountry })} />
          </SimpleGrid>
          <TextInput
            label="Наименование департамента"
            readOnly={readOnly}
            description="Для подписи документов"
            value={draft.departmentName}
            onChange={(e) => set({ departmentName: e.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Ответственный (ФИО)" readOnly={readOnly} value={draft.responsibleName} onChange={(e) => set({ responsibleName: e.currentTarget.value })} />
            <TextInput label="Телефон ответственного" readOnly={readOnly} placeholder={mayChange ? '+7 (4812) 29-10-00' : undefined} value={draft.responsiblePhone} onChange={(e) => set({ responsiblePhone: e.currentTarget.value })} />
          </SimpleGrid>
          {genitive === null && !changed && mayChange && (
            <Alert color="yellow" data-testid="home-genitive-missing">
              У региона «{saved.homeRegion}» в справочнике регионов не указан родительный падеж: заголовок отчёта не сможет его
              склонить («сотрудничестве {saved.homeRegion}»). Укажите его в разделе Справочники.
            </Alert>
          )}
          {error && <Alert color="red">{error}</Alert>}
          {mayChange ? (
            <Group>
              <Button type="submit" loading={busy} disabled={!changed}>Сохранить настройки департамента</Button>
              {changed && <Button variant="subtle" disabled={busy} onClick={() => { setDraft(saved); setError(null); }}>Отменить изменения</Button>}
            </Group>
          ) : <Text size="sm" c="dimmed">Изменять настройки департамента вам не разрешено. {whoMayCall('settings.setDepartment')}</Text>}
        </Stack>
      </form>
    </Stack>
  );
}
