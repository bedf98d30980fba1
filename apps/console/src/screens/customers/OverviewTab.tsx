import { Badge, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { Customer } from '../../api/customers';
import { formatDateTime, formatMoney, humanize, isNegative } from './format';
import { paymentTermsLabel } from './PaymentsTab';

/** Balances exactly as the API gives them (available credit = cash + limit − frozen), then the settings. */
export function OverviewTab({ customer: c }: { customer: Customer }) {
  const parts = c.availableCreditParts;
  const figures = [
    { label: 'Cash balance', value: parts.cashBalance, testId: 'cash-balance' },
    { label: 'Credit limit', value: parts.creditLimit, testId: 'credit-limit' },
    { label: 'Frozen', value: parts.frozenAmount, testId: 'frozen-amount' },
    { label: 'Available credit', value: parts.availableCredit, testId: 'available-credit' },
  ];
  const cards = c.balances.filter((b) => b.balance === 'stored_value_card');
  return (
    <Stack gap="lg">
      <section aria-labelledby="balances-title">
        <Title order={3} id="balances-title" mb="xs">
          Balances
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          {figures.map((f) => (
            <Card key={f.label} withBorder>
              <Text size="sm" c="dimmed">
                {f.label}
              </Text>
              <Text size="xl" fw={700} c={isNegative(f.value) ? 'red.8' : undefined} data-testid={f.testId}>
                {formatMoney(f.value, c.currency)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
        <Text size="sm" mt="xs">
          Available credit = cash balance + credit limit − frozen amount ({formatMoney(parts.cashBalance)} +{' '}
          {formatMoney(parts.creditLimit)} − {formatMoney(parts.frozenAmount)} = {formatMoney(parts.availableCredit)}{' '}
          {c.currency})
        </Text>
      </section>

      <section aria-labelledby="other-balances-title">
        <Title order={3} id="other-balances-title" mb="xs">
          Other balances
        </Title>
        <Table.ScrollContainer type="native" tabIndex={0} minWidth={360}>
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">Refunds not yet used</Table.Th>
                <Table.Td ta="right">{formatMoney(c.refundBalance, c.currency)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Stored-value cards</Table.Th>
                <Table.Td ta="right">{formatMoney(c.storedValueCardBalance, c.currency)}</Table.Td>
              </Table.Tr>
              {cards.map((card) => (
                <Table.Tr key={card.cardId}>
                  <Table.Th scope="row" fw="normal" pl="xl">
                    card for {card.validMonth}
                  </Table.Th>
                  <Table.Td ta="right">{formatMoney(card.amount, card.currency)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">Bills paid, in total</Table.Th>
                <Table.Td ta="right">{formatMoney(c.billsPaid, c.currency)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>

      <section aria-labelledby="settings-title">
        <Title order={3} id="settings-title" mb="xs">
          Settings
        </Title>
        <Table.ScrollContainer type="native" tabIndex={0} minWidth={360}>
          <Table>
            <Table.Tbody>
              <Setting label="Billing currency" value={c.currency} />
              <Setting label="Credit control" value={<YesNo on={c.creditControl} />} />
              {c.creditControl && <Setting label="Payment terms" value={paymentTermsLabel(c.paymentTerms)} />}
              <Setting label="Automatic bill settlement" value={<YesNo on={c.autoBillSettlement} />} />
              <Setting label="Last bill may be partly paid" value={<YesNo on={c.partialLastBill} />} />
              <Setting label="Refunds settle earlier cycles" value={<YesNo on={c.settlePastBillsWithRefunds} />} />
              <Setting label="Customer since" value={formatDateTime(c.createdAt)} />
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
    </Stack>
  );
}

function Setting({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}

const YesNo = ({ on }: { on: boolean }) => (
  <Badge variant="outline" color={on ? 'teal.9' : 'gray.8'}>
    {on ? 'on' : 'off'}
  </Badge>
);

export const statusColor = (status: string) =>
  ({ settled: 'teal.9', partly_paid: 'violet.9', overdue: 'red.9', unsettled: 'blue.9' })[status] ?? 'gray.8';

export const StatusBadge = ({ status }: { status: string }) => (
  <Badge variant="outline" color={statusColor(status)} styles={{ label: { overflow: 'visible' } }}>
    {humanize(status)}
  </Badge>
);
