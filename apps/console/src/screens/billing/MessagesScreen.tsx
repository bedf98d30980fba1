import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  CHANNELS,
  useAddContact,
  useBalanceAlerts,
  useContacts,
  useMessageSubscriptions,
  useRemoveBalanceAlert,
  useSetBalanceAlert,
  useSetSubscriptions,
  type AddContact,
  type BalanceAlert,
  type Channel,
  type Contact,
  type MessageType,
  type SubscriptionRecipient,
} from '../../api/messages';
import { useSession } from '../../api/session';
import { intlLocale } from '../../i18n';
import { formatInstant } from '../../ui/duration';
import { formatMoney, isDecimalInput } from '../../ui/money';
import { LoadState } from './LoadState';

/** the message types of seed 003, in the order a subscription's life meets them */
const MESSAGE_TYPES: MessageType[] = [
  'expiration_warning',
  'overdue_warning',
  'release',
  'arrears_reminder',
  'stop',
  'restore',
  'termination',
];
const ROLES: AddContact['role'][] = [
  'creator',
  'global_resource_collaborator',
  'financial_collaborator',
  'collaborator',
  'sub_account',
];

/** a refused write, in the screen's words when it names a field the form has */
function RefusedAlert({ error }: { error: Error | null }) {
  const { t } = useTranslation('messages');
  if (!error) return null;
  const restricted = error instanceof ApiError && error.code === 'ACCOUNT_RESTRICTED';
  return (
    <Alert variant="outline" color="red.9" role="alert" title={t(restricted ? 'refused.restricted' : 'refused.title')}>
      <Text size="sm" c="dark.9">
        {error.message}
      </Text>
    </Alert>
  );
}

/**
 * Alerts and messages (member console, `/billing/messages`), seed 003: balance alerts (a
 * threshold, who gets it, on which channels), the contacts who hear about the customer's
 * resources, and Message Subscription Management: per message type, the recipients and channels.
 */
export function MessagesScreen() {
  const { t } = useTranslation('messages');
  const customerId = useSession().data?.user.customerId ?? '';
  const contacts = useContacts(customerId);
  return (
    <Stack gap="xl">
      <Title order={2}>{t('title')}</Title>
      <BalanceAlertsSection customerId={customerId} contacts={contacts.data?.items ?? []} />
      <Stack>
        <Title order={3}>{t('contacts.title')}</Title>
        <LoadState query={contacts} loading={t('contacts.loading')} failed={t('loadFailed')}>
          <ContactsTable contacts={contacts.data?.items ?? []} />
        </LoadState>
        <AddContactForm customerId={customerId} />
      </Stack>
      <SubscriptionsSection customerId={customerId} contacts={contacts.data?.items ?? []} />
    </Stack>
  );
}

