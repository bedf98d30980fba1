import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Transfers (member console, `/billing/transfers`): to be built */
export function TransfersScreen() {
  const { t } = useTranslation('transfers');
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
    </Stack>
  );
}
