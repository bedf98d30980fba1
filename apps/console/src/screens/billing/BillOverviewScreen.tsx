import { Alert, Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  BILL_STATUS_FILTERS,
  isPendingPayment,
  useBillGatewayPayments,
  useMemberBills,
  type Bill,
} from '../../api/bills';
import { useSession } from '../../api/session';
import { formatMoney } from '../../ui/money';
import { useCursorPager } from '../customers/Pager';
import { BillsPager, Loading, LoadError } from './bills/BillsParts';
import { formatCycle, formatDay } from './bills/bill-format';
import { PayBillDrawer } from './bills/PayBillDrawer';
import { PayCycleDrawer } from './bills/PayCycleDrawer';
import { RepaymentDrawer } from './bills/RepaymentDrawer';
import { WhyUnsettledPanel } from './bills/WhyUnsettledPanel';

const nowrap = { whiteSpace: 'nowrap' } as const;
const STATUS_COLOR: Record<Bill['status'], string> = {
  settled: 'teal.9',
  partly_paid: 'blue.9',
  unsettled: 'grape.9',
  overdue: 'red.9',
};

export function BillStatusBadge({ status }: { status: Bill['status'] }) {
  const { t } = useTranslation('bills');
  return (
    <Badge variant="outline" color={STATUS_COLOR[status]}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/**
 * Bill Overview (seed 000, member console, `/billing/bills`): the customer's monthly bills by
 * billing cycle with amount, amount paid and outstanding; "View details" opens the repayment
 * drawer, "Why is this bill unsettled?" answers in place, Pay Bill and pay by billing cycle open
 * their drawers. `?bill=<id>` opens a bill's repayment details directly.
 */
export function BillOverviewScreen() {
  const { t } = useTranslation('bills');
  const customerId = useSession().data?.user.customerId ?? '';
  const [status, setStatus] = useState('all');
  const [cycle, setCycle] = useState('');
  const pager = useCursorPager();
  const validCycle = /^\d{4}-(0[1-9]|1[0-2])$/.test(cycle) ? cycle : null;
  const bills = useMemberBills({ status: status === 'all' ? null : status, billingCycle: validCycle }, pager.cursor);
  const payments = useBillGatewayPayments(customerId);
  const [params, setParams] = useSearchParams();
  const detailsOf = params.get('bill');
  const [why, setWhy] = useState<string | null>(null);
  const [paying, setPaying] = useState<Bill | null>(null);
  const [payingCycle, setPayingCycle] = useState(false);
  const pendingFor = (billId: string) =>
    (payments.data?.items ?? []).filter((p) => p.billId === billId && isPendingPayment(p));
  const openDetails = (billId: string | null) => setParams(billId ? { bill: billId } : {}, { replace: true });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('title')}</Title>
        <Button variant="default" onClick={() => setPayingCycle(true)}>
          {t('cycle.open')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('intro')}
      </Text>
      <Group align="flex-end">
        <Select
          label={t('filter.status')}
          data={[
            { value: 'all', label: t('filter.all') },
            ...BILL_STATUS_FILTERS.map((s) => ({ value: s, label: t(`filter.${s}`) })),
          ]}
          value={status}
          onChange={(v) => {
            setStatus(v ?? 'all');
            pager.reset();
          }}
          allowDeselect={false}
          w={220}
        />
        <TextInput
          label={t('filter.cycle')}
          type="month"
          value={cycle}
          onChange={(e) => {
            setCycle(e.currentTarget.value);
            pager.reset();
          }}
          w={200}
        />
        {cycle && (
          <Button variant="subtle" onClick={() => setCycle('')}>
            {t('filter.clearCycle')}
          </Button>
        )}
      </Group>
      {bills.isPending ? (
        <Loading label={t('loading.bills')} />
      ) : bills.error ? (
        <LoadError title={t('error.bills')} error={bills.error} />
      ) : bills.data.items.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Table.ScrollContainer type="native" tabIndex={0} minWidth={1080} aria-label={t('table.caption')}>
          <Table>
            <Table.Caption>{t('table.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('table.cycle')}</Table.Th>
                <Table.Th>{t('table.bill')}</Table.Th>
                <Table.Th>{t('table.due')}</Table.Th>
                <Table.Th ta="right">{t('table.amount')}</Table.Th>
                <Table.Th ta="right">{t('table.paid')}</Table.Th>
                <Table.Th ta="right">{t('table.outstanding')}</Table.Th>
                <Table.Th>{t('table.status')}</Table.Th>
                <Table.Th>{t('table.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bills.data.items.map((b) => {
                const pending = pendingFor(b.id);
                return (
                  <Fragment key={b.id}>
                    <Table.Tr data-testid={`bill-${b.reference}`}>
                      <Table.Td style={nowrap}>{formatCycle(b.billingCycle)}</Table.Td>
                      <Table.Td ff="monospace" style={nowrap}>
                        {b.reference}
                      </Table.Td>
                      <Table.Td style={nowrap}>{formatDay(b.dueDate)}</Table.Td>
                      <Table.Td ta="right" style={nowrap}>
                        {formatMoney(b.amount, b.currency)}
                      </Table.Td>
                      <Table.Td ta="right" style={nowrap}>
                        <Stack gap={0} align="flex-end">
                          <span>{formatMoney(b.paid, b.currency)}</span>
                          <Anchor
                            component="button"
                            type="button"
                            size="sm"
                            onClick={() => openDetails(b.id)}
                            aria-label={t('details.openFor', { reference: b.reference })}
                          >
                            {t('details.open')}
                          </Anchor>
                        </Stack>
                      </Table.Td>
                      <Table.Td ta="right" style={nowrap}>
                        {formatMoney(b.outstanding, b.currency)}
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4} align="flex-start">
                          <BillStatusBadge status={b.status} />
                          {pending.length > 0 && (
                            <Badge variant="outline" color="red.9" data-testid="payment-pending">
                              {t('pending.badge')}
                            </Badge>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {b.status !== 'settled' && (
                            <Button
                              size="compact-sm"
                              onClick={() => setPaying(b)}
                              aria-label={t('pay.openFor', { reference: b.reference })}
                            >
                              {t('pay.open')}
                            </Button>
                          )}
                          {b.status !== 'settled' && (
                            <Button
                              size="compact-sm"
                              variant="default"
                              aria-expanded={why === b.id}
                              aria-controls={`why-${b.id}`}
                              aria-label={t('why.openFor', { reference: b.reference })}
                              onClick={() => setWhy(why === b.id ? null : b.id)}
                            >
                              {t('why.open')}
                            </Button>
                          )}
                          <Anchor
                            href={`/bills/${b.id}/pdf`}
                            target="_blank"
                            rel="noopener"
                            size="sm"
                            aria-label={t('pdfOf', { reference: b.reference })}
                          >
                            {t('pdf')}
                          </Anchor>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                    {why === b.id && (
                      <Table.Tr>
                        <Table.Td colSpan={8} id={`why-${b.id}`}>
                          <WhyUnsettledPanel bill={b} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <BillsPager pager={pager} nextCursor={bills.data?.nextCursor} />
      {payments.error && (
        <Alert variant="outline" color="red.9" role="alert">
          {t('error.payments')}
        </Alert>
      )}
      <RepaymentDrawer billId={detailsOf} onClose={() => openDetails(null)} />
      <PayBillDrawer
        bill={paying}
        customerId={customerId}
        pending={paying ? pendingFor(paying.id) : []}
        onClose={() => setPaying(null)}
      />
      <PayCycleDrawer opened={payingCycle} customerId={customerId} onClose={() => setPayingCycle(false)} />
    </Stack>
  );
}
