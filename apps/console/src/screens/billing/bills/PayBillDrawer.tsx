import { Alert, Badge, Button, Checkbox, Drawer, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import Decimal from 'decimal.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useBillDetail,
  useCustomerAccount,
  useLinkedMethods,
  usePayBill,
  type Bill,
  type BillPaymentResult,
  type CustomerAccount,
  type GatewayPayment,
  type PaymentMethods,
} from '../../../api/bills';
import { formatMoney, minorUnits } from '../../../ui/money';
import { Loading, LoadError, useDrawerTransition, methodName } from './BillsParts';
import { amountProblem, formatDayTime } from './bill-format';

const BALANCE = 'balance';

/**
 * Pay Bill (seed 000, "Manual bill payment"): the total (defaults to the outstanding amount, can be
 * changed), the part from the account balance, the channel (the balance or a linked card / PayPal
 * account, defaulting to the last used), then the result. While an earlier payment through the
 * gateway is pending, paying again needs an explicit confirmation ("Do not make a duplicate payment
 * during this time").
 */
export function PayBillDrawer(props: {
  bill: Bill | null;
  customerId: string;
  pending: GatewayPayment[];
  onClose: () => void;
}) {
  const { t } = useTranslation('bills');
  const transition = useDrawerTransition();
  const customer = useCustomerAccount(props.customerId);
  const methods = useLinkedMethods(props.customerId);
  return (
    <Drawer
      opened={!!props.bill}
      onClose={props.onClose}
      position="right"
      size="lg"
      title={props.bill ? t('pay.title', { reference: props.bill.reference }) : ''}
      closeButtonProps={{ 'aria-label': t('close') }}
      transitionProps={transition}
    >
      {!props.bill ? null : customer.isPending || methods.isPending ? (
        <Loading label={t('loading.pay')} />
      ) : customer.error || methods.error ? (
        <LoadError title={t('error.pay')} error={(customer.error ?? methods.error)!} />
      ) : (
        <PayBillForm
          key={props.bill.id}
          bill={props.bill}
          customer={customer.data}
          methods={methods.data}
          pending={props.pending}
          onClose={props.onClose}
        />
      )}
    </Drawer>
  );
}

/** seed 000: "The system defaults to the last used method"; without one, the balance when it can pay */
function defaultChannel(methods: PaymentMethods, customer: CustomerAccount): string {
  const linked = methods.items.map((m) => m.id);
  if (methods.lastUsedMethodId && linked.includes(methods.lastUsedMethodId)) return methods.lastUsedMethodId;
  if (new Decimal(customer.availableCredit).gt(0) || linked.length === 0) return BALANCE;
  return methods.items.find((m) => m.isDefault)?.id ?? linked[0];
}

