import { Title } from '@mantine/core';

export function CustomerScreen() {
  return <Title order={2}>Customer</Title>;
}
