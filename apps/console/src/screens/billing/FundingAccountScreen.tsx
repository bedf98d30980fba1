import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import Decimal from 'decimal.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  useFundingCustomer,
  useLinkedMethods,
  useMemberCustomerId,
  usePaymentMethodActions,
  useUpdateAccountSettings,
  type FundingCustomer,
  type LinkedMethod,
} from '../../api/funding';
import { formatMoney } from '../../ui/money';
import { ConfirmDialog } from './ConfirmDialog';
import { Loaded } from './Loaded';
import { notify } from '../customers/notify';

/**
 * Funding account (member console, `/billing/funding`; seed 000): the balances with the available
 * credit the automatic settlement looks at, the account settings, and the linked payment methods.
 */
export function FundingAccountScreen() {
  const { t } = useTranslation('funding');
  const customerId = useMemberCustomerId();
  const customer = useFundingCustomer(customerId ?? '');
  if (!customerId) return null;
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <Loaded query={customer} label={t('title')}>
        {customer.data && (
          <>
            <Balances customer={customer.data} />
            <AccountSettings customer={customer.data} />
            <PaymentMethods customerId={customerId} />
          </>
        )}
      </Loaded>
    </Stack>
  );
}

function Balances({ customer }: { customer: FundingCustomer }) {
  const { t } = useTranslation('funding');
  const ccy = customer.currency;
  // seed 000: Cash Balance + Credit Limit - Frozen Amount, in decimal (never through a float)
  const available = new Decimal(customer.cashBalance).plus(customer.creditLimit).minus(customer.frozenAmount);
  const figures: [string, string, string | Decimal][] = [
    ['cash', t('balances.cash'), customer.cashBalance],
    ['limit', t('balances.creditLimit'), customer.creditLimit],
    ['frozen', t('balances.frozen'), customer.frozenAmount],
    ['available', t('balances.available'), available],
  ];
  return (
    <section aria-labelledby="funding-balances">
      <Title order={3} id="funding-balances" mb="xs">
        {t('balances.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        {figures.map(([key, label, amount]) => (
          <Paper key={key} withBorder p="md" data-testid={`balance-${key}`}>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="xl">
              {formatMoney(amount, ccy)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt="xs">
        {t('balances.formula')}
      </Text>
    </section>
  );
}

function AccountSettings({ customer }: { customer: FundingCustomer }) {
  const { t } = useTranslation('funding');
  const update = useUpdateAccountSettings(customer.id);
  const save = (body: { autoBillSettlement?: boolean; settlePastBillsWithRefunds?: boolean }) =>
    update.mutate(body, {
      onSuccess: () => notify(t('settings.saved')),
      onError: (e) =>
        notify(e instanceof ApiError && e.field ? `${e.field}: ${e.message}` : e.message, { error: true }),
    });
  return (
    <section aria-labelledby="funding-settings">
      <Title order={3} id="funding-settings" mb="xs">
        {t('settings.title')}
      </Title>
      <Paper withBorder p="md">
        <Stack>
          <Switch
            label={t('settings.auto')}
            description={t('settings.autoHelp')}
            checked={customer.autoBillSettlement}
            disabled={update.isPending}
            onChange={(e) => save({ autoBillSettlement: e.currentTarget.checked })}
          />
          <Switch
            label={t('settings.pastBills')}
            description={customer.creditControl ? t('settings.pastBillsHelp') : t('settings.pastBillsCreditControl')}
            checked={customer.settlePastBillsWithRefunds}
            disabled={update.isPending || !customer.creditControl}
            onChange={(e) => save({ settlePastBillsWithRefunds: e.currentTarget.checked })}
          />
        </Stack>
      </Paper>
    </section>
  );
}

function PaymentMethods({ customerId }: { customerId: string }) {
  const { t } = useTranslation('funding');
  const methods = useLinkedMethods(customerId);
  const actions = usePaymentMethodActions(customerId);
  const [linking, setLinking] = useState(false);
  const [removing, setRemoving] = useState<LinkedMethod | null>(null);
  const fail = (e: Error) => notify(e.message, { error: true });
  const name = (m: LinkedMethod) =>
    m.kind === 'card' ? t('methods.cardName', { brand: m.brand, last4: m.last4 ?? '' }) : t('methods.paypalName');
  return (
    <section aria-labelledby="funding-methods">
      <Group justify="space-between" mb="xs">
        <Title order={3} id="funding-methods">
          {t('methods.title')}
        </Title>
        <Button onClick={() => setLinking(true)}>{t('methods.link')}</Button>
      </Group>
      <Loaded query={methods} label={t('methods.title')}>
        {methods.data?.items.length === 0 ? (
          <Text c="dimmed">{t('methods.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('methods.method')}</Table.Th>
                  <Table.Th>{t('methods.expiry')}</Table.Th>
                  <Table.Th>{t('methods.status')}</Table.Th>
                  <Table.Th>{t('methods.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {methods.data?.items.map((m) => (
                  <Table.Tr key={m.id} data-testid="payment-method">
                    <Table.Td>{name(m)}</Table.Td>
                    <Table.Td>{m.expiry ?? '—'}</Table.Td>
                    <Table.Td>{m.isDefault && <Badge color="blue.9">{t('methods.default')}</Badge>}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {!m.isDefault && (
                          <Button
                            size="compact-sm"
                            variant="default"
                            aria-label={t('methods.makeDefaultOf', { name: name(m) })}
                            loading={actions.makeDefault.isPending && actions.makeDefault.variables === m.id}
                            onClick={() => actions.makeDefault.mutate(m.id, { onError: fail })}
                          >
                            {t('methods.makeDefault')}
                          </Button>
                        )}
                        <Button
                          size="compact-sm"
                          variant="default"
                          color="red.9"
                          aria-label={t('methods.removeOf', { name: name(m) })}
                          onClick={() => setRemoving(m)}
                        >
                          {t('methods.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Loaded>
      <LinkMethodDialog opened={linking} onClose={() => setLinking(false)} customerId={customerId} />
      <ConfirmDialog
        opened={removing !== null}
        title={t('methods.confirmTitle')}
        text={removing ? t('methods.confirmText', { name: name(removing) }) : ''}
        confirm={t('methods.confirmRemove')}
        cancel={t('cancel')}
        close={t('close')}
        pending={actions.remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          actions.remove.mutate(removing.id, {
            onSuccess: () => {
              setRemoving(null);
              notify(t('methods.removed'));
            },
            onError: fail,
          })
        }
      />
    </section>
  );
}

/**
 * Linking: the gateway's own page takes the card (or PayPal account) and gives the customer a
 * token; only that token reaches remitd, never a card number.
 */
function LinkMethodDialog(props: { opened: boolean; onClose: () => void; customerId: string }) {
  const { t } = useTranslation('funding');
  const { link } = usePaymentMethodActions(props.customerId);
  const [token, setToken] = useState('');
  const [makeDefault, setMakeDefault] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setToken('');
    setMakeDefault(false);
    setError(null);
    props.onClose();
  };
  const submit = () => {
    if (!token.trim()) return setError(t('link.tokenRequired'));
    link.mutate(
      { token: token.trim(), makeDefault },
      {
        onSuccess: () => {
          notify(t('link.linked'));
          close();
        },
        onError: (e) => setError(e.message),
      },
    );
  };
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={t('link.title')}
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm">{t('link.explain')}</Text>
          <TextInput
            label={t('link.token')}
            value={token}
            onChange={(e) => setToken(e.currentTarget.value)}
            error={error}
            autoComplete="off"
          />
          <Checkbox
            label={t('link.makeDefault')}
            checked={makeDefault}
            onChange={(e) => setMakeDefault(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={link.isPending}>
              {t('link.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
