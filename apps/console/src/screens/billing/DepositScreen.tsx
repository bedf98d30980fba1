import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Deposit (member console, `/billing/deposit`): to be built */
export function DepositScreen() {
  const { t } = useTranslation('deposit');
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
    </Stack>
  );
}
