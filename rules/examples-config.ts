// The school, pupils and staff that rules' examples may name: rules about
// identifiable people need someone to refer to. Read by the examples test
// (tests/unit/rules-examples.test.ts) and by npm run rules:coverage, so both
// check the examples the same way.
import type { CheckConfig } from '../lib/types';

export const EXAMPLES_CONFIG: CheckConfig = {
  schoolNames: ['Oakfield Priory Academy', 'Oakfield Priory', 'Oakfield', 'OPA'],
  pupilNames: ['Tamsin Okoro', 'Jack Harrison', 'Grace Smith', 'Will Thompson', 'Tyrese Clarke'],
  staffNames: ['Mr Okafor', 'Mrs Helen Ashworth', 'Miss Kaur'],
  role: 'pupil',
};
