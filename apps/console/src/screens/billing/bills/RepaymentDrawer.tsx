import { Accordion, Alert, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import Decimal from 'decimal.js';
import { useTranslation } from 'react-i18next';
import { useBillDetail, type BillDetail } from '../../../api/bills';
import { formatMoney } from '../../../ui/money';
import { Loading, LoadError, useDrawerTransition } from './BillsParts';
import { formatCycle, formatDayTime } from './bill-format';

type Repayment = BillDetail['repayments'][number];

/** seed 000: the repayment details drawer splits a bill's payments into these three */
const PARTS = [
  { key: 'coupon', methods: ['coupon'] },
  { key: 'storedValueCard', methods: ['stored_value_card'] },
  { key: 'cash', methods: ['balance', 'refund', 'external'] },
] as const;

/**
 * "In the Amount Paid column, click View Details to view the repayment details for a bill": the
 * repayments split by coupon deduction, stored-value card payment and cash payment, each opening
 * its records. Bills of cycles before January 2023 have no records to show (seed 000).
 */
export function RepaymentDrawer({ billId, onClose }: { billId: string | null; onClose: () => void }) {
  const { t } = useTranslation('bills');
  const transition = useDrawerTransition();
  const bill = useBillDetail(billId);
  return (
    <Drawer
      opened={!!billId}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('details.title')}
      closeButtonProps={{ 'aria-label': t('close') }}
      transitionProps={transition}
    >
      {bill.isPending ? (
        <Loading label={t('loading.bill')} />
      ) : bill.error ? (
        <LoadError title={t('error.bill')} error={bill.error} />
      ) : (
        <RepaymentDetails bill={bill.data} />
      )}
    </Drawer>
  );
}

function RepaymentDetails({ bill }: { bill: BillDetail }) {
  const { t } = useTranslation('bills');
  const money = (amount: string | Decimal) => formatMoney(amount, bill.currency);
  return (
    <Stack data-testid="repayment-details">
      <Group justify="space-between">
        <Text fw={600} ff="monospace">
          {bill.reference}
        </Text>
        <Text>{formatCycle(bill.billingCycle)}</Text>
      </Group>
      <Text size="sm">
        {t('details.summary', {
          amount: money(bill.amount),
          paid: money(bill.paid),
          outstanding: money(bill.outstanding),
        })}
      </Text>
      {!bill.repaymentRecordsAvailable ? (
        <Alert variant="outline" color="gray.8" role="status">
          {t('details.unavailable')}
        </Alert>
      ) : (
        <Accordion multiple variant="separated">
          {PARTS.map((part) => {
            const records = bill.repayments.filter((r) => (part.methods as readonly string[]).includes(r.method));
            const total = records.filter((r) => !r.reversedAt).reduce((sum, r) => sum.plus(r.amount), new Decimal(0));
            return (
              <Accordion.Item key={part.key} value={part.key} data-testid={`part-${part.key}`}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap" pr="sm">
                    <span>{t(`details.part.${part.key}`)}</span>
                    <span>{money(total)}</span>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  {records.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('details.none')}
                    </Text>
                  ) : (
                    <RecordsTable records={records} currency={bill.currency} />
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Stack>
  );
}

function RecordsTable({ records, currency }: { records: Repayment[]; currency: string }) {
  const { t } = useTranslation('bills');
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('details.when')}</Table.Th>
          <Table.Th>{t('details.method')}</Table.Th>
          <Table.Th ta="right">{t('details.amount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {records.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{formatDayTime(r.createdAt)}</Table.Td>
            <Table.Td>
              {t(`method.${r.method}`)}
              {r.reversedAt && (
                <Text span size="xs" c="red.9">
                  {' '}
                  {t('details.reversed', { at: formatDayTime(r.reversedAt) })}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{formatMoney(r.amount, currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
