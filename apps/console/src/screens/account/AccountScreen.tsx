import { Alert, Button, Code, CopyButton, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword, useConfirmTotp, useEnrolTotp } from '../../api/account';
import { useSession, useSessionActions } from '../../api/session';
import { UsersSection } from './UsersSection';
import { notify } from '../customers/notify';

/** Password, two-factor enrolment, sign out everywhere; administrators also manage users here. */
export function AccountScreen({ enrolmentRequired = false }: { enrolmentRequired?: boolean }) {
  const { t } = useTranslation('account');
  const { t: common } = useTranslation();
  const user = useSession().data?.user;
  if (enrolmentRequired)
    return (
      <Stack maw={640}>
        <Title order={2}>{t('enrolTitle')}</Title>
        <Text>{t('enrolText')}</Text>
        <TotpSection headingLevel={3} />
      </Stack>
    );
  if (!user) return null;
  const admin = user.role === 'super_admin' || user.role === 'admin';
  return (
    <Stack gap="xl">
      <div>
        <Title order={2}>{t('title')}</Title>
        <Text size="sm" mt={4}>
          {user.name} · {user.email} · {common(`roles.${user.role}`)}
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
  const { t } = useTranslation('account');
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (next.length < 12) return setError(t('password.tooShort'));
    if (next !== repeat) return setError(t('password.differ'));
    try {
      await change.mutateAsync({ currentPassword: passwordSet ? current : undefined, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      notify(t('password.changed'));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="password-title" maw={640}>
      <form onSubmit={submit}>
        <Stack>
          <Title order={3} id="password-title">
            {passwordSet ? t('password.change') : t('password.setTitle')}
          </Title>
          {error && (
            <Alert color="red.9" role="alert">
              {error}
            </Alert>
          )}
          {passwordSet && (
            <PasswordInput
              label={t('password.current')}
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
            />
          )}
          <PasswordInput
            label={t('password.new')}
            description={t('password.newHint')}
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('password.repeat')}
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {passwordSet ? t('password.change') : t('password.set')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** Enrol (the API hands out a secret and its otpauth URI), then confirm with a first code. */
function TotpSection({ headingLevel }: { headingLevel: 3 }) {
  const { t } = useTranslation('account');
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
      notify(t('totp.turnedOn'));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="totp-title" maw={640}>
      <Stack>
        <Title order={headingLevel} id="totp-title">
          {t('totp.title')}
        </Title>
        <Text data-testid="totp-status">{enabled ? t('totp.on') : t('totp.off')}</Text>
        {error && (
          <Alert color="red.9" role="alert">
            {error}
          </Alert>
        )}
        {!enrol.data ? (
          <Button onClick={start} loading={enrol.isPending} style={{ alignSelf: 'flex-start' }}>
            {enabled ? t('totp.replace') : t('totp.setUp')}
          </Button>
        ) : (
          <form onSubmit={submit}>
            <Stack>
              <Text>{t('totp.instructions')}</Text>
              <div>
                <Text size="sm" fw={600}>
                  {t('totp.secret')}
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
                      {copied ? t('totp.copied') : t('totp.copy')}
                    </Button>
                  )}
                </CopyButton>
              </div>
              <div>
                <Text size="sm" fw={600}>
                  {t('totp.link')}
                </Text>
                <Code block data-testid="totp-uri" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {enrol.data.otpauthUri}
                </Code>
                <a href={enrol.data.otpauthUri}>{t('totp.open')}</a>
              </div>
              <TextInput
                label={t('totp.code')}
                description={t('totp.codeHint')}
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                maw={240}
              />
              <Button type="submit" loading={confirm.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('totp.confirm')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function SignOutEverywhere() {
  const { t } = useTranslation('account');
  const { signOut } = useSessionActions();
  const [busy, setBusy] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sessions-title" maw={640}>
      <Stack>
        <Title order={3} id="sessions-title">
          {t('sessions.title')}
        </Title>
        <Text>{t('sessions.text')}</Text>
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
          {t('sessions.everywhere')}
        </Button>
      </Stack>
    </Paper>
  );
}
