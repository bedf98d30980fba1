import { Alert, Anchor, Button, Center, Divider, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useAuthConfig, useSessionActions } from '../../api/session';

/** E-mail + password (+ the TOTP code when the account has one), or SSO for staff. */
export function SignInScreen() {
  const { t } = useTranslation('signIn');
  const { signIn } = useSessionActions();
  const config = useAuthConfig();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password, needTotp ? totp : undefined);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'TOTP_REQUIRED') setNeedTotp(true);
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const returnTo = window.location.pathname.startsWith('/console') ? window.location.pathname : '/console/';
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400} component="main">
        <form onSubmit={submit}>
          <Stack>
            <Title order={1} size="h2">
              {t('title')}
            </Title>
            {error && (
              <Alert color="red" title={t('failed')} role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t('email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            {needTotp && (
              <TextInput
                label={t('totp')}
                description={t('totpHint')}
                inputMode="numeric"
                autoComplete="one-time-code"
                autoFocus
                value={totp}
                onChange={(e) => setTotp(e.currentTarget.value)}
              />
            )}
            <Button type="submit" loading={busy}>
              {t('submit')}
            </Button>
            {config.data?.sso && (
              <>
                <Divider label={t('or')} />
                <Button
                  component="a"
                  variant="default"
                  href={`/auth/sso/start?returnTo=${encodeURIComponent(returnTo)}`}
                >
                  {config.data.ssoLabel ?? t('sso')}
                </Button>
              </>
            )}
            <Anchor size="sm" href="/docs" c="dimmed">
              {t('apiDocs')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
