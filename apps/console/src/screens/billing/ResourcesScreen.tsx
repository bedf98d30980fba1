import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Resources in arrears (member console, `/billing/resources`): to be built */
export function ResourcesScreen() {
  const { t } = useTranslation('resources');
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
    </Stack>
  );
}
