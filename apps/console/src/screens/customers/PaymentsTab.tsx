import { Alert, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/customers';
import { useGatewayPayments, usePaygAccount, usePaymentMethods } from '../../api/payments';
import { i18n } from '../../i18n';
import { formatDateTime, formatMoney, humanize } from './format';
import { QueryState } from './QueryState';

const nowrap = { whiteSpace: 'nowrap' } as const;
const paymentColor = (status: string) =>
  ({ succeeded: 'teal.9', pending: 'blue.9', retry_scheduled: 'violet.9', failed: 'red.9' })[status] ?? 'gray.8';

/** "monthly, 15 calendar days" (按月，15 个自然日) */
export const paymentTermsLabel = (terms: Customer['paymentTerms']) =>
  i18n.t(`payments.terms.${terms.paymentPeriodKind}`, {
    ns: 'customer',
    cycle: i18n.t(`payments.cycles.${terms.settlementCycle}`, { ns: 'customer', defaultValue: terms.settlementCycle }),
    count: terms.paymentPeriodDays,
  });

/**
 * How the customer pays (seed 000): its payment terms on credit control; otherwise the default
 * method pay-as-you-go fees are deducted from, the threshold, what is unpaid, arrears; and every
 * payment through the gateway with its state (a pending one must not be paid twice).
 */
export function PaymentsTab({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation('customer');
  const methods = usePaymentMethods(c.id);
  const payg = usePaygAccount(c.id);
  const payments = useGatewayPayments(c.id);
  const account = payg.data;
  return (
    <Stack gap="lg">
      <section aria-labelledby="how-title">
        <Title order={3} id="how-title" mb="xs">
          {t('payments.how')}
        </Title>
        {c.creditControl ? (
          <Text data-testid="how-it-pays">
            {t('payments.creditControlBefore')}
            <b>{paymentTermsLabel(c.paymentTerms)}</b>
            {t('payments.creditControlAfter')}
          </Text>
        ) : (
          <QueryState query={payg} label={t('payments.paygWhat')}>
            {account && (
              <Stack gap={4} data-testid="how-it-pays">
                <Text>
                  {account.effectiveThreshold
                    ? t('payments.paygThreshold', {
                        threshold: `${formatMoney(account.effectiveThreshold, account.currency)} ${account.currency}`,
                      })
                    : t('payments.paygMonthEnd')}
                </Text>
                <Text size="sm">
                  {t('payments.unpaid', {
                    amounts: account.unpaid.length
                      ? account.unpaid.map((u) => `${formatMoney(u.amount, u.currency)} ${u.currency}`).join(', ')
                      : t('payments.nothing'),
                  })}
                </Text>
                {account.inArrears && (
                  <Alert color="red.9" title={t('payments.arrears')} role="status">
                    {t('payments.arrearsText', { since: formatDateTime(account.arrearsSince) })}
                  </Alert>
                )}
                {!account.defaultMethod && (
                  <Alert color="orange.9" title={t('payments.noDefault')} role="status">
                    {t('payments.noDefaultText')}
                  </Alert>
                )}
              </Stack>
            )}
          </QueryState>
        )}
      </section>

      <section aria-labelledby="methods-title">
        <Title order={3} id="methods-title" mb="xs">
          {t('payments.methods')}
        </Title>
        <QueryState query={methods} label={t('payments.methodsWhat')}>
          {methods.data?.items.length === 0 ? (
            <Text c="dimmed">{t('payments.noMethods')}</Text>
          ) : (
            <Table.ScrollContainer type="native" tabIndex={0} minWidth={480}>
              <Table>
                <Table.Caption>{t('payments.methodsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cols.method')}</Table.Th>
                    <Table.Th>{t('payments.number')}</Table.Th>
                    <Table.Th>{t('payments.expiry')}</Table.Th>
                    <Table.Th>{t('payments.linked')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {methods.data?.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        {m.kind === 'paypal' ? 'PayPal' : humanize(m.brand)}{' '}
                        {m.isDefault && (
                          <Badge variant="outline" color="teal.9">
                            {t('payments.default')}
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
          {t('payments.gateway')}
        </Title>
        <QueryState query={payments} label={t('payments.gatewayWhat')}>
          {payments.data?.items.length === 0 ? (
            <Text c="dimmed">{t('payments.noneYet')}</Text>
          ) : (
            <Table.ScrollContainer type="native" tabIndex={0} minWidth={640}>
              <Table>
                <Table.Caption>{t('payments.gatewayCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('payments.started')}</Table.Th>
                    <Table.Th>{t('payments.for')}</Table.Th>
                    <Table.Th>{t('payments.channel')}</Table.Th>
                    <Table.Th ta="right">{t('cols.amount')}</Table.Th>
                    <Table.Th>{t('cols.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {payments.data?.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td style={nowrap}>{formatDateTime(p.createdAt)}</Table.Td>
                      <Table.Td>{t(`payments.purposes.${p.purpose}`, { defaultValue: p.purpose })}</Table.Td>
                      <Table.Td>{p.channel === 'paypal' ? 'PayPal' : t('payments.card')}</Table.Td>
                      <Table.Td ta="right" ff="monospace" style={nowrap}>
                        {formatMoney(p.amount, p.currency)} {p.currency}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="outline" color={paymentColor(p.status)}>
                          {humanize(p.status)}
                        </Badge>
                        {p.status === 'pending' && <Text size="xs">{t('payments.pendingNote')}</Text>}
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
