import { Alert, Button, Code, CopyButton, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useChangePassword, useConfirmTotp, useEnrolTotp } from '../../api/account';
import { useSession, useSessionActions } from '../../api/session';
import { UsersSection } from './UsersSection';
import { notify } from '../customers/notify';

/** Password, two-factor enrolment, sign out everywhere; administrators also manage users here. */
export function AccountScreen({ enrolmentRequired = false }: { enrolmentRequired?: boolean }) {
  const user = useSession().data?.user;
  if (enrolmentRequired)
    return (
      <Stack maw={640}>
        <Title order={2}>Set up two-factor authentication</Title>
        <Text>Your role needs a second factor: set up an authenticator app to use the console.</Text>
        <TotpSection headingLevel={3} />
      </Stack>
    );
  if (!user) return null;
  const admin = user.role === 'super_admin' || user.role === 'admin';
  return (
    <Stack gap="xl">
      <div>
        <Title order={2}>My account</Title>
        <Text size="sm" mt={4}>
          {user.name} · {user.email} · {user.role.replace('_', ' ')}
        </Text>
      </div>
      <PasswordSection passwordSet={user.passwordSet} />
      <TotpSection headingLevel={3} />
      <SignOutEverywhere />
      {admin && <UsersSection />}
    </Stack>
  );
}

function PasswordSection({ passwordSet }: { passwordSet: boolean }) {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (next.length < 12) return setError('The new password needs at least 12 characters.');
    if (next !== repeat) return setError('The two new passwords differ.');
    try {
      await change.mutateAsync({ currentPassword: passwordSet ? current : undefined, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      notify('Password changed');
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="password-title" maw={640}>
      <form onSubmit={submit}>
        <Stack>
          <Title order={3} id="password-title">
            {passwordSet ? 'Change password' : 'Set a password'}
          </Title>
          {error && (
            <Alert color="red.9" role="alert">
              {error}
            </Alert>
          )}
          {passwordSet && (
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
            />
          )}
          <PasswordInput
            label="New password"
            description="At least 12 characters"
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
          />
          <PasswordInput
            label="Repeat the new password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {passwordSet ? 'Change password' : 'Set password'}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** Enrol (the API hands out a secret and its otpauth URI), then confirm with a first code. */
function TotpSection({ headingLevel }: { headingLevel: 3 }) {
  const user = useSession().data?.user;
  const enrol = useEnrolTotp();
  const confirm = useConfirmTotp();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const enabled = !!user?.totpEnabled;

  async function start() {
    setError(null);
    try {
      await enrol.mutateAsync();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await confirm.mutateAsync(code.trim());
      setCode('');
      enrol.reset();
      notify('Two-factor authentication is on');
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="totp-title" maw={640}>
      <Stack>
        <Title order={headingLevel} id="totp-title">
          Two-factor authentication
        </Title>
        <Text data-testid="totp-status">
          {enabled
            ? 'On: signing in asks for a code from your authenticator app.'
            : 'Off: signing in asks only for your password.'}
        </Text>
        {error && (
          <Alert color="red.9" role="alert">
            {error}
          </Alert>
        )}
        {!enrol.data ? (
          <Button onClick={start} loading={enrol.isPending} style={{ alignSelf: 'flex-start' }}>
            {enabled ? 'Replace the authenticator' : 'Set up an authenticator app'}
          </Button>
        ) : (
          <form onSubmit={submit}>
            <Stack>
              <Text>
                Add this account to your authenticator app: open the link below on the phone, or enter the secret by
                hand (time-based, 6 digits, 30 seconds).
              </Text>
              <div>
                <Text size="sm" fw={600}>
                  Secret
                </Text>
                <Code
                  data-testid="totp-secret"
                  style={{ wordBreak: 'break-all', fontSize: 'var(--mantine-font-size-md)' }}
                >
                  {enrol.data.secret}
                </Code>
                <CopyButton value={enrol.data.secret}>
                  {({ copied, copy }) => (
                    <Button size="compact-xs" variant="default" ml="xs" onClick={copy}>
                      {copied ? 'Copied' : 'Copy the secret'}
                    </Button>
                  )}
                </CopyButton>
              </div>
              <div>
                <Text size="sm" fw={600}>
                  Setup link
                </Text>
                <Code block data-testid="totp-uri" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {enrol.data.otpauthUri}
                </Code>
                <a href={enrol.data.otpauthUri}>Open in an authenticator app</a>
              </div>
              <TextInput
                label="Code from the app"
                description="The 6-digit code the app shows now"
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                maw={240}
              />
              <Button type="submit" loading={confirm.isPending} style={{ alignSelf: 'flex-start' }}>
                Confirm
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function SignOutEverywhere() {
  const { signOut } = useSessionActions();
  const [busy, setBusy] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sessions-title" maw={640}>
      <Stack>
        <Title order={3} id="sessions-title">
          Sessions
        </Title>
        <Text>Signed in on another device you no longer have? End every session, this one included.</Text>
        <Button
          color="red"
          variant="light"
          loading={busy}
          style={{ alignSelf: 'flex-start' }}
          onClick={async () => {
            setBusy(true);
            try {
              await signOut(true);
            } catch (err) {
              notify((err as Error).message, { error: true });
              setBusy(false);
            }
          }}
        >
          Sign out everywhere
        </Button>
      </Stack>
    </Paper>
  );
}
