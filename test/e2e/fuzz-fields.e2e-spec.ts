import { describeFuzz } from '../helpers/fuzz-suite';

// The fuzz suite's part: see test/helpers/fuzz-suite.ts.
describeFuzz('fields');
