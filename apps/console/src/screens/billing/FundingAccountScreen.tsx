import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Funding account (member console, `/billing/funding`): to be built */
export function FundingAccountScreen() {
  const { t } = useTranslation('funding');
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
    </Stack>
  );
}
