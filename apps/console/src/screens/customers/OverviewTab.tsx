import { Badge, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/customers';
import { formatDateTime, formatMoney, humanize, isNegative } from './format';
import { paymentTermsLabel } from './PaymentsTab';

/** Balances exactly as the API gives them (available credit = cash + limit − frozen), then the settings. */
export function OverviewTab({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation('customer');
  const parts = c.availableCreditParts;
  const figures = [
    { label: t('overview.cash'), value: parts.cashBalance, testId: 'cash-balance' },
    { label: t('overview.limit'), value: parts.creditLimit, testId: 'credit-limit' },
    { label: t('overview.frozen'), value: parts.frozenAmount, testId: 'frozen-amount' },
    { label: t('overview.available'), value: parts.availableCredit, testId: 'available-credit' },
  ];
  const cards = c.balances.filter((b) => b.balance === 'stored_value_card');
  return (
    <Stack gap="lg">
      <section aria-labelledby="balances-title">
        <Title order={3} id="balances-title" mb="xs">
          {t('overview.balances')}
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
          {t('overview.formula', {
            cash: formatMoney(parts.cashBalance),
            limit: formatMoney(parts.creditLimit),
            frozen: formatMoney(parts.frozenAmount),
            available: formatMoney(parts.availableCredit),
            currency: c.currency,
          })}
        </Text>
      </section>

      <section aria-labelledby="other-balances-title">
        <Title order={3} id="other-balances-title" mb="xs">
          {t('overview.other')}
        </Title>
        <Table.ScrollContainer type="native" tabIndex={0} minWidth={360}>
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('overview.refunds')}</Table.Th>
                <Table.Td ta="right">{formatMoney(c.refundBalance, c.currency)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('overview.cards')}</Table.Th>
                <Table.Td ta="right">{formatMoney(c.storedValueCardBalance, c.currency)}</Table.Td>
              </Table.Tr>
              {cards.map((card) => (
                <Table.Tr key={card.cardId}>
                  <Table.Th scope="row" fw="normal" pl="xl">
                    {t('overview.cardFor', { month: card.validMonth })}
                  </Table.Th>
                  <Table.Td ta="right">{formatMoney(card.amount, card.currency)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{t('overview.billsPaid')}</Table.Th>
                <Table.Td ta="right">{formatMoney(c.billsPaid, c.currency)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>

      <section aria-labelledby="settings-title">
        <Title order={3} id="settings-title" mb="xs">
          {t('overview.settings')}
        </Title>
        <Table.ScrollContainer type="native" tabIndex={0} minWidth={360}>
          <Table>
            <Table.Tbody>
              <Setting label={t('overview.currency')} value={c.currency} />
              <Setting label={t('overview.creditControl')} value={<YesNo on={c.creditControl} />} />
              {c.creditControl && (
                <Setting label={t('overview.paymentTerms')} value={paymentTermsLabel(c.paymentTerms)} />
              )}
              <Setting label={t('overview.autoSettlement')} value={<YesNo on={c.autoBillSettlement} />} />
              <Setting label={t('overview.partialLastBill')} value={<YesNo on={c.partialLastBill} />} />
              <Setting label={t('overview.pastBills')} value={<YesNo on={c.settlePastBillsWithRefunds} />} />
              <Setting label={t('overview.since')} value={formatDateTime(c.createdAt)} />
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

function YesNo({ on }: { on: boolean }) {
  const { t } = useTranslation('customer');
  return (
    <Badge variant="outline" color={on ? 'teal.9' : 'gray.8'}>
      {on ? t('on') : t('off')}
    </Badge>
  );
}

export const statusColor = (status: string) =>
  ({ settled: 'teal.9', partly_paid: 'violet.9', overdue: 'red.9', unsettled: 'blue.9' })[status] ?? 'gray.8';

export const StatusBadge = ({ status }: { status: string }) => (
  <Badge variant="outline" color={statusColor(status)} styles={{ label: { overflow: 'visible' } }}>
    {humanize(status)}
  </Badge>
);
