import type { ReactElement } from 'react';
import { Route, Routes, useParams } from 'react-router-dom';
import { TaskList } from './settlement/TaskList';
import { TaskView } from './settlement/TaskView';
import { TaskWizard } from './settlement/TaskWizard';

/**
 * Unified settlement (seed 001, member console, `/billing/settlement-tasks/*`): the list, the create
 * wizard, a task's view and the draft editor.
 */
export function SettlementTasksScreen() {
  return (
    <Routes>
      <Route index element={<TaskList />} />
      <Route path="new" element={<TaskWizard />} />
      <Route path=":id" element={<WithId render={(id) => <TaskView key={id} id={id} />} />} />
      <Route path=":id/edit" element={<WithId render={(id) => <TaskWizard key={id} taskId={id} />} />} />
    </Routes>
  );
}

function WithId({ render }: { render: (id: string) => ReactElement }) {
  const { id } = useParams();
  return id ? render(id) : null;
}
