import { Title } from '@mantine/core';

/** Password, two-factor enrolment, sign out everywhere. */
export function AccountScreen({ enrolmentRequired = false }: { enrolmentRequired?: boolean }) {
  return <Title order={2}>{enrolmentRequired ? 'Set up two-factor authentication' : 'My account'}</Title>;
}
