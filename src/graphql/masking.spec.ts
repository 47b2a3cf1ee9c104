import { maskForClients } from './masking';

describe('maskForClients', () => {
  it.each([
    [
      'Cannot query field "premisess" on type "Query". Did you mean "premisesList" or "premises"?',
      'Cannot query field "premisess" on type "Query".',
    ],
    [
      'Value "PHARMAC" does not exist in "PremisesKind" enum. Did you mean the enum value "PHARMACY"?',
      'Value "PHARMAC" does not exist in "PremisesKind" enum.',
    ],
    [
      'Variable "$input" got invalid value "ADMN" at "input.roles[0]"; Value "ADMN" does not exist in "Role" enum. Did you mean the enum value "ADMIN"?',
      'Variable "$input" got invalid value "ADMN" at "input.roles[0]"; Value "ADMN" does not exist in "Role" enum.',
    ],
    [
      'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.',
      'Syntax Error: the document is too large.',
    ],
  ])('hides the schema in production: %s', (message, masked) => {
    expect(maskForClients(message, true)).toBe(masked);
    expect(maskForClients(message, false)).toBe(message);
  });
});
