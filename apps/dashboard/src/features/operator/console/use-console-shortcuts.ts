import { useEffect, useRef, type RefObject } from 'react';
import type { OperatorStatus } from '@hotline/contracts';
import type { CallFormHandle } from '../CallForm';
import { toggledStatus, type ChosenStatus } from './StatusSwitcher';

/** Keyboard shortcuts, documented next to the form: Alt+S save, Alt+T topic, Alt+N notes, Alt+O outcome, Alt+B break. */
export function useConsoleShortcuts(
  formRef: RefObject<CallFormHandle | null>,
  status: OperatorStatus | undefined,
  setStatus: (to: ChosenStatus) => Promise<void>,
): void {
  const statusRef = useRef(status);
  statusRef.current = status;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const act: Record<string, () => void> = {
        KeyS: () => formRef.current?.save(),
        KeyT: () => formRef.current?.focus('topic'),
        KeyN: () => formRef.current?.focus('notes'),
        KeyO: () => formRef.current?.focus('outcome'),
        KeyB: () => {
          const to = toggledStatus(statusRef.current);
          if (to) void setStatus(to);
        },
      };
      if (act[e.code]) {
        e.preventDefault();
        act[e.code]();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [formRef, setStatus]);
}
