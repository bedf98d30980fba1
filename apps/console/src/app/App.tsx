import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router-dom';
import { isStaff, useSession } from '../api/session';
import { AccountScreen } from '../screens/account/AccountScreen';
import { BankScreen } from '../screens/bank/BankScreen';
import { CustomerScreen } from '../screens/customers/CustomerScreen';
import { CustomersScreen } from '../screens/customers/CustomersScreen';
import { DashboardScreen } from '../screens/dashboard/DashboardScreen';
import { QueueScreen } from '../screens/queue/QueueScreen';
import { SignInScreen } from '../screens/sign-in/SignInScreen';
import { Shell } from './Shell';

/** Signed out: the sign-in page. Staff: every screen. Members: only their own customer. */
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
        <AccountScreen enrolmentRequired />
      </Shell>
    );
  if (!isStaff(user))
    return (
      <Shell user={user}>
        <Routes>
          <Route path="/customers/:id" element={<CustomerScreen />} />
          <Route path="/account" element={<AccountScreen />} />
          <Route path="*" element={<Navigate to={`/customers/${user.customerId}`} replace />} />
        </Routes>
      </Shell>
    );
  return (
    <Shell user={user}>
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
    </Shell>
  );
}
