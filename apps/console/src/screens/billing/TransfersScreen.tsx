import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import Decimal from 'decimal.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  useEndRelationship,
  useFundingCustomer,
  useMemberCustomerId,
  useRelationships,
  useTransfer,
  type FundingCustomer,
  type Relationship,
} from '../../api/funding';
import { intlLocale } from '../../i18n';
import { formatMoney, isDecimalInput, minorUnits } from '../../ui/money';
import { notify } from '../customers/notify';
import { ConfirmDialog } from './ConfirmDialog';
import { Loaded } from './Loaded';

type RelationshipItem = Relationship;

/**
 * Transfers (member console, `/billing/transfers`; seed 000): cash between a main account and the
 * member accounts it manages through a financial-management relationship, and those relationships.
 */
export function TransfersScreen() {
  const { t } = useTranslation('transfers');
  const customerId = useMemberCustomerId();
  const customer = useFundingCustomer(customerId ?? '');
  const relationships = useRelationships(customerId ?? '');
  if (!customerId) return null;
  const items = relationships.data?.items ?? [];
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <Loaded query={customer} label={t('title')}>
        <Loaded query={relationships} label={t('relationships.title')}>
          {customer.data && (
            <>
              <TransferForm customer={customer.data} relationships={items} />
              <Relationships customerId={customerId} items={items} />
            </>
          )}
        </Loaded>
      </Loaded>
    </Stack>
  );
}

/** the other side of a relationship, seen from this customer */
const counterpart = (r: RelationshipItem, customerId: string) =>
  r.mainCustomerId === customerId
    ? { id: r.memberCustomerId, name: r.memberCustomerName, reference: r.memberCustomerReference }
    : { id: r.mainCustomerId, name: r.mainCustomerName, reference: r.mainCustomerReference };

function TransferForm({ customer, relationships }: { customer: FundingCustomer; relationships: RelationshipItem[] }) {
  const { t } = useTranslation('transfers');
  const transfer = useTransfer(customer.id);
  const [to, setTo] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<{ to?: string; amount?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const ccy = customer.currency;
  const options = relationships
    .filter((r) => !r.endedAt)
    .map((r) => counterpart(r, customer.id))
    .map((c) => ({ value: c.id, label: `${c.name} (${c.reference})` }));

  /** a positive amount in the currency's scale, not above the cash balance: checked before anything is sent */
  const amountError = (s: string): string | undefined => {
    if (!isDecimalInput(s)) return t('form.amountFormat');
    const value = new Decimal(s.trim());
    if (value.lte(0)) return t('form.amountPositive');
    if (value.decimalPlaces() > minorUnits(ccy)) return t('form.amountScale', { places: minorUnits(ccy) });
    if (value.gt(customer.cashBalance)) return t('form.amountAboveCash');
    return undefined;
  };
  const submit = () => {
    const found = { to: to ? undefined : t('form.toRequired'), amount: amountError(amount) };
    setErrors(found);
    setDone(null);
    if (found.to || found.amount) return;
    const target = options.find((o) => o.value === to)!;
    // one key per confirmed transfer: a retried request moves the money once
    const key = crypto.randomUUID();
    transfer.mutate(
      { key, fromCustomerId: customer.id, toCustomerId: to!, amount: amount.trim() },
      {
        onSuccess: (r) => {
          const message = t('form.done', { amount: formatMoney(r.amount, r.currency), to: target.label });
          setDone(message);
          setAmount('');
          notify(message);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.field === 'amount') setErrors({ amount: e.message });
          else notify(e.message, { error: true });
        },
      },
    );
  };
  return (
    <section aria-labelledby="transfer-form">
      <Title order={3} id="transfer-form" mb="xs">
        {t('form.title')}
      </Title>
      <Paper withBorder p="md">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack>
            <Text data-testid="transfer-cash">
              {t('form.cash', { amount: formatMoney(customer.cashBalance, ccy) })}
            </Text>
            {options.length === 0 ? (
              <Text c="dimmed">{t('form.noRelationship')}</Text>
            ) : (
              <>
                <Select label={t('form.to')} data={options} value={to} onChange={setTo} error={errors.to} />
                <TextInput
                  label={t('form.amount', { currency: ccy })}
                  value={amount}
                  inputMode="decimal"
                  onChange={(e) => setAmount(e.currentTarget.value)}
                  error={errors.amount}
                />
                <Group>
                  <Button type="submit" loading={transfer.isPending}>
                    {t('form.submit')}
                  </Button>
                </Group>
                {done && (
                  <Text role="status" c="teal.9" fw={600}>
                    {done}
                  </Text>
                )}
              </>
            )}
          </Stack>
        </form>
      </Paper>
    </section>
  );
}

function Relationships({ customerId, items }: { customerId: string; items: RelationshipItem[] }) {
  const { t } = useTranslation('transfers');
  const end = useEndRelationship(customerId);
  const [ending, setEnding] = useState<RelationshipItem | null>(null);
  const date = (at: string) => new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium' }).format(new Date(at));
  return (
    <section aria-labelledby="transfer-relationships">
      <Title order={3} id="transfer-relationships" mb="xs">
        {t('relationships.title')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('relationships.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={620}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('relationships.account')}</Table.Th>
                <Table.Th>{t('relationships.role')}</Table.Th>
                <Table.Th>{t('relationships.since')}</Table.Th>
                <Table.Th>{t('relationships.status')}</Table.Th>
                <Table.Th>{t('relationships.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => {
                const other = counterpart(r, customerId);
                const weManage = r.mainCustomerId === customerId;
                return (
                  <Table.Tr key={r.id} data-testid="relationship">
                    <Table.Td>
                      {other.name} ({other.reference})
                    </Table.Td>
                    <Table.Td>{weManage ? t('relationships.managedByYou') : t('relationships.managesYou')}</Table.Td>
                    <Table.Td>{date(r.createdAt)}</Table.Td>
                    <Table.Td>
                      {r.endedAt ? (
                        <Badge color="gray.8">{t('relationships.ended')}</Badge>
                      ) : (
                        <Badge color="teal.9">{t('relationships.active')}</Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {weManage && !r.endedAt && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={t('relationships.endWith', { name: other.name })}
                          onClick={() => setEnding(r)}
                        >
                          {t('relationships.end')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="sm" c="dimmed" mt="xs">
        {t('relationships.howToAdd')}
      </Text>
      <ConfirmDialog
        opened={ending !== null}
        title={t('relationships.confirmTitle')}
        text={ending ? t('relationships.confirmText', { name: counterpart(ending, customerId).name }) : ''}
        confirm={t('relationships.confirmEnd')}
        cancel={t('cancel')}
        close={t('close')}
        pending={end.isPending}
        onClose={() => setEnding(null)}
        onConfirm={() =>
          ending &&
          end.mutate(ending.id, {
            onSuccess: () => {
              setEnding(null);
              notify(t('relationships.endedNotice'));
            },
            onError: (e) => notify(e.message, { error: true }),
          })
        }
      />
    </section>
  );
}
