import { CATALOGUES, message, render } from './message';
import { en } from './en';
import { zh } from './zh';

/** Words that stay as they are in a Chinese message: acronyms and formats users type. */
const ALLOWED_IN_CHINESE = new Set([
  'UUID',
  'PDF',
  'ISO',
  'YYYY',
  'MM',
  'DD',
  'JSON',
  'CSV',
  'SC',
  'ID',
  'SHA',
  'GB',
  'URL',
  'HTTP',
  'Unicode',
]);

describe('message catalogues', () => {
  it('give every key in both languages, and no key in one only', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const catalogue of Object.values(CATALOGUES))
      for (const [key, text] of Object.entries(catalogue))
        expect([key, text.trim().length > 0]).toEqual([key, true]);
  });

  it('write no English word in a Chinese message (parameters, codes and formats aside)', () => {
    const offending = Object.entries(zh).flatMap(([key, text]) =>
      [...text.replace(/\{\w+\}/g, '').matchAll(/[A-Za-z]{2,}/g)]
        .map((match) => match[0])
        .filter((word) => !ALLOWED_IN_CHINESE.has(word))
        .map((word) => `${key}: ${word}`),
    );
    expect(offending).toEqual([]);
  });

  it('fills parameters, nested messages and lists in the language asked', () => {
    const notFound = message('error.notFound', {
      entity: message('entity.Premises'),
      id: 'p-1',
    });
    expect(render(notFound, 'en')).toBe('Premises p-1 not found');
    expect(render(notFound, 'zh')).toBe('未找到该市场主体，或不在您的管辖范围内');
    const paths = message('error.badUserInput', { paths: ['input.a', 'input.b'], details: 'x' });
    expect(render(paths, 'zh')).toBe('输入有误：input.a、input.b');
  });
});
