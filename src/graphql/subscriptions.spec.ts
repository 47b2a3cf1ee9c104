import { bearerToken } from './subscriptions';

describe('bearerToken', () => {
  it.each([
    [{ authorization: 'Bearer abc.def' }, 'abc.def'],
    [{ Authorization: 'Bearer abc.def' }, 'abc.def'],
    [{ authorization: 'bearer   abc.def' }, 'abc.def'],
  ])('reads the token of %j', (params, token) => {
    expect(bearerToken(params)).toBe(token);
  });

  it.each([
    ['no payload', undefined],
    ['an empty payload', {}],
    ['a token without the Bearer scheme', { authorization: 'abc.def' }],
    ['a Basic header', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a header that is not a string', { authorization: ['Bearer abc'] }],
    ['two tokens', { authorization: 'Bearer abc def' }],
  ])('finds none in %s', (_case, params) => {
    expect(bearerToken(params)).toBeUndefined();
  });
});
