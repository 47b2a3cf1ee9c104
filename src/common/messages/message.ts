import { en, type MessageKey } from './en';
import { zh } from './zh';

export type { MessageKey } from './en';

/**
 * Messages by key (消息目录): a domain error or a field error carries a key and parameters, never
 * finished text; `render` writes it in the caller's language from the catalogue of that language
 * (`./zh`, the default, and `./en`). A template names its parameters in braces: `{max}`.
 */
export type Language = 'zh' | 'en';

export type MessageParam = string | number | Message | readonly (string | number | Message)[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export const CATALOGUES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = {
  en,
  zh,
};

/** A message of the catalogue: `message('validation.maxLength', { max: 500 })`. */
export function message(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(en, value);
}

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' && value !== null && isMessageKey((value as { key?: unknown }).key)
  );
}

const LIST_SEPARATOR: Record<Language, string> = { en: ', ', zh: '、' };

function renderItem(item: string | number | Message, language: Language): string {
  return typeof item === 'object' ? render(item, language) : String(item);
}

function renderParam(value: MessageParam, language: Language): string {
  if (typeof value !== 'object' || isMessage(value)) return renderItem(value, language);
  return value.map((item) => renderItem(item, language)).join(LIST_SEPARATOR[language]);
}

/** The message in `language`; a parameter the template names but the message lacks stays `{name}`. */
export function render(message: Message, language: Language): string {
  const template = CATALOGUES[language][message.key];
  const params = message.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name)
      ? renderParam(params[name], language)
      : whole,
  );
}
