import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useCustomer, useCustomerSearch, type Customer } from '../../api/remittances';

export interface PickedCustomer {
  id: string;
  name: string;
}

const label = (c: { name: string; reference?: string }) => (c.reference ? `${c.name} · ${c.reference}` : c.name);

/**
 * Picks a customer by name, reference or e-mail (the API's `search`): the list comes from the server,
 * so the select does not filter it again.
 */
export function CustomerPicker(props: {
  label: string;
  value: PickedCustomer | null;
  onChange: (c: PickedCustomer | null) => void;
  /** customers to offer before anything is typed (the suggestions) */
  suggested?: PickedCustomer[];
  autoFocus?: boolean;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const current = useCustomer(props.value?.id);
  const selectedLabel = props.value
    ? current.data?.id === props.value.id
      ? label(current.data)
      : label(props.value)
    : null;
  // once a customer is chosen the box shows its label: that is not a new search
  const results = useCustomerSearch(search === selectedLabel ? '' : debounced);
  const options = useMemo(() => {
    const byId = new Map<string, PickedCustomer & { reference?: string }>();
    if (props.value) byId.set(props.value.id, { ...props.value, ...(current.data ?? {}) });
    if (!debounced) for (const s of props.suggested ?? []) byId.set(s.id, byId.get(s.id) ?? s);
    for (const c of (results.data ?? []) as Customer[]) byId.set(c.id, c);
    return [...byId.values()].map((c) => ({ value: c.id, label: label(c) }));
  }, [props.value, props.suggested, results.data, current.data, debounced]);
  return (
    <Select
      label={props.label}
      placeholder="Name, reference or e-mail"
      searchable
      data-autofocus={props.autoFocus || undefined}
      // the list shows what the server found for the text typed (tests wait for it)
      data-searching={results.isFetching || search !== debounced}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      allowDeselect={false}
      data={options}
      value={props.value?.id ?? null}
      onChange={(id, option) => props.onChange(id && option ? { id, name: option.label.split(' · ')[0] } : null)}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No customer found'}
      error={props.error}
      required
    />
  );
}
