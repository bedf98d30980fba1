import { Alert, Anchor, Badge, Button, Code, Group, List, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  useAuditTrail,
  useBills,
  useRepayments,
  useVirtualAccounts,
  useWhyUnsettled,
  type Bill,
} from '../../api/customers';
import { formatDate, formatDateTime, formatMoney, humanize } from './format';
import { StatusBadge } from './OverviewTab';
import { Pager, useCursorPager } from './Pager';
import { QueryState } from './QueryState';

const nowrap = { whiteSpace: 'nowrap' } as const;

export function VirtualAccountsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customer');
  const accounts = useVirtualAccounts(customerId);
  return (
    <QueryState query={accounts} label={t('accounts.what')}>
      {accounts.data?.items.length === 0 ? (
        <Text c="dimmed">{t('accounts.none')}</Text>
      ) : (
        <Table.ScrollContainer type="native" tabIndex={0} minWidth={640}>
          <Table>
            <Table.Caption>{t('accounts.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cols.currency')}</Table.Th>
                <Table.Th>{t('cols.account')}</Table.Th>
                <Table.Th>{t('cols.bicRouting')}</Table.Th>
                <Table.Th>{t('cols.collectionAccount')}</Table.Th>
                <Table.Th>{t('cols.status')}</Table.Th>
                <Table.Th>{t('cols.opened')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.data?.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.currency}</Table.Td>
                  <Table.Td ff="monospace" style={nowrap}>
                    {a.display}
                  </Table.Td>
                  <Table.Td ff="monospace">{a.bic ?? a.routingNumber ?? '—'}</Table.Td>
                  <Table.Td>{a.collectionAccountName}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={a.status === 'active' ? 'teal.9' : 'gray.8'}>
                      {t(`accounts.status.${a.status}`, { defaultValue: a.status })}
                    </Badge>
                    {a.closedAt && <Text size="xs">{t('accounts.closedOn', { date: formatDate(a.closedAt) })}</Text>}
                  </Table.Td>
                  <Table.Td style={nowrap}>{formatDate(a.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </QueryState>
  );
}

// labels: customer.json, bills.filters.<value>
const BILL_FILTERS = ['all', 'open', 'unsettled', 'partly_paid', 'overdue', 'settled'];

export function BillsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customer');
  const [status, setStatus] = useState('all');
  const pager = useCursorPager();
  const bills = useBills(customerId, status === 'all' ? null : status, pager.cursor);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack>
      <Select
        label={t('cols.status')}
        data={BILL_FILTERS.map((value) => ({ value, label: t(`bills.filters.${value}`) }))}
        value={status}
        onChange={(v) => {
          setStatus(v ?? 'all');
          pager.reset();
        }}
        allowDeselect={false}
        maw={240}
      />
      <QueryState query={bills} label={t('bills.what')}>
        {bills.data?.items.length === 0 ? (
          <Text c="dimmed">{t('bills.none')}</Text>
        ) : (
          <Table.ScrollContainer type="native" tabIndex={0} minWidth={860}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cols.bill')}</Table.Th>
                  <Table.Th>{t('cols.cycle')}</Table.Th>
                  <Table.Th>{t('cols.issued')}</Table.Th>
                  <Table.Th>{t('cols.due')}</Table.Th>
                  <Table.Th ta="right">{t('cols.amount')}</Table.Th>
                  <Table.Th ta="right">{t('cols.paid')}</Table.Th>
                  <Table.Th ta="right">{t('cols.outstanding')}</Table.Th>
                  <Table.Th>{t('cols.status')}</Table.Th>
                  <Table.Th>{t('cols.documents')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bills.data?.items.map((b) => (
                  <Fragment key={b.id}>
                    <Table.Tr data-testid={`bill-${b.reference}`}>
                      <Table.Td ff="monospace" style={nowrap}>
                        {b.reference}
                      </Table.Td>
                      <Table.Td>{b.billingCycle}</Table.Td>
                      <Table.Td style={nowrap}>{formatDate(b.issuedAt)}</Table.Td>
                      <Table.Td style={nowrap}>{formatDate(b.dueDate)}</Table.Td>
                      <Table.Td ta="right" style={nowrap}>
                        {formatMoney(b.amount, b.currency)}
                      </Table.Td>
                      <Table.Td ta="right" style={nowrap}>
                        {formatMoney(b.paid, b.currency)}
                      </Table.Td>
                      <Table.Td ta="right" style={nowrap}>
                        {formatMoney(b.outstanding, b.currency)}
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={b.status} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Anchor
                            href={`/bills/${b.id}/pdf`}
                            target="_blank"
                            rel="noopener"
                            size="sm"
                            aria-label={t('bills.pdfOf', { bill: b.reference })}
                          >
                            PDF
                          </Anchor>
                          {b.status !== 'settled' && (
                            <Button
                              size="compact-xs"
                              variant="default"
                              aria-expanded={open === b.id}
                              aria-controls={`why-${b.id}`}
                              aria-label={t('bills.whyOf', { bill: b.reference })}
                              onClick={() => setOpen(open === b.id ? null : b.id)}
                            >
                              {t('bills.why')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                    {open === b.id && (
                      <Table.Tr>
                        <Table.Td colSpan={9} id={`why-${b.id}`}>
                          <WhyUnsettled bill={b} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Pager pager={pager} nextCursor={bills.data?.nextCursor} label={t('tabs.bills')} />
      </QueryState>
    </Stack>
  );
}

function WhyUnsettled({ bill }: { bill: Bill }) {
  const { t } = useTranslation('customer');
  const why = useWhyUnsettled(bill.id);
  if (why.isPending) return <Loader size="xs" aria-label={t('bills.whyLoading', { bill: bill.reference })} />;
  if (why.error)
    return (
      <Alert color="red.9" role="alert">
        {why.error.message}
      </Alert>
    );
  return (
    <Stack gap={4} data-testid="why-unsettled">
      <Text size="sm" fw={600}>
        {t('bills.whyOutstanding', {
          bill: bill.reference,
          amount: formatMoney(why.data.outstanding, why.data.currency),
        })}
      </Text>
      <List size="sm">
        {why.data.reasons.map((r) => (
          <List.Item key={r.code}>{r.message}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

export function RepaymentsTab({ customerId }: { customerId: string }) {
  const pager = useCursorPager();
  const { t } = useTranslation('customer');
  const repayments = useRepayments(customerId, pager.cursor);
  return (
    <QueryState query={repayments} label={t('repayments.what')}>
      {repayments.data?.items.length === 0 ? (
        <Text c="dimmed">{t('repayments.none')}</Text>
      ) : (
        <Table.ScrollContainer type="native" tabIndex={0} minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('statement.when')}</Table.Th>
                <Table.Th>{t('cols.bill')}</Table.Th>
                <Table.Th>{t('cols.cycle')}</Table.Th>
                <Table.Th>{t('cols.method')}</Table.Th>
                <Table.Th ta="right">{t('cols.amount')}</Table.Th>
                <Table.Th>{t('cols.remittance')}</Table.Th>
                <Table.Th>{t('cols.reversed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {repayments.data?.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={nowrap}>{formatDateTime(r.createdAt)}</Table.Td>
                  <Table.Td ff="monospace" style={nowrap}>
                    {r.billReference}
                  </Table.Td>
                  <Table.Td>{r.billingCycle}</Table.Td>
                  <Table.Td>{humanize(r.method)}</Table.Td>
                  <Table.Td ta="right" style={nowrap}>
                    {formatMoney(r.amount, r.currency)}
                  </Table.Td>
                  <Table.Td>
                    {r.remittanceId ? (
                      <Anchor component={Link} to={`/queue/${r.remittanceId}`} size="sm">
                        {t('repayments.view')}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td style={nowrap}>{r.reversedAt ? formatDateTime(r.reversedAt) : t('repayments.no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager pager={pager} nextCursor={repayments.data?.nextCursor} label={t('tabs.repayments')} />
    </QueryState>
  );
}

export function AuditTab({ customerId }: { customerId: string }) {
  const pager = useCursorPager();
  const audit = useAuditTrail(customerId, pager.cursor);
  return (
    <QueryState query={audit} label="the audit trail">
      {audit.data?.items.length === 0 ? (
        <Text c="dimmed">Nothing recorded.</Text>
      ) : (
        <Table.ScrollContainer type="native" tabIndex={0} minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>What changed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audit.data?.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={nowrap}>{formatDateTime(a.createdAt)}</Table.Td>
                  <Table.Td>{actorName(a.actor, a.payload)}</Table.Td>
                  <Table.Td ff="monospace">{a.action}</Table.Td>
                  <Table.Td>
                    <Code block style={{ maxWidth: 480, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                      {JSON.stringify(a.payload)}
                    </Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager pager={pager} nextCursor={audit.data?.nextCursor} label="Audit trail" />
    </QueryState>
  );
}

/** the payload carries the actor's name (and role) when the actor had one; otherwise the actor id */
function actorName(actor: string, payload: unknown): string {
  const p = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  return typeof p.actorName === 'string' && p.actorName ? `${p.actorName} (${actor})` : actor;
}
