import { Title } from '@mantine/core';

export function BankScreen() {
  return <Title order={2}>Bank</Title>;
}
