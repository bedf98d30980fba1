import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import Decimal from 'decimal.js';
import { useState, type FormEvent } from 'react';
import { requests, useComments, useStaffUsers, type RemittanceDetail } from '../../api/remittances';
import { formatMoney } from '../../ui/money';
import { formatAge, formatDateTime } from '../../ui/time';
import { holdComment, type DialogKind } from './ActionDialogs';
import { BillsDifference } from './BillsDifference';
import type { PickedCustomer } from './CustomerPicker';
import { hold } from './held-actions';
import { flagLabel } from './QueueFiltersBar';

function Fact(props: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {props.children}
      </Text>
    </div>
  );
}

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Box component="section">
      <Title order={4} mb={6}>
        {props.title}
      </Title>
      {props.children}
    </Box>
  );
}

export function RemittanceDetailPanel(props: {
  remittance: RemittanceDetail | undefined;
  loading: boolean;
  error: Error | null;
  canAct: boolean;
  meId: string;
  customer: PickedCustomer | null;
  onCustomerChange: (c: PickedCustomer | null) => void;
  onOpen: (kind: DialogKind) => void;
  onClose: () => void;
}) {
  const r = props.remittance;
  if (props.loading)
    return (
      <Group p="md">
        <Loader size="sm" aria-label="Loading the remittance" />
      </Group>
    );
  if (props.error)
    return (
      <Alert color="red" title="Could not load the remittance">
        {props.error.message}
      </Alert>
    );
  if (!r) return <Text c="dimmed">Select a remittance to see its details.</Text>;
  const open = r.state === 'unmatched';
  const act = props.canAct && open;
  const charges = new Decimal(r.remittedAmount).minus(r.bookedAmount);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={3} id="remittance-detail-title" tabIndex={-1}>
          {formatMoney(r.remittedAmount, r.currency)} from {r.remitterName ?? 'unknown remitter'}
        </Title>
        <Button variant="subtle" size="xs" onClick={props.onClose} style={{ flexShrink: 0 }}>
          Close details
        </Button>
      </Group>
      <Group gap="xs">
        <Badge variant={open ? 'default' : 'filled'} color="teal.9">
          {r.state.replace('_', ' ')}
        </Badge>
        {r.rail && <Badge variant="default">{r.rail}</Badge>}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
        <Fact label="Received">
          {formatDateTime(r.createdAt)} ({formatAge(r.createdAt)} ago)
        </Fact>
        <Fact label="Value date">{r.valueDate ?? '—'}</Fact>
        <Fact label="Booked">{formatMoney(r.bookedAmount, r.currency)}</Fact>
        <Fact label="Bank charges">{formatMoney(charges, r.currency)}</Fact>
        <Fact label="Remitter account">{r.remitterAccount ?? '—'}</Fact>
        <Fact label="Bank reference">{r.bankReference ?? '—'}</Fact>
        <Fact label="Remittance information">{r.remittanceInformation ?? '—'}</Fact>
        <Fact label="Fee reimbursed">{formatMoney(r.feeReimbursed, r.currency)}</Fact>
        {r.note && <Fact label="Note">{r.note}</Fact>}
      </SimpleGrid>

      {act && (
        <Group gap="xs" component="section" aria-label="Actions">
          <Button size="xs" onClick={() => props.onOpen('assign')}>
            Assign…
          </Button>
          <Button size="xs" variant="default" onClick={() => props.onOpen('split')}>
            Split…
          </Button>
          <Button size="xs" variant="default" onClick={() => props.onOpen('return')}>
            Return…
          </Button>
          <Button size="xs" variant="default" onClick={() => props.onOpen('fee')}>
            Reimburse fee…
          </Button>
        </Group>
      )}
      {!props.canAct && <Text size="sm">Read-only: your role may look at the queue but not act on it.</Text>}

      <Owner remittance={r} canAct={props.canAct} meId={props.meId} />

      <Section title="Decision trail">
        <Text size="sm">
          Rule: <strong>{r.rule.replace(/_/g, ' ')}</strong> · confidence {Math.round(r.confidence * 100)}%
        </Text>
        <Text size="sm">{r.explanation}</Text>
        {r.flags.length > 0 && (
          <Group gap={4} mt={4}>
            <Text size="sm">Flags:</Text>
            {r.flags.map((f) => (
              <Badge key={f} variant="default">
                {flagLabel(f)}
              </Badge>
            ))}
          </Group>
        )}
      </Section>

      <Section title="Suggestions">
        {r.suggestions.length === 0 && <Text size="sm">No customer resembles this transfer.</Text>}
        <Stack gap={6}>
          {r.suggestions.map((s, i) => {
            const chosen = props.customer?.id === s.customerId;
            return (
              <Paper key={s.customerId} withBorder p="xs" bg={chosen ? 'var(--mantine-color-teal-light)' : undefined}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <div>
                    <Text size="sm" fw={600}>
                      {i + 1}. {s.customerName} · {Math.round(s.score * 100)}%
                    </Text>
                    <Text size="xs">{s.reason}</Text>
                  </div>
                  <Button
                    size="compact-sm"
                    variant={chosen ? 'filled' : 'light'}
                    aria-pressed={chosen}
                    style={{ flexShrink: 0 }}
                    aria-label={`Pick ${s.customerName}`}
                    onClick={() => props.onCustomerChange({ id: s.customerId, name: s.customerName })}
                  >
                    {chosen ? 'Picked' : 'Pick'}
                  </Button>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      </Section>

      <Section title={props.customer ? `Open bills of ${props.customer.name}` : 'Open bills'}>
        <BillsDifference customer={props.customer} remittedAmount={r.remittedAmount} currency={r.currency} />
      </Section>

      <Section title="Raw bank excerpt">
        <Box
          component="pre"
          tabIndex={0}
          role="region"
          aria-label="Raw bank excerpt, scrollable"
          m={0}
          p="xs"
          fz="xs"
          ff="monospace"
          bg="var(--mantine-color-gray-1)"
          style={{ maxHeight: 240, overflow: 'auto', whiteSpace: 'pre', borderRadius: 4 }}
        >
          {r.rawExcerpt ?? 'The bank file has no excerpt for this entry.'}
        </Box>
        {r.file && (
          <Text size="xs" mt={4}>
            From {r.file.name} ({r.file.format ?? 'unknown format'}) at {r.entry.location}
          </Text>
        )}
      </Section>

      {r.vouchers && r.vouchers.length > 0 && (
        <Section title="Vouchers">
          <Stack gap={2}>
            {r.vouchers.map((v) => (
              <Anchor key={v.id} size="sm" href={`/remittances/${r.id}/vouchers/${v.id}`} target="_blank">
                {v.reference} · {v.filename} ({Math.ceil(v.size / 1024)} KB)
              </Anchor>
            ))}
          </Stack>
        </Section>
      )}

      {r.repayments.length > 0 && (
        <Section title="Repayments">
          {r.repayments.map((p) => (
            <Text key={`${p.billReference}-${p.method}`} size="sm">
              {p.billReference} ({p.cycle}): {formatMoney(p.amount, r.currency)} {p.reversedAt ? '(reversed)' : ''}
            </Text>
          ))}
        </Section>
      )}

      <Comments remittance={r} canAct={props.canAct} />
    </Stack>
  );
}

function Owner(props: { remittance: RemittanceDetail; canAct: boolean; meId: string }) {
  const r = props.remittance;
  const users = useStaffUsers();
  const mine = r.owner?.id === props.meId;
  const give = (ownerId: string | null, label: string, ownerName?: string) =>
    hold({ label, remittanceIds: [r.id], requests: [requests.owner(r.id, ownerId, ownerName)] });
  return (
    <Section title="Owner">
      <Group gap="sm" align="flex-end">
        <Text size="sm" data-testid="owner">
          {r.owner ? `${r.owner.name}${mine ? ' (you)' : ''}` : 'Nobody owns it yet'}
        </Text>
        {props.canAct && !mine && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => give('me', `Took ownership of ${formatMoney(r.remittedAmount, r.currency)}`)}
          >
            Take it
          </Button>
        )}
        {props.canAct && r.owner && (
          <Button size="compact-sm" variant="subtle" onClick={() => give(null, 'Released ownership')}>
            Release
          </Button>
        )}
        {props.canAct && (
          <NativeSelect
            size="xs"
            label="Give to a colleague"
            value=""
            data={[
              { value: '', label: 'Choose…' },
              ...(users.data ?? [])
                .filter((u) => `user:${u.id}` !== r.owner?.id)
                .map((u) => ({ value: `user:${u.id}`, label: u.name || u.email })),
            ]}
            onChange={(e) => {
              const id = e.currentTarget.value;
              const user = users.data?.find((u) => `user:${u.id}` === id);
              if (user)
                give(
                  id,
                  `Gave ${formatMoney(r.remittedAmount, r.currency)} to ${user.name || user.email}`,
                  user.name || user.email,
                );
            }}
          />
        )}
      </Group>
    </Section>
  );
}

function Comments(props: { remittance: RemittanceDetail; canAct: boolean }) {
  const r = props.remittance;
  const fetched = useComments(r.id, r.comments);
  const list = r.comments ?? fetched.data ?? [];
  const [body, setBody] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) return;
    holdComment(r, body.trim());
    setBody('');
  }
  return (
    <Section title={`Comments (${list.length})`}>
      <Stack gap="xs">
        {list.map((c) => (
          <Paper key={c.id} withBorder p="xs">
            <Text size="xs" c="dimmed">
              {c.authorName} · {formatDateTime(c.createdAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.body}
            </Text>
          </Paper>
        ))}
        {props.canAct && (
          <form onSubmit={submit}>
            <Textarea
              label="New comment"
              autosize
              minRows={2}
              maxLength={2000}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <Group justify="flex-end" mt={6}>
              <Button type="submit" size="xs" variant="default" disabled={!body.trim()}>
                Add comment
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Section>
  );
}
