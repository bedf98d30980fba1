import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The member console (a customer's own users): one entry per screen, in navigation order. `nav` is
 * the key of its label in the `common` namespace; `path` may end in `/*` for screens with pages of
 * their own (the settlement wizard, a task's view).
 */
export interface MemberScreen {
  path: string;
  nav: string;
  Component: LazyExoticComponent<ComponentType>;
}

const screen = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

export const MEMBER_SCREENS: MemberScreen[] = [
  {
    path: '/billing/bills',
    nav: 'nav.bills',
    Component: screen(() => import('../screens/billing/BillOverviewScreen'), 'BillOverviewScreen'),
  },
  {
    path: '/billing/funding',
    nav: 'nav.funding',
    Component: screen(() => import('../screens/billing/FundingAccountScreen'), 'FundingAccountScreen'),
  },
  {
    path: '/billing/deposit',
    nav: 'nav.deposit',
    Component: screen(() => import('../screens/billing/DepositScreen'), 'DepositScreen'),
  },
  {
    path: '/billing/settlement-tasks/*',
    nav: 'nav.settlement',
    Component: screen(() => import('../screens/billing/SettlementTasksScreen'), 'SettlementTasksScreen'),
  },
  {
    path: '/billing/transfers',
    nav: 'nav.transfers',
    Component: screen(() => import('../screens/billing/TransfersScreen'), 'TransfersScreen'),
  },
  {
    path: '/billing/resources',
    nav: 'nav.resources',
    Component: screen(() => import('../screens/billing/ResourcesScreen'), 'ResourcesScreen'),
  },
  {
    path: '/billing/messages',
    nav: 'nav.messages',
    Component: screen(() => import('../screens/billing/MessagesScreen'), 'MessagesScreen'),
  },
];

/** the link a nav entry points at (a screen's path without its `/*`) */
export const navPath = (s: MemberScreen) => s.path.replace(/\/\*$/, '');