function PayBillForm({
  bill,
  customer,
  methods,
  pending,
  onClose,
}: {
  bill: Bill;
  customer: CustomerAccount;
  methods: PaymentMethods;
  pending: GatewayPayment[];
  onClose: () => void;
}) {
  const { t } = useTranslation('bills');
  const ccy = bill.currency;
  const scale = minorUnits(ccy);
  const available = Decimal.max(new Decimal(customer.availableCredit), 0);
  const [total, setTotal] = useState(bill.outstanding);
  const [channel, setChannel] = useState(() => defaultChannel(methods, customer));
  const [fromBalance, setFromBalance] = useState(() =>
    Decimal.min(available, new Decimal(bill.outstanding)).toFixed(scale),
  );
  const [confirmed, setConfirmed] = useState(false);
  const [touched, setTouched] = useState(false);
  const pay = usePayBill(customer.id);
  const method = methods.items.find((m) => m.id === channel) ?? null;

  const totalProblem = amountProblem(total, ccy, { value: bill.outstanding, problem: 'aboveOutstanding' });
  const balanceProblem =
    method && !totalProblem
      ? amountProblem(fromBalance, ccy, { value: total, problem: 'aboveTotal' }, { allowZero: true })
      : null;
  const balancePart = method ? (balanceProblem ? null : new Decimal(fromBalance)) : new Decimal(total || 0);
  const externalPart = method && !totalProblem && balancePart ? new Decimal(total).minus(balancePart) : null;
  const needsConfirm = pending.length > 0 && !confirmed;
  const invalid = !!totalProblem || !!balanceProblem || needsConfirm;

  if (pay.data) return <PayBillResult bill={bill} result={pay.data} onClose={onClose} />;

  const submit = () => {
    setTouched(true);
    if (invalid) return;
    const balance = method ? balancePart! : new Decimal(total);
    pay.mutate({
      billId: bill.id,
      fromBalance: balance.gt(0) ? balance.toFixed(scale) : null,
      gateway:
        method && externalPart!.gt(0)
          ? { paymentMethodId: method.id, amount: externalPart!.toFixed(scale), force: pending.length > 0 }
          : null,
      key: crypto.randomUUID(),
    });
  };

  return (
    <Stack
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      aria-label={t('pay.formLabel')}
    >
      <Text size="sm">
        {t('pay.outstanding', { amount: formatMoney(bill.outstanding, ccy) })} ·{' '}
        {t('pay.available', { amount: formatMoney(customer.availableCredit, ccy) })}
      </Text>
      {pending.length > 0 && (
        <Alert variant="outline" color="red.9" title={t('pending.title')} role="alert" data-testid="duplicate-warning">
          <Stack gap="xs">
            {pending.map((p) => (
              <Text size="sm" key={p.id}>
                {t('pending.item', { amount: formatMoney(p.amount, p.currency), at: formatDayTime(p.createdAt) })}
              </Text>
            ))}
            <Text size="sm">{t('pending.warning')}</Text>
            <Checkbox
              label={t('pending.confirm')}
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
            />
            {touched && needsConfirm && (
              <Text size="sm" c="red.9" fw={600} role="alert">
                {t('pending.confirmRequired')}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      <TextInput
        label={t('pay.total', { currency: ccy })}
        description={t('pay.totalHint')}
        value={total}
        inputMode="decimal"
        onChange={(e) => setTotal(e.currentTarget.value)}
        error={
          (touched || total !== bill.outstanding) && totalProblem ? t(`problem.${totalProblem}`, { scale }) : undefined
        }
      />
      <Radio.Group label={t('pay.channel')} value={channel} onChange={setChannel} description={t('pay.channelHint')}>
        <Stack gap="xs" mt="xs">
          <Radio value={BALANCE} label={t('pay.channelBalance')} />
          {methods.items.map((m) => (
            <Radio
              key={m.id}
              value={m.id}
              label={
                <Group gap="xs">
                  <span>{methodName(t, m)}</span>
                  {m.id === methods.lastUsedMethodId && (
                    <Badge size="xs" variant="outline" color="dark.6">
                      {t('pay.lastUsed')}
                    </Badge>
                  )}
                </Group>
              }
            />
          ))}
        </Stack>
      </Radio.Group>
      {method && (
        <>
          <TextInput
            label={t('pay.fromBalance', { currency: ccy })}
            description={t('pay.fromBalanceHint')}
            value={fromBalance}
            inputMode="decimal"
            onChange={(e) => setFromBalance(e.currentTarget.value)}
            error={balanceProblem ? t(`problem.${balanceProblem}`, { scale }) : undefined}
          />
          <Text size="sm" data-testid="external-part">
            {t('pay.throughMethod', {
              method: methodName(t, method),
              amount: externalPart ? formatMoney(externalPart, ccy) : '—',
            })}
          </Text>
        </>
      )}
      <Text size="xs" c="dimmed">
        {t('pay.note')}
      </Text>
      {pay.error && (
        <Alert variant="outline" color="red.9" title={t('pay.failed')} role="alert">
          {pay.error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('cancel')}
        </Button>
        <Button type="submit" loading={pay.isPending} disabled={touched && invalid}>
          {t('pay.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function PayBillResult({ bill, result, onClose }: { bill: Bill; result: BillPaymentResult; onClose: () => void }) {
  const { t } = useTranslation('bills');
  const after = useBillDetail(bill.id);
  const ccy = bill.currency;
  return (
    <Stack data-testid="payment-result">
      {result.balance && (
        <Alert variant="outline" color="teal.9" role="status" title={t('result.balanceTitle')}>
          {t('result.balance', { amount: formatMoney(result.balance.fromBalance, ccy) })}
        </Alert>
      )}
      {result.gateway?.status === 'succeeded' && (
        <Alert variant="outline" color="teal.9" role="status" title={t('result.gatewayTitle')}>
          {t('result.gatewaySucceeded', { amount: formatMoney(result.gateway.amount, ccy) })}
        </Alert>
      )}
      {result.gateway && result.gateway.status !== 'succeeded' && (
        <Alert
          variant="outline"
          color="red.9"
          role="status"
          title={t('result.pendingTitle')}
          data-testid="result-pending"
        >
          {t('result.gatewayPending', { amount: formatMoney(result.gateway.amount, ccy) })}
        </Alert>
      )}
      {result.gatewayError && (
        <Alert variant="outline" color="red.9" role="alert" title={t('result.gatewayFailedTitle')}>
          {t('result.gatewayFailed', { message: result.gatewayError.message })}
        </Alert>
      )}
      {after.data && (
        <Text size="sm" data-testid="bill-after">
          {t('result.billNow', {
            status: t(`status.${after.data.status}`),
            outstanding: formatMoney(after.data.outstanding, ccy),
          })}
        </Text>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose}>{t('close')}</Button>
      </Group>
    </Stack>
  );
}
