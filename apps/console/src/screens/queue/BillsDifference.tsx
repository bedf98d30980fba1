import { Alert, Group, Loader, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import Decimal from 'decimal.js';
import { useOpenBills, type Bill } from '../../api/remittances';
import { formatMoney } from '../../ui/money';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** remitted − open bills in the transfer's currency: positive is left over, negative is still owed */
export function openTotal(bills: Bill[], currency: string) {
  return bills.filter((b) => b.currency === currency).reduce((sum, b) => sum.plus(b.outstanding), new Decimal(0));
}

export function differenceText(difference: Decimal, currency: string) {
  if (difference.isZero()) return `Difference ${formatMoney('0', currency)}: pays the open bills exactly`;
  if (difference.isPositive()) return `Difference +${formatMoney(difference, currency)}: more than the open bills`;
  return `Difference −${formatMoney(difference.abs(), currency)}: less than the open bills`;
}

/** the chosen customer's open bills beside the transfer, with the difference as the customer changes */
export function BillsDifference(props: {
  customer: { id: string; name: string } | null;
  remittedAmount: string;
  currency: string;
  compact?: boolean;
}) {
  const bills = useOpenBills(props.customer?.id);
  if (!props.customer) return <Text c="dimmed">Pick a customer to see their open bills.</Text>;
  if (bills.isPending)
    return (
      <Group gap="xs">
        <Loader size="xs" aria-label="Loading open bills" />
        <Text size="sm">Loading open bills…</Text>
      </Group>
    );
  if (bills.isError)
    return (
      <Alert color="red" title="Could not load the open bills">
        {bills.error.message}
      </Alert>
    );
  const list = bills.data;
  const total = openTotal(list, props.currency);
  const difference = new Decimal(props.remittedAmount).minus(total);
  const otherCurrencies = list.filter((b) => b.currency !== props.currency);
  const figure = (label: string, value: string, testId?: string) => (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="sm" data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
  const signed = `${difference.isNegative() ? '−' : difference.isZero() ? '' : '+'}${formatMoney(difference.abs(), props.currency)}`;
  return (
    <div data-testid="bills-difference">
      {!props.compact && (
        <SimpleGrid cols={3} spacing="xs" mb="xs">
          {figure('This transfer', formatMoney(props.remittedAmount, props.currency))}
          {figure(
            `Open bills (${list.filter((b) => b.currency === props.currency).length})`,
            formatMoney(total, props.currency),
          )}
          {figure('Difference', signed, 'difference-amount')}
        </SimpleGrid>
      )}
      {!props.compact && list.length > 0 && (
        <ScrollRegion label={`Open bills of ${props.customer.name}, scrollable`}>
          <Table striped miw={340} aria-label={`Open bills of ${props.customer.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Bill</Table.Th>
                <Table.Th scope="col">Due</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col" ta="right">
                  Outstanding
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    {b.reference}{' '}
                    <Text span size="xs" c="dimmed">
                      ({b.billingCycle})
                    </Text>
                  </Table.Td>
                  <Table.Td>{b.dueDate ?? '—'}</Table.Td>
                  <Table.Td>{b.status.replace('_', ' ')}</Table.Td>
                  <Table.Td ta="right">{formatMoney(b.outstanding, b.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {!props.compact && list.length === 0 && <Text size="sm">{props.customer.name} has no open bills.</Text>}
      {props.compact && (
        <Text size="sm">
          Open bills of {props.customer.name}: <strong>{formatMoney(total, props.currency)}</strong> ({list.length} bill
          {list.length === 1 ? '' : 's'})
        </Text>
      )}
      <Text size="sm" fw={600} mt={4} data-testid="difference" aria-live="polite">
        {differenceText(difference, props.currency)}
      </Text>
      {otherCurrencies.length > 0 && (
        <Text size="xs" c="dimmed">
          {otherCurrencies.length} open bill(s) in another currency are not counted.
        </Text>
      )}
    </div>
  );
}
