import { Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import {
  useAcknowledgeAlert,
  useLedgerVerify,
  useProofOfCash,
  useStatementAlerts,
  useStatementFiles,
  useUnknownStatementAccounts,
} from '../../api/bank';
import { useCollectionAccounts } from '../../api/remittances';
import { formatDateTime, formatMoney, humanize } from '../customers/format';
import { Pager, useCursorPager } from '../customers/Pager';
import { QueryState } from '../customers/QueryState';
import { notify } from '../customers/notify';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** The bank side: files received (and why some were quarantined), continuity alerts, the ledger check, the proof of cash. */
export function BankScreen() {
  return (
    <Stack gap="xl">
      <Title order={2}>Bank</Title>
      <LedgerCheck />
      <ProofOfCashSection />
      <Alerts />
      <Files />
      <UnknownAccounts />
    </Stack>
  );
}

function LedgerCheck() {
  const verify = useLedgerVerify();
  const forbidden = verify.error instanceof ApiError && verify.error.status === 403;
  return (
    <section aria-labelledby="ledger-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} id="ledger-title">
          Ledger check
        </Title>
        {!forbidden && (
          <Button size="xs" variant="default" onClick={() => verify.refetch()} loading={verify.isFetching}>
            Check again
          </Button>
        )}
      </Group>
      {forbidden ? (
        <Text c="dimmed">The ledger check is for administrators and finance.</Text>
      ) : (
        <QueryState query={verify} label="the ledger check">
          {verify.data && (
            <Stack gap="xs" data-testid="ledger-check">
              <Paper withBorder p="sm" role="status" data-testid="ledger-status">
                <Text fw={700} c={verify.data.ok ? 'teal.9' : 'red.9'}>
                  {verify.data.ok ? 'Balanced' : 'Not balanced'}
                </Text>
                <Text size="sm">
                  {verify.data.ok
                    ? 'Every cached balance equals the sum of its postings and every journal entry sums to zero.'
                    : 'Some invariants do not hold: see the figures below.'}
                </Text>
              </Paper>
              <Table.ScrollContainer type="native" tabIndex={0} minWidth={360}>
                <Table>
                  <Table.Tbody>
                    <Table.Tr>
                      <Table.Th scope="row">Balances differing from their postings</Table.Th>
                      <Table.Td>{verify.data.balanceMismatches.length}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th scope="row">Journal entries not summing to zero</Table.Th>
                      <Table.Td>{verify.data.unbalancedJournals.length}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th scope="row">Postings in another currency than their account</Table.Th>
                      <Table.Td>{verify.data.postingCurrencyMismatches}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th scope="row">Orphan postings</Table.Th>
                      <Table.Td>{verify.data.orphanPostings}</Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {verify.data.balanceMismatches.length > 0 && (
                <Table.ScrollContainer type="native" tabIndex={0} minWidth={560}>
                  <Table>
                    <Table.Caption>Balances differing from their postings</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Account</Table.Th>
                        <Table.Th ta="right">Cached</Table.Th>
                        <Table.Th ta="right">Sum of postings</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {verify.data.balanceMismatches.map((m) => (
                        <Table.Tr key={m.accountId}>
                          <Table.Td ff="monospace">{m.code}</Table.Td>
                          <Table.Td ta="right">{formatMoney(m.cached)}</Table.Td>
                          <Table.Td ta="right">{formatMoney(m.sumOfPostings)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {verify.data.unbalancedJournals.length > 0 && (
                <Table.ScrollContainer type="native" tabIndex={0} minWidth={560}>
                  <Table>
                    <Table.Caption>Journal entries not summing to zero</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Journal entry</Table.Th>
                        <Table.Th ta="right">Total</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {verify.data.unbalancedJournals.map((j) => (
                        <Table.Tr key={`${j.journalEntryId}-${j.currency}`}>
                          <Table.Td ff="monospace">{j.journalEntryId}</Table.Td>
                          <Table.Td ta="right">{formatMoney(j.total, j.currency)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          )}
        </QueryState>
      )}
    </section>
  );
}

const PROOF_DAYS = 7;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The last days of every collection account: does the bank's day tie to the books? */
function ProofOfCashSection() {
  const accounts = useCollectionAccounts();
  const today = new Date();
  const to = isoDay(today);
  const from = isoDay(new Date(today.getTime() - (PROOF_DAYS - 1) * 86_400_000));
  return (
    <section aria-labelledby="proof-title">
      <Title order={3} id="proof-title" mb="xs">
        Proof of cash
      </Title>
      <Text size="sm" mb="xs">
        Per banking day of the last {PROOF_DAYS} days: the bank&apos;s booked movement against what the books moved from
        the bank-clearing account into customers&apos; money.
      </Text>
      <QueryState query={accounts} label="the collection accounts">
        <Stack gap="sm">
          {accounts.data?.map((a) => (
            <ProofOfCashTable key={a.id} id={a.id} name={a.name} from={from} to={to} />
          ))}
        </Stack>
      </QueryState>
    </section>
  );
}

function ProofOfCashTable({ id, name, from, to }: { id: string; name: string; from: string; to: string }) {
  const proof = useProofOfCash(id, from, to);
  const forbidden = proof.error instanceof ApiError && proof.error.status === 403;
  if (forbidden) return <Text c="dimmed">The proof of cash is for staff.</Text>;
  return (
    <QueryState query={proof} label={`the proof of cash of ${name}`}>
      {proof.data?.length === 0 ? (
        <Text c="dimmed" data-testid="proof-of-cash-empty">
          {name}: no entries booked from {from} to {to}.
        </Text>
      ) : (
        <Table.ScrollContainer type="native" tabIndex={0} minWidth={720}>
          <Table captionSide="top">
            <Table.Caption>{name}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Day</Table.Th>
                <Table.Th ta="right">Bank</Table.Th>
                <Table.Th ta="right">Books</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Differences</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proof.data?.map((d) => (
                <Table.Tr key={`${d.date}-${d.currency}`} data-testid="proof-of-cash-day">
                  <Table.Td style={nowrap}>{d.date}</Table.Td>
                  <Table.Td ta="right" style={nowrap}>
                    {formatMoney(d.bankMovement, d.currency)}
                  </Table.Td>
                  <Table.Td ta="right" style={nowrap}>
                    {formatMoney(d.ledgerMovement, d.currency)}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={d.ties ? 'teal.9' : 'red.9'} variant="filled">
                      {d.ties ? 'Ties' : 'Does not tie'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {d.differences.length === 0
                      ? '—'
                      : d.differences
                          .map(
                            (x) => `${humanize(x.kind)} ${x.bankReference ?? ''} ${formatMoney(x.amount, d.currency)}`,
                          )
                          .join('; ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </QueryState>
  );
}

function Alerts() {
  const [show, setShow] = useState<'open' | 'all'>('open');
  const pager = useCursorPager();
  const alerts = useStatementAlerts(show, pager.cursor);
  const acknowledge = useAcknowledgeAlert();

  async function ack(id: string) {
    try {
      await acknowledge.mutateAsync(id);
      notify('Alert acknowledged');
    } catch (e) {
      notify((e as Error).message, { title: 'Could not acknowledge', error: true });
    }
  }

  return (
    <section aria-labelledby="alerts-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} id="alerts-title">
          Continuity alerts
        </Title>
        <SegmentedControl
          aria-label="Alerts shown"
          size="xs"
          value={show}
          onChange={(v) => {
            setShow(v as 'open' | 'all');
            pager.reset();
          }}
          data={[
            { value: 'open', label: 'Open' },
            { value: 'all', label: 'All' },
          ]}
        />
      </Group>
      <QueryState query={alerts} label="the alerts">
        {alerts.data?.items.length === 0 ? (
          <Text c="dimmed">{show === 'open' ? 'No open alert.' : 'No alert.'}</Text>
        ) : (
          <Table.ScrollContainer type="native" tabIndex={0} minWidth={720}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Raised</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Account</Table.Th>
                  <Table.Th>Message</Table.Th>
                  <Table.Th>Acknowledged</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {alerts.data?.items.map((a) => (
                  <Table.Tr key={a.id} data-testid="statement-alert">
                    <Table.Td style={nowrap}>{formatDateTime(a.createdAt)}</Table.Td>
                    <Table.Td>{humanize(a.kind)}</Table.Td>
                    <Table.Td ff="monospace">{a.accountKey}</Table.Td>
                    <Table.Td>{a.message}</Table.Td>
                    <Table.Td>
                      {a.acknowledgedAt ? (
                        <Text size="sm">
                          {formatDateTime(a.acknowledgedAt)}
                          {a.acknowledgedBy ? ` by ${a.acknowledgedBy}` : ''}
                        </Text>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="light"
                          onClick={() => ack(a.id)}
                          loading={acknowledge.isPending && acknowledge.variables === a.id}
                        >
                          Acknowledge
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Pager pager={pager} nextCursor={alerts.data?.nextCursor} label="Alerts" />
      </QueryState>
    </section>
  );
}

const FILE_STATUS = [
  { value: 'all', label: 'All' },
  { value: 'ingested', label: 'Ingested' },
  { value: 'quarantined', label: 'Quarantined' },
  { value: 'duplicate', label: 'Duplicate' },
];

const fileColor = (status: string) =>
  ({ ingested: 'teal.9', quarantined: 'red.9', duplicate: 'gray.8' })[status] ?? 'gray.8';

function Files() {
  const [status, setStatus] = useState('all');
  const pager = useCursorPager();
  const files = useStatementFiles(status === 'all' ? null : status, pager.cursor);
  return (
    <section aria-labelledby="files-title">
      <Group justify="space-between" align="end" mb="xs">
        <Title order={3} id="files-title">
          Statement files
        </Title>
        <Select
          label="Status"
          size="xs"
          data={FILE_STATUS}
          value={status}
          allowDeselect={false}
          onChange={(v) => {
            setStatus(v ?? 'all');
            pager.reset();
          }}
          w={160}
        />
      </Group>
      <QueryState query={files} label="the statement files">
        {files.data?.items.length === 0 ? (
          <Text c="dimmed">No files.</Text>
        ) : (
          <Table.ScrollContainer type="native" tabIndex={0} minWidth={820}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Received</Table.Th>
                  <Table.Th>File</Table.Th>
                  <Table.Th>Format</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th ta="right">Entries (new)</Table.Th>
                  <Table.Th>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {files.data?.items.map((f) => (
                  <Table.Tr key={f.id} data-testid="statement-file">
                    <Table.Td style={nowrap}>{formatDateTime(f.receivedAt)}</Table.Td>
                    <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {f.fileName}
                    </Table.Td>
                    <Table.Td>{f.format ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={fileColor(f.status)}>
                        {f.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      {f.entryCount} ({f.newEntryCount})
                    </Table.Td>
                    <Table.Td>
                      {f.status === 'quarantined' && (
                        <Text size="sm">
                          {f.error}
                          {f.errorLocation && (
                            <Text span size="xs" ff="monospace">
                              {' '}
                              at {f.errorLocation}
                            </Text>
                          )}
                        </Text>
                      )}
                      {f.duplicateOf && (
                        <Text size="sm">same content as {f.duplicateOf.fileName ?? f.duplicateOf.id}</Text>
                      )}
                      {f.rejectedAt && (
                        <Text size="sm">
                          rejected {formatDateTime(f.rejectedAt)}: {f.rejectionReason}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Pager pager={pager} nextCursor={files.data?.nextCursor} label="Statement files" />
      </QueryState>
    </section>
  );
}

function UnknownAccounts() {
  const unknown = useUnknownStatementAccounts();
  return (
    <section aria-labelledby="unknown-title">
      <Title order={3} id="unknown-title" mb="xs">
        Unknown statement accounts
      </Title>
      <QueryState query={unknown} label="the unknown accounts">
        {unknown.data?.items.length === 0 ? (
          <Text c="dimmed">Every statement account is a collection account.</Text>
        ) : (
          <Table.ScrollContainer type="native" tabIndex={0} minWidth={640}>
            <Table>
              <Table.Caption>Entries held (not credited) until finance assigns the account</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Account</Table.Th>
                  <Table.Th>Currency</Table.Th>
                  <Table.Th ta="right">Entries (booked)</Table.Th>
                  <Table.Th ta="right">Credits held</Table.Th>
                  <Table.Th ta="right">Debits held</Table.Th>
                  <Table.Th>First seen</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {unknown.data?.items.map((u) => (
                  <Table.Tr key={`${u.accountKey}-${u.currency}`}>
                    <Table.Td ff="monospace">{u.accountKey}</Table.Td>
                    <Table.Td>{u.currency}</Table.Td>
                    <Table.Td ta="right">
                      {u.entries} ({u.booked})
                    </Table.Td>
                    <Table.Td ta="right" style={nowrap}>
                      {formatMoney(u.credits, u.currency)}
                    </Table.Td>
                    <Table.Td ta="right" style={nowrap}>
                      {formatMoney(u.debits, u.currency)}
                    </Table.Td>
                    <Table.Td style={nowrap}>{formatDateTime(u.firstSeenAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </section>
  );
}
