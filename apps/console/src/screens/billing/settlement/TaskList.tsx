import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSettlementTasks } from '../../../api/settlement-tasks';
import { QueryGate, ROOT, StatusBadge, TaskPager, formatWhen, useCursorStack } from './shared';

/** seed 001: "By default, the system lists them in descending order by creation time" (the API's order) */
export function TaskList() {
  const { t } = useTranslation('settlement');
  const pager = useCursorStack();
  const tasks = useSettlementTasks(pager.cursor);
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('title')}</Title>
        <Button component={Link} to={`${ROOT}/new`}>
          {t('list.create')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('intro')}
      </Text>
      <QueryGate query={tasks}>
        {tasks.data?.items.length === 0 ? (
          <Text>{t('list.empty')}</Text>
        ) : (
          <Table.ScrollContainer type="native" tabIndex={0} minWidth={720} aria-label={t('list.caption')}>
            <Table striped data-testid="settlement-task-list">
              <Table.Caption>{t('list.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.reference')}</Table.Th>
                  <Table.Th>{t('columns.name')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th>{t('columns.currency')}</Table.Th>
                  <Table.Th>{t('columns.createdAt')}</Table.Th>
                  <Table.Th>{t('columns.completedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tasks.data?.items.map((task) => (
                  <Table.Tr key={task.id} data-task={task.reference}>
                    <Table.Td>
                      <Anchor component={Link} to={`${ROOT}/${task.id}`} ff="monospace">
                        {task.reference}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{task.name}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={task.status} />
                    </Table.Td>
                    <Table.Td>{task.currency}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWhen(task.createdAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWhen(task.completedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <TaskPager pager={pager} nextCursor={tasks.data?.nextCursor} />
      </QueryGate>
    </Stack>
  );
}
