import { languageOf, localizeError } from './localize';

describe('localizeError', () => {
  it('names the state and the refused move of INVALID_STATE', () => {
    const error = {
      message: 'Cannot file a case on a resolved finding',
      extensions: { code: 'INVALID_STATE', from: 'RESOLVED', action: 'CASE_FILED' },
    };
    expect(localizeError(error, 'zh')).toEqual({
      ...error,
      message: '当前状态（已整改）下不能立案',
    });
  });

  it('gives the wait of TOO_MANY_REQUESTS', () => {
    const error = {
      message: 'Too many attempts',
      extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 42 },
    };
    expect(localizeError(error, 'zh').message).toBe('尝试次数过多，请42秒后再试');
  });

  it('keeps English as the service wrote it', () => {
    const error = {
      message: 'Finding x not found',
      extensions: { code: 'NOT_FOUND', entity: 'Finding' },
    };
    expect(localizeError(error, 'en')).toBe(error);
  });

  it.each([
    [undefined, 'zh'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['de, en;q=0.1', 'en'],
    ['de', 'zh'],
  ])('reads Accept-Language %s as %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});
