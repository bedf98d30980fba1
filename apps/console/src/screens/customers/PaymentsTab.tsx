import { Alert, Badge, Stack, Table, Text, Title } from '@mantine/core';
import type { Customer } from '../../api/customers';
import { useGatewayPayments, usePaygAccount, usePaymentMethods } from '../../api/payments';
import { formatDateTime, formatMoney, humanize } from './format';
import { QueryState } from './QueryState';

const nowrap = { whiteSpace: 'nowrap' } as const;
const paymentColor = (status: string) =>
  ({ succeeded: 'teal.9', pending: 'blue.9', retry_scheduled: 'violet.9', failed: 'red.9' })[status] ?? 'gray.8';

/** "monthly, 15 calendar days" */
export const paymentTermsLabel = (t: Customer['paymentTerms']) =>
  `${t.settlementCycle}, ${t.paymentPeriodDays} ${t.paymentPeriodKind} day${t.paymentPeriodDays === 1 ? '' : 's'}`;

/**
 * How the customer pays (seed 000): its payment terms on credit control; otherwise the default
 * method pay-as-you-go fees are deducted from, the threshold, what is unpaid, arrears; and every
 * payment through the gateway with its state (a pending one must not be paid twice).
 */
export function PaymentsTab({ customer: c }: { customer: Customer }) {
  const methods = usePaymentMethods(c.id);
  const payg = usePaygAccount(c.id);
  const payments = useGatewayPayments(c.id);
  const account = payg.data;
  return (
    <Stack gap="lg">
      <section aria-labelledby="how-title">
        <Title order={3} id="how-title" mb="xs">
          How this customer pays
        </Title>
        {c.creditControl ? (
          <Text data-testid="how-it-pays">
            On credit control: monthly bills due under the payment terms <b>{paymentTermsLabel(c.paymentTerms)}</b>.
          </Text>
        ) : (
          <QueryState query={payg} label="the pay-as-you-go account">
            {account && (
              <Stack gap={4} data-testid="how-it-pays">
                <Text>
                  Pay-as-you-go: fees are deducted from the default payment method{' '}
                  {account.effectiveThreshold
                    ? `when they reach ${formatMoney(account.effectiveThreshold, account.currency)} ${account.currency}, and at month end`
                    : 'at month end'}
                  .
                </Text>
                <Text size="sm">
                  Unpaid now:{' '}
                  {account.unpaid.length
                    ? account.unpaid.map((u) => `${formatMoney(u.amount, u.currency)} ${u.currency}`).join(', ')
                    : 'nothing'}
                </Text>
                {account.inArrears && (
                  <Alert color="red.9" title="In arrears" role="status">
                    Automatic deduction failed after every retry (since {formatDateTime(account.arrearsSince)}).
                  </Alert>
                )}
                {!account.defaultMethod && (
                  <Alert color="orange.9" title="No default payment method" role="status">
                    Nothing can be deducted until the customer links a card or PayPal.
                  </Alert>
                )}
              </Stack>
            )}
          </QueryState>
        )}
      </section>

      <section aria-labelledby="methods-title">
        <Title order={3} id="methods-title" mb="xs">
          Payment methods
        </Title>
        <QueryState query={methods} label="the payment methods">
          {methods.data?.items.length === 0 ? (
            <Text c="dimmed">No card or PayPal account linked.</Text>
          ) : (
            <Table.ScrollContainer type="native" tabIndex={0} minWidth={480}>
              <Table>
                <Table.Caption>Only the gateway's token, brand, last four digits and expiry are kept</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Method</Table.Th>
                    <Table.Th>Number</Table.Th>
                    <Table.Th>Expiry</Table.Th>
                    <Table.Th>Linked</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {methods.data?.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        {m.kind === 'paypal' ? 'PayPal' : humanize(m.brand)}{' '}
                        {m.isDefault && (
                          <Badge variant="outline" color="teal.9">
                            default
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ff="monospace">{m.last4 ? `•••• ${m.last4}` : '—'}</Table.Td>
                      <Table.Td>{m.expiry ?? '—'}</Table.Td>
                      <Table.Td style={nowrap}>{formatDateTime(m.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </section>

      <section aria-labelledby="gateway-title">
        <Title order={3} id="gateway-title" mb="xs">
          Payments through the gateway
        </Title>
        <QueryState query={payments} label="the gateway payments">
          {payments.data?.items.length === 0 ? (
            <Text c="dimmed">None yet.</Text>
          ) : (
            <Table.ScrollContainer type="native" tabIndex={0} minWidth={640}>
              <Table>
                <Table.Caption>Deductions and bill payments, newest first</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Started</Table.Th>
                    <Table.Th>For</Table.Th>
                    <Table.Th>Channel</Table.Th>
                    <Table.Th ta="right">Amount</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {payments.data?.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td style={nowrap}>{formatDateTime(p.createdAt)}</Table.Td>
                      <Table.Td>
                        {{ payg_threshold: 'threshold reached', payg_month_end: 'month end', bill: 'a bill' }[
                          p.purpose
                        ] ?? p.purpose}
                      </Table.Td>
                      <Table.Td>{p.channel === 'paypal' ? 'PayPal' : 'Card'}</Table.Td>
                      <Table.Td ta="right" ff="monospace" style={nowrap}>
                        {formatMoney(p.amount, p.currency)} {p.currency}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="outline" color={paymentColor(p.status)}>
                          {humanize(p.status)}
                        </Badge>
                        {p.status === 'pending' && <Text size="xs">result not known yet: do not pay again</Text>}
                        {p.lastError && <Text size="xs">{p.lastError}</Text>}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </section>
    </Stack>
  );
}
