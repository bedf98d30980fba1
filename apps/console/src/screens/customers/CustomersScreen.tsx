import { Anchor, Badge, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCustomers } from '../../api/customers';
import { formatMoney } from './format';
import { Pager, useCursorPager } from './Pager';
import { QueryState } from './QueryState';

/** Search by name, reference or e-mail; a row opens the Customer 360. */
export function CustomersScreen() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const pager = useCursorPager();
  const { reset } = pager;
  useEffect(() => reset(), [debounced, reset]);
  const customers = useCustomers(debounced, pager.cursor);
  const navigate = useNavigate();
  return (
    <Stack>
      <Title order={2}>Customers</Title>
      <TextInput
        label="Search"
        description="Name (contains), exact reference or e-mail"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
        type="search"
      />
      <QueryState query={customers} label="customers">
        {customers.data && customers.data.items.length === 0 ? (
          <Text c="dimmed">No customer found.</Text>
        ) : (
          <Table.ScrollContainer type="native" tabIndex={0} minWidth={640}>
            <Table highlightOnHover striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Reference</Table.Th>
                  <Table.Th>E-mail</Table.Th>
                  <Table.Th>Currency</Table.Th>
                  <Table.Th ta="right">Cash balance</Table.Th>
                  <Table.Th ta="right">Available credit</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {customers.data?.items.map((c) => (
                  <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/customers/${c.id}`)}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={`/customers/${c.id}`} onClick={(e) => e.stopPropagation()}>
                          {c.name}
                        </Anchor>
                        {c.creditControl && (
                          <Badge size="sm" variant="outline" color="gray.8">
                            credit control
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td ff="monospace">{c.reference}</Table.Td>
                    <Table.Td>{c.email}</Table.Td>
                    <Table.Td>{c.currency}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(c.cashBalance, c.currency)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(c.availableCredit, c.currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Pager pager={pager} nextCursor={customers.data?.nextCursor} label="Customers" />
      </QueryState>
    </Stack>
  );
}
