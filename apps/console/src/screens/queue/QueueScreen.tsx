import { ActionIcon, Alert, Badge, Button, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useLiveEvents, type LiveStatus } from '../../api/events';
import {
  requests,
  useQueueSummary,
  useRemittance,
  useRemittanceList,
  type QueueSummary,
  type Remittance,
  type RemittanceDetail,
} from '../../api/remittances';
import { canWorkQueue, useSession } from '../../api/session';
import { formatMoney } from '../../ui/money';
import { formatAge } from '../../ui/time';
import {
  ActionModal,
  AssignDialog,
  CommentDialog,
  FeeDialog,
  HelpContent,
  ReturnDialog,
  SplitDialog,
  type DialogKind,
} from './ActionDialogs';
import type { PickedCustomer } from './CustomerPicker';
import { bindQueryClient, flushHeld, hold, undo, useHeldActions } from './held-actions';
import { QueueFiltersBar } from './QueueFiltersBar';
import { QueueTable } from './QueueTable';
import { RemittanceDetailPanel } from './RemittanceDetailPanel';
import { useQueueFilters } from './use-queue-filters';

/** keys typed into a text field are text, not shortcuts */
function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  if (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') return true;
  if (t.tagName !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((t as HTMLInputElement).type);
}

const DIALOG_TITLES: Record<DialogKind, string> = {
  assign: 'Assign to a customer',
  split: 'Split across customers',
  return: 'Return to sender',
  fee: 'Reimburse a fee',
  comment: 'Comment',
  help: 'Keyboard shortcuts',
};

function SummaryLine({ summary }: { summary: QueueSummary | undefined }) {
  if (!summary) return <Text size="sm">Counting…</Text>;
  return (
    <Text size="sm" data-testid="queue-summary">
      <strong>{summary.count}</strong> waiting
      {summary.oldestCreatedAt && <> · oldest {formatAge(summary.oldestCreatedAt)}</>} · {summary.mine} mine ·{' '}
      {summary.unowned} unowned
      {summary.byCurrency.map((c) => (
        <span key={c.currency}>
          {' '}
          · {c.count} in {c.currency}: {formatMoney(c.amount, c.currency)}
        </span>
      ))}
    </Text>
  );
}

function LiveIndicator({ status }: { status: LiveStatus }) {
  const text = status === 'live' ? 'Live' : status === 'connecting' ? 'Connecting…' : 'Offline';
  return (
    <Badge
      variant="dot"
      color={status === 'live' ? 'teal' : status === 'connecting' ? 'yellow' : 'gray'}
      data-testid="live-indicator"
      title="New remittances appear without reloading while live"
    >
      {text}
    </Badge>
  );
}

/** the default customer for an item: the one it names, else the best suggestion */
function defaultCustomer(r: RemittanceDetail | undefined): PickedCustomer | null {
  if (!r) return null;
  const named = r.customerId ? r.suggestions.find((s) => s.customerId === r.customerId) : undefined;
  const s = named ?? r.suggestions[0];
  return s ? { id: s.customerId, name: s.customerName } : null;
}

export function QueueScreen() {
  const { id } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const user = session.data!.user;
  const canAct = canWorkQueue(user);
  const meId = `user:${user.id}`;
  const qc = useQueryClient();
  useEffect(() => bindQueryClient(qc), [qc]);
  // leaving the queue sends what is still held at once rather than letting timers outlive the screen
  useEffect(() => () => flushHeld(), []);
  const live = useLiveEvents();
  const narrow = useMediaQuery('(max-width: 62em)');

  const { filters, setFilter, clear, search } = useQueueFilters();
  const list = useRemittanceList(filters);
  const summary = useQueueSummary(filters);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const detail = useRemittance(id);
  const held = useHeldActions();
  const pendingIds = useMemo(() => new Set(held.flatMap((h) => h.remittanceIds)), [held]);

  const [checked, setChecked] = useState<Set<string>>(() => new Set());
  const anchor = useRef<number | null>(null);
  const [dialog, setDialog] = useState<{ kind: DialogKind; bulk: boolean } | null>(null);
  const [picked, setPicked] = useState<Record<string, PickedCustomer | null>>({});
  const detailRef = useRef<HTMLDivElement>(null);

  const linkTo = useCallback((rid: string) => `/queue/${rid}${search ? `?${search}` : ''}`, [search]);
  const current: Remittance | undefined = detail.data ?? items.find((r) => r.id === id);
  const chosen = id && picked[id] !== undefined ? picked[id] : defaultCustomer(detail.data);
  const setChosen = (c: PickedCustomer | null) => id && setPicked((p) => ({ ...p, [id]: c }));
  const checkedItems = items.filter((r) => checked.has(r.id));

  const showDetail = useCallback(() => {
    requestAnimationFrame(() => {
      detailRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      document.getElementById('remittance-detail-title')?.focus({ preventScroll: true });
    });
  }, []);

  function select(rid: string, opts: { reveal?: boolean } = {}) {
    navigate(linkTo(rid), { replace: !!id });
    requestAnimationFrame(() => document.querySelector(`[data-id="${rid}"]`)?.scrollIntoView({ block: 'nearest' }));
    if (opts.reveal) showDetail();
  }

  function move(step: 1 | -1) {
    if (items.length === 0) return;
    const index = items.findIndex((r) => r.id === id);
    const next = index === -1 ? 0 : Math.min(items.length - 1, Math.max(0, index + step));
    if (step === 1 && index >= items.length - 2 && list.hasNextPage && !list.isFetchingNextPage)
      void list.fetchNextPage();
    select(items[next].id);
  }

  function toggle(index: number, shift: boolean) {
    const target = items[index];
    if (!target) return;
    // read the anchor now: the updater runs later, after it has moved to this row
    const from0 = shift ? anchor.current : null;
    setChecked((prev) => {
      const next = new Set(prev);
      const on = !prev.has(target.id);
      if (from0 !== null && from0 < items.length) {
        const [from, to] = from0 < index ? [from0, index] : [index, from0];
        for (let i = from; i <= to; i++)
          if (on) next.add(items[i].id);
          else next.delete(items[i].id);
      } else if (on) next.add(target.id);
      else next.delete(target.id);
      return next;
    });
    anchor.current = index;
  }

  /** assign and return act on the ticked rows when several are ticked (or any, from the selection bar) */
  function open(kind: DialogKind, fromSelection = false) {
    if (kind === 'help') return setDialog({ kind, bulk: false });
    if (!canAct) return;
    const bulk = (kind === 'assign' || kind === 'return') && checkedItems.length > (fromSelection ? 0 : 1);
    if (!bulk && (!current || current.state !== 'unmatched')) return;
    setDialog({ kind, bulk });
  }
  const closeDialog = () => {
    if (dialog?.bulk) setChecked(new Set());
    setDialog(null);
  };
  const cancelDialog = () => setDialog(null);

  function takeOwnership() {
    if (!canAct || !current) return;
    hold({
      label: `Took ownership of ${formatMoney(current.remittedAmount, current.currency)}`,
      remittanceIds: [current.id],
      requests: [requests.owner(current.id, 'me')],
    });
  }

  const when = (fn: () => void) => (e: KeyboardEvent) => {
    if (!dialog && !typing(e)) fn();
  };
  useHotkeys(
    [
      ['j', when(() => move(1))],
      ['k', when(() => move(-1))],
      [
        'x',
        when(
          () =>
            current &&
            toggle(
              items.findIndex((r) => r.id === current.id),
              false,
            ),
        ),
      ],
      ['a', when(() => open('assign'))],
      ['s', when(() => open('split'))],
      ['r', when(() => open('return'))],
      ['f', when(() => open('fee'))],
      ['c', when(() => open('comment'))],
      ['o', when(takeOwnership)],
      ['u', when(() => undo())],
      ['shift+?', when(() => open('help'))],
      ['?', when(() => open('help'))],
      [
        'Enter',
        (e) => {
          // Enter on a link, button or checkbox does what that control does
          if (dialog || typing(e) || (e.target as HTMLElement).closest('a,button,input,[role="option"]')) return;
          if (id) showDetail();
          else if (items[0]) select(items[0].id, { reveal: true });
        },
        { preventDefault: false },
      ],
    ],
    // checkboxes and buttons keep the shortcuts working; typing() leaves text fields alone
    [],
  );

  const targets: Remittance[] = dialog?.bulk ? checkedItems : current ? [current] : [];
  const splitFirst = chosen;

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="sm">
          <Title order={2}>Unmatched queue</Title>
          <LiveIndicator status={live} />
        </Group>
        <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts" onClick={() => open('help')}>
          ?
        </ActionIcon>
      </Group>
      <SummaryLine summary={summary.data} />
      <QueueFiltersBar filters={filters} setFilter={setFilter} clear={clear} />
      {canAct && checked.size > 0 && (
        <Paper withBorder p="xs" component="section" aria-label="Selection">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {checked.size} selected
            </Text>
            <Button size="xs" onClick={() => open('assign', true)} disabled={checkedItems.length === 0}>
              Assign selected…
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => open('return', true)}
              disabled={checkedItems.length === 0}
            >
              Return selected…
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setChecked(new Set())}>
              Clear selection
            </Button>
          </Group>
        </Paper>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: id ? 7 : 12 }}>
          {list.isError && (
            <Alert color="red" title="Could not load the queue">
              {list.error.message}
            </Alert>
          )}
          {list.isPending ? (
            <Loader size="sm" aria-label="Loading the queue" />
          ) : (
            <>
              <QueueTable
                items={items}
                currentId={id}
                checked={checked}
                pendingIds={pendingIds}
                linkTo={linkTo}
                onToggle={toggle}
                onToggleAll={() =>
                  setChecked((prev) =>
                    items.every((r) => prev.has(r.id)) ? new Set() : new Set(items.map((r) => r.id)),
                  )
                }
                onRowClick={(rid) => select(rid, { reveal: !!narrow })}
              />
              {items.length === 0 && <Text p="md">Nothing waits here: every transfer is matched.</Text>}
              <Group justify="center" mt="sm">
                {list.hasNextPage && (
                  <Button variant="default" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
                    Load more
                  </Button>
                )}
              </Group>
            </>
          )}
        </Grid.Col>
        {id && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper
              withBorder
              p="md"
              ref={detailRef}
              component="section"
              aria-labelledby="remittance-detail-title"
              style={{ scrollMarginTop: 64 }}
            >
              <RemittanceDetailPanel
                remittance={detail.data}
                loading={detail.isPending}
                error={detail.error}
                canAct={canAct}
                meId={meId}
                customer={chosen}
                onCustomerChange={setChosen}
                onOpen={open}
                onClose={() => navigate(`/queue${search ? `?${search}` : ''}`)}
              />
            </Paper>
          </Grid.Col>
        )}
      </Grid>

      <ActionModal
        opened={!!dialog}
        title={
          dialog
            ? dialog.bulk
              ? `${dialog.kind === 'assign' ? 'Assign' : 'Return'} ${targets.length} selected`
              : DIALOG_TITLES[dialog.kind]
            : ''
        }
        onClose={cancelDialog}
      >
        {dialog?.kind === 'help' && <HelpContent />}
        {dialog?.kind === 'assign' && targets.length > 0 && (
          <AssignDialog
            targets={targets}
            customer={dialog.bulk ? (picked['bulk'] ?? null) : chosen}
            onCustomerChange={(c) => (dialog.bulk ? setPicked((p) => ({ ...p, bulk: c })) : setChosen(c))}
            suggested={
              dialog.bulk
                ? []
                : (detail.data?.suggestions ?? []).map((s) => ({ id: s.customerId, name: s.customerName }))
            }
            onClose={closeDialog}
          />
        )}
        {dialog?.kind === 'split' && current && (
          <SplitDialog target={current} first={splitFirst} onClose={closeDialog} />
        )}
        {dialog?.kind === 'return' && targets.length > 0 && <ReturnDialog targets={targets} onClose={closeDialog} />}
        {dialog?.kind === 'fee' && current && <FeeDialog target={current} onClose={closeDialog} />}
        {dialog?.kind === 'comment' && current && <CommentDialog target={current} onClose={closeDialog} />}
      </ActionModal>
    </Stack>
  );
}
