import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { isStaff, useSession } from '../api/session';
import { QueueScreen } from '../screens/queue/QueueScreen';
import { SignInScreen } from '../screens/sign-in/SignInScreen';
import { MEMBER_SCREENS, navPath } from './member-screens';
import { Shell } from './Shell';

// the queue (where account managers spend the day) is in the first bundle; the other screens, and
// the charts library behind the dashboard, load when first opened
const AccountScreen = lazy(() =>
  import('../screens/account/AccountScreen').then((m) => ({ default: m.AccountScreen })),
);
const BankScreen = lazy(() => import('../screens/bank/BankScreen').then((m) => ({ default: m.BankScreen })));
const CustomerScreen = lazy(() =>
  import('../screens/customers/CustomerScreen').then((m) => ({ default: m.CustomerScreen })),
);
const CustomersScreen = lazy(() =>
  import('../screens/customers/CustomersScreen').then((m) => ({ default: m.CustomersScreen })),
);
const DashboardScreen = lazy(() =>
  import('../screens/dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen })),
);

const Loading = () => (
  <Center h="50vh">
    <Loader aria-label="Loading" />
  </Center>
);

function Screens({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** Signed out: the sign-in page. Staff: every screen. Members: the billing console of their own customer. */
export function App() {
  const session = useSession();
  if (session.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  const user = session.data?.user;
  if (!user) return <SignInScreen />;
  if (user.totpEnrolmentRequired)
    return (
      <Shell user={user}>
        <Screens>
          <AccountScreen enrolmentRequired />
        </Screens>
      </Shell>
    );
  if (!isStaff(user))
    return (
      <Shell user={user}>
        <Screens>
          <Routes>
            {MEMBER_SCREENS.map((s) => (
              <Route key={s.path} path={s.path} element={<s.Component />} />
            ))}
            <Route path="/customers/:id" element={<CustomerScreen />} />
            <Route path="/account" element={<AccountScreen />} />
            <Route path="*" element={<Navigate to={navPath(MEMBER_SCREENS[0])} replace />} />
          </Routes>
        </Screens>
      </Shell>
    );
  return (
    <Shell user={user}>
      <Screens>
        <Routes>
          <Route path="/" element={<DashboardScreen />} />
          <Route path="/queue" element={<QueueScreen />} />
          <Route path="/queue/:id" element={<QueueScreen />} />
          <Route path="/customers" element={<CustomersScreen />} />
          <Route path="/customers/:id" element={<CustomerScreen />} />
          <Route path="/bank" element={<BankScreen />} />
          <Route path="/account" element={<AccountScreen />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Screens>
    </Shell>
  );
}