function BalanceAlertsSection({ customerId, contacts }: { customerId: string; contacts: Contact[] }) {
  const { t } = useTranslation('messages');
  const alerts = useBalanceAlerts(customerId);
  const setAlert = useSetBalanceAlert(customerId);
  const removeAlert = useRemoveBalanceAlert(customerId);
  const [threshold, setThreshold] = useState('');
  const [contactIds, setContactIds] = useState<string[]>([]);
  const [channels, setChannels] = useState<string[]>(['email']);
  const [touched, setTouched] = useState(false);
  const locale = intlLocale();
  const nameOf = (id: string) => contacts.find((c) => c.id === id)?.name ?? id;
  const thresholdError =
    touched && !isDecimalInput(threshold)
      ? t('alerts.thresholdInvalid')
      : setAlert.error instanceof ApiError && setAlert.error.field === 'threshold'
        ? setAlert.error.message
        : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!isDecimalInput(threshold) || channels.length === 0) return;
    setAlert.mutate(
      { threshold: threshold.trim(), contactIds, channels: channels as Channel[] },
      {
        onSuccess: () => {
          setThreshold('');
          setTouched(false);
        },
      },
    );
  };
  /** same threshold again: the API changes its contacts and channels */
  const edit = (a: BalanceAlert) => {
    setThreshold(a.threshold);
    setContactIds(a.contactIds);
    setChannels(a.channels);
    setTouched(false);
  };

  return (
    <Stack>
      <Title order={3}>{t('alerts.title')}</Title>
      <Text c="dimmed" maw={760}>
        {t('alerts.intro')}
      </Text>
      <LoadState query={alerts} loading={t('alerts.loading')} failed={t('loadFailed')}>
        {alerts.data?.items.length === 0 ? (
          <Text c="dimmed">{t('alerts.empty')}</Text>
        ) : (
          <Table.ScrollContainer type="native" minWidth={720} tabIndex={0} aria-label={t('alerts.title')}>
            <Table striped aria-label={t('alerts.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('alerts.col.threshold')}</Table.Th>
                  <Table.Th>{t('alerts.col.recipients')}</Table.Th>
                  <Table.Th>{t('alerts.col.channels')}</Table.Th>
                  <Table.Th>{t('alerts.col.state')}</Table.Th>
                  <Table.Th>{t('alerts.col.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {alerts.data?.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMoney(a.threshold, a.currency)}</Table.Td>
                    <Table.Td>
                      {a.contactIds.length === 0 ? t('alerts.ownEmail') : a.contactIds.map(nameOf).join(', ')}
                    </Table.Td>
                    <Table.Td>{a.channels.map((c) => t(`channel.${c}`)).join(', ')}</Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={a.armed ? 'teal.9' : 'red.9'}>
                        {a.armed ? t('alerts.armed') : t('alerts.fired')}
                      </Badge>
                      {a.lastFiredAt && (
                        <Text size="xs" c="dimmed">
                          {t('alerts.lastFired', { at: formatInstant(a.lastFiredAt, locale) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => edit(a)}
                        aria-label={t('alerts.editLabel', { threshold: formatMoney(a.threshold, a.currency) })}
                      >
                        {t('alerts.edit')}
                      </Button>{' '}
                      <Button
                        size="xs"
                        variant="default"
                        color="red.9"
                        loading={removeAlert.isPending && removeAlert.variables === a.id}
                        onClick={() => removeAlert.mutate(a.id)}
                        aria-label={t('alerts.removeLabel', { threshold: formatMoney(a.threshold, a.currency) })}
                      >
                        {t('alerts.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </LoadState>
      <RefusedAlert error={removeAlert.error} />
      <form onSubmit={submit} aria-label={t('alerts.form')} noValidate>
        <Stack maw={520} gap="sm">
          <TextInput
            label={t('alerts.threshold')}
            description={t('alerts.thresholdHint')}
            value={threshold}
            onChange={(e) => setThreshold(e.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={thresholdError}
            inputMode="decimal"
            required
          />
          <MultiSelect
            label={t('alerts.recipients')}
            description={t('alerts.recipientsHint')}
            data={contacts.map((c) => ({ value: c.id, label: c.name }))}
            value={contactIds}
            onChange={setContactIds}
            clearable
          />
          <Checkbox.Group
            label={t('alerts.channels')}
            value={channels}
            onChange={setChannels}
            error={touched && channels.length === 0 ? t('alerts.channelsRequired') : undefined}
          >
            <Group mt={4}>
              {CHANNELS.map((c) => (
                <Checkbox key={c} value={c} label={t(`channel.${c}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <RefusedAlert error={setAlert.error?.message === thresholdError ? null : setAlert.error} />
          <Group>
            <Button type="submit" loading={setAlert.isPending}>
              {t('alerts.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function ContactsTable({ contacts }: { contacts: Contact[] }) {
  const { t } = useTranslation('messages');
  if (contacts.length === 0) return <Text c="dimmed">{t('contacts.empty')}</Text>;
  return (
    <Table.ScrollContainer type="native" minWidth={640} tabIndex={0} aria-label={t('contacts.title')}>
      <Table striped aria-label={t('contacts.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contacts.name')}</Table.Th>
            <Table.Th>{t('contacts.role')}</Table.Th>
            <Table.Th>{t('contacts.email')}</Table.Th>
            <Table.Th>{t('contacts.phone')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{t(`role.${c.role}`)}</Table.Td>
              <Table.Td>{c.email ?? '—'}</Table.Td>
              <Table.Td>{c.phone ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AddContactForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation('messages');
  const add = useAddContact(customerId);
  const [form, setForm] = useState({ name: '', role: 'collaborator' as AddContact['role'], email: '', phone: '' });
  const [touched, setTouched] = useState(false);
  const apiField = add.error instanceof ApiError ? add.error.field : undefined;
  const fieldError = (field: string) => (apiField === field ? add.error!.message : undefined);
  const nameMissing = touched && !form.name.trim();
  const unreachable = touched && !form.email.trim() && !form.phone.trim();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!form.name.trim() || (!form.email.trim() && !form.phone.trim())) return;
    add.mutate(
      { name: form.name.trim(), role: form.role, email: form.email.trim() || null, phone: form.phone.trim() || null },
      {
        onSuccess: () => {
          setForm({ name: '', role: 'collaborator', email: '', phone: '' });
          setTouched(false);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label={t('contacts.form')} noValidate>
      <Stack maw={520} gap="sm">
        <Title order={4}>{t('contacts.add')}</Title>
        <TextInput
          label={t('contacts.name')}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          error={nameMissing ? t('contacts.nameRequired') : fieldError('name')}
          required
        />
        <Select
          label={t('contacts.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={form.role}
          onChange={(v) => v && setForm({ ...form, role: v as AddContact['role'] })}
          allowDeselect={false}
        />
        <TextInput
          label={t('contacts.email')}
          type="email"
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          error={unreachable ? t('contacts.reachable') : fieldError('email')}
        />
        <TextInput
          label={t('contacts.phone')}
          description={t('contacts.phoneHint')}
          type="tel"
          value={form.phone}
          onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })}
          error={fieldError('phone')}
        />
        <RefusedAlert error={apiField ? null : add.error} />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('contacts.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SubscriptionsSection({ customerId, contacts }: { customerId: string; contacts: Contact[] }) {
  const { t } = useTranslation('messages');
  const subscriptions = useMessageSubscriptions(customerId);
  const [editing, setEditing] = useState<MessageType | null>(null);
  const nameOf = (id: string) => contacts.find((c) => c.id === id)?.name ?? id;
  return (
    <Stack>
      <Title order={3}>{t('subscriptions.title')}</Title>
      <Text c="dimmed" maw={760}>
        {t('subscriptions.intro')}
      </Text>
      <LoadState query={subscriptions} loading={t('subscriptions.loading')} failed={t('loadFailed')}>
        <Table.ScrollContainer type="native" minWidth={720} tabIndex={0} aria-label={t('subscriptions.title')}>
          <Table striped aria-label={t('subscriptions.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('subscriptions.type')}</Table.Th>
                <Table.Th>{t('subscriptions.recipients')}</Table.Th>
                <Table.Th>{t('subscriptions.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {MESSAGE_TYPES.map((type) => {
                const chosen = subscriptions.data?.items.filter((s) => s.messageType === type) ?? [];
                return (
                  <Table.Tr key={type} data-testid={`subscription-${type}`}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {t(`type.${type}.name`)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`type.${type}.when`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {chosen.length === 0
                        ? t('subscriptions.default')
                        : chosen
                            .map(
                              (s) => `${nameOf(s.contactId)} (${s.channels.map((c) => t(`channel.${c}`)).join(', ')})`,
                            )
                            .join('; ')}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing(type)}
                        aria-label={t('subscriptions.editLabel', { type: t(`type.${type}.name`) })}
                      >
                        {t('subscriptions.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </LoadState>
      {editing && (
        <SubscriptionDialog
          customerId={customerId}
          messageType={editing}
          contacts={contacts}
          current={(subscriptions.data?.items ?? []).filter((s) => s.messageType === editing)}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function SubscriptionDialog({
  customerId,
  messageType,
  contacts,
  current,
  onClose,
}: {
  customerId: string;
  messageType: MessageType;
  contacts: Contact[];
  current: SubscriptionRecipient[];
  onClose: () => void;
}) {
  const { t } = useTranslation('messages');
  const save = useSetSubscriptions(customerId);
  const [chosen, setChosen] = useState<Record<string, Channel[]>>(() =>
    Object.fromEntries(current.map((s) => [s.contactId, s.channels])),
  );
  const toggle = (contactId: string, channel: Channel, on: boolean) =>
    setChosen((prev) => {
      const channels = (prev[contactId] ?? []).filter((c) => c !== channel);
      return { ...prev, [contactId]: on ? [...channels, channel] : channels };
    });
  const submit = (recipients: SubscriptionRecipient[]) =>
    save.mutate({ messageType, recipients }, { onSuccess: onClose });
  const recipients = Object.entries(chosen)
    .filter(([, channels]) => channels.length > 0)
    .map(([contactId, channels]) => ({ contactId, channels }));
  const typeName = t(`type.${messageType}.name`);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('subscriptions.dialogTitle', { type: typeName })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('subscriptions.cancel') }}
    >
      <Stack>
        <Text size="sm">{t('subscriptions.dialogIntro')}</Text>
        {contacts.length === 0 ? (
          <Text c="dimmed">{t('contacts.empty')}</Text>
        ) : (
          <Table aria-label={t('subscriptions.dialogTitle', { type: typeName })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contacts.name')}</Table.Th>
                {CHANNELS.map((c) => (
                  <Table.Th key={c}>{t(`channel.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Td>
                    {contact.name}
                    <Text size="xs" c="dimmed">
                      {t(`role.${contact.role}`)}
                    </Text>
                  </Table.Td>
                  {CHANNELS.map((channel) => {
                    const reachable = channel === 'email' ? !!contact.email : !!contact.phone;
                    return (
                      <Table.Td key={channel}>
                        <Checkbox
                          aria-label={t(`subscriptions.by.${channel}`, { name: contact.name })}
                          checked={(chosen[contact.id] ?? []).includes(channel)}
                          disabled={!reachable}
                          onChange={(e) => toggle(contact.id, channel, e.currentTarget.checked)}
                        />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <RefusedAlert error={save.error} />
        <Group justify="space-between">
          <Button variant="default" onClick={() => submit([])} disabled={save.isPending}>
            {t('subscriptions.useDefault')}
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              {t('subscriptions.cancel')}
            </Button>
            <Button onClick={() => submit(recipients)} loading={save.isPending}>
              {t('subscriptions.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
