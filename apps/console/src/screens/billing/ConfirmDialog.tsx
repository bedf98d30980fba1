import { Button, Group, Modal, Stack, Text } from '@mantine/core';

/** "Are you sure?" before an action that cannot be undone from the page (remove a card, end a relationship). */
export function ConfirmDialog(props: {
  opened: boolean;
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  close: string;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      closeButtonProps={{ 'aria-label': props.close }}
    >
      <Stack>
        <Text>{props.text}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {props.cancel}
          </Button>
          <Button color="red.9" loading={props.pending} onClick={props.onConfirm}>
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
