import { Button, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { QUEUE_SORTS, RAILS, REMITTANCE_FLAGS, useCollectionAccounts, type QueueFilters } from '../../api/remittances';

const AGES = [
  { value: '', label: 'Any age' },
  { value: 'max:1', label: 'Less than a day' },
  { value: 'min:1', label: 'Older than 1 day' },
  { value: 'min:3', label: 'Older than 3 days' },
  { value: 'min:7', label: 'Older than 7 days' },
  { value: 'min:30', label: 'Older than 30 days' },
];

const OWNERS = [
  { value: '', label: 'Everyone' },
  { value: 'me', label: 'Mine' },
  { value: 'none', label: 'Unowned' },
];

export const flagLabel = (flag: string) => flag.replace(/_/g, ' ');

/** a text filter typed into the address a moment after the typing stops, not on every key */
function DebouncedInput(props: { label: string; value: string; onCommit: (v: string) => void; placeholder?: string }) {
  const [text, setText] = useState(props.value);
  useEffect(() => setText(props.value), [props.value]);
  const commit = useDebouncedCallback((v: string) => props.onCommit(v.trim()), 350);
  return (
    <TextInput
      label={props.label}
      placeholder={props.placeholder}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
    />
  );
}

export function QueueFiltersBar(props: {
  filters: QueueFilters;
  setFilter: (f: Partial<QueueFilters>) => void;
  clear: () => void;
}) {
  const { filters, setFilter } = props;
  const accounts = useCollectionAccounts();
  const currencies = [...new Set((accounts.data ?? []).flatMap((a) => a.currencies))].sort();
  if (filters.currency && !currencies.includes(filters.currency)) currencies.push(filters.currency);
  const age = filters.minAgeDays ? `min:${filters.minAgeDays}` : filters.maxAgeDays ? `max:${filters.maxAgeDays}` : '';
  const anyFilter = Object.entries(filters).some(([k, v]) => k !== 'sort' && v);
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: 6 }}
      spacing="sm"
      verticalSpacing="xs"
      component="section"
      aria-label="Filters"
    >
      <DebouncedInput
        label="Search"
        placeholder="Remitter, reference…"
        value={filters.q ?? ''}
        onCommit={(q) => setFilter({ q })}
      />
      <NativeSelect
        label="Owner"
        data={OWNERS}
        value={filters.owner ?? ''}
        onChange={(e) => setFilter({ owner: e.currentTarget.value })}
      />
      <NativeSelect
        label="Age"
        data={AGES}
        value={age}
        onChange={(e) => {
          const [kind, days] = e.currentTarget.value.split(':');
          setFilter({ minAgeDays: kind === 'min' ? days : '', maxAgeDays: kind === 'max' ? days : '' });
        }}
      />
      <DebouncedInput
        label="Min amount"
        placeholder="0.00"
        value={filters.minAmount ?? ''}
        onCommit={(minAmount) => setFilter({ minAmount })}
      />
      <DebouncedInput
        label="Max amount"
        placeholder="any"
        value={filters.maxAmount ?? ''}
        onCommit={(maxAmount) => setFilter({ maxAmount })}
      />
      <NativeSelect
        label="Currency"
        data={[{ value: '', label: 'All currencies' }, ...currencies.map((c) => ({ value: c, label: c }))]}
        value={filters.currency ?? ''}
        onChange={(e) => setFilter({ currency: e.currentTarget.value })}
      />
      <NativeSelect
        label="Rail"
        data={[{ value: '', label: 'All rails' }, ...RAILS.map((r) => ({ value: r, label: r }))]}
        value={filters.rail ?? ''}
        onChange={(e) => setFilter({ rail: e.currentTarget.value })}
      />
      <NativeSelect
        label="Flag"
        data={[{ value: '', label: 'Any flag' }, ...REMITTANCE_FLAGS.map((f) => ({ value: f, label: flagLabel(f) }))]}
        value={filters.flag ?? ''}
        onChange={(e) => setFilter({ flag: e.currentTarget.value })}
      />
      <NativeSelect
        label="Collection account"
        data={[
          { value: '', label: 'All accounts' },
          ...(accounts.data ?? []).map((a) => ({ value: a.id, label: a.name })),
        ]}
        value={filters.collectionAccountId ?? ''}
        onChange={(e) => setFilter({ collectionAccountId: e.currentTarget.value })}
      />
      <NativeSelect
        label="Sort"
        data={QUEUE_SORTS.map((s) => ({ value: s.value, label: s.label }))}
        value={filters.sort ?? 'oldest'}
        onChange={(e) => setFilter({ sort: e.currentTarget.value === 'oldest' ? '' : e.currentTarget.value })}
      />
      <Button variant="default" mt={{ base: 0, sm: 25 }} onClick={props.clear} disabled={!anyFilter}>
        Clear filters
      </Button>
    </SimpleGrid>
  );
}
