import { MAX_OPERATION_NAMES, OperationNames, methodOf, outcomeOf, routeOf } from './labels';

describe('metric labels', () => {
  describe('operation names', () => {
    it('labels a resolved operation by its name and an unnamed one as anonymous', () => {
      const names = new OperationNames();
      expect(names.label('Me', true)).toBe('Me');
      expect(names.label(undefined, true)).toBe('anonymous');
      expect(names.label('Me', false)).toBe('unresolved');
    });

    it('counts names past the limit together as other, while known names keep their label', () => {
      const names = new OperationNames(3);
      for (const name of ['A', 'B', 'C']) expect(names.label(name, true)).toBe(name);
      expect(names.label('D', true)).toBe('other');
      expect(names.label('B', true)).toBe('B');
    });

    it('never takes more than the default limit of distinct names from clients', () => {
      const names = new OperationNames();
      const labels = new Set<string>();
      for (let index = 0; index < MAX_OPERATION_NAMES * 2; index += 1) {
        labels.add(names.label(`Operation${index}`, true));
      }
      expect(labels.size).toBe(MAX_OPERATION_NAMES + 1);
      expect(labels.has('other')).toBe(true);
    });

    it('does not take a name that is not a GraphQL name', () => {
      expect(new OperationNames().label('drop table"', true)).toBe('other');
    });
  });

  it.each([
    [undefined, 'ok'],
    [[], 'ok'],
    [[{ extensions: { code: 'NOT_FOUND' } }, { extensions: { code: 'FORBIDDEN' } }], 'NOT_FOUND'],
    [[{ extensions: {} }], 'INTERNAL_SERVER_ERROR'],
    [[{ extensions: { code: 'not a code' } }], 'INTERNAL_SERVER_ERROR'],
  ])('gives the outcome of errors %j as %s', (errors, outcome) => {
    expect(outcomeOf(errors)).toBe(outcome);
  });

  it.each([
    ['/graphql', '/graphql'],
    ['/graphql/?query=x', '/graphql'],
    ['/health/ready', '/health/ready'],
    ['/graphql-explorer/main.js', '/graphql-explorer'],
    ['/graphql-explorer', '/graphql-explorer'],
    ['/wp-admin/setup.php', 'other'],
    ['/', 'other'],
  ])('labels the path %s as the route %s', (path, route) => {
    expect(routeOf(path)).toBe(route);
  });

  it('labels an unusual HTTP method as other', () => {
    expect(methodOf('POST')).toBe('POST');
    expect(methodOf('PROPFIND')).toBe('other');
  });
});
