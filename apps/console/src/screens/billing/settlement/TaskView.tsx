import { Alert, Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import Decimal from 'decimal.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  taskBillPdfUrl,
  taskCsvUrl,
  taskPdfUrl,
  useDeleteSettlementTask,
  useSettlementTask,
  useSettlementTaskAction,
  useSettlementTaskPayment,
  type SettlementTask,
  type TaskAction,
} from '../../../api/settlement-tasks';
import { formatMoney } from '../../../ui/money';
import { ErrorNotice, QueryGate, ROOT, StatusBadge, formatCycle, formatWhen, notify } from './shared';

/** A task: its items, totals, history, downloads, and the actions its state allows (seed 001 "View"). */
export function TaskView({ id }: { id: string }) {
  const task = useSettlementTask(id);
  return <QueryGate query={task}>{task.data && <Task task={task.data} />}</QueryGate>;
}

type Confirmable = 'delete' | 'close' | 'stop';

function Task({ task }: { task: SettlementTask }) {
  const { t } = useTranslation('settlement');
  const navigate = useNavigate();
  const action = useSettlementTaskAction();
  const remove = useDeleteSettlementTask();
  const [confirm, setConfirm] = useState<Confirmable | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const money = (amount: string) => formatMoney(amount, task.currency);
  const waiting =
    (task.status === 'running' || task.status === 'settling') && new Decimal(task.totals.toBeRepaid).gt(0);

  async function act(name: TaskAction | 'delete') {
    setError(null);
    setConfirm(null);
    try {
      if (name === 'delete') {
        await remove.mutateAsync(task.id);
        notify(t('actions.deleted', { reference: task.reference }));
        navigate(ROOT);
        return;
      }
      const next = await action.mutateAsync({ id: task.id, action: name });
      notify(t('actions.done', { reference: next.reference, status: t(`status.${next.status}`) }));
    } catch (e) {
      setError(e as Error);
    }
  }
  const busy = action.isPending || remove.isPending;
  const button = (name: TaskAction | Confirmable, variant = 'default') => (
    <Button
      variant={variant}
      loading={busy}
      onClick={() => (name === 'delete' || name === 'close' || name === 'stop' ? setConfirm(name) : act(name))}
    >
      {t(`actions.${name}`)}
    </Button>
  );

  return (
    <Stack>
      <Anchor component={Link} to={ROOT} size="sm">
        {t('view.back')}
      </Anchor>
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Title order={2}>{task.name}</Title>
          <StatusBadge status={task.status} />
        </Group>
        <Text ff="monospace">{task.reference}</Text>
      </Group>
      <Text size="sm" c="dimmed">
        {t('view.createdBy', { at: formatWhen(task.createdAt), by: task.createdBy.name ?? task.createdBy.role })}
        {task.completedAt && ` · ${t('view.completedAt', { at: formatWhen(task.completedAt) })}`}
      </Text>

      {/* seed 001: Edit and Delete for drafts, Stop while Running or Settling, Enable or Close when Not Started */}
      <Group data-testid="task-actions">
        {task.status === 'draft' && (
          <>
            <Button component={Link} to={`${ROOT}/${task.id}/edit`} variant="default">
              {t('actions.edit')}
            </Button>
            {button('run', 'filled')}
            {button('delete', 'outline')}
          </>
        )}
        {(task.status === 'running' || task.status === 'settling') && button('stop')}
        {task.status === 'not_started' && (
          <>
            {button('enable', 'filled')}
            {button('close', 'outline')}
          </>
        )}
        <Button component="a" href={taskCsvUrl(task.id)} download variant="default">
          {t('view.downloadCsv')}
        </Button>
        <Button component="a" href={taskPdfUrl(task.id)} download variant="default">
          {t('view.downloadPdf')}
        </Button>
      </Group>
      {error && <ErrorNotice error={error} title={t('actions.failed')} />}

      {task.status === 'completed' && (
        <Alert color="teal.9" variant="outline" role="status">
          {t('completed')}
        </Alert>
      )}
      {waiting && <PaymentPanel taskId={task.id} />}

      <Paper withBorder p="sm" data-testid="task-totals">
        <Text fw={600}>{t('totals.title')}</Text>
        <Text>{t('totals.consumption', { amount: money(task.totals.consumption) })}</Text>
        <Text>{t('totals.toBeRepaid', { amount: money(task.totals.toBeRepaid) })}</Text>
        <Text>{t('totals.paidByTask', { amount: money(task.totals.paidByTask) })}</Text>
      </Paper>

      <Title order={3}>{t('view.items')}</Title>
      <Table.ScrollContainer type="native" tabIndex={0} minWidth={860} aria-label={t('view.items')}>
        <Table striped data-testid="task-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.account')}</Table.Th>
              <Table.Th>{t('columns.cycle')}</Table.Th>
              <Table.Th>{t('columns.bill')}</Table.Th>
              <Table.Th>{t('columns.billStatus')}</Table.Th>
              <Table.Th ta="right">{t('columns.consumption')}</Table.Th>
              <Table.Th ta="right">{t('columns.toBeRepaid')}</Table.Th>
              <Table.Th ta="right">{t('columns.paidByTask')}</Table.Th>
              <Table.Th>{t('columns.pdf')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {task.items.map((item) => (
              <Table.Tr key={`${item.customerId}|${item.billingCycle}`} data-cycle={item.billingCycle}>
                <Table.Td>{item.customerName}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatCycle(item.billingCycle)}</Table.Td>
                <Table.Td ff="monospace">{item.billReference ?? '—'}</Table.Td>
                <Table.Td data-bill-status={item.billStatus ?? 'none'}>
                  {t(`billStatus.${item.billStatus ?? 'none'}`, { defaultValue: item.billStatus ?? '' })}
                  {item.settledOtherwise && ` (${t('view.settledOtherwise')})`}
                </Table.Td>
                <Table.Td ta="right">{money(item.consumption)}</Table.Td>
                <Table.Td ta="right">{money(item.toBeRepaid)}</Table.Td>
                <Table.Td ta="right">{money(item.paidByTask)}</Table.Td>
                <Table.Td>
                  {item.billId && (
                    <Anchor href={taskBillPdfUrl(task.id, item.billId)} download size="sm">
                      {t('view.billPdf', { reference: item.billReference })}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Title order={3}>{t('view.history')}</Title>
      <Table.ScrollContainer type="native" tabIndex={0} minWidth={640} aria-label={t('view.history')}>
        <Table data-testid="task-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.at')}</Table.Th>
              <Table.Th>{t('columns.from')}</Table.Th>
              <Table.Th>{t('columns.to')}</Table.Th>
              <Table.Th>{t('columns.by')}</Table.Th>
              <Table.Th>{t('columns.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {task.history.map((h, i) => (
              <Table.Tr key={i}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWhen(h.at)}</Table.Td>
                <Table.Td>{h.from ? t(`status.${h.from}`) : '—'}</Table.Td>
                <Table.Td>{t(`status.${h.to}`)}</Table.Td>
                <Table.Td>{h.actor.role === 'system' ? t('view.system') : (h.actor.name ?? h.actor.role)}</Table.Td>
                <Table.Td>{h.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm ? t(`confirm.${confirm}Title`) : ''}
        closeButtonProps={{ 'aria-label': t('actions.cancel') }}
      >
        <Stack>
          <Text>{confirm && t(`confirm.${confirm}`)}</Text>
          {confirm === 'stop' && task.status === 'settling' && (
            <Alert color="red.9" variant="outline">
              {t('confirm.stopSettling')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('actions.cancel')}
            </Button>
            <Button color={confirm === 'stop' ? undefined : 'red.9'} onClick={() => confirm && act(confirm)}>
              {confirm && t(`actions.${confirm}`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/**
 * seed 001 "Make payment": the balance does not cover the task; what to transfer, where and with which
 * reference, then the Deposit screen (it gets the amount and the reference in its query).
 */
function PaymentPanel({ taskId }: { taskId: string }) {
  const { t } = useTranslation('settlement');
  const payment = useSettlementTaskPayment(taskId, true);
  const p = payment.data;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('payment.title')} data-testid="payment-panel">
      <Title order={3} mb="xs">
        {t('payment.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('payment.explain')}
      </Text>
      <QueryGate query={payment}>
        {p && (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Field label={t('payment.amountDue')} value={formatMoney(p.amountDue, p.currency)} testId="amount-due" />
              <Field label={t('payment.balance')} value={formatMoney(p.balance, p.currency)} />
              {p.exclusiveAccount && (
                <>
                  <Field label={t('payment.account')} value={p.exclusiveAccount.number} testId="exclusive-account" />
                  <Field label={t('payment.holder')} value={p.exclusiveAccount.accountHolderName} />
                  {p.exclusiveAccount.bic && <Field label={t('payment.bic')} value={p.exclusiveAccount.bic} />}
                  {p.exclusiveAccount.bankName && (
                    <Field label={t('payment.bank')} value={p.exclusiveAccount.bankName} />
                  )}
                </>
              )}
              <Field label={t('payment.reference')} value={p.paymentReference} testId="payment-reference" />
            </SimpleGrid>
            <Group>
              <Button
                component={Link}
                to={`/billing/deposit?${new URLSearchParams({
                  amount: p.amountDue,
                  currency: p.currency,
                  reference: p.paymentReference,
                })}`}
              >
                {t('actions.makePayment')}
              </Button>
            </Group>
          </Stack>
        )}
      </QueryGate>
    </Paper>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text ff="monospace" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
