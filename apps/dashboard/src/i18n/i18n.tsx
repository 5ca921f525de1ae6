import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ROLE_LABELS_VI, type Role } from '@hotline/contracts';
import { en, ROLE_LABELS_EN } from './messages.en';
import { vi, type MessageKey } from './messages.vi';

export type Lang = 'vi' | 'en';
export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { vi, en };
const LANG_KEY = 'hotline.lang';

/** `{name}` placeholders are filled from params; a missing English text falls back to Vietnamese. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = DICTIONARIES[lang][key] ?? vi[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

/** Role names: Vietnamese ones come from libs/contracts (ROLE_LABELS_VI), the single source shared with the server. */
export function roleLabel(lang: Lang, role: Role): string {
  return (lang === 'vi' ? ROLE_LABELS_VI : ROLE_LABELS_EN)[role];
}

function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  roleLabel: (role: Role) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      // The choice then lasts for this tab only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18nValue>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      roleLabel: (role) => roleLabel(lang, role),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export function useT(): Translate {
  return useI18n().t;
}
