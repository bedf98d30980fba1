import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Unified settlement (member console, `/billing/settlement-tasks`): to be built */
export function SettlementTasksScreen() {
  const { t } = useTranslation('settlement');
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
    </Stack>
  );
}
