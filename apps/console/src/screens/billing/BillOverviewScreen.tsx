import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Bill overview (member console, `/billing/bills`): to be built */
export function BillOverviewScreen() {
  const { t } = useTranslation('bills');
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
    </Stack>
  );
}
