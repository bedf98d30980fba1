import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useCustomers } from '../../api/customers';
import { useSession, type User } from '../../api/session';
import { useCreateUser, useSignInLink, useUnlockUser, useUsers, type ListedUser } from '../../api/users';
import { formatDateTime } from '../customers/format';
import { Pager, useCursorPager } from '../customers/Pager';
import { QueryState } from '../customers/QueryState';
import { notify } from '../customers/notify';

const ROLES: { value: User['role']; label: string }[] = [
  { value: 'super_admin', label: 'Super admin' },
  { value: 'admin', label: 'Admin' },
  { value: 'account_manager', label: 'Account manager' },
  { value: 'finance', label: 'Finance' },
  { value: 'member', label: 'Member (a customer)' },
];

const locked = (u: ListedUser) => !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();

/** super_admin and admin: the people who may sign in, a new one, unlock, a one-time sign-in link. */
export function UsersSection() {
  const me = useSession().data?.user;
  const pager = useCursorPager();
  const users = useUsers(pager.cursor);
  const unlock = useUnlockUser();
  const link = useSignInLink();
  const [issued, setIssued] = useState<{ email: string; url: string; expiresAt: string } | null>(null);
  const superAdmin = me?.role === 'super_admin';

  async function doUnlock(u: ListedUser) {
    try {
      await unlock.mutateAsync(u.id);
      notify(`${u.email} unlocked`);
    } catch (e) {
      notify((e as Error).message, { title: 'Could not unlock', error: true });
    }
  }

  async function doLink(u: ListedUser) {
    try {
      const l = await link.mutateAsync(u.id);
      setIssued({ email: u.email, ...l });
    } catch (e) {
      notify((e as Error).message, { title: 'Could not issue a link', error: true });
    }
  }

  return (
    <Stack component="section" aria-labelledby="users-title">
      <Title order={3} id="users-title">
        Users
      </Title>
      {issued && (
        <Alert
          color="teal.9"
          title={`One-time sign-in link for ${issued.email}`}
          withCloseButton
          onClose={() => setIssued(null)}
        >
          <Stack gap="xs">
            <Code block data-testid="sign-in-link" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {issued.url}
            </Code>
            <Group gap="xs">
              <CopyButton value={issued.url}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="default" onClick={copy}>
                    {copied ? 'Copied' : 'Copy the link'}
                  </Button>
                )}
              </CopyButton>
              <Text size="sm">Valid once, until {formatDateTime(issued.expiresAt)}.</Text>
            </Group>
          </Stack>
        </Alert>
      )}
      <QueryState query={users} label="the users">
        <Table.ScrollContainer type="native" tabIndex={0} minWidth={760}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>E-mail</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Two-factor</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data?.items.map((u) => (
                <Table.Tr key={u.id} data-testid="user-row">
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{ROLES.find((r) => r.value === u.role)?.label ?? u.role}</Table.Td>
                  <Table.Td>{u.totpEnabled ? 'on' : 'off'}</Table.Td>
                  <Table.Td>
                    {locked(u) ? (
                      <Badge color="red.9" variant="outline">
                        locked until {formatDateTime(u.lockedUntil)}
                      </Badge>
                    ) : u.passwordSet === false ? (
                      <Text size="sm">no password yet</Text>
                    ) : (
                      <Text size="sm">active</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {locked(u) && (
                        <Button
                          size="compact-xs"
                          variant="default"
                          aria-label={`Unlock ${u.email}`}
                          onClick={() => doUnlock(u)}
                        >
                          Unlock
                        </Button>
                      )}
                      {superAdmin && (
                        <Button
                          size="compact-xs"
                          variant="default"
                          aria-label={`Sign-in link for ${u.email}`}
                          onClick={() => doLink(u)}
                        >
                          Sign-in link
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager pager={pager} nextCursor={users.data?.nextCursor} label="Users" />
      </QueryState>
      <CreateUser />
    </Stack>
  );
}

function CreateUser() {
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<User['role']>('account_manager');
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [customerSearch, setCustomerSearch] = useState('');
  const [debounced] = useDebouncedValue(customerSearch, 300);
  const customers = useCustomers(role === 'member' ? debounced : '', null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (role === 'member' && !customerId) return setError({ message: 'A member belongs to a customer: pick one.' });
    try {
      const u = await create.mutateAsync({
        email: email.trim(),
        name: name.trim(),
        role,
        customerId: role === 'member' ? customerId! : undefined,
        password: password || undefined,
      });
      notify(`${u.email} can now sign in`);
      setEmail('');
      setName('');
      setPassword('');
      setCustomerId(null);
    } catch (err) {
      const apiField = (err as { field?: string }).field;
      setError({ message: (err as Error).message, field: apiField });
    }
  }

  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-labelledby="create-user-title">
        <Stack>
          <Title order={4} id="create-user-title">
            Add a user
          </Title>
          {error && !error.field && (
            <Alert color="red.9" role="alert">
              {error.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="E-mail"
              type="email"
              required
              value={email}
              error={fieldError('email')}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <TextInput
              label="Name"
              required
              value={name}
              error={fieldError('name')}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Select
              label="Role"
              data={ROLES}
              value={role}
              allowDeselect={false}
              error={fieldError('role')}
              onChange={(v) => setRole((v ?? 'account_manager') as User['role'])}
            />
            {role === 'member' && (
              <Select
                label="Customer"
                placeholder="Search by name"
                searchable
                required
                searchValue={customerSearch}
                onSearchChange={setCustomerSearch}
                data={(customers.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.reference})` }))}
                value={customerId}
                onChange={setCustomerId}
                filter={({ options }) => options}
                nothingFoundMessage={customers.isFetching ? 'Searching…' : 'No customer found'}
                error={fieldError('customerId')}
              />
            )}
            <PasswordInput
              label="Password (optional)"
              description="Leave empty and send a one-time sign-in link instead"
              autoComplete="new-password"
              value={password}
              error={fieldError('password')}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            Add user
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
