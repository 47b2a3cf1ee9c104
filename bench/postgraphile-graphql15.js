// Preloaded into the PostGraphile 4 process (`node -r`): npm installs graphql 15 twice under it
// (postgraphile/ and graphile-build-pg/, since the project's own graphql is 16), and two copies of
// graphql in one schema fail with "Unexpected input type". Every `graphql` import resolves to
// postgraphile's copy instead.
const Module = require('node:module');
const path = require('node:path');

const postgraphile = path.dirname(require.resolve('postgraphile/package.json'));
const graphql = path.join(postgraphile, 'node_modules', 'graphql');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'graphql' || request.startsWith('graphql/')) {
    return resolve.call(this, graphql + request.slice('graphql'.length), ...rest);
  }
  return resolve.call(this, request, ...rest);
};
