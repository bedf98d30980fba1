import { Alert, Button, Checkbox, Drawer, Group, Select, Stack, Table, Text } from '@mantine/core';
import Decimal from 'decimal.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCustomerAccount,
  useLinkedMethods,
  useOpenBills,
  usePayCycle,
  useRefunds,
  type Bill,
  type CustomerAccount,
  type CyclePaymentResult,
  type PaymentMethods,
  type Refund,
} from '../../../api/bills';
import { formatMoney } from '../../../ui/money';
import { Loading, LoadError, useDrawerTransition, methodName } from './BillsParts';
import { formatCycle } from './bill-format';

const NO_METHOD = 'none';

/**
 * What paying a cycle would take from each source, as the API pays it (seed 000: "the system first
 * uses the account balance and any credit control refund amount to pay for the bill in the
 * corresponding billing cycle … The remaining amount is paid through an external payment
 * method"): the cycle's refunds (later ones too with "write off past bills"), then the available
 * credit, then the rest.
 */
export function cyclePreview(
  bills: Bill[],
  refunds: Refund[],
  customer: CustomerAccount,
  cycle: string,
  useBalance: boolean,
) {
  const open = bills.filter((b) => b.billingCycle === cycle && b.currency === customer.currency);
  const outstanding = open.reduce((s, b) => s.plus(b.outstanding), new Decimal(0));
  const refundable = refunds
    .filter(
      (r) =>
        r.currency === customer.currency &&
        (r.billingCycle === cycle || (customer.writeOffPastBills && r.billingCycle > cycle)),
    )
    .reduce((s, r) => s.plus(r.remaining), new Decimal(0));
  const fromRefunds = Decimal.min(outstanding, refundable);
  const credit = Decimal.max(new Decimal(customer.availableCredit), 0);
  const fromBalance = useBalance ? Decimal.min(outstanding.minus(fromRefunds), credit) : new Decimal(0);
  return { open, outstanding, fromRefunds, fromBalance, rest: outstanding.minus(fromRefunds).minus(fromBalance) };
}

export function PayCycleDrawer(props: { opened: boolean; customerId: string; onClose: () => void }) {
  const { t } = useTranslation('bills');
  const transition = useDrawerTransition();
  const customer = useCustomerAccount(props.customerId);
  const methods = useLinkedMethods(props.customerId);
  const bills = useOpenBills();
  const refunds = useRefunds(props.customerId);
  const failed = customer.error ?? methods.error ?? bills.error ?? refunds.error;
  return (
    <Drawer
      opened={props.opened}
      onClose={props.onClose}
      position="right"
      size="lg"
      title={t('cycle.title')}
      closeButtonProps={{ 'aria-label': t('close') }}
      transitionProps={transition}
    >
      {!props.opened ? null : failed ? (
        <LoadError title={t('error.pay')} error={failed} />
      ) : !customer.data || !methods.data || !bills.data || !refunds.data ? (
        <Loading label={t('loading.pay')} />
      ) : !customer.data.creditControl ? (
        <Alert variant="outline" color="gray.8" role="status">
          {t('cycle.notCreditControl')}
        </Alert>
      ) : (
        <PayCycleForm
          customer={customer.data}
          methods={methods.data}
          bills={bills.data.items}
          refunds={refunds.data.items}
          onClose={props.onClose}
        />
      )}
    </Drawer>
  );
}

