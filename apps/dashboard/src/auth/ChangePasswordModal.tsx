import { App, Modal } from 'antd';
import { useT } from '../i18n/i18n';
import { ChangePasswordForm } from './ChangePasswordForm';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <Modal open={open} title={t('auth.changePassword')} onCancel={onClose} footer={null} destroyOnHidden>
      <ChangePasswordForm
        onCancel={onClose}
        onDone={() => {
          void message.success(t('auth.passwordChanged'));
          onClose();
        }}
      />
    </Modal>
  );
}
