import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Alerts and messages (member console, `/billing/messages`): to be built */
export function MessagesScreen() {
  const { t } = useTranslation('messages');
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
    </Stack>
  );
}
