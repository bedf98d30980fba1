import { Anchor, Badge, Checkbox, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Remittance } from '../../api/remittances';
import { formatMoney } from '../../ui/money';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { formatAge, formatDateTime } from '../../ui/time';
import { flagLabel } from './QueueFiltersBar';

export function QueueTable(props: {
  items: Remittance[];
  currentId: string | undefined;
  checked: Set<string>;
  pendingIds: Set<string>;
  linkTo: (id: string) => string;
  onToggle: (index: number, shift: boolean) => void;
  onToggleAll: () => void;
  onRowClick: (id: string) => void;
}) {
  const all = props.items.length > 0 && props.items.every((r) => props.checked.has(r.id));
  const some = props.items.some((r) => props.checked.has(r.id));
  return (
    <ScrollRegion label="Unmatched remittances, scrollable">
      <Table highlightOnHover verticalSpacing="xs" miw={760} aria-label="Unmatched remittances">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={36}>
              <Checkbox
                aria-label="Select all loaded remittances"
                checked={all}
                indeterminate={some && !all}
                onChange={props.onToggleAll}
              />
            </Table.Th>
            <Table.Th scope="col">Received</Table.Th>
            <Table.Th scope="col">Remitter</Table.Th>
            <Table.Th scope="col" ta="right">
              Amount
            </Table.Th>
            <Table.Th scope="col">Reference</Table.Th>
            <Table.Th scope="col">Rule / flags</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((r, i) => {
            const current = r.id === props.currentId;
            const name = r.remitterName ?? 'Unknown remitter';
            return (
              <Table.Tr
                key={r.id}
                data-testid="queue-row"
                data-id={r.id}
                aria-current={current ? 'true' : undefined}
                bg={current ? 'var(--mantine-color-gray-1)' : undefined}
                style={{ cursor: 'pointer', outline: current ? '2px solid var(--mantine-color-teal-7)' : undefined }}
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('input,a,button')) return;
                  props.onRowClick(r.id);
                }}
              >
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${name} ${formatMoney(r.remittedAmount, r.currency)}`}
                    checked={props.checked.has(r.id)}
                    onChange={() => undefined}
                    onClick={(e) => props.onToggle(i, e.shiftKey)}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={formatDateTime(r.createdAt)}>
                    {formatAge(r.createdAt)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.valueDate ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={props.linkTo(r.id)}
                    size="sm"
                    c="var(--mantine-color-text)"
                    fw={current ? 700 : 500}
                    underline="always"
                  >
                    {name}
                  </Anchor>
                  {r.remitterAccount && (
                    <Text size="xs" c="dimmed">
                      {r.remitterAccount}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={600}>
                    {formatMoney(r.remittedAmount, r.currency)}
                  </Text>
                  {r.rail && (
                    <Text size="xs" c="dimmed">
                      {r.rail}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={260}>
                  <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                    {r.remittanceInformation ?? r.bankReference ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{r.rule.replace(/_/g, ' ')}</Text>
                  <Group gap={4}>
                    {r.flags.map((f) => (
                      <Badge key={f} size="xs" variant="default">
                        {flagLabel(f)}
                      </Badge>
                    ))}
                    {props.pendingIds.has(r.id) && (
                      <Badge size="xs" variant="filled" color="gray.7">
                        pending
                      </Badge>
                    )}
                    {(r.commentCount ?? 0) > 0 && (
                      <Badge size="xs" variant="default">
                        {r.commentCount} comment{r.commentCount === 1 ? '' : 's'}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.owner?.name ?? '—'}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
