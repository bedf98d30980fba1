import { Title } from '@mantine/core';

export function QueueScreen() {
  return <Title order={2}>Queue</Title>;
}
