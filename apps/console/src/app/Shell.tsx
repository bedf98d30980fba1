import { AppShell, Burger, Button, Group, NativeSelect, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isStaff, useLanguageChoice, useSessionActions, type User } from '../api/session';
import { LANGUAGES, toLanguage } from '../i18n';
import { MEMBER_SCREENS, navPath } from './member-screens';

const STAFF_NAV = [
  { to: '/', label: 'Dashboard' },
  { to: '/queue', label: 'Unmatched queue' },
  { to: '/customers', label: 'Customers' },
  { to: '/bank', label: 'Bank' },
  { to: '/account', label: 'My account' },
];

/** The frame every signed-in page sits in: header, navigation (a drawer on phones), main. */
export function Shell({ user, children }: { user: User; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { signOut } = useSessionActions();
  const location = useLocation();
  const { t, i18n } = useTranslation();
  const chooseLanguage = useLanguageChoice();
  const nav = isStaff(user)
    ? STAFF_NAV
    : [
        ...MEMBER_SCREENS.map((s) => ({ to: navPath(s), label: t(s.nav) })),
        { to: `/customers/${user.customerId}`, label: t('nav.statement') },
        { to: '/account', label: t('nav.myAccount') },
      ];
  const active = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname.startsWith(to));
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('toggleNavigation')} />
            <Title order={1} size="h3">
              remitd
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm" data-testid="signed-in-user">
              {user.name} · {t(`roles.${user.role}`)}
            </Text>
            <NativeSelect
              size="xs"
              aria-label={t('language')}
              data-testid="language-switcher"
              value={toLanguage(i18n.language)}
              onChange={(e) => void chooseLanguage(user, toLanguage(e.currentTarget.value))}
              data={LANGUAGES.map((lang) => ({ value: lang, label: t(`languages.${lang}`) }))}
            />
            <Button variant="default" size="xs" onClick={() => signOut()}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('mainNavigation')}>
        {nav.map((n) => (
          <NavLink key={n.to} component={Link} to={n.to} label={n.label} active={active(n.to)} onClick={close} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
