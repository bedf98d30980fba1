import { Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { useSession } from '../../../api/session';
import {
  useCreateSettlementTask,
  useEditSettlementTask,
  useSettlementCandidates,
  useSettlementTask,
  useSettlementTaskAction,
  type SettlementCandidates,
  type SettlementTask,
} from '../../../api/settlement-tasks';
import { formatMoney } from '../../../ui/money';
import {
  chosenBills,
  distinctCycles,
  itemKey,
  MAX_CYCLES,
  saveFile,
  selectionCsv,
  toItems,
  totalOf,
} from './selection';
import { ErrorNotice, QueryGate, ROOT, formatCycle, notify } from './shared';

/** The create wizard (`new`) and the draft editor (`:id/edit`): choose bills, then confirm and save or run. */
export function TaskWizard({ taskId }: { taskId?: string }) {
  const session = useSession();
  const payer = session.data?.user.customerId ?? '';
  const candidates = useSettlementCandidates(payer);
  const draft = useSettlementTask(taskId ?? '', !!taskId);
  return (
    <QueryGate query={candidates}>
      {taskId ? (
        <QueryGate query={draft}>
          {draft.data && candidates.data && <Wizard candidates={candidates.data} draft={draft.data} />}
        </QueryGate>
      ) : (
        candidates.data && <Wizard candidates={candidates.data} />
      )}
    </QueryGate>
  );
}

function Wizard({ candidates, draft }: { candidates: SettlementCandidates; draft?: SettlementTask }) {
  const { t } = useTranslation('settlement');
  const navigate = useNavigate();
  const [step, setStep] = useState<1 | 2>(1);
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set(draft?.items.map((i) => itemKey(i.customerId, i.billingCycle)) ?? []),
  );
  const [name, setName] = useState(draft?.name ?? '');
  const [showTotal, setShowTotal] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const create = useCreateSettlementTask();
  const edit = useEditSettlementTask();
  const action = useSettlementTaskAction();
  const busy = create.isPending || edit.isPending || action.isPending;
  const cycles = distinctCycles(chosen);
  const bills = useMemo(() => chosenBills(candidates, chosen), [candidates, chosen]);
  const total = totalOf(bills);
  const money = (amount: Parameters<typeof formatMoney>[0]) => formatMoney(amount, candidates.currency);
  useEffect(() => setError(null), [step]);

  const toggle = (key: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  async function save(run: boolean) {
    setError(null);
    try {
      const items = toItems(bills);
      let task: SettlementTask;
      if (draft) {
        task = await edit.mutateAsync({ id: draft.id, name: name.trim() || undefined, items });
        if (run) task = await action.mutateAsync({ id: task.id, action: 'run' });
      } else task = await create.mutateAsync({ name: name.trim() || undefined, items, run });
      notify(t('actions.done', { reference: task.reference, status: t(`status.${task.status}`) }));
      navigate(`${ROOT}/${task.id}`);
    } catch (e) {
      setError(e as Error);
    }
  }
  const fieldError = (field: string) =>
    error instanceof ApiError && error.field === field ? t('wizard.fieldRefused', { message: error.message }) : null;

  return (
    <Stack>
      <Title order={2}>{draft ? t('wizard.editTitle', { reference: draft.reference }) : t('wizard.createTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('wizard.step', { step })}
      </Text>
      {step === 1 ? (
        <>
          <Title order={3}>{t('wizard.chooseBills')}</Title>
          <Text size="sm">{t('wizard.chooseHelp')}</Text>
          <Text size="sm" aria-live="polite" data-testid="cycle-cap">
            {cycles.size >= MAX_CYCLES ? t('wizard.capReached') : t('wizard.cap', { count: cycles.size })}
          </Text>
          {candidates.accounts.length === 0 && <Text>{t('wizard.noCandidates')}</Text>}
          {candidates.accounts.map((account) => (
            <Paper key={account.customerId} withBorder p="sm" component="section" aria-label={account.customerName}>
              <Title order={4} mb="xs">
                {account.customerName}
              </Title>
              <Table.ScrollContainer type="native" minWidth={720}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('columns.select')}</Table.Th>
                      <Table.Th>{t('columns.cycle')}</Table.Th>
                      <Table.Th>{t('columns.bill')}</Table.Th>
                      <Table.Th>{t('columns.billStatus')}</Table.Th>
                      <Table.Th ta="right">{t('columns.consumption')}</Table.Th>
                      <Table.Th ta="right">{t('columns.toBeRepaid')}</Table.Th>
                      <Table.Th>{t('columns.note')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {account.cycles.map((c) => {
                      const key = itemKey(account.customerId, c.billingCycle);
                      // a draft being edited holds its own cycles: they stay selectable for it
                      const heldByOther = !c.selectable && c.heldBy?.taskId !== draft?.id;
                      const overCap = !chosen.has(key) && !cycles.has(c.billingCycle) && cycles.size >= MAX_CYCLES;
                      const note = heldByOther
                        ? t('wizard.heldBy', { reference: c.heldBy?.reference })
                        : overCap
                          ? t('wizard.overCap')
                          : '';
                      return (
                        <Table.Tr
                          key={key}
                          data-cycle={c.billingCycle}
                          data-held={heldByOther || undefined}
                          c={heldByOther ? 'gray.7' : undefined}
                          bg={heldByOther ? 'gray.1' : undefined}
                        >
                          <Table.Td>
                            <Checkbox
                              aria-label={t('wizard.select', {
                                account: account.customerName,
                                cycle: formatCycle(c.billingCycle),
                              })}
                              checked={chosen.has(key)}
                              disabled={heldByOther || overCap}
                              onChange={() => toggle(key)}
                              data-testid={`cycle-${c.billingCycle}`}
                            />
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatCycle(c.billingCycle)}</Table.Td>
                          <Table.Td ff="monospace">{c.billReference}</Table.Td>
                          <Table.Td>{t(`billStatus.${c.billStatus}`, { defaultValue: c.billStatus })}</Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                            {money(c.consumption)}
                          </Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                            {money(c.toBeRepaid)}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" data-testid={heldByOther ? 'held-by' : undefined}>
                              {note}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          ))}
          <Group>
            <Button variant="default" component={Link} to={draft ? `${ROOT}/${draft.id}` : ROOT}>
              {t('wizard.cancel')}
            </Button>
            <Button disabled={chosen.size === 0} onClick={() => setStep(2)}>
              {t('wizard.next')}
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Title order={3}>{t('wizard.confirm')}</Title>
          <Text size="sm">{t('wizard.verify')}</Text>
          <TextInput
            label={t('wizard.name')}
            description={t('wizard.nameHelp')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError('name')}
            maw={480}
          />
          <Table.ScrollContainer type="native" minWidth={640}>
            <Table striped data-testid="wizard-items">
              <Table.Caption>{t('wizard.itemsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.account')}</Table.Th>
                  <Table.Th>{t('columns.cycle')}</Table.Th>
                  <Table.Th>{t('columns.bill')}</Table.Th>
                  <Table.Th ta="right">{t('columns.consumption')}</Table.Th>
                  <Table.Th ta="right">{t('columns.toBeRepaid')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bills.map((b) => (
                  <Table.Tr key={itemKey(b.customerId, b.cycle.billingCycle)}>
                    <Table.Td>{b.customerName}</Table.Td>
                    <Table.Td>{formatCycle(b.cycle.billingCycle)}</Table.Td>
                    <Table.Td ff="monospace">{b.cycle.billReference}</Table.Td>
                    <Table.Td ta="right">{money(b.cycle.consumption)}</Table.Td>
                    <Table.Td ta="right">{money(b.cycle.toBeRepaid)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {error && fieldError('name') === null && <ErrorNotice error={error} title={t('wizard.refused')} />}
          {showTotal && (
            <Paper withBorder p="sm" role="status" aria-label={t('totals.title')} data-testid="wizard-total">
              <Text fw={600}>{t('totals.title')}</Text>
              <Text>{t('totals.consumption', { amount: money(total.consumption) })}</Text>
              <Text>{t('totals.toBeRepaid', { amount: money(total.toBeRepaid) })}</Text>
            </Paper>
          )}
          <Group>
            <Button variant="default" onClick={() => setStep(1)} disabled={busy}>
              {t('wizard.back')}
            </Button>
            <Button variant="default" onClick={() => setShowTotal((s) => !s)} aria-expanded={showTotal}>
              {showTotal ? t('wizard.hideTotal') : t('wizard.viewTotal')}
            </Button>
            <Button
              variant="default"
              onClick={() =>
                saveFile('settlement-task-selection.csv', selectionCsv(bills, candidates.currency), 'text/csv')
              }
            >
              {t('wizard.export')}
            </Button>
            <Button variant="outline" onClick={() => save(false)} loading={busy}>
              {draft ? t('wizard.saveChanges') : t('wizard.saveDraft')}
            </Button>
            <Button onClick={() => save(true)} loading={busy}>
              {t('wizard.generateAndRun')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