function PayCycleForm(props: {
  customer: CustomerAccount;
  methods: PaymentMethods;
  bills: Bill[];
  refunds: Refund[];
  onClose: () => void;
}) {
  const { t } = useTranslation('bills');
  const ccy = props.customer.currency;
  const money = (d: Decimal | string) => formatMoney(d, ccy);
  const cycles = [...new Set(props.bills.map((b) => b.billingCycle))].sort().reverse();
  const [cycle, setCycle] = useState<string | null>(cycles[0] ?? null);
  const [useBalance, setUseBalance] = useState(true);
  const lastUsed = props.methods.items.find((m) => m.id === props.methods.lastUsedMethodId);
  const [method, setMethod] = useState(lastUsed?.id ?? props.methods.items.find((m) => m.isDefault)?.id ?? NO_METHOD);
  const pay = usePayCycle(props.customer.id);

  if (pay.data) return <PayCycleResult result={pay.data} currency={ccy} onClose={props.onClose} />;
  if (!cycle)
    return (
      <Text c="dimmed" data-testid="cycle-nothing">
        {t('cycle.nothing')}
      </Text>
    );
  const preview = cyclePreview(props.bills, props.refunds, props.customer, cycle, useBalance);
  const viaMethod = method !== NO_METHOD && preview.rest.gt(0);
  const nothing = preview.fromRefunds.plus(preview.fromBalance).isZero() && !viaMethod;

  return (
    <Stack
      component="form"
      aria-label={t('cycle.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        if (nothing) return;
        pay.mutate({
          billingCycle: cycle,
          useAccountBalance: useBalance,
          internal: preview.fromRefunds.plus(preview.fromBalance).gt(0),
          bills: preview.open,
          paymentMethodId: viaMethod ? method : null,
          key: crypto.randomUUID(),
        });
      }}
    >
      <Select
        label={t('cycle.cycle')}
        data={cycles.map((c) => ({ value: c, label: formatCycle(c) }))}
        value={cycle}
        onChange={(v) => setCycle(v)}
        allowDeselect={false}
      />
      <Checkbox
        label={t('cycle.useBalance')}
        description={t('cycle.useBalanceHint')}
        checked={useBalance}
        onChange={(e) => setUseBalance(e.currentTarget.checked)}
      />
      <Select
        label={t('cycle.rest')}
        data={[
          { value: NO_METHOD, label: t('cycle.restNone') },
          ...props.methods.items.map((m) => ({ value: m.id, label: methodName(t, m) })),
        ]}
        value={method}
        onChange={(v) => setMethod(v ?? NO_METHOD)}
        allowDeselect={false}
      />
      <Table data-testid="cycle-preview">
        <Table.Caption>{t('cycle.previewCaption', { cycle: formatCycle(cycle) })}</Table.Caption>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t('cycle.outstanding', { bills: preview.open.length })}</Table.Th>
            <Table.Td ta="right">{money(preview.outstanding)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('cycle.fromRefunds')}</Table.Th>
            <Table.Td ta="right">{money(preview.fromRefunds)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('cycle.fromBalance')}</Table.Th>
            <Table.Td ta="right">{money(preview.fromBalance)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{viaMethod ? t('cycle.external') : t('cycle.left')}</Table.Th>
            <Table.Td ta="right">{money(preview.rest)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('cycle.note')}
      </Text>
      {nothing && (
        <Alert variant="outline" color="red.9" role="status">
          {t('cycle.nothingToPayWith')}
        </Alert>
      )}
      {pay.error && (
        <Alert variant="outline" color="red.9" title={t('pay.failed')} role="alert">
          {pay.error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {t('cancel')}
        </Button>
        <Button type="submit" loading={pay.isPending} disabled={nothing}>
          {t('cycle.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function PayCycleResult({
  result,
  currency,
  onClose,
}: {
  result: CyclePaymentResult;
  currency: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('bills');
  const money = (d: string) => formatMoney(d, currency);
  const external = result.gateway.reduce((s, p) => s.plus(p.amount), new Decimal(0));
  const pending = result.gateway.some((p) => p.status !== 'succeeded');
  return (
    <Stack data-testid="cycle-result">
      <Alert variant="outline" color={pending ? 'red.9' : 'teal.9'} role="status" title={t('cycle.resultTitle')}>
        <Stack gap={4}>
          {result.cycle && (
            <Text size="sm">{t('cycle.paidFromRefunds', { amount: money(result.cycle.fromRefunds) })}</Text>
          )}
          {result.cycle && (
            <Text size="sm">{t('cycle.paidFromBalance', { amount: money(result.cycle.fromBalance) })}</Text>
          )}
          {result.gateway.length > 0 && (
            <Text size="sm">
              {t(pending ? 'cycle.paidExternalPending' : 'cycle.paidExternal', {
                amount: formatMoney(external, currency),
              })}
            </Text>
          )}
        </Stack>
      </Alert>
      {result.gatewayError && (
        <Alert variant="outline" color="red.9" role="alert" title={t('result.gatewayFailedTitle')}>
          {t('result.gatewayFailed', { message: result.gatewayError.message })}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose}>{t('close')}</Button>
      </Group>
    </Stack>
  );
}
