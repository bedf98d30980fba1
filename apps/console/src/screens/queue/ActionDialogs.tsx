import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  Kbd,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import Decimal from 'decimal.js';
import { useState, type FormEvent } from 'react';
import { requests, uploadVoucher, type Remittance } from '../../api/remittances';
import { formatMoney, isDecimalInput } from '../../ui/money';
import { BillsDifference } from './BillsDifference';
import { CustomerPicker, type PickedCustomer } from './CustomerPicker';
import { hold } from './held-actions';

export type DialogKind = 'assign' | 'split' | 'return' | 'fee' | 'comment' | 'help';

const who = (r: Remittance) => r.remitterName ?? r.bankReference ?? 'unknown remitter';
const amountOf = (r: Remittance) => formatMoney(r.remittedAmount, r.currency);

function Actions(props: {
  onCancel: () => void;
  submit: string;
  disabled?: boolean;
  busy?: boolean;
  autoFocus?: boolean;
}) {
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={props.onCancel}>
        Cancel
      </Button>
      <Button
        type="submit"
        disabled={props.disabled}
        loading={props.busy}
        data-autofocus={props.autoFocus || undefined}
      >
        {props.submit}
      </Button>
    </Group>
  );
}

export function AssignDialog(props: {
  targets: Remittance[];
  customer: PickedCustomer | null;
  onCustomerChange: (c: PickedCustomer | null) => void;
  suggested: PickedCustomer[];
  onClose: () => void;
}) {
  const [remember, setRemember] = useState(false);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const single = props.targets.length === 1 ? props.targets[0] : null;
  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    const customer = props.customer;
    if (!customer) return;
    const body = { customerId: customer.id, rememberRemitterAccount: remember, note: note.trim() || undefined };
    hold({
      label: single
        ? `Assigned ${amountOf(single)} from ${who(single)} to ${customer.name}`
        : `Assigned ${props.targets.length} remittances to ${customer.name}`,
      remittanceIds: props.targets.map((t) => t.id),
      requests: props.targets.map((t) => requests.assign(t.id, body)),
      leavesQueue: true,
    });
    props.onClose();
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {single ? (
          <Text size="sm">
            {amountOf(single)} from {who(single)}
          </Text>
        ) : (
          <Text size="sm">{props.targets.length} selected remittances go to one customer.</Text>
        )}
        <CustomerPicker
          label="Customer"
          value={props.customer}
          onChange={props.onCustomerChange}
          suggested={props.suggested}
          autoFocus={!props.customer}
          error={tried && !props.customer ? 'Pick a customer' : undefined}
        />
        {single && (
          <BillsDifference
            customer={props.customer}
            remittedAmount={single.remittedAmount}
            currency={single.currency}
            compact
          />
        )}
        <Checkbox
          label="Remember the remitter account"
          description="The next transfer from this account matches this customer automatically"
          checked={remember}
          onChange={(e) => setRemember(e.currentTarget.checked)}
        />
        <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
        <Actions
          onCancel={props.onClose}
          submit={single ? 'Assign' : `Assign ${props.targets.length}`}
          autoFocus={!!props.customer}
        />
      </Stack>
    </form>
  );
}

interface Part {
  key: number;
  customer: PickedCustomer | null;
  amount: string;
}

/** the split's running difference: what is left to allocate, computed in decimals */
export function leftToAllocate(total: string, parts: { amount: string }[]): Decimal {
  return parts.reduce((left, p) => (isDecimalInput(p.amount) ? left.minus(p.amount.trim()) : left), new Decimal(total));
}

