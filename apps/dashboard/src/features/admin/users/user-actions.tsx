import { Input, Space, Typography, App } from 'antd';
import type { UserView } from '@hotline/contracts';
import { useI18n } from '../../../i18n/i18n';
import { api } from '../../../lib/api-client';
import { describeError } from '../../../lib/errors';
import { invalidate } from '../../../lib/resource';

/** Disable (with a confirmation and an optional reason) and enable, each refreshing the users lists. */
export function useUserActions() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();

  const act = async (fn: () => Promise<UserView>, done: (u: UserView) => string) => {
    try {
      const u = await fn();
      void message.success(done(u));
      invalidate('users');
    } catch (err) {
      void message.error(describeError(t, err));
    }
  };

  const disable = (u: UserView) => {
    let reason = '';
    modal.confirm({
      title: t('user.disableTitle', { name: u.fullName }),
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('user.disableText')}</Typography.Text>
          <Input.TextArea
            rows={2}
            maxLength={300}
            placeholder={t('user.disableReason')}
            onChange={(e) => (reason = e.target.value)}
          />
        </Space>
      ),
      okText: t('user.disable'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        act(
          () => api.post<UserView>(`/users/${u.id}/disable`, reason.trim() ? { reason: reason.trim() } : {}),
          (x) => t('user.disabledDone', { name: x.fullName }),
        ),
    });
  };

  const enable = (u: UserView) =>
    void act(
      () => api.post<UserView>(`/users/${u.id}/enable`),
      (x) => t('user.enabledDone', { name: x.fullName }),
    );

  return { disable, enable };
}
