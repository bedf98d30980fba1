import { Title } from '@mantine/core';

export function CustomersScreen() {
  return <Title order={2}>Customers</Title>;
}
