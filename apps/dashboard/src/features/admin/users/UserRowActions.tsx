import { EditOutlined, KeyOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { USER_MACHINE, userState, type UserView } from '@hotline/contracts';
import { useT } from '../../../i18n/i18n';

export interface UserRowHandlers {
  meId: string;
  onEdit: (u: UserView) => void;
  onReset: (u: UserView) => void;
  onDisable: (u: UserView) => void;
  onEnable: (u: UserView) => void;
}

function IconAction(props: { title: string; icon: React.ReactNode; danger?: boolean; onClick: () => void }) {
  return (
    <Tooltip title={props.title}>
      <Button
        type="text"
        size="small"
        danger={props.danger}
        icon={props.icon}
        aria-label={props.title}
        onClick={props.onClick}
      />
    </Tooltip>
  );
}

/** Edit, reset the password, and the moves the user machine allows (never on one's own account). */
export function UserRowActions({ user, handlers }: { user: UserView; handlers: UserRowHandlers }) {
  const t = useT();
  const moves = user.id === handlers.meId ? [] : USER_MACHINE.next(userState(user));
  return (
    <Space size={0}>
      <IconAction title={t('common.edit')} icon={<EditOutlined />} onClick={() => handlers.onEdit(user)} />
      <IconAction title={t('user.resetPassword')} icon={<KeyOutlined />} onClick={() => handlers.onReset(user)} />
      {moves.includes('active') && (
        <IconAction title={t('user.enable')} icon={<UnlockOutlined />} onClick={() => handlers.onEnable(user)} />
      )}
      {moves.includes('disabled') && (
        <IconAction title={t('user.disable')} icon={<StopOutlined />} danger onClick={() => handlers.onDisable(user)} />
      )}
    </Space>
  );
}