export function SplitDialog(props: { target: Remittance; first: PickedCustomer | null; onClose: () => void }) {
  const r = props.target;
  const [parts, setParts] = useState<Part[]>([
    { key: 1, customer: props.first, amount: '' },
    { key: 2, customer: null, amount: '' },
  ]);
  const [note, setNote] = useState('');
  const left = leftToAllocate(r.remittedAmount, parts);
  const complete = parts.every((p) => p.customer && isDecimalInput(p.amount) && new Decimal(p.amount).gt(0));
  const ready = complete && left.isZero() && parts.length >= 2;
  const update = (key: number, change: Partial<Part>) =>
    setParts((ps) => ps.map((p) => (p.key === key ? { ...p, ...change } : p)));
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!ready) return;
    const body = {
      parts: parts.map((p) => ({ customerId: p.customer!.id, amount: new Decimal(p.amount.trim()).toFixed() })),
      note: note.trim() || undefined,
    };
    hold({
      label: `Split ${amountOf(r)} from ${who(r)} across ${parts.map((p) => p.customer!.name).join(', ')}`,
      remittanceIds: [r.id],
      requests: [requests.split(r.id, body)],
      leavesQueue: true,
    });
    props.onClose();
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          Split {amountOf(r)} from {who(r)}: the parts must add up to the remitted amount.
        </Text>
        {parts.map((p, i) => (
          <Group key={p.key} align="flex-end" wrap="wrap" gap="xs">
            <div style={{ flex: '1 1 200px' }}>
              <CustomerPicker
                label={`Customer ${i + 1}`}
                value={p.customer}
                onChange={(customer) => update(p.key, { customer })}
                autoFocus={i === 0}
              />
            </div>
            <TextInput
              label={`Amount ${i + 1}`}
              w={130}
              inputMode="decimal"
              value={p.amount}
              error={p.amount && !isDecimalInput(p.amount) ? 'Like 600.00' : undefined}
              onChange={(e) => update(p.key, { amount: e.currentTarget.value })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mb={4}
              aria-label={`Remove part ${i + 1}`}
              disabled={parts.length <= 2}
              onClick={() => setParts((ps) => ps.filter((x) => x.key !== p.key))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Button
            variant="default"
            size="xs"
            onClick={() =>
              setParts((ps) => [...ps, { key: Math.max(...ps.map((x) => x.key)) + 1, customer: null, amount: '' }])
            }
          >
            Add part
          </Button>
          <Text
            fw={600}
            data-testid="left-to-allocate"
            aria-live="polite"
            c={left.isZero() ? 'teal.9' : left.isNegative() ? 'red.9' : undefined}
          >
            Left to allocate: {left.isNegative() ? '−' : ''}
            {formatMoney(left.abs(), r.currency)}
            {left.isNegative() ? ' (too much)' : ''}
          </Text>
        </Group>
        <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
        <Actions onCancel={props.onClose} submit="Split" disabled={!ready} />
      </Stack>
    </form>
  );
}

export function ReturnDialog(props: { targets: Remittance[]; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const single = props.targets.length === 1 ? props.targets[0] : null;
  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!reason.trim()) return;
    hold({
      label: single
        ? `Marked ${amountOf(single)} from ${who(single)} for return`
        : `Marked ${props.targets.length} remittances for return`,
      remittanceIds: props.targets.map((t) => t.id),
      requests: props.targets.map((t) => requests.return(t.id, reason.trim())),
      leavesQueue: true,
    });
    props.onClose();
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {single
            ? `${amountOf(single)} from ${who(single)} goes back to the sender.`
            : `${props.targets.length} selected remittances go back to their senders.`}
        </Text>
        <Textarea
          label="Reason"
          required
          data-autofocus
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          error={tried && !reason.trim() ? 'A reason is required' : undefined}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Actions onCancel={props.onClose} submit={single ? 'Return to sender' : `Return ${props.targets.length}`} />
      </Stack>
    </form>
  );
}

export function FeeDialog(props: { target: Remittance; onClose: () => void }) {
  const r = props.target;
  const [file, setFile] = useState<File | null>(null);
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const valid = !!file && isDecimalInput(amount) && new Decimal(amount).gt(0);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!valid || !file) return;
    setBusy(true);
    setError(null);
    try {
      const voucher = await uploadVoucher(r.id, file);
      hold({
        label: `Reimbursed fee ${formatMoney(amount.trim(), r.currency)} on ${who(r)} (${voucher.reference})`,
        remittanceIds: [r.id],
        requests: [requests.feeReimbursement(r.id, { amount: amount.trim(), voucherReference: voucher.reference })],
      });
      props.onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          The bank deducted {formatMoney(new Decimal(r.remittedAmount).minus(r.bookedAmount), r.currency)} from{' '}
          {amountOf(r)}; reimbursed so far {formatMoney(r.feeReimbursed, r.currency)}.
        </Text>
        {error && (
          <Alert color="red" title="Could not upload the voucher" role="alert">
            {error}
          </Alert>
        )}
        <FileInput
          label="Voucher"
          description="The remitter's payment advice: PDF, PNG or JPEG, up to 5 MB"
          accept="application/pdf,image/png,image/jpeg"
          required
          data-autofocus
          value={file}
          onChange={setFile}
          clearable
        />
        <TextInput
          label="Fee amount"
          inputMode="decimal"
          required
          value={amount}
          error={amount && !isDecimalInput(amount) ? 'Like 15.00' : undefined}
          onChange={(e) => setAmount(e.currentTarget.value)}
        />
        <Actions onCancel={props.onClose} submit="Reimburse fee" disabled={!valid} busy={busy} />
      </Stack>
    </form>
  );
}

export function CommentDialog(props: { target: Remittance; onClose: () => void }) {
  const [body, setBody] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) return;
    holdComment(props.target, body.trim());
    props.onClose();
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label="Comment"
          required
          data-autofocus
          autosize
          minRows={3}
          maxLength={2000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <Actions onCancel={props.onClose} submit="Add comment" disabled={!body.trim()} />
      </Stack>
    </form>
  );
}

export function holdComment(r: Remittance, body: string) {
  hold({
    label: `Commented on ${amountOf(r)} from ${who(r)}`,
    remittanceIds: [r.id],
    requests: [requests.comment(r.id, body)],
  });
}

export const SHORTCUTS: [string, string][] = [
  ['j / k', 'next / previous remittance'],
  ['x', 'select or unselect the current remittance'],
  ['Shift + click', 'select a range of checkboxes'],
  ['Enter', 'open the current remittance'],
  ['a', 'assign to a customer (the selected ones when several are ticked)'],
  ['s', 'split across customers'],
  ['r', 'return to sender (the selected ones when several are ticked)'],
  ['f', 'reimburse a fee'],
  ['c', 'comment'],
  ['o', 'take ownership'],
  ['u', 'undo the last action still waiting'],
  ['Escape', 'close a dialog'],
  ['?', 'this help'],
];

export function HelpContent() {
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Key</Table.Th>
          <Table.Th scope="col">Does</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {SHORTCUTS.map(([k, what]) => (
          <Table.Tr key={k}>
            <Table.Td>
              <Kbd>{k}</Kbd>
            </Table.Td>
            <Table.Td>{what}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ActionModal(props: { opened: boolean; title: string; onClose: () => void; children: React.ReactNode }) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close the dialog' }}
    >
      {props.children}
    </Modal>
  );
}
